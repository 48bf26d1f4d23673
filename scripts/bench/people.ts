// The people directory and expert search at scale: for generated organisations of 5,000 and
// 50,000 employees, 30 % of them with expertise evidence, the Firestore documents read by a first
// sync (the shards, then the change feed), a repeat sync, a sync after one colleague's edit and
// after one colleague's new evidence (the feed: lib/data/people/people-sync.ts, against the
// emulator), a first sync while the shards are as far behind as the server lets them get, the time
// they take, the search latency of the local index (lib/core/expertise.ts), its memory, and the
// shards' size with everyone at the evidence cap.
// The profiles and the evidence copies (evidence/{uid}, capped as the expertise functions cap it:
// lib/core/shard-evidence.ts) are written as the emulator's owner (REST), then the shards built
// with the same builder the server uses (lib/core/directory-shards.ts) and written once: the
// functions' own work is not what is measured here.
// Quick mode (CI): 1,000 employees (CI only checks that the bench runs; the figures come from a full run).
import 'fake-indexeddb/auto';
import { initializeTestEnvironment } from '@firebase/rules-unit-testing';
import { setLogLevel, type Firestore } from 'firebase/firestore';
import { openDb } from '../../lib/data/db';
import { ExpertIndex } from '../../lib/core/expertise';
import { syncPeople } from '../../lib/data/people/people-sync';
import { buildShards, entryFromProfile, MAX_DOCUMENT_BYTES, shardBytes, shardIdOf, type DirectoryEntry } from '../../lib/core/directory-shards';
import { REBUILD_AFTER_CHANGES } from '../../lib/core/people-sync-plan';
import type { EvidencePage } from '../../lib/core/rows';
import { SHARD_EVIDENCE_PAGES, SHARD_EVIDENCE_TERMS, shardEvidenceOf } from '../../lib/core/shard-evidence';
import { putShardsOverRest, restValue } from '../directory-shards';
import { backgroundTriggers } from './emulator-hub';
import type { BenchSection, Figure } from './figures';
import { percentiles } from './figures';

const PROJECT = 'demo-prikbord';
const SKILLS = [
  'VPN',
  'Printers',
  'Verlof',
  'Salaris',
  'Excel',
  'SharePoint',
  'Inkoop',
  'AVG',
  'Privacy',
  'Bestemmingsplan',
  'GIS',
  'Wmo',
  'Jeugdzorg',
  'Afval',
  'Wegen',
  'Paspoort',
  'Rijbewijs',
  'Begroting',
  'Facturen',
  'Invoices',
  'Onboarding',
  'Arbo',
  'Telefonie',
  'Back-up',
  'Linux',
  'Firewall',
  'Teams',
  'Outlook',
  'Omgevingswet',
  'Horeca',
];
const WORDS = [
  'verbinding',
  'thuiswerken',
  'storing',
  'wachtwoord',
  'declaratie',
  'vakantiedagen',
  'aanvraag',
  'vergunning',
  'contract',
  'budget',
  'rapportage',
  'planning',
];
const QUERIES = ['vpn', 'VPN-verbinding', 'vpm', 'wie weet iets van verlof', 'printer', 'sharepoint', 'omgevingswet', 'invoices', 'kernfusie', 'excel macro'];

function rng(seed: number) {
  return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function value(v: unknown): Record<string, unknown> {
  if (Array.isArray(v)) return { arrayValue: { values: v.map(value) } };
  if (v instanceof Date) return { timestampValue: v.toISOString() };
  if (typeof v === 'number') return { integerValue: String(v) };
  if (typeof v === 'boolean') return { booleanValue: v };
  if (v && typeof v === 'object') return { mapValue: { fields: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x)])) } };
  return { stringValue: String(v) };
}

async function writeAll(host: string, docs: Array<[string, Record<string, unknown>]>): Promise<void> {
  const base = `projects/${PROJECT}/databases/(default)/documents`;
  for (let i = 0; i < docs.length; i += 500) {
    const writes = docs.slice(i, i + 500).map(([path, data]) => ({
      update: { name: `${base}/${path}`, fields: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, value(v)])) },
    }));
    const res = await fetch(`http://${host}/v1/${base}:batchWrite`, {
      method: 'POST',
      headers: { Authorization: 'Bearer owner', 'Content-Type': 'application/json' },
      body: JSON.stringify({ writes }),
    });
    if (!res.ok) throw new Error(`batchWrite ${res.status} ${await res.text()}`);
  }
}

