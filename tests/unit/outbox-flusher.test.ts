import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrikbordDb } from '../../lib/data/db';
import { postComment, editComment, setLike, subjectOf } from '../../lib/data/outbox/commands';
import {
  ANONYMOUS_DELAY_MS,
  flushOutbox,
  GAP_AFTER_ANONYMOUS_MS,
  isAnonymousItem,
  newPacing,
  nextSendable,
  OutboxRunner,
  planNext,
  retryNow,
  SEND_DEADLINE_MS,
  type OutboxSender,
  type Pacing,
} from '../../lib/data/outbox/flusher';
import { freshDb } from '../helpers/fake-db';
import type { OutboxItem, OutboxOp } from '../../lib/core/rows';
import { UNKNOWN_KIND_REFUSAL } from '../../lib/data/outbox/operations';

const anna = { uid: 'uid-anna', displayName: 'Anna de Vries' };
const pageId = 'p_000000000000000000000001';

/** A hand-written fake of Firestore: records what was sent, fails on demand, remembers what landed. */
class FakeSender implements OutboxSender {
  sent: OutboxOp[] = [];
  asked: OutboxOp[] = [];
  landed = new Set<string>();
  failWith: Array<string | null> = [];
  async send(op: OutboxOp) {
    const code = this.failWith.shift();
    if (code) throw Object.assign(new Error(code), { code });
    this.sent.push(op);
    this.landed.add(`${op.kind}:${subjectOf(op, anna.uid)}`);
  }
  async alreadyApplied(op: OutboxOp) {
    this.asked.push(op);
    return this.landed.has(`${op.kind}:${subjectOf(op, anna.uid)}`);
  }
}

function post(db: PrikbordDb, text: string) {
  return postComment(db, anna, { pageId, parentId: null, text, page: { url: 'http://intranet/', title: 'T' } });
}

