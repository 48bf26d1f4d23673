// firebase/firestore.rules, rate/{uid}: at most 10 comments per window of at least a minute. The
// client moves its own rate window in the same batch as every comment it creates (named or
// anonymous), naming the comment in `last`; the comment's rule checks that with one getAfter().
// The window is readable by its owner alone, so it never ties anyone to an anonymous post.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  increment,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
  writeBatch,
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import { ANNA, BRAM } from '../helpers/fixtures';
import {
  commentPath,
  dbAs,
  newComment,
  newId,
  PAGE_ID,
  pagePath,
  postComment,
  ratePath,
  readStored,
  seed,
  seedPageWithOneComment,
  seedProfiles,
  startRulesEnv,
} from '../helpers/rules-env';

let env: RulesTestEnvironment;

beforeAll(async () => {
  env = await startRulesEnv();
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seedProfiles(env);
  await seedPageWithOneComment(env);
});

const anna = () => dbAs(env, ANNA.uid);
const bram = () => dbAs(env, BRAM.uid);
const ago = (seconds: number) => Timestamp.fromMillis(Date.now() - seconds * 1000);
const seedWindow = (uid: string, windowStart: Timestamp, count: number) => seed(env, { [ratePath(uid)]: { windowStart, count, last: `${PAGE_ID}/c1` } });

/** Anna's new comment `id` with the rate write `rate` (an update or a set of rate/{anna}), in one batch. */
function postWithRate(id: string, rate: { update?: DocumentData; set?: DocumentData }, db: Firestore = anna()) {
  const batch = writeBatch(db);
  batch.set(doc(db, commentPath(id)), newComment(ANNA));
  batch.update(doc(db, pagePath()), { commentCount: increment(1), lastCommentId: id, updatedAt: serverTimestamp() });
  if (rate.update) batch.update(doc(db, ratePath(ANNA.uid)), rate.update);
  if (rate.set) batch.set(doc(db, ratePath(ANNA.uid)), rate.set);
  return batch.commit();
}
const last = (id: string) => `${PAGE_ID}/${id}`;

describe('posting within the limit', () => {
  it('allows the first comment, opening a window (count 1, windowStart = server time)', async () => {
    await assertSucceeds(postComment(anna(), ANNA, { commentId: newId('c2') }));
    expect(await readStored(env, ratePath(ANNA.uid))).toMatchObject({ count: 1, last: last(newId('c2')) });
  });

  it('allows ten comments in a row, and refuses the eleventh within the minute', async () => {
    for (let i = 0; i < 10; i++) await assertSucceeds(postComment(anna(), ANNA, { commentId: newId(`n${i}`) }));
    expect((await readStored(env, ratePath(ANNA.uid)))?.count).toBe(10);
    await assertFails(postComment(anna(), ANNA, { commentId: newId('n10') }));
    expect((await readStored(env, pagePath()))?.commentCount).toBe(11);
  });

  it('allows a new window once the full one is a minute old', async () => {
    await seedWindow(ANNA.uid, ago(61), 10);
    await assertSucceeds(postComment(anna(), ANNA, { commentId: newId('c2') }));
    expect((await readStored(env, ratePath(ANNA.uid)))?.count).toBe(1);
  });

  it('allows counting on in an old window (stricter, and needs no clock on the client)', async () => {
    await seedWindow(ANNA.uid, ago(3600), 4);
    await assertSucceeds(postWithRate(newId('c2'), { update: { count: increment(1), last: last(newId('c2')) } }));
  });

  it('counts anonymous comments too (the same window)', async () => {
    await seedWindow(ANNA.uid, ago(10), 10);
    const db = anna();
    const id = newId('a2');
    const { authorUid: _uid, authorName: _name, ...rest } = newComment(ANNA);
    const batch = writeBatch(db);
    batch.set(doc(db, commentPath(id)), { ...rest, anonymous: true });
    batch.set(doc(db, `commentOwners/${id}`), { uid: ANNA.uid, pageId: PAGE_ID, createdAt: serverTimestamp() });
    batch.update(doc(db, pagePath()), { commentCount: increment(1), lastCommentId: id, updatedAt: serverTimestamp() });
    batch.update(doc(db, ratePath(ANNA.uid)), { count: increment(1), last: last(id) });
    await assertFails(batch.commit());
  });

  it('one person’s full window does not hold back another', async () => {
    await seedWindow(ANNA.uid, ago(10), 10);
    await assertSucceeds(postComment(bram(), BRAM, { commentId: newId('b2') }));
  });
});

