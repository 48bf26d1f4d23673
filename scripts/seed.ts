// Seeds the emulators with the demo organisation (demo/org.ts), the way an organisation starts:
// 1. the directory, imported from demo/directory.csv by the same import as `npm run directory:import`;
// 2. the accounts, signed up in the Auth emulator: the sign-in function (functions/src/membership.ts)
//    decides membership, sets the roles as claims and copies each person's directory entry into
//    their profile; then each employee's own fields (skills, languages) are added, as they would;
// 3. pages and threads, written through the emulators' REST APIs as the emulator "owner", which
//    bypasses the rules (as a migration would). Used by the demo, the tests and the bench.
// Run alone: npx tsx scripts/seed.ts (with the emulators running).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FieldValue } from 'firebase-admin/firestore';
import { DEMO_PASSWORD, EMPLOYEES, THREADS, type DemoEmployee } from '../demo/org';
import { BUILD_ORG_CONFIG } from '../lib/any/bundled-org-config';
import { applyOrgSettings } from './org/apply';
import { changeRolloutAs } from '../functions/src/rollout-store';
import { ALL_FEATURES } from '../lib/core/rollout';
import type { RolloutEdit } from '../lib/core/rollout-edit';
import { DEMO_PORTS } from '../demo/ports';
import { normalizeUrl, pageIdFor } from '../lib/any/page-identity';
import { paths } from '../lib/core/paths';
import { readDirectoryFile } from './directory/csv';
import { DEMO_DIRECTORY_CSV } from './directory/demo-csv';
import { adminServices, importDirectory, type AdminServices } from './directory/import';
import { likeId, newCommentId } from '../lib/core/schema';
import { waitFor } from './poll';
import { formatDirectoryErrors } from '../lib/core/directory-validate';

const PROJECT = BUILD_ORG_CONFIG.firebase.projectId;
const INTRANET = `http://127.0.0.1:${DEMO_PORTS.intranet}`;

export function emulatorUrls() {
  return {
    auth: `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST ?? `127.0.0.1:${DEMO_PORTS.auth}`}`,
    firestore: `http://${process.env.FIRESTORE_EMULATOR_HOST ?? `127.0.0.1:${DEMO_PORTS.firestore}`}`,
  };
}

async function call<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { Authorization: 'Bearer owner', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Removes every account and document from the emulators. */
/** A named comment document as the outbox writes it, with a fixed time (seeds and the bench write many at once). */
export function namedCommentDoc(c: {
  pageId: string;
  parentId: string | null;
  text: string;
  author: { uid: string; displayName: string };
  at: Date;
  likeCount?: number;
}) {
  const { pageId, parentId, text, author, at, likeCount = 0 } = c;
  return {
    pageId,
    parentId,
    text,
    authorUid: author.uid,
    authorName: author.displayName,
    createdAt: at,
    updatedAt: at,
    editedAt: null,
    deleted: false,
    likeCount,
  };
}

export async function clearEmulators(): Promise<void> {
  const { auth, firestore } = emulatorUrls();
  await call('DELETE', `${auth}/emulator/v1/projects/${PROJECT}/accounts`);
  // The emulator answers 409 ("Transaction lock timeout") while a trigger of an earlier test still
  // holds a transaction open: try again shortly.
  for (let attempt = 1; ; attempt++) {
    try {
      await call('DELETE', `${firestore}/emulator/v1/projects/${PROJECT}/databases/(default)/documents`);
      return;
    } catch (error) {
      if (attempt >= 5 || !String(error).includes(' 409 ')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}

/**
 * Signs up an account in the Auth emulator as the person would (no admin header, so the blocking
 * functions decide membership and make the profile); returns its uid. Throws with the refusal.
 */
export async function createAccount(email: string, password: string, displayName: string): Promise<string> {
  const { auth } = emulatorUrls();
  const url = `${auth}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=${BUILD_ORG_CONFIG.firebase.apiKey}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, displayName, returnSecureToken: true }),
  });
  if (!response.ok) throw new Error(`sign-up of ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { localId: string }).localId;
}

type Value = string | number | boolean | null | Date | Value[] | { [key: string]: Value };
function field(value: Value): Record<string, unknown> {
  if (value === null) return { nullValue: null };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(field) } };
  if (typeof value === 'object' && !(value instanceof Date)) {
    return { mapValue: { fields: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, field(v)])) } };
  }
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