/** Writes documents with updatedAt = the emulator's time of the write, as the rules make every client and function write it. */
async function writeNow(host: string, docs: Array<[string, Record<string, unknown>]>): Promise<void> {
  const base = `projects/${PROJECT}/databases/(default)/documents`;
  for (let i = 0; i < docs.length; i += 500) {
    const writes = docs.slice(i, i + 500).map(([path, data]) => ({
      update: { name: `${base}/${path}`, fields: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, restValue(v)])) },
      updateTransforms: [{ fieldPath: 'updatedAt', setToServerValue: 'REQUEST_TIME' }],
    }));
    const res = await fetch(`http://${host}/v1/${base}:batchWrite`, {
      method: 'POST',
      headers: { Authorization: 'Bearer owner', 'Content-Type': 'application/json' },
      body: JSON.stringify({ writes }),
    });
    if (!res.ok) throw new Error(`batchWrite ${res.status} ${await res.text()}`);
  }
}

async function clear(host: string) {
  await fetch(`http://${host}/emulator/v1/projects/${PROJECT}/databases/(default)/documents`, { method: 'DELETE', headers: { Authorization: 'Bearer owner' } });
}

type Profile = [string, Record<string, unknown>];

/** `n` profiles, and the evidence of the 30 % who answered somewhere (one page each). */
function generate(n: number): { profiles: Profile[]; evidence: Map<string, EvidencePage[]> } {
  const random = rng(n);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const profiles: Profile[] = [];
  const evidence = new Map<string, EvidencePage[]>();
  const at = new Date();
  for (let i = 0; i < n; i++) {
    const uid = `gen${String(i).padStart(6, '0')}`;
    const skills = [...new Set([pick(SKILLS), pick(SKILLS), pick(SKILLS)])];
    profiles.push([
      `profiles/${uid}`,
      {
        displayName: `Medewerker ${i}`,
        department: `Afdeling ${i % 40}`,
        departmentPath: [`Cluster ${i % 6}`, `Afdeling ${i % 40}`, `Team ${i % 200}`],
        jobTitle: `Adviseur ${pick(SKILLS)}`,
        location: 'Stadhuis',
        languages: ['nl'],
        skills,
        optOut: random() < 0.05,
        level: 1 + Math.min(4, Math.floor(-Math.log(random() + 1e-9))),
        active: true,
        roles: random() < 0.01 ? { moderator: true } : {},
        updatedAt: at,
      },
    ]);
    if (random() < 0.3) {
      evidence.set(uid, [
        {
          pageId: `p_${String(i % 500).padStart(24, '0')}`,
          title: `Pagina ${pick(SKILLS)}`,
          terms: [pick(WORDS), pick(WORDS), pick(SKILLS).toLowerCase()],
          answers: 1 + Math.floor(random() * 5),
          likes: Math.floor(random() * 10),
          helpful: Math.floor(random() * 2),
        },
      ]);
    }
  }
  return { profiles, evidence };
}

/** Evidence as the expertise functions put it in the shards: capped, grouped by shard. */
function evidenceByShard(evidence: Map<string, EvidencePage[]>): Map<string, Map<string, EvidencePage[]>> {
  const byShard = new Map<string, Map<string, EvidencePage[]>>();
  for (const [uid, pages] of evidence) {
    const id = shardIdOf(uid);
    if (!byShard.has(id)) byShard.set(id, new Map());
    byShard.get(id)!.set(uid, shardEvidenceOf(pages));
  }
  return byShard;
}

/** Someone at the shard cap with a realistic page: five pages with 40-character titles and eight 10-letter terms. */
function atTheCap(random: () => number): EvidencePage[] {
  return Array.from({ length: SHARD_EVIDENCE_PAGES }, (_, i) => ({
    pageId: `p_${String(Math.floor(random() * 1e12)).padStart(24, '0')}`,
    title: `Veelgestelde vragen over ${SKILLS[i % SKILLS.length]!}`.padEnd(40, '.').slice(0, 40),
    terms: Array.from({ length: SHARD_EVIDENCE_TERMS }, (_, j) => `${WORDS[(i + j) % WORDS.length]!}`.padEnd(10, 'x').slice(0, 10)),
    answers: 12,
    likes: 40,
    helpful: 3,
  }));
}

