// firebase/firestore.rules: anonymous comments (no author field; the owner link in
// commentOwners/{commentId} readable only by its author). The moderator's hide: moderation.test.ts.
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
  updateDoc,
  where,
  writeBatch,
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import { ANNA, BRAM } from '../helpers/fixtures';
import {
  addRateMove,
  commentPath,
  dbAs,
  newComment,
  newId,
  PAGE_ID,
  PAGE_TITLE,
  PAGE_URL,
  pagePath,
  PAST,
  postComment,
  seed,
  seedPageWithOneComment,
  seedProfiles,
  softDeleteComment,
  startRulesEnv,
  storedComment,
  storedPage,
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
});

const anna = () => dbAs(env, ANNA.uid);
const bram = () => dbAs(env, BRAM.uid);
const ownerPath = (commentId: string) => `commentOwners/${commentId}`;
/** Ids of comments the tests create (the client's format); seeded ones keep short ids like 'a1'. */
const A1 = newId('a1');
const A2 = newId('a2');

/** An anonymous comment as the client sends it: no author fields, `anonymous: true`. */
function anonymousComment(overrides: DocumentData = {}): DocumentData {
  const { authorUid: _uid, authorName: _name, ...rest } = newComment(ANNA);
  return { ...rest, anonymous: true, ...overrides };
}

interface AnonymousPost {
  commentId?: string;
  comment?: DocumentData;
  /** Overrides on the owner link; null: no owner link in the batch. */
  owner?: DocumentData | null;
  parentId?: string | null;
}

/** Posts anonymously the way the client does: comment, owner link, page counter and rate window in one batch. */
async function postAnonymously(db: Firestore, uid: string, options: AnonymousPost = {}) {
  const commentId = options.commentId ?? A1;
  const batch = writeBatch(db);
  await addRateMove(db, batch, uid, `${PAGE_ID}/${commentId}`);
  batch.set(doc(db, commentPath(commentId)), anonymousComment({ parentId: options.parentId ?? null, ...options.comment }));
  if (options.owner !== null) {
    batch.set(doc(db, ownerPath(commentId)), { uid, pageId: PAGE_ID, createdAt: serverTimestamp(), ...options.owner });
  }
  batch.set(
    doc(db, pagePath()),
    { url: PAGE_URL, title: PAGE_TITLE, commentCount: increment(1), likeCount: increment(0), lastCommentId: commentId, updatedAt: serverTimestamp() },
    { merge: true },
  );
  return batch.commit();
}

/** Anna's anonymous comment a1 on a page with count 1, with its owner link. */
function seedAnonymousByAnna(): Promise<void> {
  const { authorUid: _uid, authorName: _name, ...named } = storedComment(ANNA);
  return seed(env, {
    [commentPath('a1')]: { ...named, anonymous: true },
    [ownerPath('a1')]: { uid: ANNA.uid, pageId: PAGE_ID, createdAt: PAST },
    [pagePath()]: storedPage(1, 'a1'),
  });
}