describe('flushOutbox', () => {
  let db: PrikbordDb;
  let sender: FakeSender;
  let clock: number;
  const now = () => clock;
  beforeEach(() => {
    db = freshDb();
    sender = new FakeSender();
    clock = 1_000_000;
  });
  afterEach(() => db.delete());

  it('sends queued changes in the order they were made and empties the queue', async () => {
    const a = await post(db, 'een');
    const b = await post(db, 'twee');
    await db.comments.update(a.id!, { syncState: 'synced' });
    expect(await flushOutbox(db, anna.uid, sender, now)).toEqual({ status: 'idle' });
    expect(sender.sent.map((op) => subjectOf(op, anna.uid))).toEqual([a.id, b.id]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('marks the comment synced once its last change is sent', async () => {
    const { id } = await post(db, 'een');
    await flushOutbox(db, anna.uid, sender, now);
    expect((await db.comments.get(id!))!.syncState).toBe('synced');
  });

  it('only sends the signed-in author’s items', async () => {
    await post(db, 'van Anna');
    expect(await flushOutbox(db, 'uid-bram', sender, now)).toEqual({ status: 'idle' });
    expect(sender.sent).toHaveLength(0);
    expect(await db.outbox.count()).toBe(1);
  });

  it('on a passing failure keeps the item pending, counts the attempt and asks for a later retry', async () => {
    await post(db, 'een');
    sender.failWith = ['unavailable'];
    const result = await flushOutbox(db, anna.uid, sender, now);
    expect(result.status).toBe('retry');
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({ state: 'pending', attempts: 1, maybeSent: true });
    expect(item!.nextAttemptAt).toBeGreaterThan(clock);
  });

  it('does not retry before the backoff has passed, then sends', async () => {
    await post(db, 'een');
    sender.failWith = ['unavailable'];
    const first = await flushOutbox(db, anna.uid, sender, now);
    expect(await flushOutbox(db, anna.uid, sender, now)).toEqual(first);
    clock = (first as { at: number }).at;
    expect(await flushOutbox(db, anna.uid, sender, now)).toEqual({ status: 'idle' });
    expect(sender.sent).toHaveLength(1);
  });

  it('marks a refused change refused with its reason, keeps the text, and goes on with other comments', async () => {
    const bad = await post(db, 'geweigerd');
    const good = await post(db, 'goed');
    sender.failWith = ['permission-denied'];
    expect(await flushOutbox(db, anna.uid, sender, now)).toEqual({ status: 'idle' });
    expect(await db.comments.get(bad.id!)).toMatchObject({ syncState: 'refused', refusal: 'refusedByRules', text: 'geweigerd' });
    expect(sender.sent.map((op) => subjectOf(op, anna.uid))).toEqual([good.id]);
  });

  it('holds back later changes of a refused comment', async () => {
    const { id } = await post(db, 'een');
    sender.failWith = ['permission-denied'];
    await flushOutbox(db, anna.uid, sender, now);
    const items = await db.outbox.toArray();
    // An edit queued behind the refused create (e.g. from another tab) must wait for it.
    await db.outbox.add({ ...items[0]!, seq: undefined, state: 'pending', op: { kind: 'edit', pageId, commentId: id!, text: 'x', previousText: 'een' } });
    expect(nextSendable(await db.outbox.toArray())).toBeUndefined();
  });

  it('after a crash mid-send, does not send twice what already landed', async () => {
    const { id } = await post(db, 'een');
    const [item] = await db.outbox.toArray();
    // The previous panel died after Firestore took the write but before the outbox heard back.
    await db.outbox.update(item!.seq!, { state: 'sending', maybeSent: true });
    sender.landed.add(`create:${id}`);
    await flushOutbox(db, anna.uid, sender, now);
    expect(sender.sent).toHaveLength(0);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.comments.get(id!))!.syncState).toBe('synced');
  });

  it('treats a refusal as done when another tab already sent the same change', async () => {
    const { id } = await post(db, 'een');
    sender.landed.add(`create:${id}`);
    sender.failWith = ['permission-denied'];
    await flushOutbox(db, anna.uid, sender, now);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.comments.get(id!))!.syncState).toBe('synced');
  });

  it('sends the fixed text after the user edits a refused comment', async () => {
    const { id } = await post(db, 'eerst');
    sender.failWith = ['invalid-argument'];
    await flushOutbox(db, anna.uid, sender, now);
    await editComment(db, anna.uid, id!, 'daarna');
    await flushOutbox(db, anna.uid, sender, now);
    expect(sender.sent).toMatchObject([{ kind: 'create', text: 'daarna' }]);
  });

  it('remembers why the last attempt failed, so the panel can say the server is unreachable', async () => {
    await post(db, 'een');
    sender.failWith = ['unavailable'];
    await flushOutbox(db, anna.uid, sender, now);
    expect((await db.outbox.toArray())[0]).toMatchObject({ lastFailure: 'unavailable' });
  });

  it('"try now" brings a backed-off item forward, and a success clears it from the outbox', async () => {
    await post(db, 'een');
    sender.failWith = ['unavailable'];
    await flushOutbox(db, anna.uid, sender, now);
    await retryNow(db, anna.uid);
    expect(await flushOutbox(db, anna.uid, sender, now)).toEqual({ status: 'idle' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('gives up waiting on a server that never answers (a passing failure), and then asks before resending', async () => {
    const { id } = await post(db, 'een');
    let release: () => void = () => undefined;
    const realSend = sender.send.bind(sender);
    // The first send hangs, as against a frozen server; the write lands after all, later.
    sender.send = async (op) => {
      await new Promise<void>((resolve) => (release = resolve));
      sender.landed.add(`${op.kind}:${subjectOf(op, anna.uid)}`);
    };
    expect(await flushOutbox(db, anna.uid, sender, now, 50)).toMatchObject({ status: 'retry' });
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'pending', maybeSent: true, lastFailure: 'deadline-exceeded' });
    release();
    sender.send = realSend;
    clock += 120_000;
    expect(await flushOutbox(db, anna.uid, sender, now)).toEqual({ status: 'idle' });
    expect(sender.sent).toHaveLength(0); // not sent again: it had landed
    expect((await db.comments.get(id!))!.syncState).toBe('synced');
  });

  it('a stopped runner finishes the item under way, sends nothing more, and only then says it has stopped', async () => {
    await post(db, 'een');
    await post(db, 'twee');
    let release: () => void = () => undefined;
    const realSend = sender.send.bind(sender);
    sender.send = async (op) => {
      await new Promise<void>((resolve) => (release = resolve));
      await realSend(op);
    };
    const runner = new OutboxRunner(db, anna.uid, sender, () => undefined);
    runner.kick();
    await new Promise((r) => setTimeout(r, 50)); // the first send is under way
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(sender.sent.map((op) => (op.kind === 'create' ? op.text : ''))).toEqual(['een']);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('flushOutbox: an item of a kind this version does not know', () => {
  let db: PrikbordDb;
  let sender: FakeSender;
  beforeEach(() => {
    db = freshDb();
    sender = new FakeSender();
  });
  afterEach(() => db.delete());

  /** A sent comment of Anna's, and behind it an item of an unknown kind with that comment as its subject. */
  async function unknownItemOn(state: OutboxItem['state']) {
    const { id } = await post(db, 'van Anna');
    await flushOutbox(db, anna.uid, sender);
    const comment = (await db.comments.get(id!))!;
    const op = { kind: 'report', pageId, commentId: id!, reason: 'spam' } as unknown as OutboxOp;
    const seq = await db.outbox.add({ subject: id!, uid: anna.uid, op, state, attempts: 0, nextAttemptAt: 0, maybeSent: state === 'sending', createdAt: 1 });
    sender.sent = [];
    return { id: id!, comment, seq };
  }

  it('quarantines it without sending it, goes on with the rest, and never marks a comment from it', async () => {
    const { id, comment, seq } = await unknownItemOn('pending');
    const other = await post(db, 'daarna');
    expect(await flushOutbox(db, anna.uid, sender)).toEqual({ status: 'idle' });
    expect(sender.sent.map((op) => op.kind === 'create' && op.text)).toEqual(['daarna']);
    expect(await db.outbox.toArray()).toMatchObject([{ seq, state: 'refused', refusal: UNKNOWN_KIND_REFUSAL, op: { kind: 'report' } }]);
    expect(await db.comments.get(id)).toEqual(comment);
    expect((await db.comments.get(other.id!))!.syncState).toBe('synced');
  });

  it('holds back later changes of its subject, like any refused item', async () => {
    const { id } = await unknownItemOn('pending');
    await editComment(db, anna.uid, id, 'aangepast');
    await flushOutbox(db, anna.uid, sender);
    expect(sender.sent).toHaveLength(0);
    expect((await db.outbox.toArray()).map((item) => [item.op.kind, item.state])).toEqual([
      ['report', 'refused'],
      ['edit', 'pending'],
    ]);
  });

  it('left mid-send by a crash, is quarantined without asking the server about it', async () => {
    const { seq } = await unknownItemOn('sending');
    sender.asked = [];
    expect(await flushOutbox(db, anna.uid, sender)).toEqual({ status: 'idle' });
    expect(sender.asked).toHaveLength(0);
    expect(sender.sent).toHaveLength(0);
    expect((await db.outbox.get(seq))!.state).toBe('refused');
  });
});

describe('flushOutbox: anonymous items travel on their own (timing decorrelation)', () => {
  let db: PrikbordDb;
  let sender: FakeSender;
  let clock: number;
  const now = () => clock;
  /** random() = 0.5: an anonymous delay of 32.5 s, a gap after it of 12.5 s. */
  const DELAY = 32_500;
  const GAP = 12_500;
  let pacing: Pacing;
  beforeEach(() => {
    db = freshDb();
    sender = new FakeSender();
    clock = 1_000_000;
    // A runner whose last send was long ago.
    pacing = newPacing(clock - 3_600_000, () => 0.5);
  });
  afterEach(() => db.delete());

  const flush = () => flushOutbox(db, anna.uid, sender, now, SEND_DEADLINE_MS, () => false, pacing);
  const postAnonymously = (text: string) =>
    postComment(db, anna, { pageId, parentId: null, text, anonymous: true, page: { url: 'http://intranet/', title: 'T' } });
  const like = (targetId: string) => setLike(db, anna.uid, { pageId, targetId, page: { url: 'http://intranet/', title: 'T' } }, true);
  /** What was sent, in order: the text of a comment, `like:<target>` for a like, the kind otherwise. */
  const sentLog = () => sender.sent.map((op) => (op.kind === 'create' || op.kind === 'edit' ? op.text : op.kind === 'like' ? `like:${op.targetId}` : op.kind));

  it('draws the delays from 5 to 60 s and 5 to 20 s', () => {
    expect([ANONYMOUS_DELAY_MS.min, ANONYMOUS_DELAY_MS.max, GAP_AFTER_ANONYMOUS_MS.min, GAP_AFTER_ANONYMOUS_MS.max]).toEqual([5_000, 60_000, 5_000, 20_000]);
  });

  it('an anonymous comment is not sent at once: it waits its random delay, kept with the item', async () => {
    await postAnonymously('anoniem');
    expect(await flush()).toEqual({ status: 'retry', at: clock + DELAY });
    expect(sender.sent).toHaveLength(0);
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'pending', notBefore: clock + DELAY, quietMs: DELAY });
    clock += DELAY - 1;
    expect(await flush()).toMatchObject({ status: 'retry' });
    clock += 1;
    expect(await flush()).toEqual({ status: 'idle' });
    expect(sentLog()).toEqual(['anoniem']);
  });

  it('after an offline spell, named items queued around it go at once and it goes later, alone', async () => {
    await like('page');
    await postAnonymously('anoniem');
    await post(db, 'met naam');
    // Offline: every attempt fails until the connection is back.
    sender.failWith = ['unavailable'];
    const offline = await flush();
    expect(offline.status).toBe('retry');
    clock += 10 * 60_000; // ten minutes later, back online: "try now"
    await retryNow(db, anna.uid);
    expect(await flush()).toEqual({ status: 'retry', at: clock + DELAY });
    expect(sentLog()).toEqual(['like:page', 'met naam']);
    const lastNamed = clock;
    clock += DELAY;
    expect(await flush()).toEqual({ status: 'idle' });
    expect(sentLog()).toEqual(['like:page', 'met naam', 'anoniem']);
    expect(clock - lastNamed).toBeGreaterThanOrEqual(ANONYMOUS_DELAY_MS.min);
  });

  it('never goes right after a named send: one during its wait starts its quiet time again', async () => {
    await postAnonymously('anoniem');
    await flush();
    clock += DELAY - 1_000; // just before it would go, a named like
    await like('page');
    expect(await flush()).toEqual({ status: 'retry', at: clock + DELAY });
    expect(sentLog()).toEqual(['like:page']);
    clock += DELAY;
    await flush();
    expect(sentLog()).toEqual(['like:page', 'anoniem']);
  });

  it('named items do not go right after it either: they wait a gap of 5 to 20 s', async () => {
    await postAnonymously('anoniem');
    await flush();
    clock += DELAY;
    await flush();
    const anonymousAt = clock;
    await post(db, 'met naam');
    expect(await flush()).toEqual({ status: 'retry', at: anonymousAt + GAP });
    expect(sentLog()).toEqual(['anoniem']);
    clock += GAP;
    expect(await flush()).toEqual({ status: 'idle' });
    expect(sentLog()).toEqual(['anoniem', 'met naam']);
  });

  it('two anonymous comments are not sent back to back (they would be linkable to each other)', async () => {
    await postAnonymously('een');
    await postAnonymously('twee');
    await flush();
    clock += DELAY;
    await flush();
    expect(sentLog()).toEqual(['een']);
    clock += DELAY - 1;
    await flush();
    expect(sentLog()).toEqual(['een']);
    clock += 1;
    await flush();
    expect(sentLog()).toEqual(['een', 'twee']);
  });

  it('keeps the order within one comment: its edit waits behind it, and is itself anonymous', async () => {
    const { id } = await postAnonymously('eerste');
    await flush();
    clock += DELAY;
    await flush();
    await editComment(db, anna.uid, id!, 'tweede');
    expect(await flush()).toMatchObject({ status: 'retry' });
    expect(sentLog()).toEqual(['eerste']);
    clock += DELAY;
    await flush();
    expect(sentLog()).toEqual(['eerste', 'tweede']);
  });

  it('an edit queued behind an unsent anonymous create waits for it (one subject, in order)', async () => {
    const { id } = await postAnonymously('eerste');
    await flush();
    // An edit of a create that was never sent rewrites it; one that may have been sent (an attempt
    // that timed out, say) queues an edit behind it instead.
    await db.outbox.toCollection().modify({ maybeSent: true });
    await editComment(db, anna.uid, id!, 'tweede');
    const [create, edit] = await db.outbox.orderBy('seq').toArray();
    expect(planNext([create!, edit!], clock + DELAY, pacing, () => true)).toEqual({ send: create });
    expect(planNext([create!, edit!], clock, pacing, () => true)).toMatchObject({ wait: clock + DELAY });
  });

  it('"try now" does not send it early', async () => {
    await postAnonymously('anoniem');
    await flush();
    await retryNow(db, anna.uid);
    expect(await flush()).toEqual({ status: 'retry', at: clock + DELAY });
    expect(sender.sent).toHaveLength(0);
  });

  it('nothing is lost across a restart: a fresh runner waits its full quiet time, then sends it', async () => {
    await postAnonymously('anoniem');
    await flush();
    clock += 5 * 60_000; // the service worker was stopped meanwhile
    pacing = newPacing(clock, () => 0.5); // a fresh runner knows no history
    expect(await flush()).toEqual({ status: 'retry', at: clock + DELAY });
    clock += DELAY;
    expect(await flush()).toEqual({ status: 'idle' });
    expect(sentLog()).toEqual(['anoniem']);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a refused anonymous comment keeps its text and holds back only itself', async () => {
    const { id } = await postAnonymously('geweigerd');
    await flush();
    clock += DELAY;
    sender.failWith = ['permission-denied'];
    await flush();
    expect(await db.comments.get(id!)).toMatchObject({ syncState: 'refused', text: 'geweigerd' });
    await post(db, 'daarna');
    clock += GAP;
    await flush();
    expect(sentLog()).toEqual(['daarna']);
  });

  it('tells anonymous items apart: an anonymous create, an edit or delete of an owned comment, a mark on an owned question', () => {
    const item = (op: OutboxOp) => ({ op }) as OutboxItem;
    const owned = new Set(['mine']);
    expect(
      isAnonymousItem(item({ kind: 'create', pageId, commentId: 'x', parentId: null, text: 't', anonymous: true, page: { url: '', title: '' } }), owned),
    ).toBe(true);
    expect(
      isAnonymousItem(item({ kind: 'create', pageId, commentId: 'x', parentId: null, text: 't', anonymous: false, page: { url: '', title: '' } }), owned),
    ).toBe(false);
    expect(isAnonymousItem(item({ kind: 'edit', pageId, commentId: 'mine', text: 't', previousText: 'p' }), owned)).toBe(true);
    expect(isAnonymousItem(item({ kind: 'delete', pageId, commentId: 'mine', previousText: 'p' }), owned)).toBe(true);
    expect(isAnonymousItem(item({ kind: 'edit', pageId, commentId: 'named', text: 't', previousText: 'p' }), owned)).toBe(false);
    expect(isAnonymousItem(item({ kind: 'helpful', pageId, replyId: 'r', parentId: 'mine' }), owned)).toBe(true);
    expect(isAnonymousItem(item({ kind: 'helpful', pageId, replyId: 'r', parentId: 'named' }), owned)).toBe(false);
    expect(isAnonymousItem(item({ kind: 'like', pageId, targetId: 'mine', active: true, page: { url: '', title: '' } }), owned)).toBe(false);
  });

  it('without pacing (the integration tests’ direct calls) everything goes at once, in order', async () => {
    await postAnonymously('anoniem');
    await post(db, 'met naam');
    expect(await flushOutbox(db, anna.uid, sender, now)).toEqual({ status: 'idle' });
    expect(sentLog()).toEqual(['anoniem', 'met naam']);
  });
});
