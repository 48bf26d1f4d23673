// The client's half of the comment rate limit (firebase/firestore.rules, rate/{uid}): at most
// RATE_MAX comments per window of at least RATE_WINDOW_MS. Every comment create moves the
// author's own rate window in the same batch; this module says which move, from the window as the
// server has it (the author reads their own rate/{uid}, which nobody else can). Pure.
//
// The moves the rules allow: count + 1 while the count is below RATE_MAX (in any window, however
// old — so no clock comparison is needed for it), or a new window (count 1, windowStart = server
// time) once the old one is a minute old. So the client counts on until the window is full, and
// only then opens a new one. A full window that is less than a minute old (by this browser's
// clock) is refused here, before sending: a rules refusal arrives as a bare 'permission-denied'
// that cannot say why, so the outbox decides the reason itself and keeps the text.

/** Comments per window (the rules' `count <= 10`). */
export const RATE_MAX = 10;
/** A window's shortest length (the rules' `duration.value(60, 's')`). */
export const RATE_WINDOW_MS = 60_000;

/** The author's window as stored: how many comments it counted, and when it started (epoch ms; null if unreadable). */
export interface RateWindow {
  count: number;
  startMs: number | null;
}

/** Reads a stored rate document (an untrusted shape); undefined: there is none yet. */
export function readRateWindow(data: Record<string, unknown> | undefined): RateWindow | undefined {
  if (!data) return undefined;
  const count = typeof data.count === 'number' ? data.count : RATE_MAX;
  const start = data.windowStart as { toMillis?: () => number } | null | undefined;
  return { count, startMs: typeof start?.toMillis === 'function' ? start.toMillis() : null };
}

/**
 * The move for one more comment: 'count' (count + 1), 'open' (a new window), or 'full' (the
 * window is full and less than a minute old by `now`: wait).
 */
export function rateMove(window: RateWindow | undefined, now: number): 'count' | 'open' | 'full' {
  if (!window) return 'open';
  if (window.count < RATE_MAX) return 'count';
  if (window.startMs !== null && now < window.startMs + RATE_WINDOW_MS) return 'full';
  return 'open';
}

/** Whether a window is full (a refused comment create was then refused for its rate). */
export function isFull(window: RateWindow | undefined): boolean {
  return window !== undefined && window.count >= RATE_MAX;
}