describe('posting anonymously', () => {
  it('allows an anonymous comment with the caller’s owner link and the counter, in one batch', async () => {
    await assertSucceeds(postAnonymously(anna(), ANNA.uid));
  });

  it('allows an anonymous reply', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(postAnonymously(bram(), BRAM.uid, { commentId: A2, parentId: 'c1' }));
  });

  it('allows an anonymous comment by someone without a profile (no name is needed)', async () => {
    await assertSucceeds(postAnonymously(dbAs(env, 'no-profile'), 'no-profile'));
  });

  it('denies an anonymous comment that carries an authorUid', async () => {
    await assertFails(postAnonymously(anna(), ANNA.uid, { comment: { authorUid: ANNA.uid } }));
  });

  it('denies an anonymous comment that carries an authorName', async () => {
    await assertFails(postAnonymously(anna(), ANNA.uid, { comment: { authorName: ANNA.displayName } }));
  });

  it('denies an anonymous comment without an owner link (nobody could ever edit it)', async () => {
    await assertFails(postAnonymously(anna(), ANNA.uid, { owner: null }));
  });

  it('denies an owner link naming someone else', async () => {
    await assertFails(postAnonymously(anna(), ANNA.uid, { owner: { uid: BRAM.uid } }));
  });

  it('denies an owner link for another page', async () => {
    await assertFails(postAnonymously(anna(), ANNA.uid, { owner: { pageId: 'p_other' } }));
  });

  it('denies an owner link with extra fields (say, a name)', async () => {
    await assertFails(postAnonymously(anna(), ANNA.uid, { owner: { name: ANNA.displayName } }));
  });

  it('denies `anonymous: false` without author fields', async () => {
    await assertFails(postAnonymously(anna(), ANNA.uid, { comment: { anonymous: false } }));
  });

  it('denies an owner link whose id is not the comment’s', async () => {
    const db = anna();
    const batch = writeBatch(db);
    await addRateMove(db, batch, ANNA.uid, `${PAGE_ID}/${A1}`);
    batch.set(doc(db, commentPath(A1)), anonymousComment());
    batch.set(doc(db, ownerPath(A2)), { uid: ANNA.uid, pageId: PAGE_ID, createdAt: serverTimestamp() });
    batch.set(
      doc(db, pagePath()),
      { url: PAGE_URL, title: PAGE_TITLE, commentCount: increment(1), likeCount: increment(0), lastCommentId: A1, updatedAt: serverTimestamp() },
      { merge: true },
    );
    await assertFails(batch.commit());
  });

  it('denies claiming an existing anonymous comment with a new owner link', async () => {
    const { authorUid: _uid, authorName: _name, ...named } = storedComment(ANNA);
    await seed(env, { [commentPath('a1')]: { ...named, anonymous: true }, [pagePath()]: storedPage(1, 'a1') });
    await assertFails(setDoc(doc(bram(), ownerPath('a1')), { uid: BRAM.uid, pageId: PAGE_ID, createdAt: serverTimestamp() }));
  });

  it('denies an owner link for a named comment', async () => {
    await seedPageWithOneComment(env);
    await assertFails(setDoc(doc(anna(), ownerPath('c1')), { uid: ANNA.uid, pageId: PAGE_ID, createdAt: serverTimestamp() }));
  });
});

describe('the owner link stays with its author', () => {
  beforeEach(seedAnonymousByAnna);

  it('allows the author to get their own owner link', async () => {
    await assertSucceeds(getDoc(doc(anna(), ownerPath('a1'))));
  });

  it('allows the author to list their own links (a query for their own uid)', async () => {
    const snap = await assertSucceeds(getDocs(query(collection(anna(), 'commentOwners'), where('uid', '==', ANNA.uid), where('pageId', '==', PAGE_ID))));
    expect(snap.docs.map((d) => d.id)).toEqual(['a1']);
  });

  it('denies another employee getting the owner link', async () => {
    await assertFails(getDoc(doc(bram(), ownerPath('a1'))));
  });

  it('denies another employee listing owner links', async () => {
    await assertFails(getDocs(collection(bram(), 'commentOwners')));
  });

  it('denies another employee querying the links of a page', async () => {
    await assertFails(getDocs(query(collection(bram(), 'commentOwners'), where('pageId', '==', PAGE_ID))));
  });

  it('denies another employee querying the links of the author', async () => {
    await assertFails(getDocs(query(collection(bram(), 'commentOwners'), where('uid', '==', ANNA.uid))));
  });

  it('denies another employee probing a link that does not exist (same answer as one that does)', async () => {
    await assertFails(getDoc(doc(bram(), ownerPath('does-not-exist'))));
  });

  it('denies changing or deleting an owner link, even by its author', async () => {
    await assertFails(updateDoc(doc(bram(), ownerPath('a1')), { uid: BRAM.uid }));
    await assertFails(updateDoc(doc(anna(), ownerPath('a1')), { uid: BRAM.uid }));
    await assertFails(deleteDoc(doc(anna(), ownerPath('a1'))));
  });

  it('a query by author finds the author’s named comments but never the anonymous one', async () => {
    await seed(env, { [commentPath('c1')]: storedComment(ANNA) });
    const snap = await assertSucceeds(getDocs(query(collection(bram(), pagePath(), 'comments'), where('authorUid', '==', ANNA.uid))));
    expect(snap.docs.map((d) => d.id)).toEqual(['c1']);
  });
});

