// firebase/firestore.rules, pages/{pageId}/likes/{targetId}_{uid}: one like document per (target,
// person); every flip of `active` moves its target's likeCount by exactly one in the same batch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDocs,
  increment,
  query,
  serverTimestamp,
  where,
  writeBatch,
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import { ANNA, BRAM } from '../helpers/fixtures';
import {
  commentPath,
  dbAs,
  dbSignedOut,
  PAGE_ID,
  PAGE_TITLE,
  PAST,
  PAGE_URL,
  pagePath,
  seed,
  seedPageWithOneComment,
  seedProfiles,
  readStored,
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
const likePath = (targetId: string, uid: string, pageId = PAGE_ID) => `pages/${pageId}/likes/${targetId}_${uid}`;

interface LikeOptions {
  targetId?: string;
  /** Whose like document it is (default: the caller). */
  uid?: string;
  /** The document id, if not `${targetId}_${uid}`. */
  id?: string;
  active?: boolean;
  /** Overrides on the like document. */
  like?: DocumentData;
  /** How far the counter moves (default +1 for active, -1 for inactive); null: don't write it. */
  countBy?: number | null;
  /** Overrides on the counter write. */
  counter?: DocumentData;
}

/** Likes (or unlikes) the way the client does: like document and target counter in one batch. */
function like(db: Firestore, caller: { uid: string; displayName: string }, options: LikeOptions = {}) {
  const targetId = options.targetId ?? 'c1';
  const uid = options.uid ?? caller.uid;
  const id = options.id ?? `${targetId}_${uid}`;
  const active = options.active ?? true;
  const batch = writeBatch(db);
  batch.set(doc(db, `pages/${PAGE_ID}/likes/${id}`), {
    targetId,
    uid,
    name: caller.displayName,
    active,
    updatedAt: serverTimestamp(),
    ...options.like,
  });
  const delta = options.countBy === undefined ? (active ? 1 : -1) : options.countBy;
  if (delta !== null) {
    if (targetId === 'page') {
      batch.set(
        doc(db, pagePath()),
        {
          url: PAGE_URL,
          title: PAGE_TITLE,
          commentCount: increment(0),
          likeCount: increment(delta),
          lastLikeId: id,
          updatedAt: serverTimestamp(),
          ...options.counter,
        },
        { merge: true },
      );
    } else {
      batch.update(doc(db, commentPath(targetId)), { likeCount: increment(delta), lastLikeId: id, updatedAt: serverTimestamp(), ...options.counter });
    }
  }
  return batch.commit();
}

const stored = (path: string) => readStored(env, path);

describe('liking a comment', () => {
  beforeEach(() => seedPageWithOneComment(env));

  it('allows liking a comment with its counter moved by one', async () => {
    await assertSucceeds(like(bram(), BRAM));
    expect((await stored(commentPath('c1')))?.likeCount).toBe(1);
  });

  it('allows the author to like their own comment', async () => {
    await assertSucceeds(like(anna(), ANNA));
  });

  it('denies liking when signed out', async () => {
    await assertFails(like(dbSignedOut(env), BRAM));
  });

  it('denies a like document in someone else’s name', async () => {
    await assertFails(like(bram(), BRAM, { uid: ANNA.uid }));
  });

  it('denies a like whose id is not `${targetId}_${uid}` (a second document for the same person)', async () => {
    await assertFails(like(bram(), BRAM, { id: `c1_${BRAM.uid}_2` }));
  });

  it('denies a like under a name that is not the liker’s profile name', async () => {
    await assertFails(like(bram(), BRAM, { like: { name: 'Iemand Anders' } }));
  });

  it('denies liking without a profile', async () => {
    await assertFails(like(dbAs(env, 'no-profile'), { uid: 'no-profile', displayName: 'X' }));
  });

  it('denies a like without the counter', async () => {
    await assertFails(like(bram(), BRAM, { countBy: null }));
  });

  it('denies a counter moved by two (forging)', async () => {
    await assertFails(like(bram(), BRAM, { countBy: 2 }));
  });

  it('denies a counter moved without a like document', async () => {
    await assertFails(
      (() => {
        const db = bram();
        const batch = writeBatch(db);
        batch.update(doc(db, commentPath('c1')), { likeCount: increment(1), lastLikeId: `c1_${BRAM.uid}`, updatedAt: serverTimestamp() });
        return batch.commit();
      })(),
    );
  });

  it('denies a counter that names another like than the one written', async () => {
    await assertFails(like(bram(), BRAM, { counter: { lastLikeId: `c1_${ANNA.uid}` } }));
  });

  it('denies a like document with extra fields', async () => {
    await assertFails(like(bram(), BRAM, { like: { weight: 10 } }));
  });

  it('denies a like that starts inactive', async () => {
    await assertFails(like(bram(), BRAM, { active: false, countBy: 0 }));
  });

  it('denies liking twice: the same document again with another +1', async () => {
    await assertSucceeds(like(bram(), BRAM));
    await assertFails(like(bram(), BRAM));
    expect((await stored(commentPath('c1')))?.likeCount).toBe(1);
  });

  it('denies liking a comment that does not exist', async () => {
    await assertFails(like(bram(), BRAM, { targetId: 'nope' }));
  });

  it('denies liking a deleted comment', async () => {
    await seed(env, { [commentPath('c2')]: storedComment(ANNA, { deleted: true, text: '' }) });
    await assertFails(like(bram(), BRAM, { targetId: 'c2' }));
  });

  it('denies moving the counter together with an edit of the text', async () => {
    await assertFails(like(bram(), BRAM, { counter: { text: 'overgenomen' } }));
  });
});

describe('unliking and liking again', () => {
  beforeEach(async () => {
    await seedPageWithOneComment(env);
    await like(bram(), BRAM);
  });

  it('allows unliking: active off, counter −1', async () => {
    await assertSucceeds(like(bram(), BRAM, { active: false }));
    expect((await stored(commentPath('c1')))?.likeCount).toBe(0);
  });

  it('allows liking again after an unlike', async () => {
    await like(bram(), BRAM, { active: false });
    await assertSucceeds(like(bram(), BRAM, { active: true }));
    expect((await stored(commentPath('c1')))?.likeCount).toBe(1);
  });

  it('denies unliking twice', async () => {
    await like(bram(), BRAM, { active: false });
    await assertFails(like(bram(), BRAM, { active: false }));
  });

  it('denies an unlike that moves the counter up, or not at all', async () => {
    await assertFails(like(bram(), BRAM, { active: false, countBy: 1 }));
    await assertFails(like(bram(), BRAM, { active: false, countBy: 0 }));
  });

  it('denies changing someone else’s like', async () => {
    const db = anna();
    const batch = writeBatch(db);
    batch.update(doc(db, likePath('c1', BRAM.uid)), { active: false, name: ANNA.displayName, updatedAt: serverTimestamp() });
    batch.update(doc(db, commentPath('c1')), { likeCount: increment(-1), lastLikeId: `c1_${BRAM.uid}`, updatedAt: serverTimestamp() });
    await assertFails(batch.commit());
  });

  it('denies moving a like to another target', async () => {
    await seed(env, { [commentPath('c2')]: storedComment(ANNA) });
    await assertFails(like(bram(), BRAM, { active: false, like: { targetId: 'c2' } }));
  });

  it('denies deleting a like (unlike flips it instead)', async () => {
    await assertFails(deleteDoc(doc(bram(), likePath('c1', BRAM.uid))));
  });
});

describe('liking the page itself', () => {
  it('allows the first like to create the page, with no comments yet', async () => {
    await assertSucceeds(like(bram(), BRAM, { targetId: 'page' }));
    expect(await stored(pagePath())).toMatchObject({ likeCount: 1, commentCount: 0, lastLikeId: `page_${BRAM.uid}` });
  });

  it('allows liking an existing page; its comment count stays', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(like(bram(), BRAM, { targetId: 'page' }));
    expect(await stored(pagePath())).toMatchObject({ likeCount: 1, commentCount: 1 });
  });

  it('denies moving the comment counter along with a page like', async () => {
    await seedPageWithOneComment(env);
    await assertFails(like(bram(), BRAM, { targetId: 'page', counter: { commentCount: increment(1) } }));
  });

  it('denies a page like counted twice', async () => {
    await assertFails(like(bram(), BRAM, { targetId: 'page', countBy: 2 }));
  });

  it('denies a page counter moved by a like of a comment', async () => {
    await seedPageWithOneComment(env);
    const db = bram();
    const batch = writeBatch(db);
    batch.set(doc(db, likePath('c1', BRAM.uid)), { targetId: 'c1', uid: BRAM.uid, name: BRAM.displayName, active: true, updatedAt: serverTimestamp() });
    batch.update(doc(db, pagePath()), { likeCount: increment(1), lastLikeId: `c1_${BRAM.uid}`, updatedAt: serverTimestamp() });
    await assertFails(batch.commit());
  });
});

