// firebase/firestore.rules, pages/{pageId}: readable by signed-in users; written only together
// with the comment that moves its counter (create +1, soft delete −1).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, getDoc, increment, serverTimestamp, setDoc, updateDoc, writeBatch } from 'firebase/firestore';
import { ANNA, BRAM } from '../helpers/fixtures';
import {
  commentPath,
  dbAs,
  dbSignedOut,
  newId,
  PAGE_ID,
  pageIdOf,
  PAGE_TITLE,
  PAGE_URL,
  pagePath,
  PAST,
  postComment,
  readStored,
  seed,
  seedPageWithOneComment,
  seedProfiles,
  storedComment,
  storedPage,
  startRulesEnv,
} from '../helpers/rules-env';

let env: RulesTestEnvironment;
/** Ids of comments the tests create (the client's format); seeded ones keep short ids like 'c1'. */
const C1 = newId('c1');
const C2 = newId('c2');

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

describe('reading pages', () => {
  it('denies reading a page when signed out', async () => {
    await seedPageWithOneComment(env);
    await assertFails(getDoc(doc(dbSignedOut(env), pagePath())));
  });

  it('allows any signed-in user to read a page', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(getDoc(doc(dbAs(env, BRAM.uid), pagePath())));
  });
});

describe('creating a page', () => {
  it('allows creating a page together with its first comment (count 1)', async () => {
    await assertSucceeds(postComment(dbAs(env, ANNA.uid), ANNA, { commentId: C1 }));
  });

  it('denies creating a page when signed out', async () => {
    await assertFails(
      setDoc(doc(dbSignedOut(env), pagePath()), {
        url: PAGE_URL,
        title: PAGE_TITLE,
        commentCount: 1,
        lastCommentId: 'c1',
        updatedAt: serverTimestamp(),
      }),
    );
  });

  it('denies creating a page with commentCount 2', async () => {
    await assertFails(postComment(dbAs(env, ANNA.uid), ANNA, { commentId: C1, countBy: 2 }));
  });

  it('denies creating a page without a comment in the same batch', async () => {
    await assertFails(
      setDoc(doc(dbAs(env, ANNA.uid), pagePath()), {
        url: PAGE_URL,
        title: PAGE_TITLE,
        commentCount: 1,
        lastCommentId: 'c1',
        updatedAt: serverTimestamp(),
      }),
    );
  });

  it('denies creating a page that names a comment which already existed', async () => {
    // An orphan comment (say, left by a bug): a page may not be created around it.
    await seed(env, { [commentPath('c0')]: storedComment(ANNA) });
    await assertFails(
      setDoc(doc(dbAs(env, ANNA.uid), pagePath()), {
        url: PAGE_URL,
        title: PAGE_TITLE,
        commentCount: 1,
        lastCommentId: 'c0',
        updatedAt: serverTimestamp(),
      }),
    );
  });

  it('denies creating a page whose updatedAt is not the request time', async () => {
    await assertFails(postComment(dbAs(env, ANNA.uid), ANNA, { commentId: C1, page: { updatedAt: PAST } }));
  });

  it('denies creating a page with a field outside the model', async () => {
    await assertFails(postComment(dbAs(env, ANNA.uid), ANNA, { commentId: C1, page: { pinned: true } }));
  });

  it('denies a url longer than 2048 characters', async () => {
    await assertFails(postComment(dbAs(env, ANNA.uid), ANNA, { commentId: C1, page: { url: `http://intranet/${'x'.repeat(2040)}` } }));
  });

  it('denies a page whose id is not made from its url (pageIdFor: the hash of the url)', async () => {
    await assertFails(postComment(dbAs(env, ANNA.uid), ANNA, { commentId: C1, page: { url: 'http://lookalike.example/ict/helpdesk.html' } }));
  });

  it('denies a page id of another format, even for a real url', async () => {
    await assertFails(postComment(dbAs(env, ANNA.uid), ANNA, { commentId: C1, pageId: 'p_helpdesk' }));
  });

  it('allows the first comment on another page, under the id of its own url', async () => {
    const url = 'http://intranet.lindeveen.local/hr/verlof.html';
    expect(pageIdOf(url)).not.toBe(PAGE_ID);
    await assertSucceeds(postComment(dbAs(env, ANNA.uid), ANNA, { commentId: C1, pageId: pageIdOf(url), page: { url } }));
  });

  it('denies a title longer than 300 characters', async () => {
    await assertFails(postComment(dbAs(env, ANNA.uid), ANNA, { commentId: C1, page: { title: 't'.repeat(301) } }));
  });
});

