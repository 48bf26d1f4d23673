// The signed-in session of an extension page, as signals any page can share: who is signed in,
// whether they belong to the organisation (and their roles), their profile, and whether this
// browser's local data is theirs yet. Made once per page
// (entrypoints/*/main.tsx); the side panel and a second extension page (the comms console) read
// the same signals instead of repeating the effects below.
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { onAuthStateChanged, type Auth } from 'firebase/auth/web-extension';
import type { Firestore } from 'firebase/firestore';
import { canModerate, type Roles } from '../../core/membership';
import type { PersonRow } from '../../core/rows';
import { nudgeOutbox, type BackgroundLink } from '../background-link';
import type { PrikbordDb } from '../db';
import { forgetOtherPeople } from '../thread/thread-sync';
import { loadProfile, readMembership, type Membership } from './profile';
import { rememberedUser, rememberUser, signedOutOnPurpose, type RememberedUser } from './remembered-user';
import type { SignInProvider } from './sign-in';

/** Who the page shows data for: the person Auth reports, or until it does, the one remembered. */
export type Person = RememberedUser;

export interface Session {
  /** Undefined while nobody knows yet; null when signed out. Renders Dexie's copy at once. */
  person: ReadonlySignal<Person | null | undefined>;
  /**
   * Whether the person Auth reports belongs to the organisation, from their token's claims.
   * Undefined while unknown (and while signed out).
   */
  membership: ReadonlySignal<Membership | undefined>;
  /**
   * The member Auth has confirmed: Firestore work waits for this (a listener started before Auth
   * reports could be sent unauthenticated, and a non-member's would be refused by the rules).
   */
  authUid: ReadonlySignal<string | null>;
  /** Their profile: undefined while loading, null when they have none (they can read, not write). */
  profile: ReadonlySignal<PersonRow | null | undefined>;
  roles: ReadonlySignal<Roles>;
  /** May hide comments (a moderator for every section, or an administrator). */
  moderator: ReadonlySignal<boolean>;
  /**
   * The uid whose local data is in place: another person signing in on this browser profile must
   * not inherit the last one's anonymous posts and likes, so they are forgotten first.
   */
  readyUid: ReadonlySignal<string | null>;
  /**
   * The person whose session ended without a sign-out (revoked, the account changed) and could not
   * be signed in again silently: the sign-in screen says their session ended. Null otherwise.
   */
  lapsed: ReadonlySignal<Person | null>;
  /** How this organisation signs in. */
  provider: SignInProvider;
  /** Stops every listener and effect of the session. */
  stop(): void;
}

/** What a session is made of; `firebaseSessionDeps` gives the real ones, unit tests fakes. */
export interface SessionDeps {
  provider: SignInProvider;
  link: BackgroundLink;
  /** Calls back with every auth state (null: signed out); returns a stop function. */
  watchAuth(onChange: (user: Person | null) => void): () => void;
  /** The person last signed in on this browser profile, and how to update that memory. */
  remembered: Person | null;
  remember(user: Person | null): void;
  /** Whether the session is ending by an explicit sign-out (not a lapse to recover from silently). */
  signedOutOnPurpose(): boolean;
  loadProfile(uid: string): Promise<PersonRow | null>;
  /** The profile as this browser last saw it (Dexie), for the panel to start from while the server answers. */
  cachedProfile?(uid: string): Promise<PersonRow | undefined>;
  /** The signed-in person's membership from their token; `refresh` asks the server for a new token. */
  loadMembership(refresh: boolean): Promise<Membership>;
  forgetOtherPeople(uid: string): Promise<void>;
  /** Nudges the background to send `uid`'s outbox (now and on reconnect); returns a stop function. */
  nudgeOutbox(uid: string): () => void;
}

/** The real session parts: Firebase Auth and Firestore, Dexie, localStorage. */
export function firebaseSessionDeps(auth: Auth, firestore: Firestore, db: PrikbordDb, provider: SignInProvider, link: BackgroundLink): SessionDeps {
  return {
    provider,
    link,
    watchAuth: (onChange) => onAuthStateChanged(auth, (user) => onChange(user ? { uid: user.uid, email: user.email } : null)),
    remembered: rememberedUser(),
    remember: rememberUser,
    signedOutOnPurpose,
    loadProfile: (uid) => loadProfile(firestore, db, uid),
    cachedProfile: (uid) => db.people.get(uid),
    loadMembership: async (refresh) => {
      if (!auth.currentUser) throw new Error('nobody is signed in');
      return readMembership(auth.currentUser, refresh);
    },
    forgetOtherPeople: (uid) => forgetOtherPeople(db, uid),
    nudgeOutbox: (uid) => nudgeOutbox(firestore, db, uid, link),
  };
}

