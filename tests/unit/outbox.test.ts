import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrikbordDb } from '../../lib/data/db';
import { deleteComment, discardRefused, editComment, postComment, retryRefused } from '../../lib/data/outbox/commands';
import { backoffMs, classifyError } from '../../lib/core/outbox-states';
import { MAX_COMMENT_LENGTH } from '../../lib/core/schema';
import { freshDb } from '../helpers/fake-db';

const anna = { uid: 'uid-anna', displayName: 'Anna de Vries' };
const page = { url: 'http://intranet/', title: 'Voorpagina' };
const pageId = 'p_000000000000000000000001';

function post(db: PrikbordDb, text: string, parentId: string | null = null) {
  return postComment(db, anna, { pageId, parentId, text, page }, 1000);
}

describe('outbox: queueing changes', () => {
  let db: PrikbordDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.delete());

  it('shows a new comment at once as pending and queues its create', async () => {
    const result = await post(db, '  Hallo collega’s  ');
    expect(result.ok).toBe(true);
    const rows = await db.comments.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text: 'Hallo collega’s', syncState: 'pending', authorUid: anna.uid, parentId: null });
    const items = await db.outbox.toArray();
    expect(items).toMatchObject([{ state: 'pending', op: { kind: 'create', commentId: rows[0]!.id, text: 'Hallo collega’s' } }]);
  });

  it('refuses an empty comment and writes nothing', async () => {
    expect(await post(db, '   \n ')).toEqual({ ok: false, reason: 'empty' });
    expect(await db.comments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a text over the limit and writes nothing', async () => {
    expect(await post(db, 'x'.repeat(MAX_COMMENT_LENGTH + 1))).toEqual({ ok: false, reason: 'tooLong' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('accepts a text of exactly the limit', async () => {
    expect((await post(db, 'x'.repeat(MAX_COMMENT_LENGTH))).ok).toBe(true);
  });

  it('gives each comment its own client-made id', async () => {
    const a = await post(db, 'een');
    const b = await post(db, 'twee');
    expect(a.id).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(a.id).not.toBe(b.id);
  });

  it('rewrites an unsent create when the comment is edited, instead of queueing an edit', async () => {
    const { id } = await post(db, 'eerste versie');
    await editComment(db, anna.uid, id!, 'tweede versie');
    const items = await db.outbox.toArray();
    expect(items).toHaveLength(1);
    expect(items[0]!.op).toMatchObject({ kind: 'create', text: 'tweede versie' });
    expect((await db.comments.get(id!))!.editedAt).toBeNull();
  });

  it('queues an edit of a sent comment, keeping the previous text for a rollback', async () => {
    const { id } = await post(db, 'origineel');
    await db.outbox.clear();
    await db.comments.update(id!, { syncState: 'synced' });
    await editComment(db, anna.uid, id!, 'aangepast', 5000);
    expect(await db.outbox.toArray()).toMatchObject([{ op: { kind: 'edit', text: 'aangepast', previousText: 'origineel' } }]);
    expect(await db.comments.get(id!)).toMatchObject({ text: 'aangepast', editedAt: 5000, syncState: 'pending' });
  });

  it('ignores an edit of somebody else’s comment', async () => {
    const { id } = await post(db, 'van Anna');
    await editComment(db, 'uid-bram', id!, 'van Bram');
    expect((await db.comments.get(id!))!.text).toBe('van Anna');
  });

  it('removes a never-sent comment entirely when it is deleted', async () => {
    const { id } = await post(db, 'oeps');
    await deleteComment(db, anna.uid, id!);
    expect(await db.comments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues a soft delete of a sent comment and hides it locally', async () => {
    const { id } = await post(db, 'weg ermee');
    await db.outbox.clear();
    await deleteComment(db, anna.uid, id!);
    expect(await db.comments.get(id!)).toMatchObject({ deleted: true, syncState: 'pending' });
    expect(await db.outbox.toArray()).toMatchObject([{ op: { kind: 'delete', previousText: 'weg ermee' } }]);
  });
});

describe('outbox: refused changes', () => {
  let db: PrikbordDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.delete());

  async function refusedCreate() {
    const { id } = await post(db, 'geweigerd');
    const [item] = await db.outbox.toArray();
    await db.outbox.update(item!.seq!, { state: 'refused', refusal: 'refusedByRules', maybeSent: true });
    await db.comments.update(id!, { syncState: 'refused', refusal: 'refusedByRules' });
    return id!;
  }

  it('keeps the text of a refused comment and lets the user retry it', async () => {
    const id = await refusedCreate();
    await retryRefused(db, id);
    expect(await db.comments.get(id)).toMatchObject({ text: 'geweigerd', syncState: 'pending' });
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'pending' }]);
  });

  it('lets the user fix a refused comment’s text, which re-queues it', async () => {
    const id = await refusedCreate();
    await editComment(db, anna.uid, id, 'verbeterd');
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'pending', op: { kind: 'create', text: 'verbeterd' } }]);
  });

  it('discarding a refused new comment removes it', async () => {
    const id = await refusedCreate();
    await discardRefused(db, id);
    expect(await db.comments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('discarding a refused edit restores the text the server has', async () => {
    const { id } = await post(db, 'zo was het');
    await db.outbox.clear();
    await editComment(db, anna.uid, id!, 'zo wilde ik het');
    await discardRefused(db, id!);
    expect(await db.comments.get(id!)).toMatchObject({ text: 'zo was het', syncState: 'synced' });
  });
});

describe('outbox: errors and backoff', () => {
  it.each([
    ['permission-denied', true],
    ['invalid-argument', true],
    ['failed-precondition', true],
    ['unavailable', false],
    ['deadline-exceeded', false],
    ['unauthenticated', false],
    ['internal', false],
  ])('treats %s as permanent: %s', (code, permanent) => {
    expect(classifyError({ code }).permanent).toBe(permanent);
  });

  it('treats an error without a code as passing', () => {
    expect(classifyError(new Error('network')).permanent).toBe(false);
  });

  it('doubles the wait per attempt and caps it at a minute', () => {
    const mid = () => 0.5;
    expect(backoffMs(1, mid)).toBe(1000);
    expect(backoffMs(2, mid)).toBe(2000);
    expect(backoffMs(4, mid)).toBe(8000);
    expect(backoffMs(20, mid)).toBe(60_000);
  });
});

describe('outbox: anonymous comments', () => {
  let db: PrikbordDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.delete());

  it('keeps no author on the row; only the author’s own owner link says it is theirs', async () => {
    const { id } = await postComment(db, anna, { pageId, parentId: null, text: 'Durf ik dit te zeggen?', anonymous: true, page }, 1000);
    expect(await db.comments.get(id!)).toMatchObject({ anonymous: true, authorUid: null, authorName: null });
    expect(await db.owned.get(id!)).toEqual({ commentId: id, pageId, uid: anna.uid });
    const [item] = await db.outbox.toArray();
    expect(item!.op).toMatchObject({ kind: 'create', anonymous: true });
  });

  it('lets the owner edit and delete it, and nobody else', async () => {
    const { id } = await postComment(db, anna, { pageId, parentId: null, text: 'eerst', anonymous: true, page }, 1000);
    await editComment(db, 'uid-bram', id!, 'door Bram');
    expect((await db.comments.get(id!))!.text).toBe('eerst');
    await editComment(db, anna.uid, id!, 'door Anna');
    expect((await db.comments.get(id!))!.text).toBe('door Anna');
    // Still anonymous after the edit: the queued create was rewritten, not replaced.
    expect((await db.outbox.toArray())[0]!.op).toMatchObject({ kind: 'create', anonymous: true, text: 'door Anna' });
  });

  it('a refused anonymous post keeps its text and stays anonymous when retried', async () => {
    const { id } = await postComment(db, anna, { pageId, parentId: null, text: 'anoniem', anonymous: true, page }, 1000);
    const [item] = await db.outbox.toArray();
    await db.outbox.update(item!.seq!, { state: 'refused', refusal: 'refusedByRules' });
    await retryRefused(db, id!);
    const [again] = await db.outbox.toArray();
    expect(again).toMatchObject({ state: 'pending', op: { kind: 'create', anonymous: true, text: 'anoniem' } });
  });

  it('discarding a never-sent anonymous post removes its owner link too', async () => {
    const { id } = await postComment(db, anna, { pageId, parentId: null, text: 'weg ermee', anonymous: true, page }, 1000);
    await discardRefused(db, id!);
    expect(await db.owned.count()).toBe(0);
    expect(await db.comments.count()).toBe(0);
  });
});
