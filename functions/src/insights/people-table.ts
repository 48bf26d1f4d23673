// The people table insights number people by (lib/core/insights/model.ts InsightPerson): a person's
// index in it is their number in every summary, so the table only ever grows and nobody's number
// changes. Department, level and leader role are refreshed from the profiles (the directory's word,
// written by the server), so a person who moved counts toward their department of today, also for
// past days: insights describe the organisation as it is, not as it was.
//
// Stored in chunks of CHUNK_SIZE people (`insightPeople/{n}`, server-only), with the count in
// `insightState/people`: 20,000 people are 4 documents, what a report reads.
import type { Firestore } from 'firebase-admin/firestore';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { rolesFrom } from '../../../lib/core/directory-shards';
import type { InsightPerson } from '../../../lib/core/insights/model';
import { paths } from '../../../lib/core/paths';

export const CHUNK_SIZE = 5000;

/**
 * A chunk as stored: the people as deflated JSON in one Bytes field. As Firestore maps, 20,000
 * people are 100,000 values that the Admin SDK takes most of a second to decode on every report.
 */
export const peopleChunkDoc = (people: InsightPerson[]) => ({ packed: deflateRawSync(Buffer.from(JSON.stringify(people))) });

const peopleOfChunk = (data: Record<string, unknown> | undefined): InsightPerson[] =>
  data?.packed && typeof data.packed === 'object' ? (JSON.parse(inflateRawSync(data.packed as Uint8Array).toString('utf8')) as InsightPerson[]) : [];
const PAGE = 1000;

const personFrom = (uid: string, data: Record<string, unknown>): InsightPerson => ({
  uid,
  departmentPath: Array.isArray(data.departmentPath) ? data.departmentPath.filter((d): d is string => typeof d === 'string') : [],
  level: typeof data.level === 'number' && Number.isInteger(data.level) && data.level >= 1 ? data.level : null,
  leader: rolesFrom(data.roles).leader === true,
  active: data.active !== false,
});

const samePerson = (a: InsightPerson, b: InsightPerson) =>
  a.uid === b.uid && a.level === b.level && a.leader === b.leader && a.active === b.active && a.departmentPath.join('\n') === b.departmentPath.join('\n');

/** The stored table and how many documents that took to read. */
export async function readPeopleTable(db: Firestore): Promise<{ people: InsightPerson[]; reads: number; refreshedAt: number }> {
  const state = await db.doc(paths.insightState('people')).get();
  const chunks = typeof state.get('chunks') === 'number' ? (state.get('chunks') as number) : 0;
  if (chunks === 0) return { people: [], reads: 1, refreshedAt: 0 };
  const docs = await db.getAll(...Array.from({ length: chunks }, (_, n) => db.doc(paths.insightPeopleChunk(n))));
  const people = docs.flatMap((d) => peopleOfChunk(d.data()));
  const refreshedAt = state.get('refreshedAt');
  return { people, reads: 1 + chunks, refreshedAt: typeof refreshedAt === 'number' ? refreshedAt : 0 };
}

/**
 * Brings the table up to date with the profiles: known people keep their number, newcomers are
 * appended; only chunks that changed are written. Reads every profile (paged): run it once a day
 * (the scheduled rollup) or before a recompute, not per report.
 */
export async function refreshPeopleTable(db: Firestore, now = Date.now()): Promise<InsightPerson[]> {
  const { people: stored } = await readPeopleTable(db);
  const people = stored.slice();
  const byUid = new Map(people.map((p, i) => [p.uid, i]));
  let last: string | null = null;
  for (;;) {
    let query = db.collection(paths.profiles()).select('departmentPath', 'level', 'roles', 'active').orderBy('__name__').limit(PAGE);
    if (last) query = query.startAfter(last);
    const page = await query.get();
    for (const doc of page.docs) {
      const person = personFrom(doc.id, doc.data());
      const at = byUid.get(doc.id);
      if (at === undefined) {
        byUid.set(doc.id, people.length);
        people.push(person);
      } else people[at] = person;
    }
    if (page.size < PAGE) break;
    last = page.docs[page.docs.length - 1]!.id;
  }
  const batch = db.batch();
  const chunks = Math.ceil(people.length / CHUNK_SIZE);
  for (let n = 0; n < chunks; n++) {
    const part = people.slice(n * CHUNK_SIZE, (n + 1) * CHUNK_SIZE);
    const before = stored.slice(n * CHUNK_SIZE, (n + 1) * CHUNK_SIZE);
    if (part.length !== before.length || part.some((p, i) => !samePerson(p, before[i]!))) batch.set(db.doc(paths.insightPeopleChunk(n)), peopleChunkDoc(part));
  }
  batch.set(db.doc(paths.insightState('people')), { chunks, count: people.length, refreshedAt: now });
  await batch.commit();
  return people;
}