/** Retry time for a profile or membership that could not be loaded (offline, nothing cached yet). */
export const PROFILE_RETRY_MS = 5000;

/** Starts the session of this page. */
export function startSession(deps: SessionDeps): Session {
  const user = signal<Person | null | undefined>(undefined);
  const remembered = deps.remembered;
  // While a lapsed session is being renewed silently, the panel goes on showing that person's
  // local data (as before Auth reported), and starts no Firestore work for them.
  const resumingAs = signal<Person | null>(null);
  const lapsed = signal<Person | null>(null);
  const person = computed(() => resumingAs.value ?? (user.value === undefined ? (remembered ?? undefined) : user.value));
  const membership = signal<Membership | undefined>(undefined);
  const authUid = computed(() => (membership.value?.member ? (user.value?.uid ?? null) : null));
  const uid = computed(() => person.value?.uid ?? null);
  const profile = signal<PersonRow | null | undefined>(undefined);
  const roles = computed<Roles>(() => membership.value?.roles ?? {});
  const moderator = computed(() => canModerate(roles.value));
  const readyUid = signal<string | null>(null);

  const stopAuth = deps.watchAuth((next) =>
    // One change for the effects: the person must not flicker to "nobody" while a renewal starts.
    batch(() => {
      const before = user.value === undefined ? remembered : user.value;
      user.value = next;
      // The background keeps its own session for launcher counts and the outbox: tell it to reload.
      deps.link.announceAuth(next?.uid ?? null);
      if (next) {
        resumingAs.value = null;
        lapsed.value = null;
        deps.remember(next);
        return;
      }
      // Signed out without a sign-out: the session lapsed. Try to sign the same person in again
      // silently (the identity provider's own session); the sign-in screen is the fallback.
      if (before && !resumingAs.value && deps.provider.resume && !deps.signedOutOnPurpose()) {
        const who = before;
        resumingAs.value = who;
        const giveUp = () => {
          if (resumingAs.value !== who) return;
          batch(() => {
            resumingAs.value = null;
            lapsed.value = who;
          });
          deps.remember(null);
        };
        deps.provider.resume(who).then((signedIn) => signedIn || giveUp(), giveUp);
        return;
      }
      if (!resumingAs.value) deps.remember(null);
    }),
  );

  // Whose cached profile may be shown: the person shown (remembered until Auth answers), unless
  // the token says they are no member.
  const cachedFor = computed(() => (membership.value?.member === false ? null : uid.value));

  const effects = [
    effect(() => {
      const id = cachedFor.value;
      profile.value = undefined;
      if (!id) return;
      let live = true;
      // The copy this browser kept answers first, as soon as the remembered person is known, before
      // Auth has restored its user and token: the thread, rollout access and the timeline wait for
      // the profile, and waiting for Auth and then a server round trip cost every panel open
      // hundreds of milliseconds. The server's answer replaces it when it comes (below).
      deps
        .cachedProfile?.(id)
        .then((cached) => {
          if (live && cached && profile.value === undefined) profile.value = cached;
        })
        .catch(() => undefined);
      return () => {
        live = false;
      };
    }),
    effect(() => {
      const id = authUid.value;
      if (!id) return;
      let live = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const attempt = () =>
        deps.loadProfile(id).then(
          (loaded) => live && cachedFor.peek() === id && (profile.value = loaded),
          () => live && (timer = setTimeout(attempt, PROFILE_RETRY_MS)),
        );
      void attempt();
      return () => {
        live = false;
        clearTimeout(timer);
      };
    }),
    effect(() => {
      const id = user.value?.uid;
      membership.value = undefined;
      if (!id) return;
      let live = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      // The token this browser holds answers at once; a fresh one brings roles granted since. An
      // expired token that can't be renewed (offline) is asked again until it can.
      const attempt = () =>
        deps
          .loadMembership(false)
          .then((known) => {
            if (!live) return;
            membership.value = known;
            void deps.loadMembership(true).then(
              (fresh) => live && JSON.stringify(fresh) !== JSON.stringify(membership.value) && (membership.value = fresh),
              () => undefined,
            );
          })
          .catch(() => live && (timer = setTimeout(attempt, PROFILE_RETRY_MS)));
      void attempt();
      return () => {
        live = false;
        clearTimeout(timer);
      };
    }),
    effect(() => {
      const id = uid.value;
      if (id) void deps.forgetOtherPeople(id).then(() => (readyUid.value = id), console.error);
    }),
    effect(() => {
      const id = uid.value;
      return id ? deps.nudgeOutbox(id) : undefined;
    }),
  ];

  return {
    person,
    membership,
    authUid,
    profile,
    roles,
    moderator,
    readyUid,
    lapsed,
    provider: deps.provider,
    stop() {
      stopAuth();
      for (const dispose of effects) dispose();
    },
  };
}
