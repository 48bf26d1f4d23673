// Initial avatars (lib/core/avatar.ts): the colour follows the uid and nothing else, every colour
// keeps white initials readable (WCAG AA), and initials skip Dutch name particles.
import { describe, expect, it } from 'vitest';
import { AVATAR_PALETTE, avatarColour, contrastRatio, hashString, initials } from '../../lib/core/avatar';

describe('avatar colour', () => {
  it('is the same for the same uid, every time', () => {
    expect(avatarColour('uid-anna')).toBe(avatarColour('uid-anna'));
    expect(hashString('abc')).toBe(hashString('abc'));
  });

  it('spreads many uids over the whole palette', () => {
    const used = new Set(Array.from({ length: 500 }, (_, i) => avatarColour(`user-${i}-${i * 7919}`)));
    expect(used.size).toBe(AVATAR_PALETTE.length);
  });

  it('keeps white initials at AA contrast on every colour', () => {
    for (const colour of AVATAR_PALETTE) expect(contrastRatio(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
  });

  it('computes the WCAG ratio (black on white is 21:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});

describe('initials', () => {
  it('takes first and last name, skipping particles', () => {
    expect(initials('Anna de Vries')).toBe('AV');
    expect(initials('Jan van der Berg')).toBe('JB');
    expect(initials('Rachida Bouzid')).toBe('RB');
    expect(initials("Els van 't Hof")).toBe('EH');
  });

  it('copes with one name, accents, extra spaces and nothing at all', () => {
    expect(initials('Madonna')).toBe('M');
    expect(initials('  émile   zola ')).toBe('ÉZ');
    expect(initials('Anna-Lena Schmidt')).toBe('AS');
    expect(initials('')).toBe('?');
  });
});
