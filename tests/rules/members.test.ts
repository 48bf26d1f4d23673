// firebase/firestore.rules: members only. A signed-in account whose token lacks `member: true`
// (the claim the sign-in functions set, functions/src/membership.ts) reads and writes nothing, in
// every collection; the same request by a member succeeds, so each pair proves the claim is what
// decides. Also config/settings: members read it, administrators set it.
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
  type Firestore,
} from 'firebase/firestore';
import { ANNA, BRAM } from '../helpers/fixtures';
import {
  commentPath,
  dbAs,
  dbNonMember,
  newComment,
  newId,
  PAGE_ID,
  PAGE_TITLE,
  PAGE_URL,
  pagePath,
  PAST,
  ratePath,
  seed,
  seedProfiles,
  startRulesEnv,
  storedComment,
  storedPage,
  type Claims,
} from '../helpers/rules-env';

let env: RulesTestEnvironment;

beforeAll(async () => {
  env = await startRulesEnv();
});
afterAll(async () => {
  await env.cleanup();
});

/**
 * One of everything: Anna's question c1 and Bram's reply r1 on the page, Anna's anonymous a1 with
 * her owner link, Bram's like of c1, Anna's "this helped" on r1, evidence, a directory shard,
 * the settings, and Anna's rate window.
 */
beforeEach(async () => {
  await env.clearFirestore();
  await seedProfiles(env);
  const { authorUid: _uid, authorName: _name, ...named } = storedComment(ANNA);
  await seed(env, {
    [commentPath('c1')]: storedComment(ANNA, { likeCount: 1 }),
    [commentPath('r1')]: storedComment(BRAM, { parentId: 'c1' }),
    [commentPath('a1')]: { ...named, anonymous: true },
    'commentOwners/a1': { uid: ANNA.uid, pageId: PAGE_ID, createdAt: PAST },
    [pagePath()]: storedPage(3, 'a1'),
    [`pages/${PAGE_ID}/likes/c1_${BRAM.uid}`]: { targetId: 'c1', uid: BRAM.uid, name: BRAM.displayName, active: true, updatedAt: PAST },
    [`pages/${PAGE_ID}/helpful/r1`]: { replyId: 'r1', parentId: 'c1', createdAt: PAST },
    [`evidence/${BRAM.uid}`]: { pages: [], updatedAt: PAST },
    'directoryShards/0': { people: [], updatedAt: PAST },
    'config/settings': { anonymousPosting: true, updatedAt: PAST },
    [ratePath(ANNA.uid)]: { windowStart: PAST, count: 1, last: `${PAGE_ID}/c1` },
    [`moderationQueue/${PAGE_ID}_r1`]: { pageId: PAGE_ID, commentId: 'r1', sectionKey: '_rest', status: 'open' },
  });
});

/** Firestore as a person, member or not. */
type As = (uid: string, claims?: Claims) => Firestore;

/** A new named comment by Anna with its page counter and rate window, as the outbox writes it. */
function postNamed(db: Firestore) {
  const id = newId('c2');
  const batch = writeBatch(db);
  batch.set(doc(db, commentPath(id)), newComment(ANNA));
  batch.update(doc(db, pagePath()), { commentCount: increment(1), lastCommentId: id, updatedAt: serverTimestamp() });
  batch.update(doc(db, ratePath(ANNA.uid)), { count: increment(1), last: `${PAGE_ID}/${id}` });
  return batch.commit();
}

/** A new anonymous comment by Anna with its owner link, page counter and rate window. */
function postAnonymous(db: Firestore) {
  const id = newId('a2');
  const { authorUid: _uid, authorName: _name, ...rest } = newComment(ANNA);
  const batch = writeBatch(db);
  batch.set(doc(db, commentPath(id)), { ...rest, anonymous: true });
  batch.set(doc(db, `commentOwners/${id}`), { uid: ANNA.uid, pageId: PAGE_ID, createdAt: serverTimestamp() });
  batch.update(doc(db, pagePath()), { commentCount: increment(1), lastCommentId: id, updatedAt: serverTimestamp() });
  batch.update(doc(db, ratePath(ANNA.uid)), { count: increment(1), last: `${PAGE_ID}/${id}` });
  return batch.commit();
}

