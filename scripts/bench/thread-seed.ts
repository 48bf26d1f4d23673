// Big threads for the thread benches: written straight into the Firestore emulator as its "owner"
// (bypasses the rules, as an admin import would), shaped exactly as the app writes them
// (lib/data/outbox/remote-operations.ts): named comments with pageId, parentId, text, createdAt, updatedAt,
// editedAt null, deleted false, likeCount 0, authorUid + authorName matching the author's profile;
// the page document's commentCount equal to the number of live comments, lastCommentId the newest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initializeApp, deleteApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import { connectFirestoreEmulator, initializeFirestore, memoryLocalCache, type Firestore } from 'firebase/firestore';
import { connectFirestoreEmulator as connectLiteEmulator, getFirestore as getLiteFirestore, type Firestore as LiteFirestore } from 'firebase/firestore/lite';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { DEMO_PORTS } from '../../demo/ports';
import { normalizeUrl, pageIdFor } from '../../lib/any/page-identity';
import { newCommentId } from '../../lib/core/schema';
import { namedCommentDoc, type SeededEmployee } from '../seed';
import { paths } from '../../lib/core/paths';
import { waitFor } from '../poll';

const PROJECT = BUILD_ORG_CONFIG.firebase.projectId;
export const INTRANET = `http://127.0.0.1:${DEMO_PORTS.intranet}`;

function firestoreHost(): string {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  if (!host) throw new Error('needs the emulators (npm run bench)');
  return host;
}

/**
 * Loads firebase/firestore.rules into the emulator again. Another section (people) replaces them
 * with read-only rules for its own run; the thread benches write and read as employees.
 */
export async function loadRealRules(root: string): Promise<void> {
  const rules = readFileSync(join(root, 'firebase/firestore.rules'), 'utf8');
  const res = await fetch(`http://${firestoreHost()}/emulator/v1/projects/${PROJECT}:securityRules`, {
    method: 'PUT',
    body: JSON.stringify({ rules: { files: [{ content: rules }] } }),
  });
  if (!res.ok) throw new Error(`loading rules: ${res.status} ${await res.text()}`);
}

type Value = string | number | boolean | null | Date;
function field(v: Value): Record<string, unknown> {
  if (v === null) return { nullValue: null };
  if (v instanceof Date) return { timestampValue: v.toISOString() };
  if (typeof v === 'number') return { integerValue: String(v) };
  if (typeof v === 'boolean') return { booleanValue: v };
  return { stringValue: v };
}

async function writeAll(docs: Array<[string, Record<string, Value>]>): Promise<void> {
  const base = `projects/${PROJECT}/databases/(default)/documents`;
  for (let i = 0; i < docs.length; i += 500) {
    const writes = docs.slice(i, i + 500).map(([path, data]) => ({
      update: { name: `${base}/${path}`, fields: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, field(v)])) },
    }));
    const res = await fetch(`http://${firestoreHost()}/v1/${base}:batchWrite`, {
      method: 'POST',
      headers: { Authorization: 'Bearer owner', 'Content-Type': 'application/json' },
      body: JSON.stringify({ writes }),
    });
    if (!res.ok) throw new Error(`batchWrite ${res.status} ${await res.text()}`);
  }
}

/** The page id and title the extension gives a demo intranet page (no canonical link on these). */
export async function demoPage(root: string, path: string): Promise<{ pageId: string; url: string; title: string }> {
  const url = normalizeUrl(`${INTRANET}${path}`, BUILD_ORG_CONFIG.sites[0]!);
  const html = readFileSync(join(root, 'demo/intranet', path), 'utf8');
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? path;
  return { pageId: await pageIdFor(url), url, title };
}

const SENTENCES = [
  'Goed punt, dat nemen we mee in het volgende overleg.',
  'Weet iemand of dit ook geldt voor de buitendienst?',
  'Bij ons op de afdeling werkt het al een paar weken zo, en dat bevalt prima.',
  'Ik heb de vraag doorgezet naar de helpdesk; zodra ik iets hoor laat ik het hier weten.',
  'Dank je wel, dit scheelt een hoop zoekwerk.',
  'Let op: de oude link op de pagina verwijst nog naar het formulier van vorig jaar.',
  'Kan dit ook voor de zomer geregeld worden? Dan kunnen we de planning erop aanpassen.',
];

function text(i: number): string {
  const n = 1 + (i % 4); // one to four sentences: comments of different heights
  return Array.from({ length: n }, (_, k) => SENTENCES[(i + k * 3) % SENTENCES.length]).join(' ') + ` (#${i})`;
}

export interface SeededThread {
  pageId: string;
  url: string;
  title: string;
  /** Live comments (top-level and replies). */
  count: number;
  /** Top-level comment ids, oldest first. */
  topLevel: string[];
}

