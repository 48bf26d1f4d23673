// The panel shows Dexie's copy for the person last signed in on this profile while Firebase Auth
// still checks the restored session over the network (lib/data/session/remembered-user.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markSignedOut, rememberedUser, rememberUser, signedOutOnPurpose } from '../../lib/data/session/remembered-user';

describe('the person last signed in on this profile', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is nobody at first', () => {
    expect(rememberedUser()).toBeNull();
  });

  it('is whoever Auth last reported, and nobody once Auth reports signed out', () => {
    rememberUser({ uid: 'uid-anna', email: 'anna@lindeveen.nl' });
    expect(rememberedUser()).toEqual({ uid: 'uid-anna', email: 'anna@lindeveen.nl' });
    rememberUser(null);
    expect(rememberedUser()).toBeNull();
  });

  it('knows a sign-out was on purpose until someone signs in again', () => {
    rememberUser({ uid: 'uid-anna', email: 'anna@lindeveen.nl' });
    expect(signedOutOnPurpose()).toBe(false);
    markSignedOut();
    rememberUser(null);
    expect(signedOutOnPurpose()).toBe(true);
    rememberUser({ uid: 'uid-bram', email: 'bram@lindeveen.nl' });
    expect(signedOutOnPurpose()).toBe(false);
  });

  it('ignores what it cannot read', () => {
    localStorage.setItem('prikbord:lastUser', '{not json');
    expect(rememberedUser()).toBeNull();
    localStorage.setItem('prikbord:lastUser', JSON.stringify({ email: 'x' }));
    expect(rememberedUser()).toBeNull();
  });

  it('is nobody where there is no storage at all', () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('localStorage', undefined);
    expect(rememberedUser()).toBeNull();
    expect(() => rememberUser({ uid: 'u', email: null })).not.toThrow();
    expect(() => markSignedOut()).not.toThrow();
    expect(signedOutOnPurpose()).toBe(false);
  });
});
