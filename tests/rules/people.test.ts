// firebase/firestore.rules for the people directory and expert lookup: directory fields of
// profiles/{uid}, expertise/{uid} (server-written evidence) and pages/{pageId}/helpful/{replyId}
// ("this helped", by the asker only).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc, updateDoc, Timestamp, type DocumentData } from 'firebase/firestore';
import { ANNA, BRAM } from '../helpers/fixtures';
import { commentPath, dbAs, dbSignedOut, PAGE_ID, profileData, seed, startRulesEnv, storedComment } from '../helpers/rules-env';

let env: RulesTestEnvironment;
const annaProfile = `profiles/${ANNA.uid}`;
const CAROL = { uid: 'carol-uid', displayName: 'Carol Wit' };

beforeAll(async () => {
  env = await startRulesEnv();
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
});

function fullProfile(overrides: DocumentData = {}): DocumentData {
  return profileData({
    departmentPath: ['Bestuur en staf', 'Communicatie'],
    jobTitle: 'Communicatieadviseur',
    location: 'Stadhuis',
    languages: ['nl', 'en'],
    skills: ['Intranet', 'Webredactie'],
    optOut: false,
    updatedAt: serverTimestamp(),
    ...overrides,
  });
}

describe('profile directory fields', () => {
  it('allows an own profile with every directory field', async () => {
    await assertSucceeds(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile()));
  });

  it('allows opting out and back in', async () => {
    await seed(env, { [annaProfile]: fullProfile({ updatedAt: Timestamp.now() }) });
    await assertSucceeds(updateDoc(doc(dbAs(env, ANNA.uid), annaProfile), { optOut: true, updatedAt: serverTimestamp() }));
    await assertSucceeds(updateDoc(doc(dbAs(env, ANNA.uid), annaProfile), { optOut: false, updatedAt: serverTimestamp() }));
  });

  it("denies changing someone else's skills or opt-out", async () => {
    await seed(env, { [annaProfile]: fullProfile({ updatedAt: Timestamp.now() }) });
    await assertFails(updateDoc(doc(dbAs(env, BRAM.uid), annaProfile), { skills: ['Alles'], updatedAt: serverTimestamp() }));
    await assertFails(updateDoc(doc(dbAs(env, BRAM.uid), annaProfile), { optOut: true, updatedAt: serverTimestamp() }));
  });

  it('allows 20 skills of 40 characters', async () => {
    await assertSucceeds(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ skills: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, 'x')) })));
  });

  it('denies more than 20 skills', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ skills: Array.from({ length: 21 }, (_, i) => `skill ${i}`) })));
  });

  it('denies a skill over 40 characters, even at the last allowed index', async () => {
    const skills = Array.from({ length: 20 }, (_, i) => `skill ${i}`);
    skills[19] = 'x'.repeat(41);
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ skills })));
  });

  it('denies an empty skill', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ skills: ['VPN', ''] })));
  });

  it('denies markup characters in a skill', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ skills: ['<img src=x onerror=alert(1)>'] })));
  });

  it('denies skills that are not a list of strings', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ skills: 'VPN' })));
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ skills: [42] })));
  });

  it('denies a department path deeper than 4 levels', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ departmentPath: ['a', 'b', 'c', 'd', 'e'] })));
  });

  it('denies a job title over 80 characters, a location over 80, more than 8 languages', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ jobTitle: 'x'.repeat(81) })));
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ location: 'x'.repeat(81) })));
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ languages: Array.from({ length: 9 }, () => 'nl') })));
  });

  it('denies a non-boolean opt-out', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ optOut: 'yes' })));
  });

  it('denies an updatedAt other than the server time (the sync cursor cannot be faked)', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ updatedAt: Timestamp.fromDate(new Date('2099-01-01')) })));
  });

  it('denies unknown profile fields (e.g. self-declared evidence)', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), annaProfile), fullProfile({ helpfulCount: 99 })));
  });
});

describe('expertise evidence', () => {
  const evidence = { pages: [{ pageId: PAGE_ID, title: 'ICT-helpdesk', terms: ['vpn'], answers: 3, likes: 7, helpful: 2 }], updatedAt: Timestamp.now() };

  it('allows any signed-in user to read evidence', async () => {
    await seed(env, { [`expertise/${ANNA.uid}`]: evidence });
    await assertSucceeds(getDoc(doc(dbAs(env, BRAM.uid), `expertise/${ANNA.uid}`)));
  });

  it('denies reading evidence when signed out', async () => {
    await seed(env, { [`expertise/${ANNA.uid}`]: evidence });
    await assertFails(getDoc(doc(dbSignedOut(env), `expertise/${ANNA.uid}`)));
  });

  it("denies writing someone else's evidence", async () => {
    await assertFails(setDoc(doc(dbAs(env, BRAM.uid), `expertise/${ANNA.uid}`), evidence));
  });

  it('denies writing, changing or deleting even your own evidence', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), `expertise/${ANNA.uid}`), evidence));
    await seed(env, { [`expertise/${ANNA.uid}`]: evidence });
    await assertFails(updateDoc(doc(dbAs(env, ANNA.uid), `expertise/${ANNA.uid}`), { updatedAt: serverTimestamp() }));
    await assertFails(deleteDoc(doc(dbAs(env, ANNA.uid), `expertise/${ANNA.uid}`)));
  });
});

