// The content script starts its work only after the page's load, its first frame after load, and
// an idle moment, in that order (entrypoints/content/after-load.ts). Driven by hand, no clocks.
import { describe, expect, it } from 'vitest';
import { afterPageLoad, type AfterLoadWindow } from '../../entrypoints/content/after-load';

function fakeWindow(readyState: DocumentReadyState, withIdle = true) {
  const pending = {
    load: [] as Array<() => void>,
    frame: [] as Array<() => void>,
    idle: [] as Array<() => void>,
    timers: [] as Array<{ ms: number; run: () => void }>,
  };
  const win: AfterLoadWindow = {
    document: { readyState },
    addEventListener: (_type, listener) => void pending.load.push(listener),
    requestAnimationFrame: (callback) => pending.frame.push(callback),
    setTimeout: (run, ms) => pending.timers.push({ ms, run }),
    ...(withIdle ? { requestIdleCallback: (callback: () => void) => pending.idle.push(callback) } : {}),
  };
  /** Runs (and forgets) what is queued of one kind; timers only those with the given delay. */
  const fire = (kind: 'load' | 'frame' | 'idle') => pending[kind].splice(0).forEach((f) => f());
  const fireTimers = (ms: number) => {
    const due = pending.timers.filter((t) => t.ms === ms);
    pending.timers = pending.timers.filter((t) => t.ms !== ms);
    due.forEach((t) => t.run());
  };
  return { win, pending, fire, fireTimers };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('afterPageLoad', () => {
  it('waits for load, then the first frame after it, then an idle moment', async () => {
    const { win, pending, fire, fireTimers } = fakeWindow('loading');
    let done = false;
    void afterPageLoad(win).then(() => (done = true));
    await settle();
    expect(pending.load).toHaveLength(1);
    expect(pending.frame).toHaveLength(0); // nothing asked of the page before its load event
    fire('load');
    await settle();
    expect(pending.frame).toHaveLength(1);
    expect(done).toBe(false);
    fire('frame'); // rAF: the frame is about to be rendered; continue only after it
    await settle();
    expect(pending.idle).toHaveLength(0);
    fireTimers(0);
    await settle();
    expect(pending.idle).toHaveLength(1);
    expect(done).toBe(false);
    fire('idle');
    await settle();
    expect(done).toBe(true);
  });

  it('does not wait for a load event that has already happened', async () => {
    const { win, pending } = fakeWindow('complete');
    void afterPageLoad(win);
    await settle();
    expect(pending.load).toHaveLength(0);
    expect(pending.frame).toHaveLength(1);
  });

  it('goes on without a frame in a hidden tab (no requestAnimationFrame there), after its timeout', async () => {
    const { win, pending, fireTimers, fire } = fakeWindow('complete');
    let done = false;
    void afterPageLoad(win, { frameTimeoutMs: 500 }).then(() => (done = true));
    await settle();
    fireTimers(500); // the frame never came
    await settle();
    expect(pending.idle).toHaveLength(1);
    fire('idle');
    await settle();
    expect(done).toBe(true);
  });

  it('falls back to a task where requestIdleCallback is missing', async () => {
    const { win, fire, fireTimers } = fakeWindow('complete', false);
    let done = false;
    void afterPageLoad(win).then(() => (done = true));
    await settle();
    fire('frame');
    fireTimers(0); // the task after the frame
    await settle();
    fireTimers(0); // the idle stand-in
    await settle();
    expect(done).toBe(true);
  });
});