/**
 * Writes a thread of `count` comments by `authors` (round robin), one minute apart and ending a
 * day ago; every fifth comment is a reply to the top-level comment before it. Returns its page.
 */
export async function seedThread(root: string, path: string, count: number, authors: SeededEmployee[]): Promise<SeededThread> {
  const page = await demoPage(root, path);
  const end = Date.now() - 24 * 3600_000;
  const docs: Array<[string, Record<string, Value>]> = [];
  const topLevel: string[] = [];
  let lastId = '';
  for (let i = 0; i < count; i++) {
    const id = newCommentId();
    const author = authors[i % authors.length]!;
    const at = new Date(end - (count - i) * 60_000);
    const parentId = i % 5 === 4 && topLevel.length > 0 ? topLevel[topLevel.length - 1]! : null;
    if (!parentId) topLevel.push(id);
    docs.push([paths.comment(page.pageId, id), namedCommentDoc({ pageId: page.pageId, parentId, text: text(i), author, at })]);
    lastId = id;
  }
  docs.push([`pages/${page.pageId}`, { url: page.url, title: page.title, commentCount: count, likeCount: 0, lastCommentId: lastId, updatedAt: new Date(end) }]);
  await writeAll(docs);
  return { ...page, count, topLevel };
}

/** Adds `k` new top-level comments (now) to a seeded thread, moving its count as a client would. */
export async function addComments(thread: SeededThread, k: number, author: SeededEmployee): Promise<void> {
  const docs: Array<[string, Record<string, Value>]> = [];
  const now = Date.now();
  let lastId = '';
  for (let i = 0; i < k; i++) {
    const id = newCommentId();
    const at = new Date(now + i);
    docs.push([paths.comment(thread.pageId, id), namedCommentDoc({ pageId: thread.pageId, parentId: null, text: `Nieuw: ${text(i)}`, author, at })]);
    lastId = id;
  }
  thread.count += k;
  docs.push([
    `pages/${thread.pageId}`,
    { url: thread.url, title: thread.title, commentCount: thread.count, likeCount: 0, lastCommentId: lastId, updatedAt: new Date(now + k) },
  ]);
  await writeAll(docs);
}

export interface NodeClient {
  firestore: Firestore;
  /** Firestore Lite on the same app and session: what the outbox writes with (lib/data/outbox/remote-operations.ts). */
  lite: LiteFirestore;
  uid: string;
  close(): Promise<void>;
}

let apps = 0;

/** A fresh Firebase app in Node (its own auth session, an empty memory cache), signed in. */
export async function nodeClient(email: string, password: string): Promise<NodeClient> {
  const [host, port] = firestoreHost().split(':');
  const { apiKey, authDomain, projectId } = BUILD_ORG_CONFIG.firebase;
  const app = initializeApp({ apiKey, authDomain, projectId }, `bench-thread-${++apps}`);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`, { disableWarnings: true });
  const firestore = initializeFirestore(app, { localCache: memoryLocalCache() });
  connectFirestoreEmulator(firestore, host!, Number(port));
  const lite = getLiteFirestore(app);
  connectLiteEmulator(lite, host!, Number(port));
  const { user } = await signInWithEmailAndPassword(auth, email, password);
  return { firestore, lite, uid: user.uid, close: () => deleteApp(app) };
}

/**
 * Waits until the server side has caught up with seeded threads: every comment fires the
 * expertise functions (functions/src/expertise.ts), and a thousand at once keep the emulators busy
 * for a while. Measuring the panel during that burst would measure the burst. "Caught up" = the
 * authors' expertise documents unchanged for `quietMs` (bounded by `timeoutMs`).
 */
export async function waitForServerQuiet(authors: SeededEmployee[], quietMs = 4000, timeoutMs = 300_000): Promise<void> {
  const base = `http://${firestoreHost()}/v1/projects/${PROJECT}/databases/(default)/documents`;
  const snapshot = async () =>
    (
      await Promise.all(
        authors.map(async (a) => {
          const res = await fetch(`${base}/${paths.expertise()}/${a.uid}`, { headers: { Authorization: 'Bearer owner' } });
          return res.ok ? (((await res.json()) as { updateTime?: string }).updateTime ?? '') : '';
        }),
      )
    ).join(',');
  let last = await snapshot();
  let quietSince = Date.now();
  await waitFor(
    async () => {
      const now = await snapshot();
      if (now !== last) {
        last = now;
        quietSince = Date.now();
      }
      return Date.now() - quietSince >= quietMs;
    },
    { what: 'the expertise functions to finish with the seeded threads', timeoutMs, intervalMs: 1000 },
  );
}