describe('a like moves only its own target’s counter', () => {
  beforeEach(() => seedPageWithOneComment(env));

  it('allows a page like that moves the page’s like counter alone', async () => {
    await assertSucceeds(like(bram(), BRAM, { targetId: 'page' }));
    expect(await stored(pagePath())).toMatchObject({ likeCount: 1, commentCount: 1 });
    expect((await stored(commentPath('c1')))?.likeCount).toBe(0);
  });

  it('denies a page like that also moves the counter of a comment called `page`', async () => {
    // Such a comment can no longer be created (ids are 20 letters and digits); seeded here as if
    // it had been, the rules still refuse to count one like twice.
    await seed(env, { [commentPath('page')]: storedComment(ANNA) });
    const db = bram();
    const batch = writeBatch(db);
    batch.set(doc(db, likePath('page', BRAM.uid)), { targetId: 'page', uid: BRAM.uid, name: BRAM.displayName, active: true, updatedAt: serverTimestamp() });
    batch.update(doc(db, pagePath()), { likeCount: increment(1), lastLikeId: `page_${BRAM.uid}`, updatedAt: serverTimestamp() });
    batch.update(doc(db, commentPath('page')), { likeCount: increment(1), lastLikeId: `page_${BRAM.uid}`, updatedAt: serverTimestamp() });
    await assertFails(batch.commit());
  });

  it('denies a comment like that also moves another comment’s counter', async () => {
    await seed(env, { [commentPath('c2')]: storedComment(ANNA) });
    const db = bram();
    const batch = writeBatch(db);
    batch.set(doc(db, likePath('c1', BRAM.uid)), { targetId: 'c1', uid: BRAM.uid, name: BRAM.displayName, active: true, updatedAt: serverTimestamp() });
    batch.update(doc(db, commentPath('c1')), { likeCount: increment(1), lastLikeId: `c1_${BRAM.uid}`, updatedAt: serverTimestamp() });
    batch.update(doc(db, commentPath('c2')), { likeCount: increment(1), lastLikeId: `c1_${BRAM.uid}`, updatedAt: serverTimestamp() });
    await assertFails(batch.commit());
  });

  it('denies a page like that renames the page (the title is fixed at creation)', async () => {
    await assertFails(like(bram(), BRAM, { targetId: 'page', counter: { title: 'Andere titel' } }));
  });

  it('denies a page like that re-points the page’s url', async () => {
    await assertFails(like(bram(), BRAM, { targetId: 'page', counter: { url: 'http://lookalike.example/' } }));
  });
});

