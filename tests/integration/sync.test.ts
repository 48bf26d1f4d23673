// The outbox, the Firestore writes and the delta sync, with the real SDK against the emulators:
// two employees, each with their own local database.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doc, getDoc } from 'firebase/firestore';
import type { PrikbordDb } from '../../lib/data/db';
import { firestoreSender } from '../../lib/data/outbox/remote-operations';
import { deleteComment, editComment, postComment } from '../../lib/data/outbox/commands';
import { flushOutbox, retryNow } from '../../lib/data/outbox/flusher';
import { syncThread, type ThreadListener } from '../../lib/data/thread/thread-sync';
import { sleep, waitFor } from '../../scripts/poll';
import { seedDemo, putDoc } from '../../scripts/seed';
import { signedInClient, syncThreadCurrent, type Client, flushAll } from '../helpers/emulator-clients';
import { freshDb } from '../helpers/fake-db';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';

const anna = demoEmployee('anna');
const bram = demoEmployee('bram');
const url = 'http://127.0.0.1:8101/ict/helpdesk.html';
// The page id is the hash of its url (lib/any/page-identity.ts pageIdFor): the rules check it.
const seed = { pageId: `p_${createHash('sha256').update(url).digest('hex').slice(0, 24)}`, url, title: 'ICT-helpdesk' };

