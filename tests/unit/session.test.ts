// The session of an extension page (lib/data/session/session.ts), with fake parts: who is shown
// before and after Auth reports, what waits for Auth, forgetting the previous person first,
// the profile's retry, roles, the background being told, and a lapsed session renewed silently.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PersonRow } from '../../lib/core/rows';
import { PROFILE_RETRY_MS, startSession, type Person, type Session, type SessionDeps } from '../../lib/data/session/session';

const anna: Person = { uid: 'uid-anna', email: 'anna@lindeveen.nl' };
const bram: Person = { uid: 'uid-bram', email: 'bram@lindeveen.nl' };
const annaProfile = { uid: anna.uid, displayName: 'Anna de Vries' } as PersonRow;

/** Fake session parts that record what the session asked for. */
function fakeDeps(overrides: Partial<SessionDeps> = {}) {
  let report: (user: Person | null) => void = () => undefined;
  const calls = {
    announced: [] as Array<string | null>,
    remembered: [] as Array<Person | null>,
    forgot: [] as string[],
    nudging: [] as string[],
    stoppedNudging: [] as string[],
    profileLoads: 0,
  };
  const deps: SessionDeps = {
    provider: { signOut: async () => undefined },
    link: { kickOutbox: () => undefined, reportCounts: () => undefined, reportUnread: () => undefined, announceAuth: (uid) => void calls.announced.push(uid) },
    watchAuth: (onChange) => {
      report = onChange;
      return () => undefined;
    },
    remembered: null,
    remember: (user) => void calls.remembered.push(user),
    signedOutOnPurpose: () => false,
    loadProfile: async () => {
      calls.profileLoads++;
      return annaProfile;
    },
    loadMembership: async () => ({ member: true, roles: {} }),
    forgetOtherPeople: async (uid) => void calls.forgot.push(uid),
    nudgeOutbox: (uid) => {
      calls.nudging.push(uid);
      return () => void calls.stoppedNudging.push(uid);
    },
    ...overrides,
  };
  return { deps, calls, authReports: (user: Person | null) => report(user) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let session: Session | undefined;
afterEach(() => {
  session?.stop();
  session = undefined;
  vi.useRealTimers();
});

describe('before Auth reports', () => {
  it('shows nobody yet when nobody was signed in here', () => {
    const { deps } = fakeDeps();
    session = startSession(deps);
    expect(session.person.value).toBeUndefined();
  });

  it('shows the person last signed in on this profile at once, but starts no Firestore work for them', async () => {
    const { deps, calls } = fakeDeps({ remembered: anna });
    session = startSession(deps);
    await settle();
    expect(session.person.value).toEqual(anna);
    expect(session.authUid.value).toBeNull();
    expect(calls.profileLoads).toBe(0);
  });

  it('already forgets other people and nudges the outbox for the remembered person', async () => {
    const { deps, calls } = fakeDeps({ remembered: anna });
    session = startSession(deps);
    await settle();
    expect(calls.forgot).toEqual([anna.uid]);
    expect(session.readyUid.value).toBe(anna.uid);
    expect(calls.nudging).toEqual([anna.uid]);
  });
});

describe('when Auth reports', () => {
  it('follows Auth over the remembered person: signed out shows the sign-in', async () => {
    const { deps, authReports } = fakeDeps({ remembered: anna });
    session = startSession(deps);
    authReports(null);
    expect(session.person.value).toBeNull();
  });

  it('remembers the person and tells the background, on every report', () => {
    const { deps, calls, authReports } = fakeDeps();
    session = startSession(deps);
    authReports(anna);
    authReports(null);
    expect(calls.remembered).toEqual([anna, null]);
    expect(calls.announced).toEqual([anna.uid, null]);
  });

  it('loads the profile and roles only once Auth has confirmed the person', async () => {
    const { deps, authReports } = fakeDeps({ loadMembership: async () => ({ member: true, roles: { moderator: true } }) });
    session = startSession(deps);
    expect(session.profile.value).toBeUndefined();
    authReports(anna);
    await settle();
    expect(session.authUid.value).toBe(anna.uid);
    expect(session.profile.value).toEqual(annaProfile);
    expect(session.roles.value).toEqual({ moderator: true });
    expect(session.moderator.value).toBe(true);
  });

  it('starts no Firestore work for someone who is not a member', async () => {
    const { deps, calls, authReports } = fakeDeps({ loadMembership: async () => ({ member: false, roles: {}, reason: 'not-in-organisation' as const }) });
    session = startSession(deps);
    authReports({ uid: 'uid-x', email: 'x@gmail.com' });
    await settle();
    expect(session.membership.value?.member).toBe(false);
    expect(session.authUid.value).toBeNull();
    expect(calls.profileLoads).toBe(0);
  });

  it('takes the roles of a fresh token (granted since the last sign-in)', async () => {
    const { deps, authReports } = fakeDeps({
      loadMembership: async (refresh) => ({ member: true, roles: refresh ? { leader: true as const } : {} }),
    });
    session = startSession(deps);
    authReports(anna);
    await settle();
    await settle();
    expect(session.roles.value).toEqual({ leader: true });
  });

  it('starts from the profile this browser kept, then takes the server’s', async () => {
    let answer: (row: typeof annaProfile) => void = () => undefined;
    const kept = { ...annaProfile, jobTitle: 'kept here' };
    const { deps, authReports } = fakeDeps({ cachedProfile: async () => kept, loadProfile: () => new Promise((resolve) => (answer = resolve)) });
    session = startSession(deps);
    authReports(anna);
    await settle();
    expect(session.profile.value).toEqual(kept);
    answer(annaProfile);
    await settle();
    expect(session.profile.value).toEqual(annaProfile);
  });

  it('shows the remembered person’s kept profile before Auth has answered at all', async () => {
    const kept = { ...annaProfile, jobTitle: 'kept here' };
    const { deps, calls } = fakeDeps({ remembered: anna, cachedProfile: async () => kept });
    session = startSession(deps);
    await settle();
    expect(session.profile.value).toEqual(kept);
    expect(calls.profileLoads).toBe(0);
  });

  it('drops the kept profile when the token says the person is no member', async () => {
    const kept = { ...annaProfile, jobTitle: 'kept here' };
    const { deps, authReports } = fakeDeps({
      remembered: anna,
      cachedProfile: async () => kept,
      loadMembership: async () => ({ member: false, roles: {}, reason: 'former-colleague' }),
    });
    session = startSession(deps);
    await settle();
    expect(session.profile.value).toEqual(kept);
    authReports(anna);
    await settle();
    expect(session.profile.value).toBeUndefined();
  });

  it('says "no profile" (null) when the person has none', async () => {
    const { deps, authReports } = fakeDeps({ loadProfile: async () => null });
    session = startSession(deps);
    authReports(anna);
    await settle();
    expect(session.profile.value).toBeNull();
  });

  it('retries a profile that could not be loaded (offline, nothing cached) until it loads', async () => {
    vi.useFakeTimers();
    let attempts = 0;
    const { deps, authReports } = fakeDeps({
      loadProfile: async () => {
        attempts++;
        if (attempts < 3) throw Object.assign(new Error('offline'), { code: 'unavailable' });
        return annaProfile;
      },
    });
    session = startSession(deps);
    authReports(anna);
    await vi.advanceTimersByTimeAsync(0);
    expect(session.profile.value).toBeUndefined();
    await vi.advanceTimersByTimeAsync(PROFILE_RETRY_MS * 2);
    expect(attempts).toBe(3);
    expect(session.profile.value).toEqual(annaProfile);
  });
});

describe('another person signs in on the same browser profile', () => {
  let parts: ReturnType<typeof fakeDeps>;
  beforeEach(async () => {
    parts = fakeDeps();
    session = startSession(parts.deps);
    parts.authReports(anna);
    await settle();
  });

  it("is not ready until the previous person's own data is forgotten", async () => {
    let forget: () => void = () => undefined;
    parts.deps.forgetOtherPeople = (uid) => {
      parts.calls.forgot.push(uid);
      return new Promise((resolve) => (forget = resolve));
    };
    parts.authReports(bram);
    await settle();
    expect(session!.readyUid.value).toBe(anna.uid);
    forget();
    await settle();
    expect(parts.calls.forgot).toEqual([anna.uid, bram.uid]);
    expect(session!.readyUid.value).toBe(bram.uid);
  });

  it('stops nudging the outbox for the previous person and starts for the new one', () => {
    parts.authReports(bram);
    expect(parts.calls.stoppedNudging).toEqual([anna.uid]);
    expect(parts.calls.nudging).toEqual([anna.uid, bram.uid]);
  });

  it("drops the previous person's profile and roles at once", () => {
    parts.deps.loadProfile = () => new Promise(() => undefined);
    parts.authReports(bram);
    expect(session!.profile.value).toBeUndefined();
    expect(session!.roles.value).toEqual({});
  });
});

describe('a session that lapses (signed out without a sign-out)', () => {
  /** A provider that can sign people in again silently; `answer` decides each attempt. */
  function resumable(answer: (person: Person) => Promise<boolean>) {
    const attempts: Person[] = [];
    const provider = {
      signOut: async () => undefined,
      resume: (person: Person) => {
        attempts.push(person);
        return answer(person);
      },
    };
    return { provider, attempts };
  }

  it('keeps showing the person while the identity provider signs them in again, then follows Auth', async () => {
    let finish: (ok: boolean) => void = () => undefined;
    const { provider, attempts } = resumable(() => new Promise((resolve) => (finish = resolve)));
    const { deps, calls, authReports } = fakeDeps({ provider, remembered: anna });
    session = startSession(deps);
    authReports(null); // the restored session was refused (revoked tokens, account changed)
    expect(attempts).toEqual([anna]);
    expect(session.person.value).toEqual(anna); // the panel goes on with what it has
    expect(session.authUid.value).toBeNull(); // but no Firestore work without a session
    expect(calls.remembered).toEqual([]); // and still remembered if the page reloads meanwhile
    authReports(anna);
    finish(true);
    await settle();
    expect(session.person.value).toEqual(anna);
    expect(session.authUid.value).toBe(anna.uid);
    expect(session.lapsed.value).toBeNull();
    expect(calls.forgot).toEqual([anna.uid]); // the same person: nothing of theirs forgotten
  });

  it('also when the session ends while the panel is open', async () => {
    const { provider, attempts } = resumable(async () => true);
    const { deps, authReports } = fakeDeps({ provider });
    session = startSession(deps);
    authReports(anna);
    authReports(null);
    expect(attempts).toEqual([anna]);
    expect(session.person.value).toEqual(anna);
  });

  it('shows the sign-in, saying the session ended, when it cannot be renewed silently', async () => {
    const { provider } = resumable(async () => false);
    const { deps, calls, authReports } = fakeDeps({ provider, remembered: anna });
    session = startSession(deps);
    authReports(null);
    await settle();
    expect(session.person.value).toBeNull();
    expect(session.lapsed.value).toEqual(anna);
    expect(calls.remembered).toEqual([null]);
  });

  it('treats a failed attempt like "cannot"', async () => {
    const { provider } = resumable(async () => Promise.reject(new Error('offline')));
    const { deps, authReports } = fakeDeps({ provider, remembered: anna });
    session = startSession(deps);
    authReports(null);
    await settle();
    expect(session.person.value).toBeNull();
    expect(session.lapsed.value).toEqual(anna);
  });

  it('does not sign back in someone who signed out on purpose', () => {
    const { provider, attempts } = resumable(async () => true);
    const { deps, authReports } = fakeDeps({ provider, signedOutOnPurpose: () => true });
    session = startSession(deps);
    authReports(anna);
    authReports(null);
    expect(attempts).toEqual([]);
    expect(session.person.value).toBeNull();
    expect(session.lapsed.value).toBeNull();
  });

  it('tries nothing when nobody was signed in, or when the organisation has no silent way in', () => {
    const { provider, attempts } = resumable(async () => true);
    const first = fakeDeps({ provider });
    session = startSession(first.deps);
    first.authReports(null);
    expect(attempts).toEqual([]);
    session.stop();
    const passwordOnly = fakeDeps({ remembered: anna });
    session = startSession(passwordOnly.deps);
    passwordOnly.authReports(null);
    expect(session.person.value).toBeNull();
  });
});
