// Reporting a comment from the panel: one document `reports/{pageId}_{commentId}_{uid}` per person
// and comment (lib/core/moderation/model.ts), which the functions fold into the moderation queue.
//
// Sent directly, not through the outbox, on purpose: a report is a question to a moderator about
// someone else's comment, not a change to the reader's own thread that should show at once and
// sync later; its answers ("you already reported this", "that is your own comment") belong in the
// open dialog, and a report that arrives hours later is worth less than a clear "needs a
// connection" now. So offline the dialog says so and keeps what was typed (the caller keeps it).
//
// "You reported this" is remembered per person in this browser (localStorage, ids only) after a
// report lands or the server says it already has one; opening the dialog in another browser asks
// the server once (the reporter reads their own report), so no thread visit costs a read for it.
import { doc, getDocFromServer, serverTimestamp, setDoc, type Firestore } from 'firebase/firestore';
import { paths } from '../../core/paths';
import type { ReportReason } from '../../core/moderation/model';
import type { ModerationFailure } from '../../core/moderation/queue-view';

export interface ReportInput {
  pageId: string;
  commentId: string;
  uid: string;
  reason: ReportReason;
  text: string;
}

export type ReportOutcome = { ok: true } | { ok: false; failure: ModerationFailure };

const storeKey = (uid: string) => `prikbord.reported.${uid}`;

/** The comment ids this person reported from this browser. */
export function reportedHere(uid: string): Set<string> {
  try {
    const raw = JSON.parse(localStorage.getItem(storeKey(uid)) ?? '[]') as unknown;
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

const listeners = new Set<() => void>();
/** Calls `onChange` when this browser learns of a new report by anyone signed in here; returns a stop function. */
export function onReportedChange(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

function remember(uid: string, commentId: string) {
  const ids = reportedHere(uid);
  ids.add(commentId);
  try {
    // The newest 500 are plenty for a "you reported this" mark.
    localStorage.setItem(storeKey(uid), JSON.stringify([...ids].slice(-500)));
  } catch {
    // Storage full or off: only the mark is lost; the server still has the report.
  }
  for (const listener of listeners) listener();
}

const online = () => typeof navigator === 'undefined' || navigator.onLine;
const codeOf = (error: unknown) => (error as { code?: string } | null)?.code;

/**
 * Whether the server holds this person's report of the comment. The rules let the reporter read
 * their own report; a report that does not exist is refused rather than "not found" (the rule
 * reads the document's uid), so a refusal means "none". Null: it can't tell (offline, failure).
 */
async function serverHasReport(fs: Firestore, input: Pick<ReportInput, 'pageId' | 'commentId' | 'uid'>): Promise<boolean | null> {
  try {
    return (await getDocFromServer(doc(fs, paths.report(input.pageId, input.commentId, input.uid)))).exists();
  } catch (error) {
    return codeOf(error) === 'permission-denied' ? false : null;
  }
}

/** Whether the server has this person's report of the comment (asked when the dialog opens); null when it can't tell. */
export async function alreadyReported(fs: Firestore, pageId: string, commentId: string, uid: string): Promise<boolean | null> {
  if (!online()) return null;
  const exists = await serverHasReport(fs, { pageId, commentId, uid });
  if (exists) remember(uid, commentId);
  return exists;
}

/** Sends a report; a refusal or no connection comes back as a failure, never thrown. */
export async function sendReport(fs: Firestore, input: ReportInput): Promise<ReportOutcome> {
  if (!online()) return { ok: false, failure: 'offline' };
  // The full SDK would hold a write offline until the connection returns: a read from the server
  // first fails at once without one, and finds a report sent before (from another browser).
  const before = await serverHasReport(fs, input);
  if (before === null) return { ok: false, failure: online() ? 'failed' : 'offline' };
  if (before) {
    remember(input.uid, input.commentId);
    return { ok: false, failure: 'alreadyReported' };
  }
  try {
    await setDoc(doc(fs, paths.report(input.pageId, input.commentId, input.uid)), {
      pageId: input.pageId,
      commentId: input.commentId,
      uid: input.uid,
      reason: input.reason,
      text: input.text.trim(),
      createdAt: serverTimestamp(),
    });
    remember(input.uid, input.commentId);
    return { ok: true };
  } catch (error) {
    const code = codeOf(error);
    if (code === 'unavailable' || !online()) return { ok: false, failure: 'offline' };
    if (code === 'unauthenticated') return { ok: false, failure: 'signedOut' };
    // Refused: a report that landed in between (another tab) is a second report; else the rules said no.
    if (code === 'permission-denied' && (await serverHasReport(fs, input))) {
      remember(input.uid, input.commentId);
      return { ok: false, failure: 'alreadyReported' };
    }
    return { ok: false, failure: 'failed' };
  }
}
