import { describe, expect, it } from 'vitest';
import { linkSegments } from '../../lib/core/linkify';

describe('linkSegments', () => {
  it('keeps plain text as one text segment', () => {
    expect(linkSegments('Gewoon tekst.')).toEqual([{ text: 'Gewoon tekst.' }]);
  });

  it('makes an http(s) URL a link and keeps the text around it', () => {
    expect(linkSegments('Zie https://intranet.lindeveen.nl/hr voor meer.')).toEqual([
      { text: 'Zie ' },
      { text: 'https://intranet.lindeveen.nl/hr', href: 'https://intranet.lindeveen.nl/hr' },
      { text: ' voor meer.' },
    ]);
  });

  it('gives a bare domain an http link', () => {
    expect(linkSegments('www.lindeveen.nl')).toEqual([{ text: 'www.lindeveen.nl', href: 'http://www.lindeveen.nl' }]);
  });

  it('makes an email address a mailto link', () => {
    expect(linkSegments('mail helpdesk@lindeveen.nl')[1]).toEqual({ text: 'helpdesk@lindeveen.nl', href: 'mailto:helpdesk@lindeveen.nl' });
  });

  it('never links a javascript: URL', () => {
    const segments = linkSegments('klik javascript:alert(1)');
    expect(segments.every((s) => !s.href || /^(https?|mailto):/.test(s.href))).toBe(true);
    expect(segments.map((s) => s.text).join('')).toBe('klik javascript:alert(1)');
  });

  it('keeps markup as literal text (rendering it as text escapes it)', () => {
    expect(linkSegments('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>' }]);
  });
});
