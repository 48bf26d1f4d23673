// The people directory and expert search at scale: for generated organisations of 5,000 and
// 50,000 employees, the Firestore documents read by a first and a repeat delta sync, and after one
// colleague's edit (lib/data/people/people-sync.ts, against the emulator), the time they take, the
// search latency of the local index (lib/core/expertise.ts) and its memory.
// The profiles are written as the emulator's owner (REST), then the directory shards are built
// from them with the same builder the server uses (lib/core/directory-shards.ts) and written once:
// profile creations are not triggers (functions/src/directory-shards.ts).
// Quick mode (CI): 500 and 2,000 employees.
import 'fake-indexeddb/auto';
import { initializeTestEnvironment } from '@firebase/rules-unit-testing';
import { setLogLevel, type Firestore } from 'firebase/firestore';
import { openDb } from '../../lib/data/db';
import { ExpertIndex } from '../../lib/core/expertise';
import { syncDirectory, syncExpertise, syncPeople } from '../../lib/data/people/people-sync';
import { buildShards, entryFromProfile, shardBytes, shardIdOf, withEntry } from '../../lib/core/directory-shards';
import { putShardsOverRest } from '../directory-shards';
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

async function clear(host: string) {
  await fetch(`http://${host}/emulator/v1/projects/${PROJECT}/databases/(default)/documents`, { method: 'DELETE', headers: { Authorization: 'Bearer owner' } });
}

function generate(n: number): { profiles: Array<[string, Record<string, unknown>]>; expertise: Array<[string, Record<string, unknown>]> } {
  const random = rng(n);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const profiles: Array<[string, Record<string, unknown>]> = [];
  const expertise: Array<[string, Record<string, unknown>]> = [];
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
      expertise.push([
        `expertise/${uid}`,
        {
          pages: [
            {
              pageId: `p_${i % 500}`,
              title: `Pagina ${pick(SKILLS)}`,
              terms: [pick(WORDS), pick(WORDS), pick(SKILLS).toLowerCase()],
              answers: 1 + Math.floor(random() * 5),
              likes: Math.floor(random() * 10),
              helpful: Math.floor(random() * 2),
            },
          ],
          updatedAt: at,
        },
      ]);
    }
  }
  return { profiles, expertise };
}

async function measure(n: number, fs: Firestore, host: string): Promise<Figure[]> {
  const label = `${n.toLocaleString('en-US')} people`;
  await clear(host);
  const { profiles, expertise } = generate(n);
  await writeAll(host, [...profiles, ...expertise]);
  // The shards, as `npm run directory:shards` or the import would build them after a bulk creation.
  const entries = profiles.map(([path, data]) => entryFromProfile(path.slice(path.indexOf('/') + 1), data));
  const shards = buildShards(entries);
  await putShardsOverRest(`http://${host}`, PROJECT, shards);
  const largestKB = Math.max(...[...shards].map(([id, list]) => shardBytes(id, list))) / 1024;

  const db = openDb(`bench-people-${n}-${Date.now()}`);
  // syncPeople is these two passes; timed one by one, since the budget is the directory's.
  const t0 = performance.now();
  const firstReads = await syncDirectory(fs, db);
  const firstMs = performance.now() - t0;
  const t3 = performance.now();
  const expertiseReads = await syncExpertise(fs, db);
  const expertiseMs = performance.now() - t3;
  const synced = await db.people.count();
  if (synced !== n) throw new Error(`first sync brought ${synced} people, not ${n}`);
  const repeatReads = await syncPeople(fs, db);

  // One colleague edits their skills: the trigger rewrites their shard (here: the same builder).
  const edited = { ...entries[n >> 1]!, skills: ['Kernfusie'] };
  const shardId = shardIdOf(edited.uid);
  await putShardsOverRest(`http://${host}`, PROJECT, new Map([[shardId, withEntry(shards.get(shardId)!, edited)!]]));
  const t2 = performance.now();
  const editReads = await syncPeople(fs, db);
  const editMs = performance.now() - t2;
  if ((await db.people.get(edited.uid))?.skills[0] !== 'Kernfusie') throw new Error('the edit did not arrive');

  const people = await db.people.toArray();
  const evidence = await db.evidence.toArray();
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const index = new ExpertIndex(people, evidence);
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
      note: `${shards.size} directory shards, largest ${largestKB.toFixed(0)} KB`,
    },
    {
      section,
      name: `${label}: first directory sync, time`,
      value: firstMs,
      unit: 'ms',
      budget: { max: 5000 },
      note: 'emulator on this machine; Dexie on fake-indexeddb',
    },
    {
      section,
      name: `${label}: first expertise sync, documents read`,
      value: expertiseReads,
      unit: 'reads',
      note: `one expertise/{uid} per person with evidence (${expertise.length}: 30% of people here), ${(expertiseMs / 1000).toFixed(1)} s; not sharded yet`,
    },
    {
      section,
      name: `${label}: repeat sync, nothing changed`,
      value: repeatReads,
      unit: 'reads',
      budget: { max: 2 },
      note: 'empty delta query per collection, billed as 1 read each',
    },
    {
      section,
      name: `${label}: sync after one colleague's edit`,
      value: editReads,
      unit: 'reads',
      budget: { max: 2 },
      note: `their shard + the empty expertise query, ${editMs.toFixed(0)} ms`,
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
    const fs = env.authenticatedContext('bench-reader').firestore() as unknown as Firestore;
    const figures: Figure[] = [];
    // The shards are written here as the server would; triggers still running from an earlier
    // section's threads would otherwise write expertise documents into the delta syncs measured.
    await backgroundTriggers(false);
    try {
      for (const n of quick ? [500, 2000] : [5000, 50000]) figures.push(...(await measure(n, fs, host)));
    } finally {
      await clear(host);
      await env.cleanup();
      await backgroundTriggers(true);
    }
    return figures;
  },
};