describe('updating a page', () => {
  it('allows the counter +1 with a new comment on an existing page', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(postComment(dbAs(env, BRAM.uid), BRAM, { commentId: C2 }));
  });

  it('allows a new comment that updates only the counter, without url or title (as the outbox does)', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(postComment(dbAs(env, BRAM.uid), BRAM, { commentId: C2, pageFacts: false }));
  });

  it('allows a new comment whose page write repeats the stored url and title', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(postComment(dbAs(env, BRAM.uid), BRAM, { commentId: C2 }));
  });

  // Formerly allowed ("refresh the title"): any member could rename any page with a forged report.
  it('denies changing the title along with a new comment (fixed at creation)', async () => {
    await seedPageWithOneComment(env);
    await assertFails(postComment(dbAs(env, BRAM.uid), BRAM, { commentId: C2, page: { title: 'ICT-servicedesk' } }));
    expect((await readStored(env, pagePath()))?.title).toBe(PAGE_TITLE);
  });

  it('denies a counter bump without a comment', async () => {
    await seedPageWithOneComment(env);
    await assertFails(
      updateDoc(doc(dbAs(env, ANNA.uid), pagePath()), {
        commentCount: increment(1),
        lastCommentId: 'c2',
        updatedAt: serverTimestamp(),
      }),
    );
  });

  it('denies a counter bump that names an existing comment instead of a new one', async () => {
    await seedPageWithOneComment(env);
    await assertFails(
      updateDoc(doc(dbAs(env, ANNA.uid), pagePath()), {
        commentCount: increment(1),
        lastCommentId: 'c1',
        updatedAt: serverTimestamp(),
      }),
    );
  });

  it('denies a counter −1 without soft-deleting the named comment', async () => {
    await seedPageWithOneComment(env);
    await assertFails(
      updateDoc(doc(dbAs(env, ANNA.uid), pagePath()), {
        commentCount: increment(-1),
        lastCommentId: 'c1',
        updatedAt: serverTimestamp(),
      }),
    );
  });

  it('denies an update that leaves the counter unchanged (title only)', async () => {
    await seedPageWithOneComment(env);
    await assertFails(updateDoc(doc(dbAs(env, ANNA.uid), pagePath()), { title: 'Nieuwe titel', updatedAt: serverTimestamp() }));
  });

  it('denies changing the url', async () => {
    await seedPageWithOneComment(env);
    await assertFails(postComment(dbAs(env, BRAM.uid), BRAM, { commentId: C2, page: { url: 'http://intranet/other.html' } }));
  });

  it('denies an update whose updatedAt is not the request time', async () => {
    await seedPageWithOneComment(env);
    await assertFails(postComment(dbAs(env, BRAM.uid), BRAM, { commentId: C2, page: { updatedAt: PAST } }));
  });

  it('denies adding a field outside the model', async () => {
    await seedPageWithOneComment(env);
    await assertFails(postComment(dbAs(env, BRAM.uid), BRAM, { commentId: C2, page: { pinned: true } }));
  });

  it('denies a counter that would go below zero', async () => {
    // A page whose counter already drifted to 0 while c1 is live: deleting c1 may not make it −1.
    await seed(env, { [commentPath('c1')]: storedComment(ANNA), [pagePath()]: storedPage(0, 'c1') });
    const db = dbAs(env, ANNA.uid);
    const batch = writeBatch(db);
    batch.update(doc(db, commentPath('c1')), { deleted: true, text: '', updatedAt: serverTimestamp() });
    batch.update(doc(db, pagePath()), { commentCount: increment(-1), lastCommentId: 'c1', updatedAt: serverTimestamp() });
    await assertFails(batch.commit());
  });
});

describe('deleting a page', () => {
  it('denies deleting a page, even for the author of its only comment', async () => {
    await seedPageWithOneComment(env);
    await assertFails(deleteDoc(doc(dbAs(env, ANNA.uid), pagePath())));
  });
});
