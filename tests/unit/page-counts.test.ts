import { describe, expect, it } from 'vitest';
import { COUNT_MAX_AGE_MS, isFresh } from '../../lib/data/page-counts';

describe('launcher count freshness', () => {
  it('re-reads a count that was never fetched', () => {
    expect(isFresh(undefined, 1000)).toBe(false);
  });

  it('serves a recent count from the cache', () => {
    expect(isFresh(1000, 1000 + COUNT_MAX_AGE_MS - 1)).toBe(true);
  });

  it('re-reads a count older than the limit', () => {
    expect(isFresh(1000, 1000 + COUNT_MAX_AGE_MS)).toBe(false);
  });
});