/** Anna likes Bram's reply r1: like document and counter in one batch. */
function likeReply(db: Firestore) {
  const batch = writeBatch(db);
  batch.set(doc(db, `pages/${PAGE_ID}/likes/r1_${ANNA.uid}`), {
    targetId: 'r1',
    uid: ANNA.uid,
    name: ANNA.displayName,
    active: true,
    updatedAt: serverTimestamp(),
  });
  batch.update(doc(db, commentPath('r1')), { likeCount: increment(1), lastLikeId: `r1_${ANNA.uid}`, updatedAt: serverTimestamp() });
  return batch.commit();
}

/** Bram takes back his like of c1. */
function unlike(db: Firestore) {
  const batch = writeBatch(db);
  batch.update(doc(db, `pages/${PAGE_ID}/likes/c1_${BRAM.uid}`), { active: false, name: BRAM.displayName, updatedAt: serverTimestamp() });
  batch.update(doc(db, commentPath('c1')), { likeCount: increment(-1), lastLikeId: `c1_${BRAM.uid}`, updatedAt: serverTimestamp() });
  return batch.commit();
}

/** Anna reports Bram's reply r1 (one report per person and comment: its id says who and what). */
function report(db: Firestore) {
  return setDoc(doc(db, `reports/${PAGE_ID}_r1_${ANNA.uid}`), {
    pageId: PAGE_ID,
    commentId: 'r1',
    uid: ANNA.uid,
    reason: 'spam',
    text: '',
    createdAt: serverTimestamp(),
  });
}

/** Every request a member may make, by collection: [what, who, claims, request]. */
const REQUESTS: Array<[string, string, Claims, (db: Firestore) => Promise<unknown>]> = [
  ['profiles: get someone’s profile', BRAM.uid, {}, (db) => getDoc(doc(db, `profiles/${ANNA.uid}`))],
  ['profiles: list the directory', BRAM.uid, {}, (db) => getDocs(collection(db, 'profiles'))],
  ['profiles: update one’s own skills', ANNA.uid, {}, (db) => updateDoc(doc(db, `profiles/${ANNA.uid}`), { skills: ['VPN'], updatedAt: serverTimestamp() })],
  ['pages: get a page', BRAM.uid, {}, (db) => getDoc(doc(db, pagePath()))],
  ['pages: list pages', BRAM.uid, {}, (db) => getDocs(collection(db, 'pages'))],
  ['comments: get a comment', BRAM.uid, {}, (db) => getDoc(doc(db, commentPath('c1')))],
  ['comments: list a thread', BRAM.uid, {}, (db) => getDocs(collection(db, pagePath(), 'comments'))],
  ['comments: post a named comment', ANNA.uid, {}, postNamed],
  ['comments: post an anonymous comment', ANNA.uid, {}, postAnonymous],
  [
    'comments: edit one’s own',
    ANNA.uid,
    {},
    (db) => updateDoc(doc(db, commentPath('c1')), { text: 'Aangepast', editedAt: serverTimestamp(), updatedAt: serverTimestamp() }),
  ],
  [
    'comments: soft-delete one’s own anonymous comment',
    ANNA.uid,
    {},
    (db) => {
      const batch = writeBatch(db);
      batch.update(doc(db, commentPath('a1')), { deleted: true, text: '', updatedAt: serverTimestamp() });
      batch.update(doc(db, pagePath()), { commentCount: increment(-1), lastCommentId: 'a1', updatedAt: serverTimestamp() });
      return batch.commit();
    },
  ],
  ['reports: report a colleague’s comment', ANNA.uid, {}, report],
  ['moderationQueue: a moderator reads an item', ANNA.uid, { roles: { moderator: true } }, (db) => getDoc(doc(db, `moderationQueue/${PAGE_ID}_r1`))],
  ['likes: list who liked', ANNA.uid, {}, (db) => getDocs(query(collection(db, pagePath(), 'likes'), where('targetId', '==', 'c1')))],
  ['likes: like a reply', ANNA.uid, {}, likeReply],
  ['likes: take a like back', BRAM.uid, {}, unlike],
  ['helpful: read the marks', BRAM.uid, {}, (db) => getDocs(collection(db, pagePath(), 'helpful'))],
  ['helpful: take one’s mark back', ANNA.uid, {}, (db) => deleteDoc(doc(db, `pages/${PAGE_ID}/helpful/r1`))],
  ['commentOwners: get one’s own link', ANNA.uid, {}, (db) => getDoc(doc(db, 'commentOwners/a1'))],
  ['commentOwners: query one’s own links', ANNA.uid, {}, (db) => getDocs(query(collection(db, 'commentOwners'), where('uid', '==', ANNA.uid)))],
  ['evidence: read a colleague’s evidence', ANNA.uid, {}, (db) => getDoc(doc(db, `evidence/${BRAM.uid}`))],
  ['directoryShards: read a shard', ANNA.uid, {}, (db) => getDoc(doc(db, 'directoryShards/0'))],
  ['config/settings: read the settings', ANNA.uid, {}, (db) => getDoc(doc(db, 'config/settings'))],
  [
    'config/settings: an administrator switches anonymous posting off',
    ANNA.uid,
    { roles: { admin: true } },
    (db) => setDoc(doc(db, 'config/settings'), { anonymousPosting: false, updatedAt: serverTimestamp() }),
  ],
  ['rate: get one’s own window', ANNA.uid, {}, (db) => getDoc(doc(db, ratePath(ANNA.uid)))],
];