describe('liking one’s own anonymous comment', () => {
  // Anna's anonymous comment a1, with her owner link.
  beforeEach(async () => {
    const { authorUid: _uid, authorName: _name, ...rest } = storedComment(ANNA);
    await seed(env, {
      [commentPath('a1')]: { ...rest, anonymous: true },
      [`commentOwners/a1`]: { uid: ANNA.uid, pageId: PAGE_ID, createdAt: PAST },
      [pagePath()]: storedPage(1, 'a1'),
    });
  });

  it('denies its author a like (it would put her name on her anonymous post)', async () => {
    await assertFails(like(anna(), ANNA, { targetId: 'a1' }));
    expect((await stored(commentPath('a1')))?.likeCount).toBe(0);
  });

  it('denies its author liking it again after an earlier like was taken back', async () => {
    await seed(env, { [likePath('a1', ANNA.uid)]: { targetId: 'a1', uid: ANNA.uid, name: ANNA.displayName, active: false, updatedAt: PAST } });
    await assertFails(like(anna(), ANNA, { targetId: 'a1' }));
  });

  it('allows its author to take back a like from before (removing the trace)', async () => {
    const { authorUid: _uid, authorName: _name, ...rest } = storedComment(ANNA, { likeCount: 1 });
    await seed(env, {
      [commentPath('a1')]: { ...rest, anonymous: true },
      [likePath('a1', ANNA.uid)]: { targetId: 'a1', uid: ANNA.uid, name: ANNA.displayName, active: true, updatedAt: PAST },
    });
    await assertSucceeds(like(anna(), ANNA, { targetId: 'a1', active: false }));
  });

  it('allows a colleague to like it', async () => {
    await assertSucceeds(like(bram(), BRAM, { targetId: 'a1' }));
    expect((await stored(commentPath('a1')))?.likeCount).toBe(1);
  });
});

describe('reading likes', () => {
  beforeEach(async () => {
    await seedPageWithOneComment(env);
    await like(bram(), BRAM);
  });

  it('allows a signed-in user to see who liked a comment (likes are named)', async () => {
    const snap = await assertSucceeds(getDocs(query(collection(anna(), pagePath(), 'likes'), where('targetId', '==', 'c1'), where('active', '==', true))));
    expect(snap.docs.map((d) => d.get('name'))).toEqual([BRAM.displayName]);
  });

  it('denies reading likes when signed out', async () => {
    await assertFails(getDocs(collection(dbSignedOut(env), pagePath(), 'likes')));
  });
});

describe('at the same moment', () => {
  it('two people liking concurrently both succeed and the count is exactly two', async () => {
    await seedPageWithOneComment(env);
    await Promise.all([assertSucceeds(like(anna(), ANNA)), assertSucceeds(like(bram(), BRAM))]);
    expect((await stored(commentPath('c1')))?.likeCount).toBe(2);
    let active = 0;
    await env.withSecurityRulesDisabled(async (ctx) => {
      const fs = ctx.firestore() as unknown as Firestore;
      active = (await getDocs(query(collection(fs, pagePath(), 'likes'), where('active', '==', true)))).size;
    });
    expect(active).toBe(2);
  });

  it('the same person liking from two tabs at once counts once', async () => {
    await seedPageWithOneComment(env);
    const results = await Promise.allSettled([like(bram(), BRAM), like(dbAs(env, BRAM.uid), BRAM)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await stored(commentPath('c1')))?.likeCount).toBe(1);
  });
});
