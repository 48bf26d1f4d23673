import { describe, expect, it } from 'vitest';
import { formatTable, passes, percentiles } from '../../scripts/bench/figures';

describe('bench figures', () => {
  it('passes a figure within its budget and fails one over it', () => {
    const base = { section: 's', name: 'n', unit: 'ms' };
    expect(passes({ ...base, value: 150, budget: { max: 150 } })).toBe(true);
    expect(passes({ ...base, value: 151, budget: { max: 150 } })).toBe(false);
    expect(passes({ ...base, value: 2, budget: { min: 3 } })).toBe(false);
    expect(passes({ ...base, value: 2 })).toBeNull();
  });

  it('takes nearest-rank median and p95', () => {
    const sample = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    expect(percentiles(sample)).toEqual({ median: 10, p95: 19 });
    expect(percentiles([7])).toEqual({ median: 7, p95: 7 });
    expect(() => percentiles([])).toThrow();
  });

  it('prints one row per figure with a FAIL mark over budget', () => {
    const table = formatTable([
      { section: 'size', name: 'gzipped', value: 20000, unit: 'B', budget: { max: 15360 } },
      { section: 'size', name: 'raw', value: 1.5, unit: 'KB' },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/20,000 B\s+≤ 15,360 B\s+FAIL/);
    expect(lines[3]).toMatch(/1\.5 KB/);
  });
});