let admin: AdminServices | undefined;

/** The Admin SDK against the emulators, one per process (the env variables default to the demo ports). */
export function emulatorAdmin(): AdminServices {
  process.env.FIRESTORE_EMULATOR_HOST ??= `127.0.0.1:${DEMO_PORTS.firestore}`;
  process.env.FIREBASE_AUTH_EMULATOR_HOST ??= `127.0.0.1:${DEMO_PORTS.auth}`;
  admin ??= adminServices(PROJECT);
  return admin;
}

/** Imports demo/directory.csv through the directory import, as any organisation's HR export is. */
export async function importDemoDirectory(): Promise<void> {
  const result = readDirectoryFile(readFileSync(DEMO_DIRECTORY_CSV));
  if (!result.ok) throw new Error(`demo/directory.csv:\n${formatDirectoryErrors(result.errors).join('\n')}`);
  await importDirectory(emulatorAdmin(), result.people, { fileHasRoles: result.hasRoles });
}

/**
 * Clears the emulators and seeds the demo organisation. Returns the employees with their uids.
 * `quarter`: also 90 days of 360 simulated colleagues' activity, rolled up for Insights (the demo; the insights tests).
 * `pilot`: also a rollout in progress (seedPilot); the tests leave it out, so every demo page is on
 * for everyone as their steps expect, and the rollout tests set their own.
 */