describe('editing and deleting an anonymous comment', () => {
  beforeEach(seedAnonymousByAnna);

  it('allows its author (by the owner link) to edit it', async () => {
    await assertSucceeds(updateDoc(doc(anna(), commentPath('a1')), { text: 'Nieuwe tekst', editedAt: serverTimestamp(), updatedAt: serverTimestamp() }));
  });

  it('allows its author to soft-delete it, counter −1', async () => {
    await assertSucceeds(softDeleteComment(anna(), { commentId: 'a1' }));
  });

  it('denies another employee editing it', async () => {
    await assertFails(updateDoc(doc(bram(), commentPath('a1')), { text: 'Overgenomen', editedAt: serverTimestamp(), updatedAt: serverTimestamp() }));
  });

  it('denies another employee deleting it', async () => {
    await assertFails(softDeleteComment(bram(), { commentId: 'a1' }));
  });

  it('denies its author adding their name to it afterwards', async () => {
    await assertFails(updateDoc(doc(anna(), commentPath('a1')), { authorUid: ANNA.uid, updatedAt: serverTimestamp() }));
  });
});

describe('an owner link is bound to its page', () => {
  // Anna's anonymous comment a1 on this page, but her link names another page (as if written by
  // an older client or an import): it vouches for nothing here.
  beforeEach(async () => {
    const { authorUid: _uid, authorName: _name, ...named } = storedComment(ANNA);
    await seed(env, {
      [commentPath('a1')]: { ...named, anonymous: true },
      [ownerPath('a1')]: { uid: ANNA.uid, pageId: 'p_other', createdAt: PAST },
      [pagePath()]: storedPage(1, 'a1'),
    });
  });

  it('denies editing by a link that names another page', async () => {
    await assertFails(updateDoc(doc(anna(), commentPath('a1')), { text: 'Nieuwe tekst', editedAt: serverTimestamp(), updatedAt: serverTimestamp() }));
  });

  it('denies soft-deleting by a link that names another page', async () => {
    await assertFails(softDeleteComment(anna(), { commentId: 'a1' }));
  });

  it('allows the same edit once the link names the comment’s own page', async () => {
    await seed(env, { [ownerPath('a1')]: { uid: ANNA.uid, pageId: PAGE_ID, createdAt: PAST } });
    await assertSucceeds(updateDoc(doc(anna(), commentPath('a1')), { text: 'Nieuwe tekst', editedAt: serverTimestamp(), updatedAt: serverTimestamp() }));
  });
});

describe('the organisation switches anonymous posting off (config/settings)', () => {
  const settings = (anonymousPosting: boolean) => seed(env, { 'config/settings': { anonymousPosting, updatedAt: PAST } });

  it('allows anonymous posting while the settings document is missing (the default)', async () => {
    await assertSucceeds(postAnonymously(anna(), ANNA.uid));
  });

  it('allows anonymous posting when it is on', async () => {
    await settings(true);
    await assertSucceeds(postAnonymously(anna(), ANNA.uid));
  });

  it('denies an anonymous comment when it is off', async () => {
    await settings(false);
    await assertFails(postAnonymously(anna(), ANNA.uid));
  });

  it('denies an anonymous reply when it is off', async () => {
    await seedPageWithOneComment(env);
    await settings(false);
    await assertFails(postAnonymously(bram(), BRAM.uid, { commentId: A2, parentId: 'c1' }));
  });

  it('still allows named comments when it is off', async () => {
    await settings(false);
    await assertSucceeds(postComment(anna(), ANNA, { commentId: newId('c1') }));
  });

  it('still lets the author edit or delete an earlier anonymous comment when it is off', async () => {
    await seedAnonymousByAnna();
    await settings(false);
    await assertSucceeds(updateDoc(doc(anna(), commentPath('a1')), { text: 'Nieuwe tekst', editedAt: serverTimestamp(), updatedAt: serverTimestamp() }));
    await assertSucceeds(softDeleteComment(anna(), { commentId: 'a1' }));
  });
});

describe('named and anonymous side by side', () => {
  it('a named comment and an anonymous one on the same page each move the counter once', async () => {
    await assertSucceeds(postComment(anna(), ANNA, { commentId: newId('c1') }));
    await assertSucceeds(postAnonymously(anna(), ANNA.uid, { commentId: A1 }));
    let count: unknown;
    await env.withSecurityRulesDisabled(async (ctx) => {
      count = (await getDoc(doc(ctx.firestore() as unknown as Firestore, pagePath()))).get('commentCount');
    });
    expect(count).toBe(2);
  });
});
