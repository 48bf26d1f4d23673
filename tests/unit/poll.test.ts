// The one wait-until helper (scripts/poll.ts) every test and script uses.
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../scripts/poll';

describe('waitFor', () => {
  it("returns the probe's first truthy value", async () => {
    let n = 0;
    expect(await waitFor(() => (++n >= 3 ? `ready after ${n}` : null), { what: 'the third try', intervalMs: 1 })).toBe('ready after 3');
  });

  it('gives up after the attempts, naming what it waited for and the last value seen', async () => {
    let n = 0;
    await expect(waitFor(() => ({ tries: ++n, ok: false }).ok, { what: 'the emulator', attempts: 4, intervalMs: 1 })).rejects.toThrow(
      /Gave up waiting for the emulator after 4 tries .*last value: false/,
    );
    expect(n).toBe(4);
  });

  it('gives up after the time limit', async () => {
    const started = Date.now();
    await expect(waitFor(() => 0, { what: 'nothing', timeoutMs: 30, intervalMs: 5 })).rejects.toThrow(/nothing/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(30);
  });

  it("passes a probe's error straight through, at once", async () => {
    let n = 0;
    await expect(
      waitFor(
        () => {
          n++;
          throw new Error('browser exited');
        },
        { what: 'the browser', attempts: 10 },
      ),
    ).rejects.toThrow('browser exited');
    expect(n).toBe(1);
  });
});