export async function seedDemo(options: { threads?: boolean; pilot?: boolean; quarter?: boolean; moderation?: boolean } = {}): Promise<SeededEmployee[]> {
  await clearEmulators();
  await importDemoDirectory();
  const { db, auth } = emulatorAdmin();
  await applyOrgSettings(db, BUILD_ORG_CONFIG); // as `npm run org:apply` does for an organisation
  const employees: SeededEmployee[] = [];
  for (const person of EMPLOYEES) {
    // The sign-in function makes the profile from the directory entry while the account is created.
    const uid = await createAccount(person.email, DEMO_PASSWORD, person.displayName);
    // The directory vouches for the address: signing in through the demo identity provider
    // (demo/oidc-server.ts) then reaches this same account, password kept (one person, one uid).
    await auth.updateUser(uid, { emailVerified: true });
    // Then the employee fills in their own fields (update: fails loudly if no profile was made).
    await db.doc(paths.profile(uid)).update({ languages: person.languages, skills: person.skills, optOut: false, updatedAt: FieldValue.serverTimestamp() });
    // No moderators/{uid}: the moderator role is in the directory entry, so in the token (the rules read it there).
    employees.push({ ...person, uid });
  }
  // directoryShards/*: the snapshot a browser's first sync reads (from the profiles above); the rest
  // reaches browsers through the feed of profiles and evidence, and the shards at the next rebuild.
  await rebuildShards();
  if (options.threads === false) return employees;

  const byKey = new Map(employees.map((e) => [e.key, e]));
  const now = Date.now();
  // The expertise evidence (expertise/{uid}, and its capped copy evidence/{uid} that the panel reads)
  // is built by the Functions triggers from the documents written here (functions/src/expertise.ts);
  // the seed only counts what it wrote, per page, to wait for it.
  const written = new Map<string, EvidenceTotals>();
  for (const [path, thread] of Object.entries(THREADS)) {
    const url = normalizeUrl(`${INTRANET}${path}`, BUILD_ORG_CONFIG.sites[0]!);
    const pageId = await pageIdFor(url);
    let count = 0;
    let lastCommentId = '';
    let latest = 0;
    const totals: EvidenceTotals = { answers: 0, likes: 0, helpful: 0 };
    written.set(pageId, totals);
    // One like document per (target, person), and the counter equal to their number (as the rules keep it).
    const like = async (targetId: string, keys: string[], at: Date) => {
      for (const key of keys) {
        const person = byKey.get(key)!;
        await putDoc(`pages/${pageId}/likes/${likeId(targetId, person.uid)}`, {
          targetId,
          uid: person.uid,
          name: person.displayName,
          active: true,
          updatedAt: at,
        });
      }
    };
    const write = async (by: string, text: string, minutesAgo: number, parentId: string | null, likedBy: string[] = []) => {
      const author = byKey.get(by)!;
      totals.likes += likedBy.filter((key) => key !== by).length;
      const id = newCommentId();
      const at = new Date(now - minutesAgo * 60_000);
      await like(id, likedBy, at);
      await putDoc(paths.comment(pageId, id), namedCommentDoc({ pageId, parentId, text, author, at, likeCount: likedBy.length }));
      count++;
      lastCommentId = id;
      latest = Math.max(latest, at.getTime());
      return id;
    };
    for (const comment of thread.comments) {
      const id = await write(comment.by, comment.text, comment.minutesAgo, null, comment.likedBy);
      for (const reply of comment.replies ?? []) {
        const replyId = await write(reply.by, reply.text, reply.minutesAgo, id, reply.likedBy);
        if (reply.by === comment.by) continue; // talking in your own thread is not helping someone
        totals.answers += 1;
        if (reply.helpful) {
          totals.helpful += 1;
          // No "marked by" field: the asker may be anonymous, and the mark must not say who asked.
          const at = new Date(now - (reply.minutesAgo - 5) * 60_000);
          await putDoc(`pages/${pageId}/helpful/${replyId}`, { replyId, parentId: id, createdAt: at });
        }
      }
    }
    const pageLikedBy = thread.pageLikedBy ?? [];
    await like('page', pageLikedBy, new Date(latest));
    const by = thread.announcement ? byKey.get(thread.announcement.by)! : null;
    await putDoc(`pages/${pageId}`, {
      url,
      title: thread.title,
      commentCount: count,
      likeCount: pageLikedBy.length,
      lastCommentId,
      updatedAt: new Date(latest),
      // As the changePage function pins it (functions/src/pages.ts); the demo seeds no audit entry for it.
      ...(thread.announcement && by
        ? {
            announcement: {
              text: thread.announcement.text,
              byUid: by.uid,
              byName: by.displayName,
              at: new Date(now - thread.announcement.minutesAgo * 60_000),
            },
          }
        : {}),
    });
  }
  await waitForEvidence(written);
  await rebuildShards(); // now with the evidence, so a first sync finds it in the shards
  if (options.pilot) await seedPilot(employees);
  if (options.moderation) await seedModeration(employees);
  if (options.quarter) await seedInsightsQuarter();
  return employees;
}

/** A quarter of colleagues' activity for Insights (scripts/insights/seed-quarter.ts), with the functions' Admin SDK. */
export async function seedInsightsQuarter(): Promise<void> {
  emulatorAdmin();
  process.env.GCLOUD_PROJECT ??= PROJECT;
  const [{ db }, { seedQuarter }] = await Promise.all([import('../functions/src/admin'), import('./insights/seed-quarter')]);
  await seedQuarter(db);
}

/**
 * The demo's rollout in progress, made through the same server code as the console's changes
 * (functions/src/rollout-store.ts, so with audit entries): ICT's pages on for everyone; HR's pages
 * a pilot for the HR department (Hugo de Boer its ambassador, Financiën the control group), others
 * read along; the rest of the intranet on, as before.
 */
