// firebase/firestore.rules, pages/{pageId}/comments/{commentId}: posted with a counter bump on the
// page, edited and soft-deleted only by their author, never hard-deleted.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
  writeBatch,
  increment,
} from 'firebase/firestore';
import { ANNA, BRAM } from '../helpers/fixtures';
import { newCommentId } from '../../lib/core/schema';
import {
  commentPath,
  dbAs,
  dbSignedOut,
  newComment,
  newId,
  PAGE_ID,
  PAGE_TITLE,
  PAGE_URL,
  pagePath,
  PAST,
  postComment,
  ratePath,
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
/** Ids of comments the tests create (the client's format); seeded ones keep short ids like 'c1'. */
const C1 = newId('c1');
const C2 = newId('c2');

describe('reading comments', () => {
  it('denies reading a comment when signed out', async () => {
    await seedPageWithOneComment(env);
    await assertFails(getDoc(doc(dbSignedOut(env), commentPath('c1'))));
  });

  it('denies listing comments when signed out', async () => {
    await seedPageWithOneComment(env);
    await assertFails(getDocs(collection(dbSignedOut(env), pagePath(), 'comments')));
  });

  it('allows a signed-in user to get a comment', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(getDoc(doc(bram(), commentPath('c1'))));
  });

  it('allows a signed-in user the delta query by updatedAt', async () => {
    await seedPageWithOneComment(env);
    const since = Timestamp.fromDate(new Date('2024-01-01T00:00:00Z'));
    const delta = query(collection(bram(), pagePath(), 'comments'), where('updatedAt', '>=', since), orderBy('updatedAt'));
    await assertSucceeds(getDocs(delta));
  });
});