describe('a signed-in non-member reads and writes nothing', () => {
  const member: As = (uid, claims = {}) => dbAs(env, uid, claims);
  const nonMember: As = (uid, claims = {}) => dbNonMember(env, uid, claims);

  it.each(REQUESTS)('%s: denied without the member claim, allowed with it', async (_what, uid, claims, request) => {
    await assertFails(request(nonMember(uid, claims)));
    await assertSucceeds(request(member(uid, claims)));
  });

  it.each([
    ['member: false', { member: false }],
    ['member: "true" (a string)', { member: 'true' }],
    ['member: 1', { member: 1 }],
    ['a refusal reason', { member: false, reason: 'former-colleague' }],
  ])('a token with %s is no member either', async (_what, claims) => {
    const db = dbNonMember(env, BRAM.uid, claims);
    await assertFails(getDoc(doc(db, pagePath())));
    await assertFails(getDoc(doc(db, `profiles/${ANNA.uid}`)));
    await assertFails(likeReply(dbNonMember(env, ANNA.uid, claims)));
  });

  it('a non-member’s write leaves nothing behind', async () => {
    await assertFails(postNamed(dbNonMember(env, ANNA.uid)));
    let count: unknown;
    await env.withSecurityRulesDisabled(async (ctx) => {
      count = (await getDoc(doc(ctx.firestore() as unknown as Firestore, pagePath()))).get('commentCount');
    });
    expect(count).toBe(3);
  });
});

describe('config/settings', () => {
  it('denies a member who is not an administrator changing it', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), 'config/settings'), { anonymousPosting: false, updatedAt: serverTimestamp() }));
    await assertFails(
      setDoc(doc(dbAs(env, ANNA.uid, { roles: { moderator: true } }), 'config/settings'), { anonymousPosting: false, updatedAt: serverTimestamp() }),
    );
  });

  it('denies an administrator a malformed setting, or deleting it', async () => {
    const admin = dbAs(env, ANNA.uid, { roles: { admin: true } });
    await assertFails(setDoc(doc(admin, 'config/settings'), { anonymousPosting: 'no', updatedAt: serverTimestamp() }));
    await assertFails(setDoc(doc(admin, 'config/settings'), { anonymousPosting: false, updatedAt: Timestamp.now(), extra: 1 }));
    await assertFails(deleteDoc(doc(admin, 'config/settings')));
  });
});

describe('the fixtures', () => {
  it('allow a member the first comment on the page (its id is the hash of its url)', async () => {
    await env.clearFirestore();
    await seedProfiles(env);
    const db = dbAs(env, ANNA.uid);
    const id = newId('c1');
    const batch = writeBatch(db);
    batch.set(doc(db, commentPath(id)), newComment(ANNA));
    batch.set(doc(db, pagePath()), { url: PAGE_URL, title: PAGE_TITLE, commentCount: 1, likeCount: 0, lastCommentId: id, updatedAt: serverTimestamp() });
    batch.set(doc(db, ratePath(ANNA.uid)), { windowStart: serverTimestamp(), count: 1, last: `${PAGE_ID}/${id}` });
    await assertSucceeds(batch.commit());
  });
});
