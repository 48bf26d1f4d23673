// Waiting for something we cannot be told about (a browser writing its DevTools port, an emulator
// starting to answer, a listener catching up with the server) by asking again and again. One
// helper, so every such wait has a limit and, when it gives up, says what it waited for and what
// it saw last.
//
// It lives in scripts/ and not in tests/helpers/ because the scripts (the Chromium launcher, the
// emulator starter, the bench) need it too: tests import scripts, scripts never import tests.
import { inspect } from 'node:util';

/** How long and how often waitFor asks, and what it is waiting for. */
export interface WaitForOptions {
  /** What is awaited, in words, for the error message: "the extension service worker". */
  what: string;
  /** Give up after this many ms. Default 10 s; no time limit when only `attempts` is given. */
  timeoutMs?: number;
  /** Give up after this many probes (for loops bounded by a count, not a time). */
  attempts?: number;
  /** Pause between two probes, in ms. Default 50. */
  intervalMs?: number;
}

/** A value that is not falsy: what waitFor returns. */
export type Truthy<T> = Exclude<T, false | 0 | 0n | '' | null | undefined>;

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A short, one-line rendering of a probe's value for an error message. */
function shown(value: unknown): string {
  const text = inspect(value, { depth: 2, breakLength: Infinity });
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * Calls `probe` until it returns a truthy value, and returns that value. The probe always runs
 * at least once; an error it throws ends the wait at once (so a probe can fail fast, e.g. when
 * the process it waits for has exited). When the time or the attempts run out, throws an error
 * that names `what` and the last value the probe returned.
 */
export async function waitFor<T>(probe: () => T | PromiseLike<T>, options: WaitForOptions): Promise<Truthy<T>> {
  const { what, attempts = Infinity, intervalMs = 50 } = options;
  const timeoutMs = options.timeoutMs ?? (options.attempts === undefined ? 10_000 : Infinity);
  const start = Date.now();
  for (let tries = 1; ; tries++) {
    const value = await probe();
    if (value) return value as Truthy<T>;
    const elapsed = Date.now() - start;
    if (elapsed > timeoutMs || tries >= attempts) {
      throw new Error(`Gave up waiting for ${what} after ${tries} tries in ${elapsed} ms; last value: ${shown(value)}`);
    }
    await sleep(intervalMs);
  }
}
