// Page identity management and announcements against the Auth, Firestore and Functions emulators:
// the console's own client (lib/data/console/pages.ts) calls the real `changePage` function as the
// seeded demo people. A comms advisor merges one page's thread into another: every comment, like,
// "this helped" mark and anonymous owner link arrives (the owner links rebound), the counters are
// exactly the sum (a person who liked both pages counts once), the old page is an alias, one audit
// entry says so, and a second employee's cache (Dexie) follows: the moved comments show under the
// new page and nowhere else, and the anonymous author still owns hers. The same request again
// changes nothing; a loop, a merge into itself and an unknown page are refused with nothing saved.
// A merge of more than 500 documents cut short after two chunks is finished by the same request,
// counted once. Aliases (an unseen old URL; one with a thread of its own is a merge), a move to a
// new URL (the old URL's own aliases re-pointed: one hop), announcements (comms, a leader; not a
// member), and the launcher's count following an alias.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth } from 'firebase/auth';
import { type DocumentData, type DocumentReference, type WriteBatch } from 'firebase-admin/firestore';
import { db as server } from '../../functions/src/admin';
import { applyPageChange, MOVE_CHUNK } from '../../functions/src/pages';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { pageIdFor } from '../../lib/any/page-identity';
import { paths } from '../../lib/core/paths';
import { likeId, likeKey } from '../../lib/core/schema';
import { openDb } from '../../lib/data/db';
import { pagesApi, type PagesApi } from '../../lib/data/console/pages';
import { consoleFunctions } from '../../lib/data/console/roles';
import { fetchPageCounts } from '../../lib/data/page-counts';
import { seedDemo, type SeededEmployee } from '../../scripts/seed';
import { signedInClient, syncThreadCurrent, type Client } from '../helpers/emulator-clients';
import { DEMO_PASSWORD, seededEmployee } from '../helpers/fixtures';

let staff: SeededEmployee[];
const clients: Client[] = [];
const ORIGIN = 'http://127.0.0.1:8101';

async function clientOf(key: string): Promise<Client> {
  const client = await signedInClient(seededEmployee(staff, key).email, DEMO_PASSWORD);
  clients.push(client);
  return client;
}
async function consoleAs(key: string): Promise<PagesApi> {
  return pagesApi(consoleFunctions((await clientOf(key)).app, BUILD_ORG_CONFIG.firebase));
}

const uidOf = (key: string) => seededEmployee(staff, key).uid;
const nameOf = (key: string) => seededEmployee(staff, key).displayName;
const data = async (path: string) => (await server.doc(path).get()).data();
const count = async (path: string) => (await server.collection(path).count().get()).data().count;
const pageAudits = async () => (await server.collection(paths.audit()).where('kind', '==', 'pages').get()).docs.map((d) => d.data());
let serial = 0;
const commentId = (label: string) => `${label}${String(++serial).padStart(6, '0')}`.padEnd(20, 'x').slice(0, 20);

interface SeededPage {
  pageId: string;
  url: string;
  comments: string[];
}

/**
 * A page written as the clients would have left it (the rules keep counters equal to the
 * documents): named comments, one anonymous comment with its owner link, one reply marked "this
 * helped", a soft-deleted comment, comment likes and likes of the page itself.
 */
