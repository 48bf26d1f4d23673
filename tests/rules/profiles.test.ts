// firebase/firestore.rules, profiles/{uid}: readable by signed-in users, written only by the owner.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, getDoc, setDoc, updateDoc } from 'firebase/firestore';
import { ANNA, BRAM } from '../helpers/fixtures';
import { dbAs, dbSignedOut, profileData, seed, startRulesEnv } from '../helpers/rules-env';

let env: RulesTestEnvironment;
const annaProfile = `profiles/${ANNA.uid}`;

beforeAll(async () => {
  env = await startRulesEnv();
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
});

describe('reading profiles', () => {
  it('denies reading a profile when signed out', async () => {
    await seed(env, { [annaProfile]: profileData() });
    await assertFails(getDoc(doc(dbSignedOut(env), annaProfile)));
  });

  it("allows any signed-in user to read someone else's profile", async () => {
    await seed(env, { [annaProfile]: profileData() });
    await assertSucceeds(getDoc(doc(dbAs(env, BRAM.uid), annaProfile)));
  });
});

describe('writing profiles', () => {
  it('allows a user to create their own profile', async () => {
    await assertSucceeds(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), profileData()));
  });

  it('allows an own profile with an email address', async () => {
    await assertSucceeds(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), profileData({ email: 'anna@lindeveen.nl' })));
  });

  it('allows an own profile with an empty department', async () => {
    await assertSucceeds(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), profileData({ department: '' })));
  });

  it('allows a user to update their own profile', async () => {
    await seed(env, { [annaProfile]: profileData() });
    await assertSucceeds(updateDoc(doc(dbAs(env, ANNA.uid), annaProfile), { displayName: 'Anna V.' }));
  });

  it('allows a displayName of exactly 80 characters', async () => {
    await assertSucceeds(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), profileData({ displayName: 'a'.repeat(80) })));
  });

  it("denies writing another user's profile", async () => {
    await assertFails(setDoc(doc(dbAs(env, BRAM.uid), annaProfile), profileData()));
  });

  it("denies updating another user's existing profile", async () => {
    await seed(env, { [annaProfile]: profileData() });
    await assertFails(updateDoc(doc(dbAs(env, BRAM.uid), annaProfile), { displayName: 'Bram' }));
  });

  it('denies writing a profile when signed out', async () => {
    await assertFails(setDoc(doc(dbSignedOut(env), annaProfile), profileData()));
  });

  it('denies an empty displayName', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), profileData({ displayName: '' })));
  });

  it('denies a displayName longer than 80 characters', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), profileData({ displayName: 'a'.repeat(81) })));
  });

  it('denies a displayName that is not a string', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), profileData({ displayName: 42 })));
  });

  it('denies a department longer than 80 characters', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), profileData({ department: 'd'.repeat(81) })));
  });

  it('denies a profile without a department', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), { displayName: ANNA.displayName }));
  });

  it('denies an email longer than 200 characters', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), profileData({ email: `${'e'.repeat(190)}@lindeveen.nl` })));
  });

  it('denies a profile with a field outside the model', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), profileData({ isAdmin: true })));
  });

  it('denies deleting even your own profile', async () => {
    await seed(env, { [annaProfile]: profileData() });
    await assertFails(deleteDoc(doc(dbAs(env, ANNA.uid), annaProfile)));
  });
});
