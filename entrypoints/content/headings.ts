// The page's headings (h1–h3), sent with the page report so expert suggestions can use what the
// page is about, not only its title (README "People directory and expert lookup"). Text only,
// trimmed, whitespace collapsed, each once, and capped: an old intranet page can have hundreds
// of headings, and a message stays small.

import { HEADING_LENGTH as HEADING_CHARS, MAX_REPORTED_HEADINGS as MAX_HEADINGS } from '../../lib/any/messages';

export { HEADING_CHARS, MAX_HEADINGS };

/** The distinct h1–h3 texts of `doc`, in page order, capped (see the top). */
export function pageHeadings(doc: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> }): string[] {
  const seen = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('h1,h2,h3'))) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, HEADING_CHARS);
    if (text) seen.add(text);
    if (seen.size === MAX_HEADINGS) break;
  }
  return [...seen];
}
