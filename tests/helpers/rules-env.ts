// The Firestore rules test environment (real emulator, started by scripts/with-emulators.sh) and
// builders for the documents of firebase/firestore.rules. Valid by default: each test overrides
// only the one thing whose rule it proves.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  doc,
  getDoc,
  increment,
  serverTimestamp,
  setDoc,
  setLogLevel,
  Timestamp,
  writeBatch,
  type DocumentData,
  type Firestore,
  type WriteBatch,
} from 'firebase/firestore';
import { ANNA, BRAM } from './fixtures';

/** The emulator project the rules tests run in. */
export const PROJECT_ID = 'demo-prikbord';
const RULES_FILE = fileURLToPath(new URL('../../firebase/firestore.rules', import.meta.url));

// Denied writes are the point of half the tests; keep the SDK from logging each one.
setLogLevel('silent');

/**
 * Starts the environment against FIRESTORE_EMULATOR_HOST with the current rules file. A test whose
 * seeded documents the Functions emulator's triggers would rewrite (they run for PROJECT_ID only)
 * passes a project of its own.
 */
export async function startRulesEnv(projectId = PROJECT_ID): Promise<RulesTestEnvironment> {
  const hostPort = process.env.FIRESTORE_EMULATOR_HOST;
  if (!hostPort) throw new Error('Run under the emulators: bash scripts/with-emulators.sh "npx vitest run --project rules"');
  const cut = hostPort.lastIndexOf(':');
  return initializeTestEnvironment({
    projectId,
    firestore: {
      rules: readFileSync(RULES_FILE, 'utf8'),
      host: hostPort.slice(0, cut),
      port: Number(hostPort.slice(cut + 1)),
    },
  });
}

/** Token claims beyond the uid (custom claims such as `member` and `roles`, and `email`). */
export type Claims = Record<string, unknown>;

/** The e-mail address a rules-test uid signs in with. */
const emailOf = (uid: string) => `${uid.replace(/-uid$/, '')}@lindeveen.nl`;

// The contexts hand out the compat Firestore type; at run time it works with the modular API.
/**
 * Firestore as the signed-in member `uid`: the token carries `member: true` (what the sign-in
 * functions set for members) and their e-mail address; `claims` adds to it or overrides it
 * (e.g. `{ roles: { moderator: true } }`).
 */
export function dbAs(env: RulesTestEnvironment, uid: string, claims: Claims = {}): Firestore {
  return env.authenticatedContext(uid, { member: true, email: emailOf(uid), ...claims }).firestore() as unknown as Firestore;
}

/** Firestore as `uid` signed in WITHOUT the member claim (a valid token of a non-member), plus `claims`. */
export function dbNonMember(env: RulesTestEnvironment, uid: string, claims: Claims = {}): Firestore {
  return env.authenticatedContext(uid, { email: emailOf(uid), ...claims }).firestore() as unknown as Firestore;
}

/** Firestore as a moderator (`roles.moderator: true` in the token). */
export function dbAsModerator(env: RulesTestEnvironment, uid: string): Firestore {
  return dbAs(env, uid, { roles: { moderator: true } });
}

/** Firestore as a signed-out visitor. */
export function dbSignedOut(env: RulesTestEnvironment): Firestore {
  return env.unauthenticatedContext().firestore() as unknown as Firestore;
}

/** Reads one document with the rules switched off (what is really stored). */
export async function readStored(env: RulesTestEnvironment, path: string): Promise<DocumentData | undefined> {
  let data: DocumentData | undefined;
  await env.withSecurityRulesDisabled(async (ctx) => {
    data = (await getDoc(doc(ctx.firestore() as unknown as Firestore, path))).data();
  });
  return data;
}

/** Writes `docs` (path → data) with the rules switched off. */
export async function seed(env: RulesTestEnvironment, docs: Record<string, DocumentData>): Promise<void> {
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore() as unknown as Firestore;
    for (const [path, data] of Object.entries(docs)) await setDoc(doc(db, path), data);
  });
}

