// Expertise evidence as members read it: capped, in two places that always agree on what a person
// has — `evidence/{uid}` (one small document per person with evidence: the change feed a browser
// reads after its first sync) and the same pages in their directory shard (`evidence: {[uid]:
// EvidencePage[]}`, what a first sync reads: a first sync of 50,000 people, 30 % of them with
// evidence, read ~15,000 expertise documents (51 s); in the shards it costs no extra document).
// Pure: the cap, reading it, and what a shard or a feed page does to the local table.
//
// Who writes it: only the expertise functions (functions/src/expertise.ts) write `evidence/{uid}`,
// in the transaction that refreshes `expertise/{uid}` (the server's full record, up to 50 pages,
// what a refresh recomputes from, never read by clients). The shards' copy is taken from
// `evidence/*` when the shards are rebuilt (functions/src/directory-shards.ts), not on every like.
//
// The cap. A shard holds a few hundred people (about 195 at 50,000, the fullest about 260), so what
// one person may put in it must be small even when everyone is at the cap:
//  - the SHARD_EVIDENCE_PAGES = 5 pages with the strongest evidence ("this helped" marks, then
//    answers, then likes): the ranking weighs a person by the pages relevant to a question, and
//    past a handful of strong pages more pages change little (their declared skills still count);
//  - per page the SHARD_EVIDENCE_TERMS = 8 most frequent topic terms (title words first: they
//    count double), each at most 24 characters, and a title of at most 80 characters (shown in a
//    reason: "answered 1 question on ICT-helpdesk");
//  - and at most SHARD_EVIDENCE_BYTES = 1,280 bytes per person, as Firestore counts them: pages
//    are dropped from the weakest until it fits. A single page at every limit (4-byte characters
//    throughout) takes at most about 1,230 bytes, so the strongest page always stays.
// A typical page (a 40-character title, eight 10-letter terms) takes about 220 bytes, so a person
// at the page cap typically takes about 1.1 KB. Worst case at 50,000 people: 260 people in one shard
// (more than the fullest holds), every directory field at its limit (~1.9 KB each,
// lib/core/directory-shards.ts) and everyone's evidence at the byte cap: about 810 KB of the 1 MiB
// limit; with typical rows and everyone at the page cap about 350 KB
// (tests/unit/shard-evidence.test.ts measures both).
import { evidenceFromDoc } from './codecs';
import { firestoreBytes, shardIdOf, type ShardSnapshot } from './directory-shards';
import type { EvidencePage, EvidenceRow } from './rows';

export const SHARD_EVIDENCE_PAGES = 5;
export const SHARD_EVIDENCE_TERMS = 8;
export const SHARD_TITLE_LENGTH = 80;
export const SHARD_TERM_LENGTH = 24;
export const SHARD_EVIDENCE_BYTES = 1280;

/** Strongest evidence first: "this helped" marks, then answers, then likes; then by page id, so the order is stable. */
export function strongerEvidence(a: EvidencePage, b: EvidencePage): number {
  return b.helpful - a.helpful || b.answers - a.answers || b.likes - a.likes || (a.pageId < b.pageId ? -1 : a.pageId > b.pageId ? 1 : 0);
}

/** The first `n` characters (code points, so a character outside the BMP is never cut in half). */
const firstChars = (text: string, n: number) => Array.from(text).slice(0, n).join('');

/** The bytes one person's evidence adds to a shard: the map key (the uid) and the pages. */
export function personEvidenceBytes(uid: string, pages: EvidencePage[]): number {
  return firestoreBytes({ [uid]: pages });
}

/** What of a person's evidence goes into their shard: the cap above, strongest pages first. */
export function shardEvidenceOf(pages: EvidencePage[]): EvidencePage[] {
  const capped = [...pages]
    .sort(strongerEvidence)
    .slice(0, SHARD_EVIDENCE_PAGES)
    .map((p) => ({
      pageId: p.pageId,
      title: firstChars(p.title, SHARD_TITLE_LENGTH),
      terms: p.terms.slice(0, SHARD_EVIDENCE_TERMS).map((t) => firstChars(t, SHARD_TERM_LENGTH)),
      answers: p.answers,
      likes: p.likes,
      helpful: p.helpful,
    }));
  while (capped.length > 1 && firestoreBytes(capped) > SHARD_EVIDENCE_BYTES) capped.pop();
  return capped;
}

/** A shard document's evidence, read defensively: uid → pages (people without pages left out). */
export function evidenceFromShard(data: Record<string, unknown>): Map<string, EvidencePage[]> {
  const raw = data.evidence;
  const out = new Map<string, EvidencePage[]>();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [uid, pages] of Object.entries(raw as Record<string, unknown>)) {
    const read = evidenceFromDoc(uid, { pages }).pages.slice(0, SHARD_EVIDENCE_PAGES);
    if (uid.length > 0 && read.length > 0) out.set(uid, read);
  }
  return out;
}

/** An `evidence/{uid}` document's pages, read defensively and capped ([] for a person whose evidence is gone). */
export function evidenceFromFeedDoc(data: Record<string, unknown>): EvidencePage[] {
  return evidenceFromDoc('', data).pages.slice(0, SHARD_EVIDENCE_PAGES);
}

/** Whether a stored copy already says exactly these pages (then nothing is written, and no reader syncs it again). */
export function sameShardEvidence(stored: EvidencePage[] | undefined, pages: EvidencePage[]): boolean {
  return JSON.stringify(stored ?? []) === JSON.stringify(pages);
}

/**
 * What a batch of changed shards does to the local evidence table. A changed shard speaks for
 * every person hashed to it (shardIdOf): its evidence map is put, as of its shard's time, and a
 * local row of one of these shards that the map no longer holds is removed (that person's
 * evidence is gone: a deleted answer, a withdrawn mark). `localUids`: the uids in the local table.
 */
export function planShardEvidence(shards: ShardSnapshot[], localUids: Iterable<string>): { put: EvidenceRow[]; remove: string[] } {
  const put: EvidenceRow[] = [];
  const held = new Set<string>();
  for (const shard of shards) {
    for (const [uid, pages] of shard.evidence) {
      held.add(uid);
      put.push({ uid, pages, updatedAt: shard.updatedAt });
    }
  }
  const changed = new Set(shards.map((s) => s.id));
  const remove = [...localUids].filter((uid) => !held.has(uid) && changed.has(shardIdOf(uid)));
  return { put, remove };
}
