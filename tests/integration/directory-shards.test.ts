// The directory as shards, end to end against the emulators: profiles → shards (the seed's build,
// and the server's rebuild) → a colleague's syncPeople brings everyone; an own-skill edit reaches
// the other browser through the profile trigger (functions/src/directory-shards.ts); a revisit with
// nothing changed reads 2 documents' worth (both delta queries empty).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPLOYEES } from '../../demo/org';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { DIRECTORY_SHARD_COUNT, shardIdOf } from '../../lib/core/directory-shards';
import { paths } from '../../lib/core/paths';
import type { PersonRow } from '../../lib/core/rows';
import type { PrikbordDb } from '../../lib/data/db';
import { syncPeople } from '../../lib/data/people/people-sync';
import { saveOwnProfile } from '../../lib/data/people/save-profile';
import { waitFor } from '../../scripts/poll';
import { putDoc, seedDemo } from '../../scripts/seed';
import { serverDoc } from '../helpers/emulator-admin';
import { signedInClient, type Client } from '../helpers/emulator-clients';
import { freshDb } from '../helpers/fake-db';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';

const anna = demoEmployee('anna');
const bram = demoEmployee('bram');

/** The server side of functions/: its Admin SDK app, pointed at the emulator by FIRESTORE_EMULATOR_HOST. */
async function server() {
  process.env.GCLOUD_PROJECT ??= BUILD_ORG_CONFIG.firebase.projectId;
  const [{ db }, shards] = await Promise.all([import('../../functions/src/admin'), import('../../functions/src/directory-shards')]);
  return { db, shards };
}

describe('the directory as server-built shards', () => {
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

  it('a first sync brings every colleague from the shards, reading one document per shard; a revisit reads 2', async () => {
    const reads = await syncPeople(b.firestore, dbB);
    const people = await dbB.people.toArray();
    expect(people).toHaveLength(EMPLOYEES.length);
    expect(people.find((p) => p.uid === a.uid)).toMatchObject({ displayName: anna.displayName, skills: anna.skills, active: true });
    // One read per shard that holds somebody (41 people: fewer shards than people), plus expertise (none seeded).
    const used = new Set(people.map((p) => shardIdOf(p.uid))).size;
    expect(used).toBeLessThanOrEqual(Math.min(EMPLOYEES.length, DIRECTORY_SHARD_COUNT));
    expect(reads).toBe(used + 1);
    expect(await syncPeople(b.firestore, dbB)).toBe(2);
  });

  it("an own-skill edit reaches the other browser's directory through the profile trigger, for 2 reads", async () => {
    await syncPeople(a.firestore, dbA);
    await syncPeople(b.firestore, dbB);
    const mine = (await dbA.people.get(a.uid)) as PersonRow;
    expect(await saveOwnProfile(a.firestore, dbA, { ...mine, skills: [...mine.skills, 'Kernfusie'] })).toBeNull();

    let reads = 0;
    const row = await waitFor(
      async () => {
        reads = await syncPeople(b.firestore, dbB);
        const person = await dbB.people.get(a.uid);
        return person?.skills.includes('Kernfusie') && person;
      },
      { what: "Anna's new skill in Bram's directory", timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(row.skills).toEqual([...anna.skills, 'Kernfusie']);
    expect(reads).toBe(2); // her shard + the empty expertise query
    expect(await dbB.people.count()).toBe(EMPLOYEES.length);
    // Anna's own browser keeps her saved row, and then gets the same from the shard.
    await syncPeople(a.firestore, dbA);
    expect((await dbA.people.get(a.uid))?.skills).toContain('Kernfusie');
  });

  it('the server rebuild adds profiles created in bulk (creations are not triggers) and writes nothing when up to date', async () => {
    const { db, shards } = await server();
    await syncPeople(b.firestore, dbB);
    // A bulk import creates a profile: no trigger, so no shard has it yet.
    await putDoc(paths.profile('imported-1'), {
      displayName: 'Nieuwe Collega',
      department: 'ICT',
      departmentPath: ['Bedrijfsvoering', 'ICT'],
      level: 5,
      updatedAt: new Date(),
    });
    expect(JSON.stringify(await serverDoc(paths.directoryShard(shardIdOf('imported-1'))))).not.toContain('imported-1');
    const result = await shards.rebuildDirectoryShards(db);
    expect(result).toEqual({ people: EMPLOYEES.length + 1, shards: expect.any(Number), written: 1 });
    expect(await syncPeople(b.firestore, dbB)).toBe(2);
    expect(await dbB.people.get('imported-1')).toMatchObject({ displayName: 'Nieuwe Collega', level: 5 });
    expect((await shards.rebuildDirectoryShards(db)).written).toBe(0);
  });

  it('upsertShardEntry (what the sign-in function calls) writes a changed entry once, and an identical one not at all', async () => {
    const { db, shards } = await server();
    const profile = { displayName: 'Ingelogd Persoon', department: 'HR', departmentPath: ['Bedrijfsvoering', 'HR'], roles: { ambassador: true } };
    expect(await shards.upsertShardEntry(db, 'signed-in-1', profile)).toBe(true);
    const before = await serverDoc(paths.directoryShard(shardIdOf('signed-in-1')));
    expect(await shards.upsertShardEntry(db, 'signed-in-1', { ...profile, roles: { ambassador: true } })).toBe(false);
    expect(await serverDoc(paths.directoryShard(shardIdOf('signed-in-1')))).toEqual(before);
    await syncPeople(b.firestore, dbB);
    expect(await dbB.people.get('signed-in-1')).toMatchObject({ displayName: 'Ingelogd Persoon', roles: { ambassador: true } });
  });
});