async function seedPage(
  path: string,
  title: string,
  spec: { named: Array<[string, string[]]>; anonymousBy?: string; pageLikedBy?: string[]; helpful?: boolean; deleted?: boolean },
): Promise<SeededPage> {
  const url = `${ORIGIN}${path}`;
  const pageId = await pageIdFor(url);
  // A Date, not a Timestamp: the functions package has its own copy of firebase-admin.
  const at = new Date(Date.now() - 3_600_000);
  // Admin batches hold at most 500 writes: a new batch every 400.
  const batches: WriteBatch[] = [server.batch()];
  let writes = 0;
  const batch = {
    set(ref: DocumentReference, value: DocumentData) {
      if (++writes % 400 === 0) batches.push(server.batch());
      batches.at(-1)!.set(ref, value);
    },
  };
  const comments: string[] = [];
  let live = 0;
  for (const [by, likedBy] of spec.named) {
    const id = commentId('n');
    comments.push(id);
    live++;
    batch.set(server.doc(paths.comment(pageId, id)), {
      pageId,
      parentId: null,
      text: `${by} over ${title}`,
      authorUid: uidOf(by),
      authorName: nameOf(by),
      createdAt: at,
      updatedAt: at,
      editedAt: null,
      deleted: false,
      likeCount: likedBy.length,
    });
    for (const liker of likedBy) {
      batch.set(server.doc(`${paths.likes(pageId)}/${likeId(id, uidOf(liker))}`), {
        targetId: id,
        uid: uidOf(liker),
        name: nameOf(liker),
        active: true,
        updatedAt: at,
      });
    }
  }
  if (spec.anonymousBy) {
    const id = commentId('a');
    comments.push(id);
    live++;
    batch.set(server.doc(paths.comment(pageId, id)), {
      pageId,
      parentId: null,
      text: 'Anoniem: mag ik verlof meenemen?',
      anonymous: true,
      createdAt: at,
      updatedAt: at,
      editedAt: null,
      deleted: false,
      likeCount: 0,
    });
    batch.set(server.doc(paths.commentOwner(id)), { uid: uidOf(spec.anonymousBy), pageId, createdAt: at });
    if (spec.helpful) {
      const reply = commentId('r');
      comments.push(reply);
      live++;
      batch.set(server.doc(paths.comment(pageId, reply)), {
        pageId,
        parentId: id,
        text: 'Ja, tot vijf dagen.',
        authorUid: uidOf('gerda'),
        authorName: nameOf('gerda'),
        createdAt: at,
        updatedAt: at,
        editedAt: null,
        deleted: false,
        likeCount: 0,
      });
      batch.set(server.doc(paths.helpfulMark(pageId, reply)), { replyId: reply, parentId: id, createdAt: at });
    }
  }
  if (spec.deleted) {
    const id = commentId('d');
    comments.push(id);
    batch.set(server.doc(paths.comment(pageId, id)), {
      pageId,
      parentId: null,
      text: '',
      authorUid: uidOf('hugo'),
      authorName: nameOf('hugo'),
      createdAt: at,
      updatedAt: at,
      editedAt: null,
      deleted: true,
      likeCount: 0,
    });
  }
  for (const liker of spec.pageLikedBy ?? []) {
    batch.set(server.doc(`${paths.likes(pageId)}/${likeId('page', uidOf(liker))}`), {
      targetId: 'page',
      uid: uidOf(liker),
      name: nameOf(liker),
      active: true,
      updatedAt: at,
    });
  }
  batch.set(server.doc(paths.page(pageId)), { url, title, commentCount: live, likeCount: (spec.pageLikedBy ?? []).length, updatedAt: at });
  for (const b of batches) await b.commit();
  return { pageId, url, comments };
}

beforeAll(async () => {
  staff = await seedDemo({ threads: false });
});

afterAll(async () => {
  for (const client of clients) await client.close();
});

