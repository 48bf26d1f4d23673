// Size of what every intranet page loads: the built content script, raw and gzipped.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchSection } from './figures';

export const contentScript: BenchSection = {
  id: 'content-script',
  needsEmulators: false,
  async run({ root }) {
    const dir = join(root, '.output/chrome-mv3/content-scripts');
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const bytes = files.map((f) => readFileSync(join(dir, f)));
    const raw = bytes.reduce((n, b) => n + b.length, 0);
    const gz = bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    return [
      { section: 'content-script', name: 'content script, gzipped', value: gz, unit: 'B', budget: { max: 15 * 1024 }, note: files.join(', ') },
      { section: 'content-script', name: 'content script, raw', value: raw, unit: 'B' },
    ];
  },
};
