// The session of an extension page (lib/data/session/session.ts), with fake parts: who is shown
// before and after Auth reports, what waits for Auth, forgetting the previous person first,
// the profile's retry, roles, and the background being told.
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
    provider: { method: 'password', signIn: async () => null, signOut: async () => undefined },
    link: { kickOutbox: () => undefined, reportCounts: () => undefined, announceAuth: (uid) => void calls.announced.push(uid) },
    watchAuth: (onChange) => {
      report = onChange;
      return () => undefined;
    },
    remembered: null,
    remember: (user) => void calls.remembered.push(user),
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
