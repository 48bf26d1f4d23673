// The directory as a snapshot and a change feed, end to end against the emulators (real SDK, real
// rules, real functions): the seed builds the shards with the server's rebuild; a first sync reads
// them and then the feed; later, a colleague's profile edit and new evidence (a question answered,
// marked "this helped" and liked, through the outbox and the expertise triggers) reach a reader who
// synced before as exactly those two documents; a first-syncer after that sees the same as the
// reader; the server's batched rebuild folds the changes into the shards (functions/src/directory-shards.ts).
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPLOYEES } from '../../demo/org';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { DIRECTORY_SHARD_COUNT, entriesFromShard, shardIdOf } from '../../lib/core/directory-shards';
import { paths } from '../../lib/core/paths';
import type { EvidenceRow, PersonRow } from '../../lib/core/rows';
import { evidenceFromShard } from '../../lib/core/shard-evidence';
import type { PrikbordDb } from '../../lib/data/db';
import { markHelpful, postComment, setLike } from '../../lib/data/outbox/commands';
import { firestoreSender } from '../../lib/data/outbox/remote-operations';
import { syncPeople } from '../../lib/data/people/people-sync';
import { saveOwnProfile } from '../../lib/data/people/save-profile';
import { waitFor } from '../../scripts/poll';
import { putDoc, seedDemo } from '../../scripts/seed';
import { serverDoc } from '../helpers/emulator-admin';
import { flushAll, signedInClient, type Client } from '../helpers/emulator-clients';
import { freshDb } from '../helpers/fake-db';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';

/** The server side of functions/: its Admin SDK app, pointed at the emulator by FIRESTORE_EMULATOR_HOST. */
async function server() {
  process.env.GCLOUD_PROJECT ??= BUILD_ORG_CONFIG.firebase.projectId;
  const [{ db }, shards] = await Promise.all([import('../../functions/src/admin'), import('../../functions/src/directory-shards')]);
  return { db, shards };
}

interface Person {
  client: Client;
  db: PrikbordDb;
  uid: string;
  name: string;
}

async function person(key: string): Promise<Person> {
  const { email, displayName } = demoEmployee(key);
  const client = await signedInClient(email, DEMO_PASSWORD);
  return { client, db: freshDb(), uid: client.uid, name: displayName };
}

async function flush(p: Person): Promise<void> {
  const sender = firestoreSender(p.client.lite, () => ({ uid: p.uid, displayName: p.name }));
  expect(await flushAll(p.db, p.uid, sender)).toMatchObject({ status: 'idle' });
}

const url = 'http://127.0.0.1:8101/inkoop/feed.html';
// The page id is the hash of its url (lib/any/page-identity.ts pageIdFor): the rules check it.
const page = { pageId: `p_${createHash('sha256').update(url).digest('hex').slice(0, 24)}`, url, title: 'Inkoop: regels en formulieren' };

/** What a browser holds: people and evidence, by uid (times left out: a snapshot's and a feed's differ). */
async function held(db: PrikbordDb) {
  const people = (await db.people.toArray()).map(({ updatedAt: _t, ...p }: PersonRow) => p).sort((x, y) => (x.uid < y.uid ? -1 : 1));
  const evidence = (await db.evidence.toArray()).map(({ updatedAt: _t, ...e }: EvidenceRow) => e).sort((x, y) => (x.uid < y.uid ? -1 : 1));
  return { people, evidence };
}