describe('"this helped" marks', () => {
  const helpfulPath = (replyId = 'r1') => `pages/${PAGE_ID}/helpful/${replyId}`;
  // `by` documents who writes the mark in each test; the mark itself never records it.
  const mark = (_by: string, overrides: DocumentData = {}) => ({ replyId: 'r1', parentId: 'q1', createdAt: serverTimestamp(), ...overrides });

  // Anna asks q1, Bram answers r1. Anonymous question q2 is owned by Carol; Bram answers it with r2.
  beforeEach(async () => {
    await seed(env, {
      [commentPath('q1')]: storedComment(ANNA),
      [commentPath('r1')]: storedComment(BRAM, { parentId: 'q1' }),
      [commentPath('r1own')]: storedComment(ANNA, { parentId: 'q1' }),
      [commentPath('q2')]: {
        pageId: PAGE_ID,
        parentId: null,
        text: 'Anoniem: hoe zit het met …?',
        anonymous: true,
        likeCount: 0,
        createdAt: Timestamp.now(),
        updatedAt: Timestamp.now(),
        editedAt: null,
        deleted: false,
      },
      [commentPath('r2')]: storedComment(BRAM, { parentId: 'q2' }),
      [`commentOwners/q2`]: { uid: CAROL.uid, pageId: PAGE_ID, createdAt: Timestamp.now() },
    });
  });

  it('allows the asker to mark a reply to their question', async () => {
    await assertSucceeds(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath()), mark(ANNA.uid)));
  });

  it('allows the owner of an anonymous question to mark a reply to it', async () => {
    await assertSucceeds(setDoc(doc(dbAs(env, CAROL.uid), helpfulPath('r2')), mark(CAROL.uid, { replyId: 'r2', parentId: 'q2' })));
  });

  it('denies someone other than the anonymous question’s owner', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath('r2')), mark(ANNA.uid, { replyId: 'r2', parentId: 'q2' })));
  });

  it('denies someone who did not ask (even the one who answered)', async () => {
    await assertFails(setDoc(doc(dbAs(env, BRAM.uid), helpfulPath()), mark(BRAM.uid)));
    await assertFails(setDoc(doc(dbAs(env, CAROL.uid), helpfulPath()), mark(CAROL.uid)));
  });

  it('denies a mark that names who made it (it would unmask an anonymous asker)', async () => {
    await assertFails(setDoc(doc(dbAs(env, CAROL.uid), helpfulPath('r2')), mark(CAROL.uid, { replyId: 'r2', parentId: 'q2', markedBy: CAROL.uid })));
  });

  it('a mark on an anonymous question tells other readers nothing about who asked', async () => {
    await setDoc(doc(dbAs(env, CAROL.uid), helpfulPath('r2')), mark(CAROL.uid, { replyId: 'r2', parentId: 'q2' }));
    const stored = (await getDoc(doc(dbAs(env, BRAM.uid), helpfulPath('r2')))).data();
    expect(Object.keys(stored ?? {}).sort()).toEqual(['createdAt', 'parentId', 'replyId']);
    expect(JSON.stringify(stored)).not.toContain(CAROL.uid);
  });

  it('denies marking your own reply', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath('r1own')), mark(ANNA.uid, { replyId: 'r1own' })));
  });

  it('denies a mark naming another parent than the reply’s', async () => {
    await assertFails(setDoc(doc(dbAs(env, CAROL.uid), helpfulPath('r1')), mark(CAROL.uid, { parentId: 'q2' })));
  });

  it('denies a mark whose id is not the reply id', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath('r2')), mark(ANNA.uid)));
  });

  it('denies marking a reply that does not exist', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath('nope')), mark(ANNA.uid, { replyId: 'nope' })));
  });

  it('denies extra fields and a client-chosen time', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath()), mark(ANNA.uid, { weight: 10 })));
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath()), mark(ANNA.uid, { createdAt: Timestamp.now() })));
  });

  it('denies marking when signed out', async () => {
    await assertFails(setDoc(doc(dbSignedOut(env), helpfulPath()), mark(ANNA.uid)));
  });

  it('allows the asker to take the mark back, nobody else', async () => {
    await seed(env, { [helpfulPath()]: { replyId: 'r1', parentId: 'q1', createdAt: Timestamp.now() } });
    await assertFails(deleteDoc(doc(dbAs(env, BRAM.uid), helpfulPath())));
    await assertFails(updateDoc(doc(dbAs(env, ANNA.uid), helpfulPath()), { parentId: 'q2' }));
    await assertSucceeds(deleteDoc(doc(dbAs(env, ANNA.uid), helpfulPath())));
  });

  it('allows signed-in users to read marks', async () => {
    await seed(env, { [helpfulPath()]: { replyId: 'r1', parentId: 'q1', createdAt: Timestamp.now() } });
    await assertSucceeds(getDoc(doc(dbAs(env, CAROL.uid), helpfulPath())));
    await assertFails(getDoc(doc(dbSignedOut(env), helpfulPath())));
  });
});
