// firebase/firestore.rules: insights. Proves: a member records only their own reading events, in
// their exact shape, at the server's time, for a page id that belongs to its URL; nobody else —
// colleagues, comms, administrators — reads an event, and nobody changes or deletes one; the person
// reads their own (alone, or by a query limited to their uid); the server-only summaries and people
// table are closed to every client, comms included; a section's open questions are read by its
// community managers, comms and administrators, and by no other member.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
  type DocumentData,
} from 'firebase/firestore';
import { ANNA, BRAM } from '../helpers/fixtures';
import { dbAs, dbNonMember, PAGE_ID, PAGE_TITLE, PAGE_URL, pageIdOf, seed, startRulesEnv } from '../helpers/rules-env';

let env: RulesTestEnvironment;
const anna = () => dbAs(env, ANNA.uid);
const bram = () => dbAs(env, BRAM.uid);
const comms = () => dbAs(env, 'chantal-uid', { roles: { comms: true } });
const admin = () => dbAs(env, 'admin-uid', { roles: { admin: true } });

const event = (overrides: DocumentData = {}): DocumentData => ({
  uid: ANNA.uid,
  pageId: PAGE_ID,
  url: PAGE_URL,
  title: PAGE_TITLE,
  at: serverTimestamp(),
  ...overrides,
});
const storedEvent = (uid: string) => ({ uid, pageId: PAGE_ID, url: PAGE_URL, title: PAGE_TITLE, at: Timestamp.now() });

beforeAll(async () => {
  env = await startRulesEnv();
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
});

describe('insightEvents: recording a reading', () => {
  it('lets a member record their own reading', async () => {
    await assertSucceeds(addDoc(collection(anna(), 'insightEvents'), event()));
  });

  it("refuses recording a reading in a colleague's name", async () => {
    await assertFails(addDoc(collection(anna(), 'insightEvents'), event({ uid: BRAM.uid })));
  });

  it('refuses a time the client chose', async () => {
    await assertFails(addDoc(collection(anna(), 'insightEvents'), event({ at: Timestamp.fromDate(new Date('2026-01-01')) })));
  });

  it("refuses a page id that is not the URL's", async () => {
    await assertFails(addDoc(collection(anna(), 'insightEvents'), event({ pageId: pageIdOf('http://intranet.lindeveen.local/hr/') })));
  });

  it('refuses extra fields (nothing more than the page and the time is recorded)', async () => {
    await assertFails(addDoc(collection(anna(), 'insightEvents'), event({ department: 'ICT' })));
  });

  it('refuses a non-member', async () => {
    await assertFails(addDoc(collection(dbNonMember(env, 'stranger-uid'), 'insightEvents'), event({ uid: 'stranger-uid' })));
  });
});

describe('insightEvents: who reads them', () => {
  beforeEach(async () => {
    await seed(env, { 'insightEvents/a1': storedEvent(ANNA.uid), 'insightEvents/b1': storedEvent(BRAM.uid) });
  });

  it('lets the person read their own event', async () => {
    await assertSucceeds(getDoc(doc(anna(), 'insightEvents/a1')));
  });

  it('lets the person list their own events by a query on their uid', async () => {
    const mine = await assertSucceeds(getDocs(query(collection(anna(), 'insightEvents'), where('uid', '==', ANNA.uid))));
    expect(mine.docs.map((d) => d.id)).toEqual(['a1']);
  });

  it("refuses a colleague's event to a colleague", async () => {
    await assertFails(getDoc(doc(bram(), 'insightEvents/a1')));
  });

  it('refuses events to comms and to administrators (they get aggregates only)', async () => {
    await assertFails(getDoc(doc(comms(), 'insightEvents/a1')));
    await assertFails(getDoc(doc(admin(), 'insightEvents/a1')));
    await assertFails(getDocs(collection(comms(), 'insightEvents')));
  });

  it('refuses a query not limited to the caller', async () => {
    await assertFails(getDocs(collection(anna(), 'insightEvents')));
    await assertFails(getDocs(query(collection(anna(), 'insightEvents'), where('pageId', '==', PAGE_ID))));
  });

  it('refuses changing or deleting an event, even one’s own', async () => {
    await assertFails(updateDoc(doc(anna(), 'insightEvents/a1'), { title: 'x' }));
    await assertFails(deleteDoc(doc(anna(), 'insightEvents/a1')));
  });
});

describe('server-only summaries', () => {
  const closed = ['insightDays/2026-11-20', 'insightWeeks/2026-W47', 'insightPeople/0', 'insightState/questions', 'insightState/people'];

  beforeEach(async () => {
    await seed(env, Object.fromEntries(closed.map((path) => [path, { x: 1 }])));
  });

  it.each(closed)('refuses %s to comms, administrators and members', async (path) => {
    await assertFails(getDoc(doc(comms(), path)));
    await assertFails(getDoc(doc(admin(), path)));
    await assertFails(getDoc(doc(anna(), path)));
  });

  it.each(closed)('refuses writing %s to administrators', async (path) => {
    await assertFails(setDoc(doc(admin(), path), { x: 2 }));
  });
});

describe('openQuestions', () => {
  beforeEach(async () => {
    await seed(env, {
      'openQuestions/HR': { section: 'HR', questions: [], updatedAt: 1 },
      'openQuestions/_rest': { section: null, questions: [], updatedAt: 1 },
    });
  });

  it("lets a section's community manager read its questions", async () => {
    await assertSucceeds(getDoc(doc(dbAs(env, 'iris-uid', { roles: { communityManager: ['HR'] } }), 'openQuestions/HR')));
  });

  it("refuses another section's community manager", async () => {
    await assertFails(getDoc(doc(dbAs(env, 'kees-uid', { roles: { communityManager: ['ICT'] } }), 'openQuestions/HR')));
  });

  it('refuses a member without the role', async () => {
    await assertFails(getDoc(doc(anna(), 'openQuestions/HR')));
  });

  it('lets comms and administrators read every list', async () => {
    await assertSucceeds(getDoc(doc(comms(), 'openQuestions/HR')));
    await assertSucceeds(getDoc(doc(admin(), 'openQuestions/_rest')));
  });

  it('refuses writing to everyone, comms included', async () => {
    await assertFails(setDoc(doc(comms(), 'openQuestions/HR'), { section: 'HR', questions: [], updatedAt: 2 }));
  });
});