describe('posting a comment', () => {
  it('allows the first comment on a page, creating the page with it', async () => {
    await assertSucceeds(postComment(anna(), ANNA, { commentId: C1 }));
  });

  it('allows a comment on an existing page with the counter +1', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(postComment(bram(), BRAM, { commentId: C2 }));
  });

  it('allows a reply to a live top-level comment', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(postComment(bram(), BRAM, { commentId: C2, comment: { parentId: 'c1' } }));
  });

  it('allows text of exactly 2000 characters', async () => {
    await assertSucceeds(postComment(anna(), ANNA, { commentId: C1, comment: { text: 'x'.repeat(2000) } }));
  });

  it('denies posting when signed out', async () => {
    const db = dbSignedOut(env);
    const batch = writeBatch(db);
    batch.set(doc(db, commentPath(C1)), newComment(ANNA));
    batch.set(doc(db, pagePath()), {
      url: PAGE_URL,
      title: PAGE_TITLE,
      commentCount: 1,
      lastCommentId: C1,
      updatedAt: serverTimestamp(),
    });
    await assertFails(batch.commit());
  });

  it('denies a reply to a reply (replies are one level deep)', async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA),
      [commentPath('c2')]: storedComment(BRAM, { parentId: 'c1' }),
      [pagePath()]: storedPage(2, 'c2'),
    });
    await assertFails(postComment(anna(), ANNA, { commentId: newId('c3'), comment: { parentId: 'c2' } }));
  });

  it('denies a reply to a deleted comment', async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA, { deleted: true, text: '' }),
      [pagePath()]: storedPage(0, 'c1'),
    });
    await assertFails(postComment(bram(), BRAM, { commentId: C2, comment: { parentId: 'c1' } }));
  });

  it('denies a reply to a comment that does not exist', async () => {
    await seedPageWithOneComment(env);
    await assertFails(postComment(bram(), BRAM, { commentId: C2, comment: { parentId: 'nope' } }));
  });

  it('denies a reply to a comment on another page', async () => {
    await seed(env, {
      [commentPath('c1', 'p_other')]: storedComment(ANNA, { pageId: 'p_other' }),
      [pagePath('p_other')]: storedPage(1, 'c1'),
    });
    await assertFails(postComment(bram(), BRAM, { commentId: C2, comment: { parentId: 'c1' } }));
  });

  it("denies a comment whose authorUid is another user's", async () => {
    // Bram's own name, so only the uid is false.
    await assertFails(postComment(bram(), BRAM, { commentId: C1, comment: { authorUid: ANNA.uid } }));
  });

  it("denies a comment whose authorName is not the author's profile name", async () => {
    await assertFails(postComment(bram(), BRAM, { commentId: C1, comment: { authorName: ANNA.displayName } }));
  });

  it('denies a comment by a user without a profile', async () => {
    const carla = { uid: 'carla-uid', displayName: 'Carla' };
    await assertFails(postComment(dbAs(env, carla.uid), carla, { commentId: C1 }));
  });

  it('denies empty text', async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: C1, comment: { text: '' } }));
  });

  it('denies whitespace-only text', async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: C1, comment: { text: '  \n\t  \r\n ' } }));
  });

  it('denies text longer than 2000 characters', async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: C1, comment: { text: 'x'.repeat(2001) } }));
  });

  it('denies text that is not a string', async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: C1, comment: { text: 12345 } }));
  });

  it('denies a comment with a field outside the model', async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: C1, comment: { likes: 0 } }));
  });

  it('denies a comment missing a field of the model', async () => {
    const { editedAt: _omitted, ...withoutEditedAt } = newComment(ANNA);
    const db = anna();
    const batch = writeBatch(db);
    batch.set(doc(db, commentPath(C1)), withoutEditedAt);
    batch.set(doc(db, pagePath()), { url: PAGE_URL, title: PAGE_TITLE, commentCount: 1, likeCount: 0, lastCommentId: C1, updatedAt: serverTimestamp() });
    batch.set(doc(db, ratePath(ANNA.uid)), { windowStart: serverTimestamp(), count: 1, last: `${PAGE_ID}/${C1}` });
    await assertFails(batch.commit());
  });

  it('denies a createdAt that is not the request time', async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: C1, comment: { createdAt: Timestamp.fromMillis(Date.now() - 1000) } }));
  });

  it('denies an updatedAt that is not the request time', async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: C1, comment: { updatedAt: PAST } }));
  });

  it('denies a new comment that claims to be edited', async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: C1, comment: { editedAt: serverTimestamp() } }));
  });

  it('denies a new comment that is already deleted', async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: C1, comment: { deleted: true } }));
  });

  it("denies a pageId that is not the page in the comment's path", async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: C1, comment: { pageId: 'p_other' } }));
  });

  it('denies a comment without the page counter bump', async () => {
    await seedPageWithOneComment(env);
    await assertFails(postComment(bram(), BRAM, { commentId: C2, writePage: false }));
  });

  it('denies a comment on a new page without creating the page', async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: C1, writePage: false }));
  });

  it('denies a comment whose batch moves the counter by +2', async () => {
    await seedPageWithOneComment(env);
    await assertFails(postComment(bram(), BRAM, { commentId: C2, countBy: 2 }));
  });

  it('denies a comment whose page names another comment as lastCommentId', async () => {
    await seedPageWithOneComment(env);
    await assertFails(postComment(bram(), BRAM, { commentId: C2, page: { lastCommentId: 'c1' } }));
  });

  it('denies two comments in one batch with the counter +2', async () => {
    await seedPageWithOneComment(env);
    const db = bram();
    const batch = writeBatch(db);
    batch.set(doc(db, commentPath(C2)), newComment(BRAM));
    batch.set(doc(db, commentPath(newId('c3'))), newComment(BRAM));
    batch.set(doc(db, ratePath(BRAM.uid)), { windowStart: serverTimestamp(), count: 1, last: `${PAGE_ID}/${newId('c3')}` });
    batch.update(doc(db, pagePath()), { commentCount: increment(2), lastCommentId: newId('c3'), updatedAt: serverTimestamp() });
    await assertFails(batch.commit());
  });

  it('denies overwriting an existing comment by posting with its id', async () => {
    await seed(env, { [commentPath(C1)]: storedComment(ANNA), [pagePath()]: storedPage(1, C1) });
    await assertFails(postComment(anna(), ANNA, { commentId: C1, comment: { text: 'Overschreven' } }));
  });
});

describe('comment ids', () => {
  it('allows an id made by the client (lib/core/schema.ts newCommentId)', async () => {
    await assertSucceeds(postComment(anna(), ANNA, { commentId: newCommentId() }));
  });

  it.each([
    ['`page` (the like target of the page itself)', 'page'],
    ['a short id', 'c1'],
    ['21 characters', 'a'.repeat(21)],
    ['19 characters', 'a'.repeat(19)],
    ['other characters', 'abcdefghij-klmnopqrs'],
  ])('denies %s as a new comment’s id', async (_what, id) => {
    await assertFails(postComment(anna(), ANNA, { commentId: id }));
  });
});

