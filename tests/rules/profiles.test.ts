// firebase/firestore.rules, profiles/{uid}: readable by members; made and kept by the server (the
// sign-in function and the directory import write the identity fields); the member updates only
// their own skills, languages and opt-out, always with updatedAt = the server's time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc, Timestamp, updateDoc, type DocumentData } from 'firebase/firestore';
import { ANNA, BRAM } from '../helpers/fixtures';
import { dbAs, dbSignedOut, PAST, profileData, readStored, seed, startRulesEnv } from '../helpers/rules-env';

let env: RulesTestEnvironment;
const annaProfile = `profiles/${ANNA.uid}`;
const anna = () => dbAs(env, ANNA.uid);
const bram = () => dbAs(env, BRAM.uid);

/** Anna's profile as the server keeps it: the directory's identity fields and her own ones. */
function serverProfile(overrides: DocumentData = {}): DocumentData {
  return profileData({
    email: 'anna@lindeveen.nl',
    departmentPath: ['Bestuur en staf', 'Communicatie'],
    jobTitle: 'Communicatieadviseur',
    managerId: 'E0002',
    location: 'Stadhuis',
    level: 3,
    active: true,
    roles: {},
    personId: 'E0107',
    languages: ['nl', 'en'],
    skills: ['Intranet', 'Webredactie'],
    optOut: false,
    updatedAt: PAST,
    ...overrides,
  });
}

/** What the side panel writes (lib/data/people/save-profile.ts profileUpdate): her own fields, at server time. */
function ownUpdate(overrides: DocumentData = {}): DocumentData {
  return { skills: ['VPN', 'Intranet'], languages: ['nl'], optOut: false, updatedAt: serverTimestamp(), ...overrides };
}

const update = (fields: DocumentData, db = anna()) => updateDoc(doc(db, annaProfile), fields);

beforeAll(async () => {
  env = await startRulesEnv();
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [annaProfile]: serverProfile() });
});

describe('reading profiles', () => {
  it('denies reading a profile when signed out', async () => {
    await assertFails(getDoc(doc(dbSignedOut(env), annaProfile)));
  });

  it("allows any member to read someone else's profile", async () => {
    await assertSucceeds(getDoc(doc(bram(), annaProfile)));
  });
});

describe('the member’s own fields', () => {
  it('allows updating her skills, languages and opt-out, with updatedAt = server time', async () => {
    await assertSucceeds(update(ownUpdate()));
    expect(await readStored(env, annaProfile)).toMatchObject({ skills: ['VPN', 'Intranet'], languages: ['nl'], jobTitle: 'Communicatieadviseur' });
  });

  it('allows opting out and back in', async () => {
    await assertSucceeds(update({ optOut: true, updatedAt: serverTimestamp() }));
    await assertSucceeds(update({ optOut: false, updatedAt: serverTimestamp() }));
  });

  it('allows the same fields as a merge write (set with merge)', async () => {
    await assertSucceeds(setDoc(doc(anna(), annaProfile), ownUpdate(), { merge: true }));
  });

  it('allows emptying her skills', async () => {
    await assertSucceeds(update(ownUpdate({ skills: [] })));
  });

  it('denies an update without updatedAt', async () => {
    await assertFails(update({ skills: ['VPN'] }));
  });

  it('denies an updatedAt other than the server time (the sync cursor cannot be faked)', async () => {
    await assertFails(update(ownUpdate({ updatedAt: Timestamp.fromDate(new Date('2099-01-01')) })));
  });

  it("denies changing someone else's skills or opt-out", async () => {
    await assertFails(update(ownUpdate(), bram()));
    await assertFails(update({ optOut: true, updatedAt: serverTimestamp() }, bram()));
  });

  it('denies writing a profile when signed out', async () => {
    await assertFails(update(ownUpdate(), dbSignedOut(env)));
  });
});

describe('the identity fields are the server’s', () => {
  it.each([
    ['displayName', 'Anna V.'],
    ['email', 'anna.devries@lindeveen.nl'],
    ['department', 'Directie'],
    ['departmentPath', ['Directie']],
    ['jobTitle', 'Directeur'],
    ['managerId', null],
    ['location', 'Thuis'],
    ['level', 1],
    ['active', false],
    ['roles', { moderator: true }],
    ['personId', 'E0001'],
  ])('denies the member changing %s, even with her own fields', async (field, value) => {
    await assertFails(update(ownUpdate({ [field]: value })));
    await assertFails(update({ [field]: value, updatedAt: serverTimestamp() }));
  });

  it('denies fields outside the model (e.g. self-declared evidence)', async () => {
    await assertFails(update(ownUpdate({ helpfulCount: 99 })));
  });

  it('denies creating a profile, even her own and even a valid one (the server makes it)', async () => {
    await env.clearFirestore();
    await assertFails(setDoc(doc(anna(), annaProfile), serverProfile({ updatedAt: serverTimestamp() })));
    await assertFails(setDoc(doc(anna(), annaProfile), ownUpdate()));
  });

  it('denies overwriting her profile with a full set (that would replace the identity fields)', async () => {
    await assertFails(setDoc(doc(anna(), annaProfile), ownUpdate()));
  });

  it('denies deleting even your own profile', async () => {
    await assertFails(deleteDoc(doc(anna(), annaProfile)));
  });
});

describe('lists hold strings only, within the limits', () => {
  it('allows 20 skills of 40 characters and 8 languages of 20', async () => {
    await assertSucceeds(
      update(ownUpdate({ skills: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, 'x')), languages: Array.from({ length: 8 }, () => 'l'.repeat(20)) })),
    );
  });

  it('denies more than 20 skills', async () => {
    await assertFails(update(ownUpdate({ skills: Array.from({ length: 21 }, (_, i) => `skill ${i}`) })));
  });

  it('denies a skill over 40 characters, even at the last allowed index', async () => {
    const skills = Array.from({ length: 20 }, (_, i) => `skill ${i}`);
    skills[19] = 'x'.repeat(41);
    await assertFails(update(ownUpdate({ skills })));
  });

  it('denies an empty skill', async () => {
    await assertFails(update(ownUpdate({ skills: ['VPN', ''] })));
  });

  it('denies markup characters or a line break in a skill', async () => {
    await assertFails(update(ownUpdate({ skills: ['<img src=x onerror=alert(1)>'] })));
    await assertFails(update(ownUpdate({ skills: ['VPN\nWifi'] })));
  });

  it('denies skills that are not a list', async () => {
    await assertFails(update(ownUpdate({ skills: 'VPN' })));
  });

  // Before, only the first and last items' types were checked: a number in the middle was stored.
  it.each([
    ['a number', 42],
    ['a boolean', true],
    ['a map', { html: '<b>' }],
    ['null', null],
  ])('denies %s among the skills, at any index', async (_what, item) => {
    await assertFails(update(ownUpdate({ skills: [item] })));
    await assertFails(update(ownUpdate({ skills: ['VPN', item, 'Wifi'] })));
  });

  it('denies a number among the languages', async () => {
    await assertFails(update(ownUpdate({ languages: ['nl', 7, 'en'] })));
  });

  it('denies more than 8 languages, or one over 20 characters', async () => {
    await assertFails(update(ownUpdate({ languages: Array.from({ length: 9 }, () => 'nl') })));
    await assertFails(update(ownUpdate({ languages: ['l'.repeat(21)] })));
  });

  it('denies a non-boolean opt-out', async () => {
    await assertFails(update(ownUpdate({ optOut: 'yes' })));
  });
});
