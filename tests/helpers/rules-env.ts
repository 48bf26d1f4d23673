// The Firestore rules test environment (real emulator, started by scripts/with-emulators.sh) and
// builders for the documents of firebase/firestore.rules. Valid by default: each test overrides
// only the one thing whose rule it proves.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { doc, getDoc, increment, serverTimestamp, setDoc, setLogLevel, Timestamp, writeBatch, type DocumentData, type Firestore } from 'firebase/firestore';
import { ANNA, BRAM } from './fixtures';

/** The emulator project the rules tests run in. */
export const PROJECT_ID = 'demo-prikbord';
const RULES_FILE = fileURLToPath(new URL('../../firebase/firestore.rules', import.meta.url));

// Denied writes are the point of half the tests; keep the SDK from logging each one.
setLogLevel('silent');

/** Starts the environment against FIRESTORE_EMULATOR_HOST with the current rules file. */
export async function startRulesEnv(): Promise<RulesTestEnvironment> {
  const hostPort = process.env.FIRESTORE_EMULATOR_HOST;
  if (!hostPort) throw new Error('Run under the emulators: bash scripts/with-emulators.sh "npx vitest run --project rules"');
  const cut = hostPort.lastIndexOf(':');
  return initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: {
      rules: readFileSync(RULES_FILE, 'utf8'),
      host: hostPort.slice(0, cut),
      port: Number(hostPort.slice(cut + 1)),
    },
  });
}

// The contexts hand out the compat Firestore type; at run time it works with the modular API.
/** Firestore as the signed-in user `uid`. */
export function dbAs(env: RulesTestEnvironment, uid: string): Firestore {
  return env.authenticatedContext(uid).firestore() as unknown as Firestore;
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

/** The page every rules test writes to, unless it names another. */
export const PAGE_ID = 'p_helpdesk';
/** That page's URL. */
export const PAGE_URL = 'http://intranet.lindeveen.local/ict/helpdesk.html';
/** That page's title. */
export const PAGE_TITLE = 'ICT-helpdesk';

/** A time well in the past: stored timestamps of seeded documents. */
export const PAST = Timestamp.fromDate(new Date('2024-03-01T09:00:00Z'));

/** The path of a page document. */
export const pagePath = (pageId = PAGE_ID) => `pages/${pageId}`;
/** The path of a comment document. */
export const commentPath = (commentId: string, pageId = PAGE_ID) => `pages/${pageId}/comments/${commentId}`;

// ---------- payload builders ----------

/** A valid profile (Anna's name and department), with `overrides`. */
export function profileData(overrides: DocumentData = {}): DocumentData {
  return { displayName: ANNA.displayName, department: ANNA.department, ...overrides };
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
}

/**
 * Posts a comment the way the client does: one batch with the comment and the page, the page
 * written with merge (creates it on the first comment) and its counter moved by increment().
 */
export function postComment(db: Firestore, author: { uid: string; displayName: string }, options: PostOptions): Promise<void> {
  const pageId = options.pageId ?? PAGE_ID;
  const batch = writeBatch(db);
  batch.set(doc(db, commentPath(options.commentId, pageId)), newComment(author, { pageId, ...options.comment }));
  if (options.writePage !== false) {
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
