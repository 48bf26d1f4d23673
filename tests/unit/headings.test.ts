import { describe, expect, it } from 'vitest';
import { HEADING_CHARS, MAX_HEADINGS, pageHeadings } from '../../entrypoints/content/headings';

const doc = (texts: Array<string | null>) => ({ querySelectorAll: () => texts.map((textContent) => ({ textContent })) });

describe('the headings a page reports', () => {
  it('are trimmed, whitespace collapsed, each once, empty ones left out, in page order', () => {
    expect(pageHeadings(doc(['  Verlof\n   aanvragen ', '', null, 'Verlof aanvragen', 'Bijzonder verlof']))).toEqual(['Verlof aanvragen', 'Bijzonder verlof']);
  });

  it('are capped in number and length', () => {
    const many = Array.from({ length: 40 }, (_, i) => `Kop ${i} ${'x'.repeat(300)}`);
    const headings = pageHeadings(doc(many));
    expect(headings).toHaveLength(MAX_HEADINGS);
    expect(headings.every((h) => h.length === HEADING_CHARS)).toBe(true);
  });
});
