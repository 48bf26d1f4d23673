// How a summary is stored: one document holding the summary as deflated JSON (a Bytes field), not
// as Firestore maps and arrays. Summaries are server-only and never queried by field, and at
// 20,000 employees a week is tens of thousands of small numbers: as Firestore values the Admin SDK
// spent over a second decoding a 90-day report's 44 documents; as one compressed string per
// document, they are a fraction of the size and decode in milliseconds.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { MAX_DOCUMENT_BYTES } from '../../../lib/core/directory-shards';
import type { ActivitySummary } from '../../../lib/core/insights/model';

/** What a summary document holds. */
export interface SummaryDoc {
  id: string;
  from: string;
  to: string;
  /** The summary as deflated JSON. */
  packed: Buffer;
}

/** Room for the packed summary in one document, with the other fields and some margin. */
export const PACKED_LIMIT = Math.floor(MAX_DOCUMENT_BYTES * 0.95);

export function packSummary(summary: ActivitySummary): SummaryDoc {
  return { id: summary.id, from: summary.from, to: summary.to, packed: deflateRawSync(Buffer.from(JSON.stringify(summary)), { level: 6 }) };
}

/** The summary in a stored document; null for a document that is not one. */
export function unpackSummary(data: Record<string, unknown> | undefined): ActivitySummary | null {
  const packed = data?.packed;
  if (!packed || typeof packed !== 'object') return null;
  // The Admin SDK returns Bytes as a Buffer (Uint8Array).
  return JSON.parse(inflateRawSync(packed as Uint8Array).toString('utf8')) as ActivitySummary;
}
