// The k-anonymity rules: no figure the report shows describes fewer than k people, not even by
// subtracting shown figures from each other. Pure.
//
//   - figure(n, k): a count of people is shown when it is at least k. Zero is shown as 0: it says
//     that nobody in a group did something, and the report only shows figures of groups that are
//     themselves at least k people (a cohort whose in-scope size is below k is suppressed entirely,
//     zeros included), so a 0 is a statement about ≥ k people, never about one.
//   - suppressPartition: when parts add up to a shown total (departments of everyone), hiding the
//     small parts is not enough: total − shown parts recovers their sum. So more parts are hidden
//     until what is hidden adds up to at least k people.
//   - volumes (comments, likes, replies): shown only when the distinct people behind them are ≥ k.
//   - share and medianHours: derived figures, null when what they derive from is.
import type { Figure } from './model';

/** `n` people: shown when n ≥ k, and 0 as 0 (see above); else null. */
export function figure(n: number, k: number): Figure {
  return n === 0 || n >= k ? n : null;
}

/** A volume (posts, likes) made by `people` distinct people: shown when they are ≥ k (0 when there is none). */
export function volume(n: number, people: number, k: number): Figure {
  if (n === 0) return 0;
  return people >= k ? n : null;
}

/**
 * Complementary suppression of `parts` that add up to `total` (people counts; each person in at
 * most one part). Parts at `hidden` indices are never shown (suppressed for another reason, e.g. a
 * group under k); what `total` has beyond the sum of the parts (people in no part) counts as one
 * more hidden part. Then:
 *   - the total under k (but not 0): every part is null;
 *   - each part 1..k−1 is null;
 *   - while some part is hidden and the hidden parts together hold fewer than k people (even 0: a
 *     group under k must not show as "nobody did it" by subtraction), the smallest shown non-zero
 *     part is hidden too (zeros stay: hiding them adds nobody to the hidden sum).
 * So `total − Σ shown` covers ≥ k people whenever anything is hidden. A single hidden part of ≥ k people
 * (people in no department, say) may be recovered: it describes ≥ k people, which is allowed.
 */
export function suppressPartition(total: number, parts: readonly number[], k: number, hidden: readonly number[] = []): Figure[] {
  if (figure(total, k) === null) return parts.map(() => null);
  const out: Figure[] = parts.map((n, i) => (hidden.includes(i) ? null : figure(n, k)));
  const rest = Math.max(0, total - parts.reduce((sum, n) => sum + n, 0));
  let hiddenSum = rest + parts.reduce((sum, n, i) => (out[i] === null ? sum + n : sum), 0);
  // A hidden part of 0 must not be recoverable either ("nobody of these 3 people read"), so any hidden part counts.
  const anyHidden = rest > 0 || out.some((f) => f === null);
  while (anyHidden && hiddenSum < k) {
    let next = -1;
    parts.forEach((n, i) => {
      if (out[i] !== null && n > 0 && (next === -1 || n < parts[next]!)) next = i;
    });
    if (next === -1) break;
    out[next] = null;
    hiddenSum += parts[next]!;
  }
  return out;
}

/** a / b, or null when either is suppressed or b is 0. */
export function share(a: Figure, b: Figure): number | null {
  if (a === null || b === null || b === 0) return null;
  return a / b;
}

/** The median of durations in seconds, in hours; null when there are fewer than k of them (or none). */
export function medianHours(seconds: readonly number[], k: number): number | null {
  if (seconds.length === 0 || seconds.length < k) return null;
  const sorted = [...seconds].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return median / 3600;
}
