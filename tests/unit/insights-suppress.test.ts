// The k-anonymity rules: small figures hidden, and no hidden figure recoverable by subtraction.
import { describe, expect, it } from 'vitest';
import { figure, medianHours, share, suppressPartition, volume } from '../../lib/core/insights/suppress';

describe('figure', () => {
  it('shows k or more people', () => {
    expect([figure(5, 5), figure(120, 5)]).toEqual([5, 120]);
  });
  it('hides 1 to k−1 people', () => {
    expect([figure(1, 5), figure(4, 5)]).toEqual([null, null]);
  });
  it('shows nobody as 0', () => {
    expect(figure(0, 5)).toBe(0);
  });
});

describe('volume', () => {
  it('shows a volume made by k or more people', () => {
    expect(volume(40, 5, 5)).toBe(40);
  });
  it('hides a large volume made by fewer than k people', () => {
    expect(volume(40, 4, 5)).toBeNull();
  });
  it('shows no volume as 0', () => {
    expect(volume(0, 0, 5)).toBe(0);
  });
});

/** What subtraction recovers: the total minus the shown parts. */
function hiddenSum(total: number, shown: (number | null)[]): number {
  return total - shown.reduce<number>((sum, f) => sum + (f ?? 0), 0);
}

describe('suppressPartition', () => {
  it('hides a small part and the next smallest, so total − shown cannot recover it (20 = 12 + 5 + 3)', () => {
    expect(suppressPartition(20, [12, 5, 3], 5)).toEqual([12, null, null]);
  });
  it('shows every part when none is small', () => {
    expect(suppressPartition(30, [10, 12, 8], 5)).toEqual([10, 12, 8]);
  });
  it('hides no more when the small parts together already hold k people', () => {
    expect(suppressPartition(20, [12, 4, 4], 5)).toEqual([12, null, null]);
  });
  it('hides everything when the total is under k', () => {
    expect(suppressPartition(4, [2, 2, 0], 5)).toEqual([null, null, null]);
  });
  it('counts people in no part as hidden: a rest of 2 with a part of 3 holds 5', () => {
    expect(suppressPartition(20, [15, 3], 5)).toEqual([15, null]);
  });
  it('hides more when a small part and a small rest hold fewer than k', () => {
    expect(suppressPartition(30, [16, 10, 2], 5)).toEqual([16, null, null]);
  });
  it('hides a part that was hidden for another reason, and protects it even when it is 0', () => {
    expect(suppressPartition(20, [0, 12, 8], 5, [0])).toEqual([null, 12, null]);
  });
  it('never hides a 0 as the complement (it adds nobody)', () => {
    expect(suppressPartition(20, [0, 3, 17], 5)).toEqual([0, null, null]);
  });
  it('allows a rest of k or more people to be found by subtraction', () => {
    expect(suppressPartition(30, [10, 10], 5)).toEqual([10, 10]);
  });
  it('hides the smallest part first when several could be hidden', () => {
    expect(suppressPartition(40, [20, 9, 8, 3], 5)).toEqual([20, 9, null, null]);
  });
  it('leaves total − shown at k or more whenever something is hidden (many partitions)', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 500; round++) {
      const parts = Array.from({ length: 1 + rand(6) }, () => rand(12));
      const rest = rand(4);
      const total = parts.reduce((a, b) => a + b, 0) + rest;
      const hidden = rand(3) === 0 ? [rand(parts.length)] : [];
      const shown = suppressPartition(total, parts, 5, hidden);
      if (total > 0 && total < 5) expect(shown.every((f) => f === null)).toBe(true);
      const anyHidden = rest > 0 || shown.some((f) => f === null);
      if (anyHidden && total >= 5) expect(hiddenSum(total, shown)).toBeGreaterThanOrEqual(5);
      shown.forEach((f, i) => {
        if (f !== null) expect(f === 0 || f >= 5).toBe(true);
        if (f !== null) expect(f).toBe(parts[i]);
      });
    }
  });
});

describe('share', () => {
  it('divides', () => {
    expect(share(5, 20)).toBe(0.25);
  });
  it('is null when either side is suppressed', () => {
    expect([share(null, 20), share(5, null)]).toEqual([null, null]);
  });
  it('never divides by zero', () => {
    expect(share(0, 0)).toBeNull();
  });
});

describe('medianHours', () => {
  it('is the middle value in hours', () => {
    expect(medianHours([3600, 7200, 36000, 1800, 5400], 5)).toBe(1.5);
  });
  it('averages the two middle values of an even count', () => {
    expect(medianHours([3600, 7200, 10800, 14400, 18000, 21600], 5)).toBe(3.5);
  });
  it('is null with fewer than k values', () => {
    expect(medianHours([3600, 3600, 3600, 3600], 5)).toBeNull();
  });
  it('is null with none', () => {
    expect(medianHours([], 0)).toBeNull();
  });
});
