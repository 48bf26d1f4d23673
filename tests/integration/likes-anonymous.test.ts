// Likes and anonymous comments with the real SDK against the emulators: the outbox, the coupled
// writes and the delta sync, for several employees each with their own local database.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collection, doc, getDoc, getDocs, query, where } from 'firebase/firestore';
import type { PrikbordDb } from '../../lib/data/db';
import { firestoreSender } from '../../lib/data/outbox/remote-operations';
import { shownLikeCount } from '../../lib/core/likes';
import { deleteComment, editComment, markHelpful, postComment, setLike } from '../../lib/data/outbox/commands';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { consoleFunctions } from '../../lib/data/console/roles';
import { moderateCaller } from '../../lib/data/moderation/moderate-call';
import { likeKey } from '../../lib/core/schema';
import { syncThread } from '../../lib/data/thread/thread-sync';
import { waitFor } from '../../scripts/poll';
import { putDoc, seedDemo } from '../../scripts/seed';
import { signedInClient, syncThreadCurrent, type Client, flushAll } from '../helpers/emulator-clients';
import { freshDb } from '../helpers/fake-db';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';

const people = ['anna', 'bram', 'chantal', 'daan'].map((key) => demoEmployee(key));
let pages = 0;
/** A page of its own for each test, so counts and documents never carry over. */
function freshPage() {
  pages += 1;
  const url = `http://127.0.0.1:8101/test/${pages}.html`;
  // The page id is the hash of its url (lib/any/page-identity.ts pageIdFor): the rules check it.
  return { pageId: `p_${createHash('sha256').update(url).digest('hex').slice(0, 24)}`, url, title: `Testpagina ${pages}` };
}
let seed = freshPage();

interface Person {
  client: Client;
  db: PrikbordDb;
  name: string;
  flush(): Promise<unknown>;
}