export async function seedPilot(employees: SeededEmployee[]): Promise<void> {
  emulatorAdmin(); // the emulators' addresses in the environment, for the functions' Admin SDK below
  process.env.GCLOUD_PROJECT ??= PROJECT;
  // The functions package's own Admin SDK: its server-timestamp sentinel is not the root package's.
  const { db } = await import('../functions/src/admin');
  const actor = { uid: null, name: 'demo seed', via: 'command-line' as const };
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const hugo = employees.find((e) => e.key === 'hugo')!;
  const section = { kind: 'section' as const, pages: [], mode: 'on' as const, features: ALL_FEATURES, othersSee: 'read' as const };
  const edits: RolloutEdit[] = [
    {
      op: 'group',
      id: null,
      group: {
        name: 'HR-pilot',
        members: { people: [], departments: ['Bedrijfsvoering > HR'] },
        from: day(-14),
        until: day(60),
        control: { people: [], departments: ['Bedrijfsvoering > Financiën'] },
        ambassadors: [hugo.uid],
      },
    },
    { op: 'section', id: null, section: { ...section, name: 'ICT', prefixes: [`${INTRANET}/ict/`], pilotGroups: [] } },
    { op: 'section', id: null, section: { ...section, name: 'HR', prefixes: [`${INTRANET}/hr/`], pilotGroups: ['g-HR-pilot'] } },
  ];
  for (const edit of edits) await changeRolloutAs(db, edit, actor);
}

/**
 * Moderation in the demo (issue 17): ICT's pages pre-moderate anonymous posts (through the same
 * server code as the console's rollout changes; ICT made a section if the pilot did not make it),
 * one of them waits for a moderator, and a rude comment on the ICT helpdesk page has been reported
 * twice — so Chantal (moderator everywhere) and Farid (moderator of ICT) open a queue with both. The
 * report and hold triggers (functions/src/moderation/) file them, as they would for the panel's writes.
 */
export async function seedModeration(employees: SeededEmployee[]): Promise<void> {
  emulatorAdmin();
  process.env.GCLOUD_PROJECT ??= PROJECT;
  const [{ db }, { rolloutFromDoc, NO_ROLLOUT }] = await Promise.all([import('../functions/src/admin'), import('../lib/core/rollout')]);
  const byKey = new Map(employees.map((e) => [e.key, e]));
  const actor = { uid: null, name: 'demo seed', via: 'command-line' as const };
  const stored = await db.doc(paths.rollout()).get();
  const rollout = stored.exists ? rolloutFromDoc(stored.data() ?? {}) : NO_ROLLOUT;
  const ict = rollout.sections.ICT;
  const section = ict ?? {
    name: 'ICT',
    kind: 'section' as const,
    prefixes: [`${INTRANET}/ict/`],
    pages: [],
    mode: 'on' as const,
    features: ALL_FEATURES,
    pilotGroups: [],
    othersSee: 'off' as const,
  };
  await changeRolloutAs(db, { op: 'section', id: ict ? 'ICT' : null, section: { ...section, premoderation: 'anonymous' } }, actor);

  const url = normalizeUrl(`${INTRANET}/ict/helpdesk.html`, BUILD_ORG_CONFIG.sites[0]!);
  const pageId = await pageIdFor(url);
  const now = Date.now();
  // The reported comment: in the thread (counted), then two colleagues' reports.
  const rude = newCommentId();
  const otto = byKey.get('otto')!;
  const page = await db.doc(paths.page(pageId)).get();
  await db.doc(paths.comment(pageId, rude)).set(
    namedCommentDoc({
      pageId,
      parentId: null,
      text: 'Die helpdesk slaapt zeker weer. Stelletje prutsers daar op de tweede.',
      author: otto,
      at: new Date(now - 45 * 60_000),
    }),
  );
  await db
    .doc(paths.page(pageId))
    .update({ commentCount: Number(page.get('commentCount') ?? 0) + 1, lastCommentId: rude, updatedAt: new Date(now - 45 * 60_000) });
  for (const [key, reason, minutesAgo] of [
    ['daan', 'attack', 40],
    ['sander', 'attack', 30],
  ] as const) {
    const uid = byKey.get(key)!.uid;
    await db.doc(paths.report(pageId, rude, uid)).set({ pageId, commentId: rude, uid, reason, text: '', createdAt: new Date(now - minutesAgo * 60_000) });
  }
  // A held anonymous post: no author field; its owner link says who (only they, and the server, read it).
  const held = newCommentId();
  const olivia = byKey.get('olivia')!;
  const at = new Date(now - 20 * 60_000);
  const {
    authorUid: _uid,
    authorName: _name,
    ...anonymous
  } = namedCommentDoc({ pageId, parentId: null, text: 'Klopt het dat de oude laptops niet meer worden vervangen dit jaar?', author: olivia, at });
  await db.doc(paths.commentOwner(held)).set({ uid: olivia.uid, pageId, createdAt: at });
  await db.doc(paths.heldPost(pageId, held)).set({ ...anonymous, anonymous: true });
  await waitFor(
    async () => (await db.doc(paths.queueItem(pageId, rude)).get()).get('reportCount') === 2 && (await db.doc(paths.queueItem(pageId, held)).get()).exists,
    {
      what: 'the moderation queue to hold the reported comment and the held post',
      timeoutMs: 30_000,
    },
  );
}

