// The outbox's operation registry, local half (lib/data/outbox/operations.ts), kind by kind: the
// subject each kind changes, how settle marks its row synced, how refuse keeps or rolls back, how
// discard restores; and that an item of a kind the registry does not know is never handled as
// one it does (above all, never as a comment).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrikbordDb } from '../../lib/data/db';
import { deleteComment, discardRefused, editComment, hideComment, markHelpful, postComment, setLike } from '../../lib/data/outbox/commands';
import {
  localOperation,
  quarantineItem,
  refuseItem,
  settleItem,
  subjectOf,
  UnknownOperationError,
  UNKNOWN_KIND_REFUSAL,
} from '../../lib/data/outbox/operations';
import { likeKey } from '../../lib/core/schema';
import type { CommentRow, OutboxItem, OutboxKind, OutboxOp } from '../../lib/core/rows';
import { freshDb } from '../helpers/fake-db';

const anna = { uid: 'uid-anna', displayName: 'Anna de Vries' };
const pageId = 'p_000000000000000000000001';
const page = { url: 'http://intranet/', title: 'Voorpagina' };

/** Every kind, as a record so the compiler keeps this list complete too. */
const KINDS: Record<OutboxKind, true> = { create: true, edit: true, delete: true, hide: true, like: true, helpful: true, profile: true };

/** The item as the flusher hands it over: being sent (settle and refuse only happen then). */
const inFlight = (item: OutboxItem): OutboxItem => ({ ...item, state: 'sending', maybeSent: true });

/** An operation of a kind this version does not know, as a corrupted or future row would hold it. */
const unknownOp = (commentId: string) => ({ kind: 'report', pageId, commentId, reason: 'spam' }) as unknown as OutboxOp;

describe('the registry', () => {
  it('has a local half for every kind', () => {
    for (const kind of Object.keys(KINDS) as OutboxKind[]) expect(localOperation(kind), kind).toBeDefined();
  });

  it('has none for a kind it does not know, also not for names every object has', () => {
    for (const kind of ['report', 'toString', 'constructor', '__proto__', '']) {
      expect(localOperation(kind as OutboxKind), kind).toBeUndefined();
    }
  });
});

describe('subjects', () => {
  const subjects: Array<[OutboxOp, string]> = [
    [{ kind: 'create', pageId, commentId: 'c1', parentId: null, text: 't', anonymous: false, page }, 'c1'],
    [{ kind: 'edit', pageId, commentId: 'c1', text: 't', previousText: 'p' }, 'c1'],
    [{ kind: 'delete', pageId, commentId: 'c1', previousText: 'p' }, 'c1'],
    [{ kind: 'hide', pageId, commentId: 'c1', previousText: 'p' }, 'c1'],
    [{ kind: 'like', pageId, targetId: 'c1', active: true, page }, likeKey(pageId, 'c1', anna.uid)],
    [{ kind: 'like', pageId, targetId: 'page', active: false, page }, likeKey(pageId, 'page', anna.uid)],
    [{ kind: 'helpful', pageId, replyId: 'r1', parentId: 'c1' }, 'helpful:r1'],
    [
      { kind: 'profile', uid: anna.uid, fields: { languages: [], skills: [], optOut: false }, previous: { languages: [], skills: [], optOut: false } },
      `profile:${anna.uid}`,
    ],
  ];
  it.each(subjects)('%o changes %s', (op, subject) => {
    expect(subjectOf(op, anna.uid)).toBe(subject);
  });

  it('refuses to name the subject of an unknown kind', () => {
    expect(() => subjectOf(unknownOp('c1'), anna.uid)).toThrow(UnknownOperationError);
  });
});

