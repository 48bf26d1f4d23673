// Seeds the emulators with the demo organisation (demo/org.ts): accounts in the Auth emulator,
// profiles, pages and threads in Firestore. Writes through the emulators' REST APIs as the
// emulator "owner", which bypasses the rules (as an admin import would). Used by the demo and e2e.
// Run alone: npx tsx scripts/seed.ts (with the emulators running).
import { pathToFileURL } from 'node:url';
import { DEMO_PASSWORD, EMPLOYEES, MODERATORS, THREADS, type DemoEmployee } from '../demo/org';
import { DEMO_PORTS, ORG_CONFIG } from '../lib/org-config';
import { normalizeUrl, pageIdFor } from '../lib/page-identity';
import { likeId, newCommentId } from '../lib/schema';

const PROJECT = ORG_CONFIG.firebase.projectId;
const INTRANET = `http://127.0.0.1:${DEMO_PORTS.intranet}`;

export function emulatorUrls() {
  return {
    auth: `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST ?? `127.0.0.1:${DEMO_PORTS.auth}`}`,
    firestore: `http://${process.env.FIRESTORE_EMULATOR_HOST ?? `127.0.0.1:${DEMO_PORTS.firestore}`}`,
  };
}

async function call(method: string, url: string, body?: unknown): Promise<any> {
  const response = await fetch(url, {
    method,
    headers: { Authorization: 'Bearer owner', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Removes every account and document from the emulators. */
export async function clearEmulators(): Promise<void> {
  const { auth, firestore } = emulatorUrls();
  await call('DELETE', `${auth}/emulator/v1/projects/${PROJECT}/accounts`);
  await call('DELETE', `${firestore}/emulator/v1/projects/${PROJECT}/databases/(default)/documents`);
}

/** Creates an account in the Auth emulator; returns its uid. */
export async function createAccount(email: string, password: string, displayName: string): Promise<string> {
  const { auth } = emulatorUrls();
  const result = await call('POST', `${auth}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=${ORG_CONFIG.firebase.apiKey}`, {
    email,
    password,
    displayName,
    returnSecureToken: true,
  });
  return result.localId as string;
}

type Value = string | number | boolean | null | Date;
function field(value: Value): Record<string, unknown> {
  if (value === null) return { nullValue: null };
  if (value instanceof Date) return { timestampValue: value.toISOString() };
  if (typeof value === 'boolean') return { booleanValue: value };
  if (typeof value === 'number') return { integerValue: String(value) };
  return { stringValue: value };
}

/** Writes one document (bypassing rules). */
export async function putDoc(path: string, data: Record<string, Value>): Promise<void> {
  const { firestore } = emulatorUrls();
  const fields = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, field(v)]));
  await call('PATCH', `${firestore}/v1/projects/${PROJECT}/databases/(default)/documents/${path}`, { fields });
}

export interface SeededEmployee extends DemoEmployee {
  uid: string;
}

/** Clears the emulators and seeds the demo organisation. Returns the employees with their uids. */
export async function seedDemo(options: { threads?: boolean } = {}): Promise<SeededEmployee[]> {
  await clearEmulators();
  const employees: SeededEmployee[] = [];
  for (const person of EMPLOYEES) {
    const uid = await createAccount(person.email, DEMO_PASSWORD, person.displayName);
    await putDoc(`profiles/${uid}`, { displayName: person.displayName, department: person.department, email: person.email });
    if (MODERATORS.includes(person.key)) await putDoc(`moderators/${uid}`, { since: new Date() });
    employees.push({ ...person, uid });
  }
  if (options.threads === false) return employees;

  const byKey = new Map(employees.map((e) => [e.key, e]));
  const now = Date.now();
  for (const [path, thread] of Object.entries(THREADS)) {
    const url = normalizeUrl(`${INTRANET}${path}`, ORG_CONFIG.sites[0]!);
    const pageId = await pageIdFor(url);
    let count = 0;
    let lastCommentId = '';
    let latest = 0;
    // One like document per (target, person), and the counter equal to their number (as the rules keep it).
    const like = async (targetId: string, keys: string[], at: Date) => {
      for (const key of keys) {
        const person = byKey.get(key)!;
        await putDoc(`pages/${pageId}/likes/${likeId(targetId, person.uid)}`, { targetId, uid: person.uid, name: person.displayName, active: true, updatedAt: at });
      }
    };
    const write = async (by: string, text: string, minutesAgo: number, parentId: string | null, likedBy: string[] = []) => {
      const author = byKey.get(by)!;
      const id = newCommentId();
      const at = new Date(now - minutesAgo * 60_000);
      await like(id, likedBy, at);
      await putDoc(`pages/${pageId}/comments/${id}`, {
        pageId,
        parentId,
        text,
        authorUid: author.uid,
        authorName: author.displayName,
        createdAt: at,
        updatedAt: at,
        editedAt: null,
        deleted: false,
        likeCount: likedBy.length,
      });
      count++;
      lastCommentId = id;
      latest = Math.max(latest, at.getTime());
      return id;
    };
    for (const comment of thread.comments) {
      const id = await write(comment.by, comment.text, comment.minutesAgo, null, comment.likedBy);
      for (const reply of comment.replies ?? []) await write(reply.by, reply.text, reply.minutesAgo, id, reply.likedBy);
    }
    const pageLikedBy = thread.pageLikedBy ?? [];
    await like('page', pageLikedBy, new Date(latest));
    await putDoc(`pages/${pageId}`, {
      url,
      title: thread.title,
      commentCount: count,
      likeCount: pageLikedBy.length,
      lastCommentId,
      updatedAt: new Date(latest),
    });
  }
  return employees;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const employees = await seedDemo();
  console.log(`Seeded ${employees.length} employees and ${Object.keys(THREADS).length} threads. Password: ${DEMO_PASSWORD}`);
}