/** The server's full rebuild of the directory shards (functions/src/directory-shards.ts), with the functions' own Admin SDK. */
async function rebuildShards(): Promise<void> {
  process.env.GCLOUD_PROJECT ??= PROJECT;
  const [{ db }, { rebuildDirectoryShards }] = await Promise.all([import('../functions/src/admin'), import('../functions/src/directory-shards')]);
  if (!(await rebuildDirectoryShards(db))) throw new Error('the directory shards are being rebuilt by someone else');
}

/** Answers, likes and "this helped" marks on one page, summed over everyone. */
interface EvidenceTotals {
  answers: number;
  likes: number;
  helpful: number;
}

/**
 * Waits (bounded) until the expertise triggers have caught up with the seeded threads: for every
 * page, the figures in all expertise/{uid} documents add up to what was written, and each entry
 * carries the page's title (the page document is written last). Triggers recompute from the
 * documents, so while the seed only adds, equal totals mean they are done: the demo and the e2e
 * tests start with the evidence in place.
 */
async function waitForEvidence(written: Map<string, EvidenceTotals>): Promise<void> {
  const { firestore } = emulatorUrls();
  type Fields = Record<string, { stringValue?: string; integerValue?: string; arrayValue?: { values?: Array<{ mapValue?: { fields?: Fields } }> } }>;
  const rows = async () => {
    const url = `${firestore}/v1/projects/${PROJECT}/databases/(default)/documents:runQuery`;
    const result = await call<Array<{ document?: { fields?: Fields } }>>('POST', url, { structuredQuery: { from: [{ collectionId: 'expertise' }] } });
    return result.flatMap((r) => r.document?.fields?.pages?.arrayValue?.values ?? []).map((v) => v.mapValue?.fields ?? {});
  };
  let behind: unknown[] = [];
  await waitFor(
    async () => {
      const seen = new Map<string, EvidenceTotals & { untitled: number }>();
      for (const page of await rows()) {
        const pageId = page.pageId?.stringValue ?? '';
        const sum = seen.get(pageId) ?? { answers: 0, likes: 0, helpful: 0, untitled: 0 };
        sum.answers += Number(page.answers?.integerValue ?? 0);
        sum.likes += Number(page.likes?.integerValue ?? 0);
        sum.helpful += Number(page.helpful?.integerValue ?? 0);
        if (!page.title?.stringValue) sum.untitled += 1;
        seen.set(pageId, sum);
      }
      behind = [...written].flatMap(([pageId, want]) => {
        const got = seen.get(pageId) ?? { answers: 0, likes: 0, helpful: 0, untitled: 0 };
        const done = got.answers === want.answers && got.likes === want.likes && got.helpful === want.helpful && got.untitled === 0;
        return done ? [] : [{ pageId, want, got }];
      });
      return behind.length === 0;
    },
    { what: 'the expertise triggers (Functions emulator) to build the seeded evidence', timeoutMs: 60_000, intervalMs: 200 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; pages behind: ${JSON.stringify(behind)}`);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const employees = await seedDemo();
  await emulatorAdmin().close();
  console.log(`Seeded ${employees.length} employees and ${Object.keys(THREADS).length} threads. Password: ${DEMO_PASSWORD}`);
}