// ---------- the page (the people, ANNA, BRAM, …, are in fixtures.ts) ----------

/** The page id of a normalised url, as lib/any/page-identity.ts pageIdFor() makes it (the rules check it). */
export function pageIdOf(url: string): string {
  return `p_${createHash('sha256').update(url, 'utf8').digest('hex').slice(0, 24)}`;
}

/** The page every rules test writes to, unless it names another. */
export const PAGE_URL = 'http://intranet.lindeveen.local/ict/helpdesk.html';
/** That page's id (the hash of its url). */
export const PAGE_ID = pageIdOf(PAGE_URL);
/** That page's title. */
export const PAGE_TITLE = 'ICT-helpdesk';

/** A time well in the past: stored timestamps of seeded documents. */
export const PAST = Timestamp.fromDate(new Date('2024-03-01T09:00:00Z'));

/** The path of a page document. */
export const pagePath = (pageId = PAGE_ID) => `pages/${pageId}`;
/** The path of a comment document. */
export const commentPath = (commentId: string, pageId = PAGE_ID) => `pages/${pageId}/comments/${commentId}`;

/**
 * A comment id in the client's format (20 characters [A-Za-z0-9], lib/core/schema.ts), recognisable
 * by its label: `newId('c2')` is 'c2xxxxxxxxxxxxxxxxxx'. The rules refuse any other id on create;
 * seeded documents (written with the rules off) keep short ids such as 'c1'.
 */
export function newId(label: string): string {
  if (!/^[A-Za-z0-9]{1,20}$/.test(label)) throw new Error(`newId: ${label} is not [A-Za-z0-9]{1,20}`);
  return label.padEnd(20, 'x');
}

/** The path of a person's rate window. */
export const ratePath = (uid: string) => `rate/${uid}`;

// ---------- payload builders ----------

/** A stored profile (Anna's name and department), with `overrides`. */
export function profileData(overrides: DocumentData = {}): DocumentData {
  return { displayName: ANNA.displayName, department: ANNA.department, ...overrides };
}

/**
 * Adds the caller's rate-window move to `batch`, as the outbox does (lib/data/outbox/rate-limit.ts):
 * reads their own rate/{uid}; none yet, or a full window: a new window (count 1, which the rules
 * allow only once the old one is a minute old); else count + 1. `last` names the comment.
 */
export async function addRateMove(db: Firestore, batch: WriteBatch, uid: string, last: string): Promise<void> {
  const stored = (await getDoc(doc(db, ratePath(uid)))).data();
  if (stored && typeof stored.count === 'number' && stored.count < 10) {
    batch.update(doc(db, ratePath(uid)), { count: increment(1), last });
  } else {
    batch.set(doc(db, ratePath(uid)), { windowStart: serverTimestamp(), count: 1, last });
  }
}

/** A valid new comment by `author`, as the client sends it (server timestamps). */
export function newComment(author: { uid: string; displayName: string }, overrides: DocumentData = {}): DocumentData {
  return {
    pageId: PAGE_ID,
    parentId: null,
    text: 'Weet iemand hoe ik de printer op de 3e verdieping toevoeg?',
    authorUid: author.uid,
    authorName: author.displayName,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
    editedAt: null,
    deleted: false,
    likeCount: 0,
    ...overrides,
  };
}

/** A comment as stored earlier (for seeding). */
export function storedComment(author: { uid: string; displayName: string }, overrides: DocumentData = {}): DocumentData {
  return newComment(author, { createdAt: PAST, updatedAt: PAST, ...overrides });
}

/** A page as stored earlier (for seeding). */
export function storedPage(commentCount: number, lastCommentId: string, overrides: DocumentData = {}): DocumentData {
  return { url: PAGE_URL, title: PAGE_TITLE, commentCount, likeCount: 0, lastCommentId, updatedAt: PAST, ...overrides };
}

