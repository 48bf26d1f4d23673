// The moderation screens' pure parts: what a moderator's queue queries are pinned to, the queue's
// order and filters, who is working on an item, a report's checks, and which translated message a
// refusal becomes. The console's Moderation view (components/console/moderation/) and the panel's
// report dialog (components/thread/ReportDialog.tsx) render these; the rules and the callable
// `moderate` decide in the end.
import type { Roles } from '../membership';
import { MAX_NOTE_LENGTH, MAX_REPORT_TEXT, type ModerateRefusal, type QueueItem, type QueueStatus, type ReportReason } from './model';
import { compareQueueItems } from './queue';

/** The queue's key of the rest of the intranet (pages no rollout section covers). */
export const REST_SECTION = '_rest';

/**
 * Which sections' items a person may read: 'all' (administrators, moderators everywhere), the
 * listed sections (a moderator of some sections; the rules refuse a query not pinned to them), or
 * null (no moderator at all: no Moderation section in the console).
 */
export function moderationScope(roles: Roles): 'all' | string[] | null {
  if (roles.admin || roles.moderator === true) return 'all';
  if (Array.isArray(roles.moderator) && roles.moderator.length > 0) return [...new Set(roles.moderator)].sort((a, b) => a.localeCompare(b));
  return null;
}

/** Firestore's `in` takes at most 30 values: a longer section list is read in several queries. */
export const MAX_IN_VALUES = 30;

/** The section lists, one per query, for a scoped moderator (each pinned, as the rules require). */
export function sectionChunks(sections: readonly string[], size = MAX_IN_VALUES): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < sections.length; i += size) chunks.push(sections.slice(i, i + size));
  return chunks;
}

/** The queue's order: newest report or hold first, or most reports first (then newest). */
export type QueueOrder = 'newest' | 'mostReported';

/** Which items to show by their status: waiting for a decision, decided, or every one. */
export type StatusFilter = 'open' | 'decided' | 'all';

export interface QueueFilter {
  status: StatusFilter;
  /** A section key (REST_SECTION for the rest), or null for every section. */
  section: string | null;
}

export type QueueItemWithId = QueueItem & { id: string };

const isOpen = (status: QueueStatus) => status === 'open';

/** The items `filter` lets through, in `order` (a new array; ties by id, so the order is stable). */
export function queueView<T extends Pick<QueueItem, 'status' | 'sectionKey' | 'reportCount' | 'latestAt'> & { id: string }>(
  items: readonly T[],
  filter: QueueFilter,
  order: QueueOrder,
): T[] {
  // The server's order (lib/core/moderation/queue.ts), then by id so equal items never swap places between snapshots.
  const compare = compareQueueItems(order);
  return items
    .filter((item) => filter.section === null || item.sectionKey === filter.section)
    .filter((item) => filter.status === 'all' || (filter.status === 'open') === isOpen(item.status))
    .sort((a, b) => compare(a, b) || a.id.localeCompare(b.id));
}

/** The sections present in the items, for the section filter (the rest last). */
export function queueSections(items: ReadonlyArray<Pick<QueueItem, 'sectionKey'>>): string[] {
  const keys = [...new Set(items.map((item) => item.sectionKey))];
  return keys
    .filter((k) => k !== REST_SECTION)
    .sort((a, b) => a.localeCompare(b))
    .concat(keys.includes(REST_SECTION) ? [REST_SECTION] : []);
}

/** Who is working on an item now: nobody (no claim, or it lapsed), the viewer, or someone else (by name). */
export type ClaimState = { kind: 'free' } | { kind: 'mine' } | { kind: 'other'; name: string };

export function claimState(claim: QueueItem['claim'], me: string | null, now: number): ClaimState {
  if (!claim || claim.until <= now) return { kind: 'free' };
  if (claim.uid === me) return { kind: 'mine' };
  return { kind: 'other', name: claim.name };
}

/** What a moderator may do with an item, by its status (the callable refuses the rest). */
export function actionsFor(item: Pick<QueueItem, 'status' | 'held'>): Array<'keep' | 'hide' | 'restore' | 'approve' | 'reject' | 'note'> {
  if (item.status === 'open') return item.held ? ['approve', 'reject', 'note'] : ['keep', 'hide', 'note'];
  if (item.status === 'hidden') return ['restore', 'note'];
  if (item.status === 'kept' || item.status === 'restored') return ['hide', 'note'];
  return ['note'];
}

/** The most frequent reason of an item's reports (for the hide's default), or null when none. */
export function topReason(reasons: QueueItem['reasons']): ReportReason | null {
  let best: ReportReason | null = null;
  for (const [reason, count] of Object.entries(reasons) as Array<[ReportReason, number]>) {
    if (count > 0 && (best === null || count > (reasons[best] ?? 0))) best = reason;
  }
  return best;
}

// ---------- reports ----------

/** Why a report cannot be sent as filled in (message keys: modReportProblem_{problem}). */
export type ReportProblem = 'noReason' | 'textRequired' | 'textTooLong';

/** What is wrong with a report before it is sent, or null: 'other' needs a text, every text fits. */
export function reportProblem(reason: ReportReason | null, text: string): ReportProblem | null {
  if (reason === null) return 'noReason';
  if (text.length > MAX_REPORT_TEXT) return 'textTooLong';
  if (reason === 'other' && text.trim() === '') return 'textRequired';
  return null;
}

/** What is wrong with a moderator's note before it is sent, or null. */
export function noteProblem(note: string): 'noteEmpty' | 'noteTooLong' | null {
  if (note.trim() === '') return 'noteEmpty';
  return note.length > MAX_NOTE_LENGTH ? 'noteTooLong' : null;
}

// ---------- refusals → messages ----------

/** Why an action or a report did not happen, as the screens tell it: the contract's codes and the way there. */
export type ModerationFailure = ModerateRefusal | 'offline' | 'signedOut' | 'alreadyReported' | 'ownComment' | 'noteEmpty' | 'failed';

/** The message key of a failure (every one has an English and a Dutch message). */
export function failureMessageKey(failure: ModerationFailure): `modRefused_${ModerationFailure}` {
  return `modRefused_${failure}`;
}

/** The console's failure for what the callable's client (lib/data/moderation/moderate-call.ts) reports. */
export function failureOfCall(problem: ModerateRefusal | 'offline' | 'signed-out' | 'failed'): ModerationFailure {
  return problem === 'signed-out' ? 'signedOut' : problem;
}