describe('merging one page’s thread into another', () => {
  let from: SeededPage;
  let into: SeededPage;

  it('moves every comment, like, mark and owner link; the counts are exactly the sum; the old page is an alias; one audit entry', async () => {
    from = await seedPage('/hr/verlof-oud.html', 'Verlof (oud)', {
      named: [
        ['hugo', ['bram', 'karin']],
        ['karin', []],
      ],
      anonymousBy: 'ilse',
      helpful: true,
      deleted: true,
      pageLikedBy: ['bram', 'hugo'],
    });
    into = await seedPage('/hr/verlofregeling.html', 'Verlofregeling', { named: [['gerda', ['hugo']]], pageLikedBy: ['bram'] });

    // A colleague has read both threads before: his browser caches them (Dexie).
    const bram = await clientOf('bram');
    const bramDb = openDb(`page-admin-bram-${process.pid}`);
    for (const page of [from, into]) {
      const stop = await syncThreadCurrent(bram.firestore, bramDb, { pageId: page.pageId, url: page.url, title: '' }, bram.uid);
      stop();
    }
    expect(await bramDb.comments.where('pageId').equals(from.pageId).count()).toBe(5);

    const anna = await consoleAs('anna');
    const outcome = await anna.change({ action: 'merge', pageId: from.pageId, into: into.pageId });
    // 5 comments (one a tombstone), their 2 likes and the 2 page likes; 1 mark; 1 owner link.
    expect(outcome).toEqual({ ok: true, result: { changed: true, pageId: into.pageId, moved: { comments: 5, likes: 4, marks: 1, owners: 1 } } });

    expect(await data(paths.page(from.pageId))).toMatchObject({ aliasOf: into.pageId, aliasUrl: into.url, commentCount: 0, likeCount: 0 });
    // 1 + 4 live comments; page likes: Bram liked both (counts once) + Hugo.
    expect(await data(paths.page(into.pageId))).toMatchObject({ commentCount: 5, likeCount: 2, url: into.url, title: 'Verlofregeling' });
    expect(await count(paths.comments(from.pageId))).toBe(0);
    expect(await count(paths.likes(from.pageId))).toBe(0);
    expect(await count(paths.helpfulMarks(from.pageId))).toBe(0);
    expect(await count(paths.comments(into.pageId))).toBe(6);
    expect(await count(paths.helpfulMarks(into.pageId))).toBe(1);
    const first = await data(paths.comment(into.pageId, from.comments[0]!));
    expect(first).toMatchObject({ pageId: into.pageId, likeCount: 2, authorUid: uidOf('hugo'), text: 'hugo over Verlof (oud)' });
    expect(await data(`${paths.likes(into.pageId)}/${likeId(from.comments[0]!, uidOf('karin'))}`)).toMatchObject({ active: true, targetId: from.comments[0] });
    expect(await data(paths.commentOwner(from.comments[2]!))).toMatchObject({ uid: uidOf('ilse'), pageId: into.pageId });

    const audits = await pageAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      kind: 'pages',
      action: 'merge',
      actor: { uid: uidOf('anna'), name: nameOf('anna'), via: 'console' },
      target: { pageId: from.pageId, title: 'Verlof (oud)' },
      other: { pageId: into.pageId, title: 'Verlofregeling' },
      before: { aliasOf: null, comments: 4, likes: 2 },
      after: { aliasOf: into.pageId, comments: 0, likes: 0 },
      otherBefore: { comments: 1, likes: 1 },
    });

    // Bram's cache follows: the old page's rows are gone from it (same ids, now under the new page).
    const stop = await syncThreadCurrent(bram.firestore, bramDb, { pageId: into.pageId, url: into.url, title: '' }, bram.uid);
    stop();
    expect(await bramDb.comments.where('pageId').equals(from.pageId).count()).toBe(0);
    const rows = await bramDb.comments.where('pageId').equals(into.pageId).toArray();
    expect(rows.map((r) => r.id).sort()).toEqual([...from.comments, ...into.comments].sort());
    expect((await bramDb.pages.get(into.pageId))?.commentCount).toBe(5);
    expect(await bramDb.likes.get(likeKey(into.pageId, 'page', bram.uid))).toMatchObject({ active: true });
    // Opening the old address: its page document says where the thread is.
    const stopOld = await syncThreadCurrent(bram.firestore, bramDb, { pageId: from.pageId, url: from.url, title: '' }, bram.uid);
    stopOld();
    expect(await bramDb.pages.get(from.pageId)).toMatchObject({ aliasOf: into.pageId, aliasUrl: into.url });
    await bramDb.delete();

    // The anonymous author, in a fresh browser, still owns her comment under the new page.
    const ilse = await clientOf('ilse');
    const ilseDb = openDb(`page-admin-ilse-${process.pid}`);
    const stopIlse = await syncThreadCurrent(ilse.firestore, ilseDb, { pageId: into.pageId, url: into.url, title: '' }, ilse.uid);
    stopIlse();
    expect((await ilseDb.owned.where('[pageId+uid]').equals([into.pageId, ilse.uid]).toArray()).map((r) => r.commentId)).toEqual([from.comments[2]]);
    expect((await ilseDb.helpful.where('pageId').equals(into.pageId).toArray()).map((r) => r.replyId)).toEqual([from.comments[3]]);
    await ilseDb.delete();
  });

  it('the same merge again changes nothing and writes no second audit entry', async () => {
    const anna = await consoleAs('anna');
    expect(await anna.change({ action: 'merge', pageId: from.pageId, into: into.pageId })).toEqual({
      ok: true,
      result: { changed: false, pageId: into.pageId, moved: { comments: 0, likes: 0, marks: 0, owners: 0 } },
    });
    expect(await data(paths.page(into.pageId))).toMatchObject({ commentCount: 5, likeCount: 2 });
    expect(await pageAudits()).toHaveLength(1);
  });

  it('refuses a loop, a merge into itself and an unknown page, with nothing saved', async () => {
    const anna = await consoleAs('anna');
    const before = { from: await data(paths.page(from.pageId)), into: await data(paths.page(into.pageId)), audits: (await pageAudits()).length };
    expect(await anna.change({ action: 'merge', pageId: into.pageId, into: from.pageId })).toEqual({ ok: false, problem: 'would-loop' });
    expect(await anna.change({ action: 'merge', pageId: into.pageId, into: into.pageId })).toEqual({ ok: false, problem: 'same-page' });
    expect(await anna.change({ action: 'merge', pageId: into.pageId, into: 'p_000000000000000000000000' })).toEqual({ ok: false, problem: 'unknown-page' });
    expect(await anna.change({ action: 'move', pageId: into.pageId, url: from.url })).toEqual({ ok: false, problem: 'would-loop' });
    expect({ from: await data(paths.page(from.pageId)), into: await data(paths.page(into.pageId)), audits: (await pageAudits()).length }).toEqual(before);
  });

  it('only comms and administrators: a member and a leader are refused (the leader may announce)', async () => {
    const other = await seedPage('/ict/printers.html', 'Printers', { named: [['hugo', []]] });
    for (const key of ['hugo', 'mees']) {
      expect(await (await consoleAs(key)).change({ action: 'merge', pageId: other.pageId, into: into.pageId })).toEqual({ ok: false, problem: 'not-allowed' });
    }
    expect(await data(paths.page(other.pageId))).not.toHaveProperty('aliasOf');
  });
});