describe('editing a comment', () => {
  const edit = (fields: Record<string, unknown> = {}) => ({
    text: 'Gevonden: via het selfserviceportaal.',
    editedAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
    ...fields,
  });

  it('allows the author to edit their own comment', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(updateDoc(doc(anna(), commentPath('c1')), edit()));
  });

  it("denies editing someone else's comment", async () => {
    await seedPageWithOneComment(env);
    await assertFails(updateDoc(doc(bram(), commentPath('c1')), edit()));
  });

  it('denies editing when signed out', async () => {
    await seedPageWithOneComment(env);
    await assertFails(updateDoc(doc(dbSignedOut(env), commentPath('c1')), edit()));
  });

  it.each([
    ['authorUid', { authorUid: BRAM.uid }],
    ['authorName', { authorName: 'Anna V.' }],
    ['createdAt', { createdAt: serverTimestamp() }],
    ['parentId', { parentId: 'c0' }],
    ['pageId', { pageId: 'p_other' }],
  ])('denies changing the immutable field %s on edit', async (_field, change) => {
    await seedPageWithOneComment(env);
    await assertFails(updateDoc(doc(anna(), commentPath('c1')), edit(change)));
  });

  it('denies editing a deleted comment', async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA, { deleted: true, text: '' }),
      [pagePath()]: storedPage(0, 'c1'),
    });
    await assertFails(updateDoc(doc(anna(), commentPath('c1')), edit()));
  });

  it('denies an edit to whitespace-only text', async () => {
    await seedPageWithOneComment(env);
    await assertFails(updateDoc(doc(anna(), commentPath('c1')), edit({ text: '   ' })));
  });

  it('denies an edit to text longer than 2000 characters', async () => {
    await seedPageWithOneComment(env);
    await assertFails(updateDoc(doc(anna(), commentPath('c1')), edit({ text: 'x'.repeat(2001) })));
  });

  it('denies an edit whose editedAt is not the request time', async () => {
    await seedPageWithOneComment(env);
    await assertFails(updateDoc(doc(anna(), commentPath('c1')), edit({ editedAt: PAST })));
  });

  it('denies an edit without a new updatedAt (delta sync would miss it)', async () => {
    await seedPageWithOneComment(env);
    await assertFails(updateDoc(doc(anna(), commentPath('c1')), { text: 'Stil aangepast', editedAt: serverTimestamp() }));
  });
});

describe('soft-deleting a comment', () => {
  it('allows the author to soft-delete their own comment with the counter −1', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(softDeleteComment(anna(), { commentId: 'c1' }));
  });

  it('allows soft-deleting a comment that has replies', async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA),
      [commentPath('c2')]: storedComment(BRAM, { parentId: 'c1' }),
      [pagePath()]: storedPage(2, 'c2'),
    });
    await assertSucceeds(softDeleteComment(anna(), { commentId: 'c1' }));
  });

  it('denies a soft delete without the counter change', async () => {
    await seedPageWithOneComment(env);
    await assertFails(softDeleteComment(anna(), { commentId: 'c1', writePage: false }));
  });

  it('denies a soft delete that moves the counter by −2', async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA),
      [commentPath('c2')]: storedComment(ANNA),
      [pagePath()]: storedPage(2, 'c2'),
    });
    await assertFails(softDeleteComment(anna(), { commentId: 'c1', countBy: -2 }));
  });

  it("denies soft-deleting someone else's comment", async () => {
    await seedPageWithOneComment(env);
    await assertFails(softDeleteComment(bram(), { commentId: 'c1' }));
  });

  it('denies a soft delete that keeps the text', async () => {
    await seedPageWithOneComment(env);
    await assertFails(softDeleteComment(anna(), { commentId: 'c1', comment: { text: 'Nog leesbaar' } }));
  });

  it('denies a soft delete that changes editedAt', async () => {
    await seedPageWithOneComment(env);
    await assertFails(softDeleteComment(anna(), { commentId: 'c1', comment: { editedAt: serverTimestamp() } }));
  });

  it('denies soft-deleting a comment that is already deleted', async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA, { deleted: true, text: '' }),
      [commentPath('c2')]: storedComment(ANNA),
      [pagePath()]: storedPage(1, 'c2'),
    });
    await assertFails(softDeleteComment(anna(), { commentId: 'c1' }));
  });

  it('denies restoring a deleted comment', async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA, { deleted: true, text: '' }),
      [pagePath()]: storedPage(0, 'c1'),
    });
    await assertFails(updateDoc(doc(anna(), commentPath('c1')), { deleted: false, text: 'Terug', updatedAt: serverTimestamp() }));
  });
});

describe('hard-deleting a comment', () => {
  it('denies the author hard-deleting their own comment', async () => {
    await seedPageWithOneComment(env);
    await assertFails(deleteDoc(doc(anna(), commentPath('c1'))));
  });

  it('denies hard-deleting when signed out', async () => {
    await seedPageWithOneComment(env);
    await assertFails(deleteDoc(doc(dbSignedOut(env), commentPath('c1'))));
  });
});

describe('paths outside the model', () => {
  it('denies writing to a collection the rules do not name', async () => {
    await assertFails(setDoc(doc(anna(), 'likes/x'), { pageId: PAGE_ID }));
  });
});