describe('sync between two employees through Firestore', () => {
  let a: Client;
  let b: Client;
  let dbA: PrikbordDb;
  let dbB: PrikbordDb;
  const stops: Array<() => void> = [];

  beforeEach(async () => {
    await seedDemo({ threads: false });
    a = await signedInClient(anna.email, DEMO_PASSWORD);
    b = await signedInClient(bram.email, DEMO_PASSWORD);
    dbA = freshDb();
    dbB = freshDb();
  });

  afterEach(async () => {
    stops.splice(0).forEach((stop) => stop());
    await Promise.all([a.close(), b.close(), dbA.delete(), dbB.delete()]);
  });

  const senderA = () => firestoreSender(a.lite, () => ({ uid: a.uid, displayName: anna.displayName }));
  const rowInB = (id: string) => waitFor(() => dbB.comments.get(id), { what: `comment ${id} in B's database` });

  it('a comment posted by A arrives in B’s local database, with the page count', async () => {
    stops.push(await syncThreadCurrent(b.firestore, dbB, seed, b.uid));
    const { id } = await postComment(dbA, { uid: a.uid, displayName: anna.displayName }, { pageId: seed.pageId, parentId: null, text: 'Hoi Bram', page: seed });
    await flushAll(dbA, a.uid, senderA());
    const row = await rowInB(id!);
    expect(row).toMatchObject({ text: 'Hoi Bram', authorName: anna.displayName, syncState: 'synced' });
    // The page document comes through its own listener; on a busy machine it may trail the comment.
    await waitFor(async () => (await dbB.pages.get(seed.pageId))?.commentCount === 1, { timeoutMs: 30_000, what: "comment count 1 on B's page row" }).catch(
      async (error) => {
        const server = (await getDoc(doc(a.firestore, 'pages', seed.pageId))).data();
        throw new Error(`${error}: B's page row ${JSON.stringify(await dbB.pages.get(seed.pageId))}, server ${JSON.stringify(server)}`);
      },
    );
  });

  it('edits and deletes arrive too, and the count follows', async () => {
    stops.push(await syncThreadCurrent(b.firestore, dbB, seed, b.uid));
    const author = { uid: a.uid, displayName: anna.displayName };
    const { id } = await postComment(dbA, author, { pageId: seed.pageId, parentId: null, text: 'Versie 1', page: seed });
    await flushAll(dbA, a.uid, senderA());
    await editComment(dbA, a.uid, id!, 'Versie 2');
    await flushAll(dbA, a.uid, senderA());
    await waitFor(async () => (await dbB.comments.get(id!))?.text === 'Versie 2', { what: "the edit in B's database" });
    expect((await dbB.comments.get(id!))!.editedAt).not.toBeNull();

    await deleteComment(dbA, a.uid, id!);
    await flushAll(dbA, a.uid, senderA());
    await waitFor(async () => (await dbB.comments.get(id!))?.deleted, { what: "the deletion in B's database" });
    await waitFor(async () => (await dbB.pages.get(seed.pageId))?.commentCount === 0, { what: "comment count 0 on B's page row" });
  });

  it('a comment written while Firestore is unreachable stays pending, then is sent once it is back', async () => {
    stops.push(await syncThreadCurrent(b.firestore, dbB, seed, b.uid));
    // The same person and session, but the server can't be reached: nothing listens on port 9.
    const offline = await signedInClient(anna.email, DEMO_PASSWORD, { liteAt: { host: '127.0.0.1', port: 9 } });
    try {
      const { id } = await postComment(
        dbA,
        { uid: a.uid, displayName: anna.displayName },
        { pageId: seed.pageId, parentId: null, text: 'Vanuit de trein', page: seed },
      );
      const result = await flushOutbox(
        dbA,
        a.uid,
        firestoreSender(offline.lite, () => ({ uid: a.uid, displayName: anna.displayName })),
      );
      expect(result.status).toBe('retry');
      expect((await dbA.comments.get(id!))!.syncState).toBe('pending');
      // A passing failure, remembered (the panel then says the server can't be reached).
      expect(await dbA.outbox.toArray()).toMatchObject([{ state: 'pending', attempts: 1, maybeSent: true, lastFailure: expect.any(String) }]);
      // Back: the retry first asks whether it landed (it did not), then sends it, once.
      await retryNow(dbA, a.uid);
      expect(await flushOutbox(dbA, a.uid, senderA())).toEqual({ status: 'idle' });
      expect((await dbA.comments.get(id!))!.syncState).toBe('synced');
      expect(await rowInB(id!)).toMatchObject({ text: 'Vanuit de trein' });
    } finally {
      await offline.close();
    }
  });

  it('a reply keeps its parent', async () => {
    const author = { uid: a.uid, displayName: anna.displayName };
    const parent = await postComment(dbA, author, { pageId: seed.pageId, parentId: null, text: 'Vraag', page: seed });
    const reply = await postComment(dbA, author, { pageId: seed.pageId, parentId: parent.id!, text: 'Antwoord', page: seed });
    await flushAll(dbA, a.uid, senderA());
    stops.push(await syncThreadCurrent(b.firestore, dbB, seed, b.uid));
    expect(await rowInB(reply.id!)).toMatchObject({ parentId: parent.id });
  });

  it('a change the rules refuse is marked refused with its text kept', async () => {
    // Anna's profile name changed elsewhere: her queued comment now carries a name the rules reject.
    await putDoc(`profiles/${a.uid}`, { displayName: 'Anna V.', department: 'Communicatie' });
    const { id } = await postComment(
      dbA,
      { uid: a.uid, displayName: anna.displayName },
      { pageId: seed.pageId, parentId: null, text: 'Mijn tekst', page: seed },
    );
    await flushAll(dbA, a.uid, senderA());
    expect(await dbA.comments.get(id!)).toMatchObject({ syncState: 'refused', refusal: 'refusedByRules', text: 'Mijn tekst' });
    expect((await getDoc(doc(a.firestore, 'pages', seed.pageId, 'comments', id!))).exists()).toBe(false);
  });

  it('a create that already landed is not sent twice after a crash', async () => {
    const author = { uid: a.uid, displayName: anna.displayName };
    const { id } = await postComment(dbA, author, { pageId: seed.pageId, parentId: null, text: 'Eén keer', page: seed });
    const [item] = await dbA.outbox.toArray();
    await senderA().send(item!.op); // it reached the server …
    await dbA.outbox.update(item!.seq!, { state: 'sending', maybeSent: true }); // … but the panel died before it heard
    await flushAll(dbA, a.uid, senderA());
    expect(await dbA.outbox.count()).toBe(0);
    const page = await getDoc(doc(a.firestore, 'pages', seed.pageId));
    expect(page.get('commentCount')).toBe(1);
    expect((await dbA.comments.get(id!))!.syncState).toBe('synced');
  });

  it('a revisit of an unchanged thread reads at most 2 documents from the server', async () => {
    const author = { uid: a.uid, displayName: anna.displayName };
    // Ten: one person may post at most 10 comments a minute (the rules' rate window); this test
    // once posted 12 at once, which the rules now refuse.
    for (let i = 0; i < 10; i++) await postComment(dbA, author, { pageId: seed.pageId, parentId: null, text: `Reactie ${i}`, page: seed });
    await flushAll(dbA, a.uid, senderA());

    // First visit: B reads the whole thread and remembers its cursor.
    const first = await syncThreadCurrent(b.firestore, dbB, seed, b.uid);
    await waitFor(async () => (await dbB.comments.count()) === 10, { what: "all 10 comments in B's database" });
    await waitFor(async () => (await dbB.pages.get(seed.pageId))?.cursor, { what: "the thread's cursor on B's page row" });
    await waitFor(async () => (await dbB.pages.get(seed.pageId))?.mine?.ownedThrough, { what: "B's owned-links mark on the page row" });
    await waitFor(async () => (await dbB.pages.get(seed.pageId))?.mine?.likesThrough, { what: "B's own-likes mark on the page row" });
    first();

    // Revisit with a fresh SDK instance (no Firestore cache), counting documents the server delivers.
    const again = await signedInClient(bram.email, DEMO_PASSWORD);
    let delivered = 0;
    let running: ThreadListener[] | undefined;
    const stop = syncThread(again.firestore, dbB, seed, again.uid, console.error, {
      onServerDocs: (count) => void (delivered += count),
      onCurrent: (listeners) => void (running = listeners),
    });
    await waitFor(() => running, { what: 'the revisit to be current' });
    await sleep(500); // anything late would still be counted
    stop();
    await again.close();
    // The page document + the cursor's own comment: 2 reads for a 10-comment thread.
    expect(delivered).toBeLessThanOrEqual(2);
    expect(await dbB.comments.count()).toBe(10);
    // Nothing changed since the first visit, so B's own likes and anonymous links were not asked
    // for again, nor "this helped" marks on a thread without replies (each empty query would
    // still be billed a read).
    expect(running?.sort()).toEqual(['comments', 'page']);
  });
});

