// Likes in the outbox: optimistic, at most one queued change per like, a refusal rolls back, and
// the count the reader sees is the server's plus their own unconfirmed change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrikbordDb } from '../../lib/data/db';
import { shownLikeCount } from '../../lib/core/likes';
import { dismissLikeRefusal, refuseItem, setLike, settleItem } from '../../lib/data/outbox/commands';
import { likeId, likeKey } from '../../lib/core/schema';
import { forgetOtherPeople } from '../../lib/data/thread/thread-sync';
import { freshDb } from '../helpers/fake-db';
import type { OutboxItem } from '../../lib/core/rows';

/** The item as the flusher hands it over: being sent (settle and refuse only happen then). */
const inFlight = (item: OutboxItem): OutboxItem => ({ ...item, state: 'sending', maybeSent: true });

const uid = 'uid-anna';
const pageId = 'p_000000000000000000000001';
const page = { url: 'http://intranet/', title: 'Voorpagina' };
const onComment = { pageId, targetId: 'c1', page };
const key = likeKey(pageId, 'c1', uid);

describe('shownLikeCount', () => {
  it('is the server count when the reader has no like of their own', () => {
    expect(shownLikeCount(4, undefined)).toBe(4);
  });
  it('adds the reader’s like the server has not confirmed yet', () => {
    expect(shownLikeCount(4, { active: true, serverActive: false })).toBe(5);
  });
  it('takes away the reader’s unlike the server has not confirmed yet', () => {
    expect(shownLikeCount(4, { active: false, serverActive: true })).toBe(3);
  });
  it('equals the server count once server and reader agree', () => {
    expect(shownLikeCount(5, { active: true, serverActive: true })).toBe(5);
  });
  it('never shows a negative count', () => {
    expect(shownLikeCount(0, { active: false, serverActive: true })).toBe(0);
  });
});

describe('like ids', () => {
  it('are one per target and person, so a second like is the same document', () => {
    expect(likeId('c1', uid)).toBe('c1_uid-anna');
    expect(likeId('page', uid)).toBe('page_uid-anna');
    expect(likeKey(pageId, 'page', uid)).toBe(`${pageId}/page_uid-anna`);
  });
});

describe('setLike', () => {
  let db: PrikbordDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.delete());

  it('shows the like at once and queues one change', async () => {
    await setLike(db, uid, onComment, true);
    expect(await db.likes.get(key)).toMatchObject({ active: true, serverActive: false, syncState: 'pending' });
    const items = await db.outbox.toArray();
    expect(items).toMatchObject([{ subject: key, op: { kind: 'like', targetId: 'c1', active: true } }]);
  });

  it('a double click before sending cancels out: nothing is queued', async () => {
    await setLike(db, uid, onComment, true);
    await setLike(db, uid, onComment, false);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.likes.get(key)).toMatchObject({ active: false, syncState: 'synced' });
  });

  it('liking what is already liked queues nothing', async () => {
    await setLike(db, uid, onComment, true);
    await setLike(db, uid, onComment, true);
    expect(await db.outbox.count()).toBe(1);
  });

  it('an unlike while the like is in flight is queued after it, in order', async () => {
    await setLike(db, uid, onComment, true);
    const [first] = await db.outbox.toArray();
    await db.outbox.update(first!.seq!, { state: 'sending', maybeSent: true });
    await setLike(db, uid, onComment, false);
    const items = await db.outbox.orderBy('seq').toArray();
    expect(items.map((i) => i.op)).toMatchObject([{ active: true }, { active: false }]);
  });

  it('once sent, the server state is remembered and the row is synced', async () => {
    await setLike(db, uid, onComment, true);
    const [item] = await db.outbox.toArray();
    await settleItem(db, inFlight(item!));
    expect(await db.likes.get(key)).toMatchObject({ active: true, serverActive: true, syncState: 'synced' });
    expect(shownLikeCount(1, await db.likes.get(key))).toBe(1);
  });

  it('a refused like is rolled back at once, with the reason kept until dismissed', async () => {
    await setLike(db, uid, onComment, true);
    const [item] = await db.outbox.toArray();
    await refuseItem(db, inFlight(item!), 'refusedByRules');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.likes.get(key)).toMatchObject({ active: false, serverActive: false, syncState: 'refused', refusal: 'refusedByRules' });
    await dismissLikeRefusal(db, key);
    const after = await db.likes.get(key);
    expect(after?.syncState).toBe('synced');
    expect(after?.refusal).toBeUndefined();
  });

  it('after a refusal the person can simply like again', async () => {
    await setLike(db, uid, onComment, true);
    const [item] = await db.outbox.toArray();
    await refuseItem(db, inFlight(item!), 'refusedByRules');
    await setLike(db, uid, onComment, true);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.likes.get(key)).toMatchObject({ active: true, syncState: 'pending' });
    expect((await db.likes.get(key))?.refusal).toBeUndefined();
  });
});

describe('another person signing in to the same browser profile', () => {
  let db: PrikbordDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.delete());

  it('does not inherit the previous person’s anonymous posts or likes, and their cursors are reset', async () => {
    await db.owned.bulkPut([
      { commentId: 'anon1', pageId, uid },
      { commentId: 'anon2', pageId, uid: 'uid-bram' },
    ]);
    await setLike(db, uid, onComment, true);
    await db.pages.put({ pageId, url: page.url, title: page.title, commentCount: 1, mine: { uid, owned: { seconds: 5, nanoseconds: 0 } } });
    await forgetOtherPeople(db, 'uid-bram');
    expect((await db.owned.toArray()).map((r) => r.commentId)).toEqual(['anon2']);
    expect(await db.likes.count()).toBe(0);
    expect((await db.pages.get(pageId))?.mine).toBeUndefined();
    // Anna's queued like waits for her return: nothing she did is lost.
    expect(await db.outbox.count()).toBe(1);
  });
});