describe('the directory as a snapshot and a change feed', { timeout: 90_000 }, () => {
  let anna: Person; // edits her profile, asks, marks "this helped"
  let mila: Person; // answers
  let bram: Person; // the reader who synced before; likes the answer
  const fresh: PrikbordDb[] = [];

  beforeEach(async () => {
    await seedDemo({ threads: false });
    [anna, mila, bram] = (await Promise.all(['anna', 'mila', 'bram'].map(person))) as [Person, Person, Person];
  });

  afterEach(async () => {
    await Promise.all([anna, mila, bram].map((p) => Promise.all([p.client.close(), p.db.delete()])));
    await Promise.all(fresh.splice(0).map((db) => db.delete()));
  });

  /** A browser's first sync: resolves to its reads and its database. */
  async function firstSync(reader: Person) {
    const db = freshDb();
    fresh.push(db);
    return { reads: await syncPeople(reader.client.firestore, db), db };
  }

  it('a first sync reads one document per shard and the two empty feeds; a revisit reads 2, and 1 outside the people view', async () => {
    const { reads, db } = await firstSync(bram);
    const { people } = await held(db);
    expect(people).toHaveLength(EMPLOYEES.length);
    expect(people.find((p) => p.uid === anna.uid)).toMatchObject({ displayName: anna.name, active: true });
    // One read per shard that holds somebody (41 people: fewer shards than people), one per empty feed.
    const used = new Set(people.map((p) => shardIdOf(p.uid))).size;
    expect(used).toBeLessThanOrEqual(Math.min(EMPLOYEES.length, DIRECTORY_SHARD_COUNT));
    expect(reads).toBe(used + 2);
    expect(await syncPeople(bram.client.firestore, db)).toBe(2);
    expect(await syncPeople(bram.client.firestore, db, { evidence: false })).toBe(1);
  });

  it('a reader who synced before gets exactly the changed profile and evidence (2 reads); a first-syncer after sees the same; the rebuild folds them into the shards', async () => {
    await syncPeople(bram.client.firestore, bram.db);
    expect(await syncPeople(bram.client.firestore, bram.db)).toBe(2);

    // Anna adds a skill; she asks, Mila answers, Anna marks it "this helped", Bram likes it.
    const mine = (await syncPeople(anna.client.firestore, anna.db), (await anna.db.people.get(anna.uid)) as PersonRow);
    expect(await saveOwnProfile(anna.client.firestore, anna.db, { ...mine, skills: [...mine.skills, 'Kernfusie'] })).toBeNull();
    const { id: question } = await postComment(
      anna.db,
      { uid: anna.uid, displayName: anna.name },
      { pageId: page.pageId, parentId: null, text: 'Vanaf welk bedrag moet een inkoop via het inkoopteam?', anonymous: false, page },
    );
    await flush(anna);
    const { id: answer } = await postComment(
      mila.db,
      { uid: mila.uid, displayName: mila.name },
      { pageId: page.pageId, parentId: question!, text: 'Vanaf 50.000 euro via het inkoopteam.', anonymous: false, page },
    );
    await flush(mila);
    await markHelpful(anna.db, anna.uid, (await mila.db.comments.get(answer!))!);
    await flush(anna);
    await setLike(bram.db, bram.uid, { pageId: page.pageId, targetId: answer!, page }, true);
    await flush(bram);
    // The triggers' copy members read (evidence/{uid}) reaches its final figures.
    await waitFor(
      async () => {
        const pages = (await serverDoc(paths.evidenceOf(mila.uid)))?.pages as Array<Record<string, unknown>> | undefined;
        return pages?.some((p) => p.pageId === page.pageId && p.answers === 1 && p.helpful === 1 && p.likes === 1 && p.title === page.title);
      },
      { what: "Mila's answer, mark and like in evidence/{uid}", timeoutMs: 30_000, intervalMs: 200 },
    );
    // Nobody else's evidence: asking is no evidence, and the like is Mila's.
    expect(await serverDoc(paths.evidenceOf(anna.uid))).toBeNull();

    // Bram's next sync: Anna's profile and Mila's evidence, one read each, nothing else.
    const before = await held(bram.db);
    expect(await syncPeople(bram.client.firestore, bram.db)).toBe(2);
    const after = await held(bram.db);
    expect(after.people.find((p) => p.uid === anna.uid)?.skills).toContain('Kernfusie');
    expect(after.people.filter((p) => JSON.stringify(p) !== JSON.stringify(before.people.find((q) => q.uid === p.uid))).map((p) => p.uid)).toEqual([anna.uid]);
    expect(after.evidence.find((e) => e.uid === mila.uid)?.pages.find((p) => p.pageId === page.pageId)).toMatchObject({ answers: 1, helpful: 1, likes: 1 });
    expect(after.evidence.filter((e) => JSON.stringify(e) !== JSON.stringify(before.evidence.find((x) => x.uid === e.uid))).map((e) => e.uid)).toEqual([
      mila.uid,
    ]);
    expect(await syncPeople(bram.client.firestore, bram.db)).toBe(2);

    // A first-syncer now: the shards (not rebuilt since) and the feed since they were built hold it all.
    const used = new Set(after.people.map((p) => shardIdOf(p.uid))).size;
    const late = await firstSync(bram);
    expect(late.reads).toBe(used + 2); // the shards, Anna's profile, Mila's evidence
    expect(await held(late.db)).toEqual(after);

    // The scheduled refresh: two changes are too few to rebuild for; forced, it folds them in.
    const { db, shards } = await server();
    expect(await shards.refreshDirectoryShards(db)).toEqual({ changes: 2, rebuilt: false, written: 0 });
    const refreshed = await shards.refreshDirectoryShards(db, { force: true });
    expect(refreshed).toMatchObject({ changes: 2, rebuilt: true });
    const annaShard = (await serverDoc(paths.directoryShard(shardIdOf(anna.uid))))!;
    expect(entriesFromShard(annaShard).find((p) => p.uid === anna.uid)?.skills).toContain('Kernfusie');
    const milaShard = (await serverDoc(paths.directoryShard(shardIdOf(mila.uid))))!;
    expect(
      evidenceFromShard(milaShard)
        .get(mila.uid)
        ?.find((p) => p.pageId === page.pageId),
    ).toMatchObject({ helpful: 1, likes: 1 });
    expect(refreshed.written).toBe(new Set([shardIdOf(anna.uid), shardIdOf(mila.uid)]).size);
    // After it, a first sync reads the shards and two empty feeds, and sees the same again; the
    // reader who synced before reads nothing new (the rebuild changed no per-person document).
    const rebuilt = await firstSync(bram);
    expect(rebuilt.reads).toBe(used + 2);
    expect(await held(rebuilt.db)).toEqual(after);
    expect(await syncPeople(bram.client.firestore, bram.db)).toBe(2);
  });

  it('a newcomer created in bulk reaches readers through the feed, and the shards at the full rebuild, which then writes nothing when up to date', async () => {
    const { db, shards } = await server();
    await syncPeople(bram.client.firestore, bram.db);
    await putDoc(paths.profile('imported-1'), {
      displayName: 'Nieuwe Collega',
      department: 'ICT',
      departmentPath: ['Bedrijfsvoering', 'ICT'],
      level: 5,
      updatedAt: new Date(),
    });
    expect(await syncPeople(bram.client.firestore, bram.db)).toBe(2);
    expect(await bram.db.people.get('imported-1')).toMatchObject({ displayName: 'Nieuwe Collega', level: 5 });
    const result = await shards.rebuildDirectoryShards(db);
    expect(result).toEqual({ people: EMPLOYEES.length + 1, shards: expect.any(Number), written: 1 });
    expect(JSON.stringify(await serverDoc(paths.directoryShard(shardIdOf('imported-1'))))).toContain('imported-1');
    expect((await shards.rebuildDirectoryShards(db))?.written).toBe(0);
    expect(await syncPeople(bram.client.firestore, bram.db)).toBe(2);
  });
});