/** Seeds both profiles, so either user may post. */
export function seedProfiles(env: RulesTestEnvironment): Promise<void> {
  return seed(env, {
    [`profiles/${ANNA.uid}`]: { displayName: ANNA.displayName, department: ANNA.department },
    [`profiles/${BRAM.uid}`]: { displayName: BRAM.displayName, department: BRAM.department },
  });
}

// ---------- the coupled writes ----------

/** What postComment writes, beyond a valid default. */
export interface PostOptions {
  commentId: string;
  pageId?: string;
  /** Overrides on the comment payload. */
  comment?: DocumentData;
  /** How far the batch moves the page counter (increment, as the client does). Default 1. */
  countBy?: number;
  /** Overrides on the page payload (e.g. a fixed commentCount, another lastCommentId). */
  page?: DocumentData;
  /** false: write the comment alone, without touching the page. */
  writePage?: boolean;
  /** false: leave the caller's rate window alone. */
  rate?: boolean;
  /**
   * false: update the existing page's counter without its url and title (what the outbox writes
   * once the page exists); default: the merge write with url and title, which creates a new page.
   */
  pageFacts?: boolean;
}

/**
 * Posts a comment the way the client does: one batch with the comment, the page and the caller's
 * rate window; the page written with merge (creates it on the first comment) and its counter
 * moved by increment().
 */
export async function postComment(db: Firestore, author: { uid: string; displayName: string }, options: PostOptions): Promise<void> {
  const pageId = options.pageId ?? PAGE_ID;
  const batch = writeBatch(db);
  batch.set(doc(db, commentPath(options.commentId, pageId)), newComment(author, { pageId, ...options.comment }));
  if (options.rate !== false) await addRateMove(db, batch, author.uid, `${pageId}/${options.commentId}`);
  if (options.writePage !== false && options.pageFacts === false) {
    batch.update(doc(db, pagePath(pageId)), {
      commentCount: increment(options.countBy ?? 1),
      lastCommentId: options.commentId,
      updatedAt: serverTimestamp(),
      ...options.page,
    });
  } else if (options.writePage !== false) {
    batch.set(
      doc(db, pagePath(pageId)),
      {
        url: PAGE_URL,
        title: PAGE_TITLE,
        commentCount: increment(options.countBy ?? 1),
        // increment(0): 0 on a new page, unchanged on an existing one (as the client writes it).
        likeCount: increment(0),
        lastCommentId: options.commentId,
        updatedAt: serverTimestamp(),
        ...options.page,
      },
      { merge: true },
    );
  }
  return batch.commit();
}

/** What softDeleteComment writes, beyond a valid default. */
export interface SoftDeleteOptions {
  commentId: string;
  /** Overrides on the comment update. */
  comment?: DocumentData;
  /** How far the batch moves the page counter. Default −1. */
  countBy?: number;
  /** false: update the comment alone. */
  writePage?: boolean;
}

/** Soft-deletes a comment the way the client does: tombstone plus counter −1 in one batch. */
export function softDeleteComment(db: Firestore, options: SoftDeleteOptions): Promise<void> {
  const batch = writeBatch(db);
  batch.update(doc(db, commentPath(options.commentId)), {
    deleted: true,
    text: '',
    updatedAt: serverTimestamp(),
    ...options.comment,
  });
  if (options.writePage !== false) {
    batch.update(doc(db, pagePath()), {
      commentCount: increment(options.countBy ?? -1),
      lastCommentId: options.commentId,
      updatedAt: serverTimestamp(),
    });
  }
  return batch.commit();
}

/** A page with Anna's live top-level comment c1 (count 1). */
export function seedPageWithOneComment(env: RulesTestEnvironment): Promise<void> {
  return seed(env, { [commentPath('c1')]: storedComment(ANNA), [pagePath()]: storedPage(1, 'c1') });
}