/** The largest shard's size, with its people as they are and everyone in it at the evidence cap. */
function fullestAtCap(shards: Map<string, DirectoryEntry[]>, n: number): number {
  const random = rng(n + 1);
  const [id, people] = [...shards].sort((a, b) => b[1].length - a[1].length)[0]!;
  return shardBytes(id, people, new Map(people.map((p) => [p.uid, shardEvidenceOf(atTheCap(random))])));
}

async function measure(n: number, fs: Firestore, late: Firestore, host: string): Promise<Figure[]> {
  const label = `${n.toLocaleString('en-US')} people`;
  await clear(host);
  const { profiles, evidence } = generate(n);
  const at = new Date();
  await writeAll(host, [...profiles, ...[...evidence].map(([uid, pages]): Profile => [`evidence/${uid}`, { pages: shardEvidenceOf(pages), updatedAt: at }])]);
  // The shards, as `npm run directory:shards` builds them, with the evidence copies; they cover
  // the time of their write (after every document above).
  const entries = profiles.map(([path, data]) => entryFromProfile(path.slice(path.indexOf('/') + 1), data));
  const shards = buildShards(entries);
  const shardEvidence = evidenceByShard(evidence);
  await putShardsOverRest(`http://${host}`, PROJECT, shards, shardEvidence);
  const largestKB = Math.max(...[...shards].map(([id, list]) => shardBytes(id, list, shardEvidence.get(id)))) / 1024;
  const atCapKB = fullestAtCap(shards, n) / 1024;

  const db = openDb(`bench-people-${n}-${Date.now()}`);
  const t0 = performance.now();
  const firstReads = await syncPeople(fs, db);
  const firstMs = performance.now() - t0;
  const [synced, withEvidence] = [await db.people.count(), await db.evidence.count()];
  if (synced !== n) throw new Error(`first sync brought ${synced} people, not ${n}`);
  if (withEvidence !== evidence.size) throw new Error(`first sync brought evidence of ${withEvidence} people, not ${evidence.size}`);
  const repeatReads = await syncPeople(fs, db);

  // One colleague edits their skills: their profile document changes (the shards do not).
  const edited = { ...profiles[n >> 1]![1], skills: ['Kernfusie'] };
  const editedUid = profiles[n >> 1]![0].slice('profiles/'.length);
  await writeNow(host, [[`profiles/${editedUid}`, edited]]);
  const t2 = performance.now();
  const editReads = await syncPeople(fs, db);
  const editMs = performance.now() - t2;
  if ((await db.people.get(editedUid))?.skills[0] !== 'Kernfusie') throw new Error('the edit did not arrive');

  // One colleague's answer helps: the expertise function rewrites their evidence copy (the shards do not change).
  const helper = entries[n >> 2]!.uid;
  const helped: EvidencePage = { pageId: 'p_000000000000000000000999', title: 'Kernfusie', terms: ['kernfusie'], answers: 1, likes: 0, helpful: 1 };
  await writeNow(host, [[`evidence/${helper}`, { pages: shardEvidenceOf([helped, ...(evidence.get(helper) ?? [])]) }]]);
  const t4 = performance.now();
  const evidenceReads = await syncPeople(fs, db);
  const evidenceMs = performance.now() - t4;
  if ((await db.evidence.get(helper))?.pages[0]?.title !== 'Kernfusie') throw new Error('the new evidence did not arrive');

  // The shards as far behind as the server lets them get: REBUILD_AFTER_CHANGES - 1 documents
  // changed since they were built (the 2 above, and more profile edits), read by a new browser.
  const more = profiles.slice(0, REBUILD_AFTER_CHANGES - 3).map(([path, data]): Profile => [path, { ...data, languages: ['nl', 'en'] }]);
  await writeNow(host, more);
  const lateDb = openDb(`bench-people-late-${n}-${Date.now()}`);
  const t5 = performance.now();
  const lateReads = await syncPeople(late, lateDb);
  const lateMs = performance.now() - t5;
  if ((await lateDb.people.get(editedUid))?.skills[0] !== 'Kernfusie') throw new Error('the late first sync missed the edit');
  if ((await lateDb.evidence.get(helper))?.pages[0]?.title !== 'Kernfusie') throw new Error('the late first sync missed the new evidence');
  lateDb.close();

  const people = await db.people.toArray();
  const evidenceRows = await db.evidence.toArray();
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const index = new ExpertIndex(people, evidenceRows);
  const buildMs = performance.now() - t1;
  const after = process.memoryUsage().heapUsed;
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of QUERIES) {
      const s = performance.now();
      index.find(q);
      times.push(performance.now() - s);
    }
  }
  const { median, p95 } = percentiles(times);
  db.close();
  const section = 'people';
  return [
    {
      section,
      name: `${label}: search latency, median`,
      value: median,
      unit: 'ms',
      budget: { max: 30 },
      note: `${times.length} queries (${QUERIES.length} kinds, fuzzy + prefix)`,
    },
    { section, name: `${label}: search latency, p95`, value: p95, unit: 'ms', budget: n <= 5000 ? { max: 50 } : undefined },
    { section, name: `${label}: index build`, value: buildMs, unit: 'ms' },
    {
      section,
      name: `${label}: index memory (heap growth)`,
      value: Math.max(0, (after - before) / 2 ** 20),
      unit: 'MB',
      note: 'approximate: heap used before/after building (no forced GC, so small sizes can read 0)',
    },
    {
      section,
      name: `${label}: first directory sync, documents read`,
      value: firstReads,
      unit: 'reads',
      budget: { max: 500 },
      note: `${shards.size} directory shards with people and evidence (${evidence.size} people with evidence: 30 %), largest ${largestKB.toFixed(0)} KB`,
    },
    {
      section,
      name: `${label}: first directory sync, time`,
      value: firstMs,
      unit: 'ms',
      budget: { max: 5000 },
      note: 'people and evidence; emulator on this machine; Dexie on fake-indexeddb',
    },
    {
      section,
      name: `${label}: fullest shard, everyone at the evidence cap`,
      value: atCapKB,
      unit: 'KB',
      budget: { max: MAX_DOCUMENT_BYTES / 1024 },
      note: `${SHARD_EVIDENCE_PAGES} pages each, 40-character titles, ${SHARD_EVIDENCE_TERMS} terms; Firestore's limit is 1 MiB`,
    },
    {
      section,
      name: `${label}: repeat sync, nothing changed`,
      value: repeatReads,
      unit: 'reads',
      budget: { max: 2 },
      note: 'the two empty feed queries (profiles, evidence), billed as 1 read each',
    },
    {
      section,
      name: `${label}: sync after one colleague's edit`,
      value: editReads,
      unit: 'reads',
      budget: { max: 2 },
      note: `their profile + the empty evidence query, ${editMs.toFixed(0)} ms`,
    },
    {
      section,
      name: `${label}: sync after one colleague's new evidence`,
      value: evidenceReads,
      unit: 'reads',
      budget: { max: 2 },
      note: `the empty profile query + their evidence copy, ${evidenceMs.toFixed(0)} ms`,
    },
    {
      section,
      name: `${label}: first sync, shards ${REBUILD_AFTER_CHANGES - 1} changes behind`,
      value: lateReads,
      unit: 'reads',
      budget: { max: 500 },
      note: `the most the scheduled rebuild lets the shards fall behind: the shards, then the feed; ${(lateMs / 1000).toFixed(1)} s`,
    },
  ];
}