describe('a merge of more than 500 documents, cut short', () => {
  it('is finished by the same request, every document moved once and every count exact', async () => {
    const big = await seedPage('/nieuws/archief-groot.html', 'Archief (groot)', {
      named: Array.from({ length: 150 }, (_, i) => [i % 2 ? 'hugo' : 'karin', i % 3 ? ['bram', 'ilse', 'gerda', 'eva'] : []] as [string, string[]]),
      pageLikedBy: ['bram', 'ilse'],
    });
    const target = await seedPage('/nieuws/archief.html', 'Archief', { named: [['gerda', []]], pageLikedBy: ['ilse'] });
    const total = (await count(paths.comments(big.pageId))) + (await count(paths.likes(big.pageId)));
    expect(total).toBeGreaterThan(500);

    // A crash after two chunks: the page is an alias already, part of its thread still on it.
    await applyPageChange(
      server,
      { uid: uidOf('anna'), name: nameOf('anna'), via: 'console' },
      { action: 'merge', pageId: big.pageId, into: target.pageId },
      { maxChunks: 2 },
    );
    const half = { from: await data(paths.page(big.pageId)), into: await data(paths.page(target.pageId)) };
    expect(half.from).toMatchObject({ aliasOf: target.pageId, commentCount: 150 - 2 * MOVE_CHUNK });
    expect(half.into).toMatchObject({ commentCount: 1 + 2 * MOVE_CHUNK });

    const anna = await consoleAs('anna');
    const outcome = await anna.change({ action: 'merge', pageId: big.pageId, into: target.pageId });
    expect(outcome).toMatchObject({ ok: true, result: { changed: true, moved: { comments: 150 - 2 * MOVE_CHUNK } } });
    expect(await data(paths.page(big.pageId))).toMatchObject({ commentCount: 0, likeCount: 0 });
    expect(await data(paths.page(target.pageId))).toMatchObject({ commentCount: 151, likeCount: 2 });
    expect(await count(paths.comments(big.pageId))).toBe(0);
    expect(await count(paths.likes(big.pageId))).toBe(0);
    expect(await count(paths.comments(target.pageId))).toBe(151);
    // Each comment's like count from its moved likes: every third one had none, the others four.
    const likeCounts = (await server.collection(paths.comments(target.pageId)).get()).docs.map((d) => d.get('likeCount') as number);
    expect(likeCounts.reduce((a, b) => a + b, 0)).toBe(400);
    expect(await count(paths.likes(target.pageId))).toBe(400 + 2);
    // One entry for the merge: the request that finished it wrote none.
    expect((await pageAudits()).filter((e) => e.target.pageId === big.pageId)).toHaveLength(1);
  });
});