describe('the organisation boundary, through the outbox', () => {
  let a: Client;
  let b: Client;
  let dbA: PrikbordDb;
  let dbB: PrikbordDb;

  beforeEach(async () => {
    await seedDemo({ threads: false });
    a = await signedInClient(anna.email, DEMO_PASSWORD);
    b = await signedInClient(bram.email, DEMO_PASSWORD);
    dbA = freshDb();
    dbB = freshDb();
  });

  afterEach(async () => {
    await Promise.all([a.close(), b.close(), dbA.delete(), dbB.delete()]);
  });

  const authorA = () => ({ uid: a.uid, displayName: anna.displayName });
  const flushA = () => flushAll(dbA, a.uid, firestoreSender(a.lite, authorA));

  it('the eleventh comment in a minute is refused as "posting quickly", its text kept; ten went through', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) ids.push((await postComment(dbA, authorA(), { pageId: seed.pageId, parentId: null, text: `Reactie ${i}`, page: seed })).id!);
    await flushA();
    expect((await getDoc(doc(a.firestore, 'pages', seed.pageId))).get('commentCount')).toBe(10);
    expect(await dbA.comments.get(ids[10]!)).toMatchObject({ syncState: 'refused', refusal: 'refusedRateLimited', text: 'Reactie 10' });
    // Nobody else can see Anna's rate window (it would time her anonymous posts).
    await expect(getDoc(doc(b.firestore, 'rate', a.uid))).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('an anonymous comment queued before the organisation switched anonymity off is refused as such, its text kept', async () => {
    await putDoc('config/settings', { anonymousPosting: false, updatedAt: new Date() });
    const { id } = await postComment(dbA, authorA(), { pageId: seed.pageId, parentId: null, text: 'Anoniem', anonymous: true, page: seed });
    const named = await postComment(dbA, authorA(), { pageId: seed.pageId, parentId: null, text: 'Met naam', page: seed });
    await flushA();
    expect(await dbA.comments.get(id!)).toMatchObject({ syncState: 'refused', refusal: 'refusedAnonymousOff', text: 'Anoniem' });
    expect(await dbA.comments.get(named.id!)).toMatchObject({ syncState: 'synced' });
  });

  it('a comment on a page renamed since its first comment keeps the first title and still goes through', async () => {
    await postComment(dbA, authorA(), { pageId: seed.pageId, parentId: null, text: 'Eerste', page: seed });
    await flushA();
    const renamed = { ...seed, title: 'ICT-servicedesk (nieuw)' };
    const { id } = await postComment(dbA, authorA(), { pageId: seed.pageId, parentId: null, text: 'Tweede', page: renamed });
    await flushA();
    expect((await dbA.comments.get(id!))!.syncState).toBe('synced');
    expect((await getDoc(doc(b.firestore, 'pages', seed.pageId))).data()).toMatchObject({ title: seed.title, commentCount: 2 });
  });
});