export const people: BenchSection = {
  id: 'people',
  needsEmulators: true,
  async run({ quick }) {
    setLogLevel('silent');
    const host = process.env.FIRESTORE_EMULATOR_HOST!;
    const cut = host.lastIndexOf(':');
    const env = await initializeTestEnvironment({
      projectId: PROJECT,
      firestore: {
        host: host.slice(0, cut),
        port: Number(host.slice(cut + 1)),
        rules: 'rules_version = "2"; service cloud.firestore { match /databases/{d}/documents { match /{p=**} { allow read: if request.auth != null; } } }',
      },
    });
    const figures: Figure[] = [];
    // The documents are written here as the server would; triggers still running from an earlier
    // section's threads would otherwise write expertise documents into the delta syncs measured.
    await backgroundTriggers(false);
    try {
      // A Firestore client of its own for each organisation, as a browser's first sync has: one
      // reused across them would still hold the previous organisation's shards in its memory cache,
      // and a query with a limit then waits while the SDK re-checks each of them ("limbo resolution":
      // 40–80 s here), which no browser meets (a new panel starts with an empty cache).
      for (const n of quick ? [1000] : [5000, 50000]) {
        const fs = env.authenticatedContext(`bench-reader-${n}`).firestore() as unknown as Firestore;
        const late = env.authenticatedContext(`bench-late-reader-${n}`).firestore() as unknown as Firestore;
        figures.push(...(await measure(n, fs, late, host)));
      }
    } finally {
      await clear(host);
      await env.cleanup();
      await backgroundTriggers(true);
    }
    return figures;
  },
};
