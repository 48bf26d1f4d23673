import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../lib/core/time';

const now = Date.UTC(2026, 10, 23, 12, 0, 0);
const ago = (seconds: number) => now - seconds * 1000;

describe('relativeTime', () => {
  it.each([
    ['nl', 10, 'nu'],
    ['en', 10, 'now'],
    ['nl', 5 * 60, '5 minuten geleden'],
    ['en', 5 * 60, '5 minutes ago'],
    ['nl', 3 * 3600, '3 uur geleden'],
    ['en', 24 * 3600, 'yesterday'],
    ['nl', 24 * 3600, 'gisteren'],
    ['en', 14 * 24 * 3600, '2 weeks ago'],
  ])('in %s, %i seconds ago reads "%s"', (lang, seconds, expected) => {
    expect(relativeTime(ago(seconds), now, lang)).toBe(expected);
  });
});