describe('likes and anonymous comments through Firestore', () => {
  let everyone: Person[];
  const stops: Array<() => void> = [];

  beforeAll(async () => {
    await seedDemo({ threads: false });
  });

  beforeEach(async () => {
    seed = freshPage();
    everyone = await Promise.all(
      people.map(async (p) => {
        const client = await signedInClient(p.email, DEMO_PASSWORD);
        const db = freshDb();
        const sender = firestoreSender(client.lite, () => ({ uid: client.uid, displayName: p.displayName }));
        return { client, db, name: p.displayName, flush: () => flushAll(db, client.uid, sender) };
      }),
    );
    // Each test starts with an empty rate window: together the tests post more comments per
    // person per minute than the rules' rate limit allows (10), which is not what they test.
    await Promise.all(everyone.map((p) => putDoc(`rate/${p.client.uid}`, { windowStart: new Date(0), count: 0, last: 'reset' })));
  });

  afterEach(async () => {
    stops.splice(0).forEach((stop) => stop());
    await Promise.all(everyone.map(async (p) => Promise.all([p.client.close(), p.db.delete()])));
  });

  afterAll(async () => {
    await seedDemo({ threads: false });
  });

  const anna = () => everyone[0]!;
  const bram = () => everyone[1]!;
  const chantal = () => everyone[2]!;
  const daan = () => everyone[3]!;
  const author = (p: Person) => ({ uid: p.client.uid, displayName: p.name });
  const serverDoc = async (p: Person, ...path: string[]) => (await getDoc(doc(p.client.firestore, path.join('/')))).data();

  async function commentByAnna(text = 'Hoe vraag ik bijzonder verlof aan?') {
    const { id } = await postComment(anna().db, author(anna()), { pageId: seed.pageId, parentId: null, text, page: seed });
    await anna().flush();
    return id!;
  }

  it('four people liking the same comment at the same moment end at exactly four', async () => {
    const id = await commentByAnna();
    await Promise.all(everyone.map((p) => setLike(p.db, p.client.uid, { pageId: seed.pageId, targetId: id, page: seed }, true)));
    await Promise.all(everyone.map((p) => p.flush()));
    const comment = await serverDoc(anna(), 'pages', seed.pageId, 'comments', id);
    const likes = await getDocs(
      query(collection(anna().client.firestore, 'pages', seed.pageId, 'likes'), where('targetId', '==', id), where('active', '==', true)),
    );
    expect(comment?.likeCount).toBe(4);
    expect(likes.size).toBe(4);
  });

  it('like, unlike and like again by one person, racing two others, counts each person once', async () => {
    const id = await commentByAnna();
    const target = { pageId: seed.pageId, targetId: id, page: seed };
    // Bram toggles three times, flushing between; Chantal and Daan like meanwhile.
    await setLike(bram().db, bram().client.uid, target, true);
    await Promise.all([bram().flush(), setLike(chantal().db, chantal().client.uid, target, true).then(() => chantal().flush())]);
    await setLike(bram().db, bram().client.uid, target, false);
    await Promise.all([bram().flush(), setLike(daan().db, daan().client.uid, target, true).then(() => daan().flush())]);
    await setLike(bram().db, bram().client.uid, target, true);
    await bram().flush();
    expect((await serverDoc(anna(), 'pages', seed.pageId, 'comments', id))?.likeCount).toBe(3);
  });

  it('the same person liking from two browsers counts once, and both browsers end up agreeing', async () => {
    const id = await commentByAnna();
    const target = { pageId: seed.pageId, targetId: id, page: seed };
    const second = await signedInClient(people[1]!.email, DEMO_PASSWORD);
    const secondDb = freshDb();
    try {
      const secondSender = firestoreSender(second.lite, () => author(bram()));
      await setLike(bram().db, bram().client.uid, target, true);
      await setLike(secondDb, second.uid, target, true);
      await Promise.all([bram().flush(), flushAll(secondDb, second.uid, secondSender)]);
      expect((await serverDoc(anna(), 'pages', seed.pageId, 'comments', id))?.likeCount).toBe(1);
      // The loser's send was refused by the rules, found already applied, and settled: no refusal shown.
      for (const db of [bram().db, secondDb]) {
        expect(await db.outbox.count()).toBe(0);
        expect(await db.likes.get(likeKey(seed.pageId, id, second.uid))).toMatchObject({ active: true, serverActive: true, syncState: 'synced' });
      }
    } finally {
      await second.close();
      await secondDb.delete();
    }
  });

  it('liking the page creates its document, and the count reaches another reader', async () => {
    stops.push(await syncThreadCurrent(bram().client.firestore, bram().db, seed, bram().client.uid));
    await setLike(anna().db, anna().client.uid, { pageId: seed.pageId, targetId: 'page', page: seed }, true);
    await anna().flush();
    expect(await serverDoc(anna(), 'pages', seed.pageId)).toMatchObject({ likeCount: 1, commentCount: 0 });
    await waitFor(async () => (await bram().db.pages.get(seed.pageId))?.likeCount === 1, { what: "like count 1 on the page in Bram's database" });
  });

  it('a like of a comment deleted meanwhile is refused and rolled back, nothing half-written', async () => {
    const id = await commentByAnna();
    await deleteComment(anna().db, anna().client.uid, id);
    await anna().flush();
    const target = { pageId: seed.pageId, targetId: id, page: seed };
    await setLike(bram().db, bram().client.uid, target, true);
    await bram().flush();
    const row = await bram().db.likes.get(likeKey(seed.pageId, id, bram().client.uid));
    expect(row).toMatchObject({ active: false, syncState: 'refused', refusal: 'refusedByRules' });
    expect(shownLikeCount(0, row)).toBe(0);
    expect(await serverDoc(anna(), 'pages', seed.pageId, 'likes', `${id}_${bram().client.uid}`)).toBeUndefined();
  });

  it('another reader’s own like syncs into a fresh browser of theirs', async () => {
    const id = await commentByAnna();
    await setLike(bram().db, bram().client.uid, { pageId: seed.pageId, targetId: id, page: seed }, true);
    await bram().flush();
    const fresh = freshDb();
    try {
      stops.push(await syncThreadCurrent(bram().client.firestore, fresh, seed, bram().client.uid));
      await waitFor(async () => (await fresh.likes.get(likeKey(seed.pageId, id, bram().client.uid)))?.serverActive, {
        what: "Bram's like, as the server has it, in his fresh browser",
      });
      const comment = await waitFor(() => fresh.comments.get(id), { what: "the comment in Bram's fresh browser" });
      expect(shownLikeCount(comment.likeCount, await fresh.likes.get(likeKey(seed.pageId, id, bram().client.uid)))).toBe(1);
    } finally {
      await fresh.delete();
    }
  });

  describe('a revisit leaves the person’s own listeners off unless the thread changed, and never misses what they did elsewhere', () => {
    /** Bram visits the page in his usual browser until it is current, then leaves. */
    async function visitAndLeave() {
      const stop = await syncThreadCurrent(bram().client.firestore, bram().db, seed, bram().client.uid);
      // Leaves only once his own listeners have recorded what they reflect (a visit that ends
      // earlier just makes the next one ask again).
      await waitFor(
        async () => {
          const mine = (await bram().db.pages.get(seed.pageId))?.mine;
          return Boolean(mine?.likesThrough && mine.ownedThrough);
        },
        { what: "Bram's own listeners to record what they reflect" },
      );
      stop();
    }

    /** Whether Bram's next visit runs his own listeners (each one is a billed read). */
    async function revisitRunsMine(): Promise<boolean> {
      let running: string[] | undefined;
      const stop = syncThread(bram().client.firestore, bram().db, seed, bram().client.uid, console.error, {
        onCurrent: (listeners) => void (running = listeners),
      });
      stops.push(stop);
      const listeners = await waitFor(() => running, { what: "Bram's listeners to be current" });
      return listeners.includes('myLikes') && listeners.includes('owned');
    }

    /** Bram, in a second browser of his, does `act` and sends it. */
    async function inAnotherBrowserOfBram(act: (db: PrikbordDb, uid: string) => Promise<unknown>) {
      const other = await signedInClient(people[1]!.email, DEMO_PASSWORD);
      const otherDb = freshDb();
      try {
        await act(otherDb, other.uid);
        const result = await flushAll(
          otherDb,
          other.uid,
          firestoreSender(other.lite, () => author(bram())),
        );
        expect(result.status).toBe('idle');
        expect(await otherDb.outbox.count()).toBe(0);
      } finally {
        await other.close();
        await otherDb.delete();
      }
    }

    it('an unchanged page: only the comments, page and marks listeners run', async () => {
      await commentByAnna();
      await visitAndLeave();
      expect(await revisitRunsMine()).toBe(false);
    });

    it('his like of a comment, given in another browser, arrives', async () => {
      const id = await commentByAnna();
      await visitAndLeave();
      await inAnotherBrowserOfBram((db, uid) => setLike(db, uid, { pageId: seed.pageId, targetId: id, page: seed }, true));
      expect(await revisitRunsMine()).toBe(true);
      await waitFor(async () => (await bram().db.likes.get(likeKey(seed.pageId, id, bram().client.uid)))?.serverActive, {
        what: "Bram's like of the comment in his usual browser",
      });
    });

    it('his like of the page itself, given in another browser, arrives', async () => {
      await commentByAnna();
      await visitAndLeave();
      await inAnotherBrowserOfBram((db, uid) => setLike(db, uid, { pageId: seed.pageId, targetId: 'page', page: seed }, true));
      expect(await revisitRunsMine()).toBe(true);
      await waitFor(async () => (await bram().db.likes.get(likeKey(seed.pageId, 'page', bram().client.uid)))?.serverActive, {
        what: "Bram's like of the page in his usual browser",
      });
    });

    it('a page without replies asks for no "this helped" marks; once it has one, a mark made while he was away arrives', async () => {
      const question = await commentByAnna('Waar vind ik het verlofformulier?');
      await visitAndLeave();
      let running: string[] | undefined;
      const quiet = syncThread(bram().client.firestore, bram().db, seed, bram().client.uid, console.error, {
        onCurrent: (listeners) => void (running = listeners),
      });
      expect(await waitFor(() => running, { what: "Bram's listeners to be current" })).not.toContain('marks');
      quiet();
      // Chantal replies, Bram reads the reply; then, while he is away, Anna marks it.
      const { id: replyId } = await postComment(chantal().db, author(chantal()), {
        pageId: seed.pageId,
        parentId: question,
        text: 'Op de HR-pagina.',
        page: seed,
      });
      await chantal().flush();
      await visitAndLeave();
      const reply = await waitFor(() => bram().db.comments.get(replyId!), { what: "Chantal's reply in Bram's database" });
      await markHelpful(anna().db, anna().client.uid, reply);
      expect((await anna().flush()) as { status: string }).toMatchObject({ status: 'idle' });
      stops.push(await syncThreadCurrent(bram().client.firestore, bram().db, seed, bram().client.uid));
      await waitFor(() => bram().db.helpful.get(replyId!), { what: "Anna's mark in Bram's database" });
    });

    it('his anonymous comment, posted in another browser, is known as his', async () => {
      await commentByAnna();
      await visitAndLeave();
      let anonymousId = '';
      await inAnotherBrowserOfBram(async (db) => {
        const { id } = await postComment(db, author(bram()), {
          pageId: seed.pageId,
          parentId: null,
          text: 'Anoniem vanaf mijn laptop',
          anonymous: true,
          page: seed,
        });
        anonymousId = id!;
      });
      expect(await revisitRunsMine()).toBe(true);
      await waitFor(() => bram().db.owned.get(anonymousId), { what: "Bram's owner link to his anonymous comment" });
    });
  });

  describe('anonymous', () => {
    it('reaches other readers with no author at all, and their database holds no trace of who', async () => {
      stops.push(await syncThreadCurrent(bram().client.firestore, bram().db, seed, bram().client.uid));
      const { id } = await postComment(anna().db, author(anna()), {
        pageId: seed.pageId,
        parentId: null,
        text: 'Ik durf dit niet met naam te vragen',
        anonymous: true,
        page: seed,
      });
      await anna().flush();
      const row = await waitFor(() => bram().db.comments.get(id!), { what: "the anonymous comment in Bram's database" });
      expect(row).toMatchObject({ anonymous: true, authorUid: null, authorName: null });
      const stored = await serverDoc(bram(), 'pages', seed.pageId, 'comments', id!);
      expect(Object.keys(stored!).sort()).toEqual(['anonymous', 'createdAt', 'deleted', 'editedAt', 'likeCount', 'pageId', 'parentId', 'text', 'updatedAt']);
      // Nothing in any table of Bram's database mentions Anna.
      for (const table of bram().db.tables) {
        const dump = JSON.stringify(await table.toArray());
        expect(dump).not.toContain(anna().client.uid);
        expect(dump).not.toContain(anna().name);
      }
      expect(await bram().db.owned.count()).toBe(0);
    });

    it('the author finds it theirs in a fresh browser, and edits and deletes it there', async () => {
      const { id } = await postComment(anna().db, author(anna()), { pageId: seed.pageId, parentId: null, text: 'Eerste versie', anonymous: true, page: seed });
      await anna().flush();
      const fresh = freshDb();
      try {
        stops.push(await syncThreadCurrent(anna().client.firestore, fresh, seed, anna().client.uid));
        await waitFor(() => fresh.owned.get(id!), { what: "Anna's owner link in her fresh browser" });
        await waitFor(() => fresh.comments.get(id!), { what: 'her comment in her fresh browser' });
        await editComment(fresh, anna().client.uid, id!, 'Tweede versie');
        const sender = firestoreSender(anna().client.lite, () => author(anna()));
        await flushAll(fresh, anna().client.uid, sender);
        expect(await serverDoc(bram(), 'pages', seed.pageId, 'comments', id!)).toMatchObject({ text: 'Tweede versie', anonymous: true });
        await deleteComment(fresh, anna().client.uid, id!);
        await flushAll(fresh, anna().client.uid, sender);
        expect(await serverDoc(bram(), 'pages', seed.pageId, 'comments', id!)).toMatchObject({ deleted: true, text: '' });
        expect(await serverDoc(bram(), 'pages', seed.pageId)).toMatchObject({ commentCount: 0 });
      } finally {
        await fresh.delete();
      }
    });

    it('another employee cannot find its author: no owner link by get or query, no match by author', async () => {
      const { id } = await postComment(anna().db, author(anna()), { pageId: seed.pageId, parentId: null, text: 'Anoniem', anonymous: true, page: seed });
      await anna().flush();
      const fs = bram().client.firestore;
      await expect(getDoc(doc(fs, 'commentOwners', id!))).rejects.toMatchObject({ code: 'permission-denied' });
      await expect(getDocs(query(collection(fs, 'commentOwners'), where('pageId', '==', seed.pageId)))).rejects.toMatchObject({ code: 'permission-denied' });
      const byAnna = await getDocs(query(collection(fs, 'pages', seed.pageId, 'comments'), where('authorUid', '==', anna().client.uid)));
      expect(byAnna.docs.map((d) => d.id)).not.toContain(id);
    });

    it('a moderator hides it without ever reading who wrote it', async () => {
      const { id } = await postComment(anna().db, author(anna()), { pageId: seed.pageId, parentId: null, text: 'Ongepast', anonymous: true, page: seed });
      await anna().flush();
      // Through the callable `moderate` (tests/integration/moderation.test.ts has the whole of it).
      const moderate = moderateCaller(consoleFunctions(chantal().client.app, BUILD_ORG_CONFIG.firebase));
      const outcome = await moderate({ queueId: `${seed.pageId}_${id!}`, action: 'hide', reason: 'attack' });
      expect(outcome).toMatchObject({ ok: true, result: { status: 'hidden' } });
      for (const trace of [anna().client.uid, anna().name]) expect(JSON.stringify(outcome)).not.toContain(trace);
      expect(await serverDoc(bram(), 'pages', seed.pageId, 'comments', id!)).toMatchObject({
        deleted: true,
        moderated: true,
        moderationReason: 'attack',
        text: '',
      });
      expect(await chantal().db.owned.count()).toBe(0);
    });
  });

  describe('"this helped"', () => {
    async function anonymousQuestionWithReply() {
      const { id: questionId } = await postComment(anna().db, author(anna()), {
        pageId: seed.pageId,
        parentId: null,
        text: 'Hoe werkt VPN thuis?',
        anonymous: true,
        page: seed,
      });
      await anna().flush();
      const { id: replyId } = await postComment(bram().db, author(bram()), {
        pageId: seed.pageId,
        parentId: questionId!,
        text: 'Start LindeConnect 4.2.',
        page: seed,
      });
      await bram().flush();
      stops.push(await syncThreadCurrent(anna().client.firestore, anna().db, seed, anna().client.uid));
      const reply = await waitFor(() => anna().db.comments.get(replyId!), { what: "Bram's reply in Anna's database" });
      return { questionId: questionId!, reply };
    }

    it('the anonymous asker marks a reply; every reader sees it, and the mark names nobody', async () => {
      const { reply } = await anonymousQuestionWithReply();
      stops.push(await syncThreadCurrent(chantal().client.firestore, chantal().db, seed, chantal().client.uid));
      await markHelpful(anna().db, anna().client.uid, reply);
      expect(await anna().db.helpful.get(reply.id)).toMatchObject({ syncState: 'pending' });
      await anna().flush();
      expect(await anna().db.helpful.get(reply.id)).toMatchObject({ syncState: 'synced' });
      await waitFor(() => chantal().db.helpful.get(reply.id), { what: "the mark in Chantal's database" });
      const stored = await serverDoc(chantal(), 'pages', seed.pageId, 'helpful', reply.id);
      expect(Object.keys(stored!).sort()).toEqual(['createdAt', 'parentId', 'replyId']);
    });

    it('someone who did not ask is refused, and the mark disappears again', async () => {
      const { reply } = await anonymousQuestionWithReply();
      await chantal().db.comments.put(reply); // Chantal reads the thread too
      await markHelpful(chantal().db, chantal().client.uid, reply);
      await chantal().flush();
      expect(await chantal().db.helpful.get(reply.id)).toBeUndefined();
      expect(await chantal().db.outbox.count()).toBe(0);
      expect(await serverDoc(anna(), 'pages', seed.pageId, 'helpful', reply.id)).toBeUndefined();
    });
  });
});
