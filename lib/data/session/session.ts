// The signed-in session of an extension page, as signals any page can share: who is signed in,
// their profile and roles, and whether this browser's local data is theirs yet. Made once per page
// (entrypoints/*/main.tsx); the side panel and a second extension page (the comms console) read
// the same signals instead of repeating the effects below.
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { onAuthStateChanged, type Auth } from 'firebase/auth/web-extension';
import type { Firestore } from 'firebase/firestore';
import type { PersonRow } from '../../core/rows';
import { nudgeOutbox, type BackgroundLink } from '../background-link';
import type { PrikbordDb } from '../db';
import { forgetOtherPeople } from '../thread/thread-sync';
import { loadProfile, loadRoles, NO_ROLES, type Roles } from './profile';
import { rememberedUser, rememberUser, type RememberedUser } from './remembered-user';
import type { SignInProvider } from './sign-in';

/** Who the page shows data for: the person Auth reports, or until it does, the one remembered. */
export type Person = RememberedUser;

export interface Session {
  /** Undefined while nobody knows yet; null when signed out. Renders Dexie's copy at once. */
  person: ReadonlySignal<Person | null | undefined>;
  /**
   * The person Auth has confirmed: Firestore work waits for this (a listener started before Auth
   * reports could be sent unauthenticated and refused by the rules).
   */
  authUid: ReadonlySignal<string | null>;
  /** Their profile: undefined while loading, null when they have none (they can read, not write). */
  profile: ReadonlySignal<PersonRow | null | undefined>;
  roles: ReadonlySignal<Roles>;
  /**
   * The uid whose local data is in place: another person signing in on this browser profile must
   * not inherit the last one's anonymous posts and likes, so they are forgotten first.
   */
  readyUid: ReadonlySignal<string | null>;
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
  loadProfile(uid: string): Promise<PersonRow | null>;
  loadRoles(uid: string): Promise<Roles>;
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
    loadProfile: (uid) => loadProfile(firestore, db, uid),
    loadRoles: (uid) => loadRoles(firestore, uid),
    forgetOtherPeople: (uid) => forgetOtherPeople(db, uid),
    nudgeOutbox: (uid) => nudgeOutbox(firestore, db, uid, link),
  };
}

/** Retry time for a profile that could not be loaded (offline, nothing cached yet). */
export const PROFILE_RETRY_MS = 5000;

/** Starts the session of this page. */
export function startSession(deps: SessionDeps): Session {
  const user = signal<Person | null | undefined>(undefined);
  const remembered = deps.remembered;
  const person = computed(() => (user.value === undefined ? (remembered ?? undefined) : user.value));
  const authUid = computed(() => user.value?.uid ?? null);
  const uid = computed(() => person.value?.uid ?? null);
  const profile = signal<PersonRow | null | undefined>(undefined);
  const roles = signal<Roles>(NO_ROLES);
  const readyUid = signal<string | null>(null);

  const stopAuth = deps.watchAuth((next) => {
    user.value = next;
    deps.remember(next);
    // The background keeps its own session for launcher counts and the outbox: tell it to reload.
    deps.link.announceAuth(next?.uid ?? null);
  });

  const effects = [
    effect(() => {
      const id = authUid.value;
      profile.value = undefined;
      if (!id) return;
      let live = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const attempt = () =>
        deps.loadProfile(id).then(
          (loaded) => live && (profile.value = loaded),
          () => live && (timer = setTimeout(attempt, PROFILE_RETRY_MS)),
        );
      void attempt();
      return () => {
        live = false;
        clearTimeout(timer);
      };
    }),
    effect(() => {
      const id = authUid.value;
      roles.value = NO_ROLES;
      if (!id) return;
      let live = true;
      void deps.loadRoles(id).then((loaded) => live && (roles.value = loaded));
      return () => void (live = false);
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
    authUid,
    profile,
    roles,
    readyUid,
    provider: deps.provider,
    stop() {
      stopAuth();
      for (const dispose of effects) dispose();
    },
  };
}