describe('forging the window', () => {
  it('denies a comment without a rate move', async () => {
    await seedWindow(ANNA.uid, ago(10), 1);
    await assertFails(postComment(anna(), ANNA, { commentId: newId('c2'), rate: false }));
  });

  it('denies a comment whose rate move names another comment', async () => {
    await seedWindow(ANNA.uid, ago(10), 1);
    await assertFails(postWithRate(newId('c2'), { update: { count: increment(1), last: last(newId('c3')) } }));
  });

  it('denies a comment whose rate move is someone else’s window', async () => {
    await seedWindow(ANNA.uid, ago(10), 1);
    await seedWindow(BRAM.uid, ago(10), 1);
    const db = anna();
    const id = newId('c2');
    const batch = writeBatch(db);
    batch.set(doc(db, commentPath(id)), newComment(ANNA));
    batch.update(doc(db, pagePath()), { commentCount: increment(1), lastCommentId: id, updatedAt: serverTimestamp() });
    batch.update(doc(db, ratePath(BRAM.uid)), { count: increment(1), last: last(id) });
    await assertFails(batch.commit());
  });

  it('denies resetting a window that is less than a minute old', async () => {
    await seedWindow(ANNA.uid, ago(30), 3);
    await assertFails(postWithRate(newId('c2'), { set: { windowStart: serverTimestamp(), count: 1, last: last(newId('c2')) } }));
  });

  it('denies counting down, or on by two', async () => {
    await seedWindow(ANNA.uid, ago(10), 5);
    await assertFails(postWithRate(newId('c2'), { update: { count: 4, last: last(newId('c2')) } }));
    await assertFails(postWithRate(newId('c2'), { update: { count: increment(2), last: last(newId('c2')) } }));
  });

  it('denies moving the window start back (to make it look old)', async () => {
    await seedWindow(ANNA.uid, ago(10), 10);
    await assertFails(postWithRate(newId('c2'), { update: { windowStart: ago(120), count: 1, last: last(newId('c2')) } }));
    await assertFails(postWithRate(newId('c2'), { update: { windowStart: ago(120), count: increment(1), last: last(newId('c2')) } }));
  });

  it('denies opening a first window with a count other than 1, or a start other than now', async () => {
    await assertFails(postWithRate(newId('c2'), { set: { windowStart: serverTimestamp(), count: 0, last: last(newId('c2')) } }));
    await assertFails(postWithRate(newId('c2'), { set: { windowStart: ago(120), count: 1, last: last(newId('c2')) } }));
  });

  it('denies extra fields in the window', async () => {
    await assertFails(postWithRate(newId('c2'), { set: { windowStart: serverTimestamp(), count: 1, last: last(newId('c2')), pageId: PAGE_ID } }));
  });

  it('denies writing or deleting someone else’s window', async () => {
    await seedWindow(ANNA.uid, ago(120), 10);
    await assertFails(setDoc(doc(bram(), ratePath(ANNA.uid)), { windowStart: serverTimestamp(), count: 1, last: 'x' }));
    await assertFails(deleteDoc(doc(bram(), ratePath(ANNA.uid))));
    await assertFails(deleteDoc(doc(anna(), ratePath(ANNA.uid))));
  });
});

describe('nobody else can read it (it would tie a person to their anonymous posts by time)', () => {
  beforeEach(() => seedWindow(ANNA.uid, ago(10), 2));

  it('allows its owner to get it', async () => {
    await assertSucceeds(getDoc(doc(anna(), ratePath(ANNA.uid))));
  });

  it('denies a colleague getting it, whether it exists or not', async () => {
    await assertFails(getDoc(doc(bram(), ratePath(ANNA.uid))));
    await assertFails(getDoc(doc(bram(), ratePath('nobody-uid'))));
  });

  it('denies listing or querying windows, even one’s own', async () => {
    await assertFails(getDocs(collection(bram(), 'rate')));
    await assertFails(getDocs(query(collection(bram(), 'rate'), where('last', '==', `${PAGE_ID}/c1`))));
    await assertFails(getDocs(collection(anna(), 'rate')));
  });

  it('denies a colleague changing it to probe it', async () => {
    await assertFails(updateDoc(doc(bram(), ratePath(ANNA.uid)), { count: increment(1), last: 'x' }));
  });
});