describe('settle, refuse and discard, kind by kind', () => {
  let db: PrikbordDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.delete());

  /** A comment the server has (nothing queued), posted by Anna. */
  async function sentComment(text = 'origineel', anonymous = false): Promise<string> {
    const { id } = await postComment(db, anna, { pageId, parentId: null, text, anonymous, page }, 1000);
    await db.outbox.clear();
    await db.comments.update(id!, { syncState: 'synced' });
    return id!;
  }

  async function onlyItem(): Promise<OutboxItem> {
    const items = await db.outbox.toArray();
    expect(items).toHaveLength(1);
    return inFlight(items[0]!);
  }

  const commentChanges: Array<[string, (id: string) => Promise<unknown>]> = [
    ['edit', (id) => editComment(db, anna.uid, id, 'aangepast', 5000)],
    ['delete', (id) => deleteComment(db, anna.uid, id, 5000)],
    ['hide', (id) => hideComment(db, 'uid-moderator', id, 5000)],
  ];

  it('create: settles the comment synced once its last item is sent, not before', async () => {
    const { id } = await postComment(db, anna, { pageId, parentId: null, text: 'een', page }, 1000);
    const create = await onlyItem();
    // An edit queued behind the create while it was in flight.
    await db.outbox.update(create.seq!, { state: 'sending', maybeSent: true });
    await editComment(db, anna.uid, id!, 'twee', 2000);
    await settleItem(db, create);
    expect((await db.comments.get(id!))!.syncState).toBe('pending');
    const [edit] = await db.outbox.toArray();
    await settleItem(db, inFlight(edit!));
    expect(await db.comments.get(id!)).toMatchObject({ syncState: 'synced', text: 'twee' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('create: a refusal stays queued beside the comment, text kept; discarding removes comment and owner link', async () => {
    const { id } = await postComment(db, anna, { pageId, parentId: null, text: 'anoniem', anonymous: true, page }, 1000);
    await refuseItem(db, await onlyItem(), 'refusedByRules');
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'refused', refusal: 'refusedByRules', op: { kind: 'create', text: 'anoniem' } }]);
    expect(await db.comments.get(id!)).toMatchObject({ syncState: 'refused', refusal: 'refusedByRules', text: 'anoniem' });
    await discardRefused(db, id!);
    expect(await db.comments.count()).toBe(0);
    expect(await db.owned.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it.each(commentChanges)('%s: settles the comment synced', async (_kind, change) => {
    const id = await sentComment();
    await change(id);
    await settleItem(db, await onlyItem());
    expect((await db.comments.get(id))!.syncState).toBe('synced');
    expect(await db.outbox.count()).toBe(0);
  });

  it.each(commentChanges)('%s: a refusal keeps the change queued and marks the comment refused', async (kind, change) => {
    const id = await sentComment();
    await change(id);
    const before = await db.comments.get(id);
    await refuseItem(db, await onlyItem(), 'refusedInvalid');
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'refused', refusal: 'refusedInvalid', op: { kind } }]);
    expect(await db.comments.get(id)).toEqual<CommentRow>({ ...before!, syncState: 'refused', refusal: 'refusedInvalid' });
  });

  it.each(commentChanges)('%s: discarding the refused change restores the comment as the server has it', async (_kind, change) => {
    const id = await sentComment('zo was het');
    await change(id);
    await refuseItem(db, await onlyItem(), 'refusedByRules');
    await discardRefused(db, id);
    expect(await db.comments.get(id)).toMatchObject({ text: 'zo was het', deleted: false, moderated: false, syncState: 'synced' });
    expect((await db.comments.get(id))!.refusal).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('like: settles the server state, and the row synced only once nothing else of the like waits', async () => {
    const target = { pageId, targetId: 'c1', page };
    const key = likeKey(pageId, 'c1', anna.uid);
    await setLike(db, anna.uid, target, true);
    const like = await onlyItem();
    await db.outbox.update(like.seq!, { state: 'sending', maybeSent: true });
    await setLike(db, anna.uid, target, false); // queued behind the like in flight
    await settleItem(db, like);
    expect(await db.likes.get(key)).toMatchObject({ active: false, serverActive: true, syncState: 'pending' });
    const [unlike] = await db.outbox.toArray();
    await settleItem(db, inFlight(unlike!));
    expect(await db.likes.get(key)).toMatchObject({ active: false, serverActive: false, syncState: 'synced' });
  });

  it('like: a refusal rolls back at once, dropping what was queued behind it, and keeps the reason', async () => {
    const target = { pageId, targetId: 'c1', page };
    const key = likeKey(pageId, 'c1', anna.uid);
    await setLike(db, anna.uid, target, true);
    const like = await onlyItem();
    await db.outbox.update(like.seq!, { state: 'sending', maybeSent: true });
    await setLike(db, anna.uid, target, false);
    await setLike(db, anna.uid, target, true);
    expect(await db.outbox.count()).toBe(2);
    await refuseItem(db, like, 'refusedByRules');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.likes.get(key)).toMatchObject({ active: false, serverActive: false, syncState: 'refused', refusal: 'refusedByRules' });
  });

  it('helpful: settles the mark synced; a refusal removes the mark and its item', async () => {
    const reply: CommentRow = {
      id: 'r1',
      pageId,
      parentId: 'c1',
      text: 'zo dus',
      authorUid: 'uid-bram',
      authorName: 'Bram',
      anonymous: false,
      likeCount: 0,
      moderated: false,
      createdAt: 1,
      updatedAt: 1,
      editedAt: null,
      deleted: false,
      syncState: 'synced',
    };
    await markHelpful(db, anna.uid, reply);
    expect((await onlyItem()).subject).toBe('helpful:r1');
    await settleItem(db, await onlyItem());
    expect(await db.helpful.get('r1')).toMatchObject({ syncState: 'synced' });

    await db.helpful.clear();
    await markHelpful(db, anna.uid, reply);
    await refuseItem(db, await onlyItem(), 'refusedByRules');
    expect(await db.helpful.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('an item of a kind this version does not know', () => {
  let db: PrikbordDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.delete());

  /** A sent comment, and an unknown item whose subject is that comment's id (a comment would be guessed). */
  async function unknownBesideComment(state: OutboxItem['state'] = 'sending') {
    const { id } = await postComment(db, anna, { pageId, parentId: null, text: 'van Anna', page }, 1000);
    await db.outbox.clear();
    await db.comments.update(id!, { syncState: 'synced' });
    const comment = (await db.comments.get(id!))!;
    const seq = await db.outbox.add({
      subject: id!,
      uid: anna.uid,
      op: unknownOp(id!),
      state,
      attempts: 0,
      nextAttemptAt: 0,
      maybeSent: state === 'sending',
      createdAt: 2000,
    });
    return { id: id!, comment, item: (await db.outbox.get(seq))! };
  }

  it('is never settled as a comment: settling it throws and changes nothing', async () => {
    const { id, comment, item } = await unknownBesideComment();
    await expect(settleItem(db, item)).rejects.toThrow(UnknownOperationError);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.comments.get(id)).toEqual(comment);
  });

  it('is quarantined when refused: kept as refused, and no comment is marked', async () => {
    const { id, comment, item } = await unknownBesideComment();
    await refuseItem(db, item, 'refusedByRules');
    expect(await db.outbox.toArray()).toMatchObject([{ seq: item.seq, state: 'refused', refusal: UNKNOWN_KIND_REFUSAL, op: { kind: 'report' } }]);
    expect(await db.comments.get(id)).toEqual(comment);
  });

  it('is quarantined from pending as well as from a crash mid-send', async () => {
    for (const state of ['pending', 'sending'] as const) {
      const { item } = await unknownBesideComment(state);
      await quarantineItem(db, item);
      expect((await db.outbox.get(item.seq!))!.state).toBe('refused');
      await db.outbox.clear();
    }
  });

  it('is dropped on discard without restoring any comment from it', async () => {
    const { id, comment, item } = await unknownBesideComment();
    await quarantineItem(db, item);
    await discardRefused(db, id);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.comments.get(id)).toEqual(comment);
  });
});