describe('aliases, moves and announcements', () => {
  it('an old URL Prikbord never saw becomes an alias; one with a thread of its own is refused (a merge); an alias is no target', async () => {
    const page = await seedPage('/ict/helpdesk-nieuw.html', 'Helpdesk', { named: [['eva', []]] });
    const anna = await consoleAs('anna');
    const oldUrl = `${ORIGIN}/ict/helpdesk-2009.html`;
    expect(await anna.change({ action: 'alias', pageId: page.pageId, url: oldUrl })).toMatchObject({ ok: true, result: { changed: true } });
    expect(await data(paths.page(await pageIdFor(oldUrl)))).toMatchObject({
      url: oldUrl,
      aliasOf: page.pageId,
      aliasUrl: page.url,
      commentCount: 0,
      likeCount: 0,
    });
    expect(await anna.change({ action: 'alias', pageId: page.pageId, url: oldUrl })).toMatchObject({ ok: true, result: { changed: false } });

    const busy = await seedPage('/ict/vpn.html', 'VPN', { named: [['hugo', []]] });
    expect(await anna.change({ action: 'alias', pageId: page.pageId, url: busy.url })).toEqual({ ok: false, problem: 'has-activity' });
    expect(await anna.change({ action: 'alias', pageId: await pageIdFor(oldUrl), url: `${ORIGIN}/x.html` })).toEqual({ ok: false, problem: 'target-is-alias' });
    expect(await data(paths.page(busy.pageId))).not.toHaveProperty('aliasOf');

    // The launcher's count of the old address is the page's own.
    const hugo = await clientOf('hugo');
    const lite = { client: () => ({ app: hugo.app, auth: getAuth(hugo.app), firestore: hugo.lite }), reset: async () => {}, uid: async () => hugo.uid };
    expect(await fetchPageCounts(lite, await pageIdFor(oldUrl))).toEqual({ comments: 1, likes: 0 });
  });

  it('a move to a new URL creates its page, takes the thread along, and re-points the old aliases (one hop)', async () => {
    const page = await seedPage('/beleid/thuiswerken.html', 'Thuiswerken', { named: [['karin', ['hugo']]], pageLikedBy: ['hugo'] });
    const anna = await consoleAs('anna');
    const olderUrl = `${ORIGIN}/beleid/thuiswerk-2015.html`;
    await anna.change({ action: 'alias', pageId: page.pageId, url: olderUrl });
    const newUrl = `${ORIGIN}/hr/beleid/thuiswerken.html`;
    const outcome = await anna.change({ action: 'move', pageId: page.pageId, url: newUrl });
    const newId = await pageIdFor(newUrl);
    expect(outcome).toMatchObject({ ok: true, result: { changed: true, pageId: newId, moved: { comments: 1, likes: 2 } } });
    expect(await data(paths.page(newId))).toMatchObject({ url: newUrl, title: 'Thuiswerken', commentCount: 1, likeCount: 1 });
    expect(await data(paths.page(page.pageId))).toMatchObject({ aliasOf: newId, commentCount: 0 });
    expect(await data(paths.page(await pageIdFor(olderUrl)))).toMatchObject({ aliasOf: newId, aliasUrl: newUrl });
    const moveEntry = (await pageAudits()).find((e) => e.action === 'move');
    expect(moveEntry).toMatchObject({ target: { pageId: page.pageId }, other: { pageId: newId, url: newUrl }, after: { aliasOf: newId } });
  });

  it('comms and a leader pin and remove announcements; a member cannot; too long is refused; an alias takes none', async () => {
    const page = await seedPage('/hr/verlofregeling-2027.html', 'Nieuwe verlofregeling', { named: [['gerda', []]] });
    const anna = await consoleAs('anna');
    const text = 'Vragen over de nieuwe verlofregeling? Stel ze hier';
    expect(await anna.change({ action: 'announce', pageId: page.pageId, text })).toMatchObject({ ok: true, result: { changed: true } });
    expect((await data(paths.page(page.pageId)))?.announcement).toMatchObject({ text, byUid: uidOf('anna'), byName: nameOf('anna') });
    expect(await anna.change({ action: 'announce', pageId: page.pageId, text: 'x'.repeat(281) })).toEqual({ ok: false, problem: 'text-too-long' });
    expect(await (await consoleAs('hugo')).change({ action: 'announce', pageId: page.pageId, text: 'Hoi' })).toEqual({ ok: false, problem: 'not-allowed' });
    const mees = await consoleAs('mees');
    expect(await mees.change({ action: 'announce', pageId: page.pageId, text: 'Graag jullie vragen vóór 1 december.' })).toMatchObject({ ok: true });
    expect((await data(paths.page(page.pageId)))?.announcement).toMatchObject({ byName: nameOf('mees') });
    expect(await mees.change({ action: 'unannounce', pageId: page.pageId })).toMatchObject({ ok: true, result: { changed: true } });
    expect(await data(paths.page(page.pageId))).not.toHaveProperty('announcement');
    const alias = (await server.collection('pages').where('aliasOf', '!=', null).limit(1).get()).docs[0]!;
    expect(await anna.change({ action: 'announce', pageId: alias.id, text })).toEqual({ ok: false, problem: 'page-is-alias' });
    const entries = (await pageAudits()).filter((e) => e.target.pageId === page.pageId).map((e) => [e.action, e.actor.name, e.after.announcement]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['announce', nameOf('anna'), text],
        ['announce', nameOf('mees'), 'Graag jullie vragen vóór 1 december.'],
        ['unannounce', nameOf('mees'), null],
      ]),
    );
  });
});
