// Splits a comment's plain text into text and link segments (linkifyjs finds the URLs and emails).
// Pure. Rendering text as text nodes is what escapes everything else: no HTML is ever parsed.
import { find } from 'linkifyjs';

export interface Segment {
  text: string;
  /** Set for a link; only http(s) and mailto are ever produced. */
  href?: string;
}

const SAFE_HREF = /^(https?:|mailto:)/i;

/** The text as segments, links made from what linkifyjs recognises (bare domains get http://). */
export function linkSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const link of find(text)) {
    if (!SAFE_HREF.test(link.href)) continue;
    if (link.start > at) segments.push({ text: text.slice(at, link.start) });
    segments.push({ text: link.value, href: link.href });
    at = link.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
