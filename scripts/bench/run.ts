// `npm run bench [-- --quick] [section ...]`: runs the bench sections, prints a table of figures
// beside their budgets, and writes them to bench/results.json. scripts/bench.sh builds the
// extension and starts the emulators first. Budgets are reported, never asserted in tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentScript } from './content-script';
import { cost } from './cost';
import { insights } from './insights';
import { people } from './people';
import { formatTable, passes, type BenchSection, type Figure } from './figures';
import { legacyPages } from './legacy-pages';
import { threadPanel } from './thread-panel';
import { threadReads } from './thread-reads';
import { timeline } from './timeline';
import { notifications } from './notifications';

/** Every section, in the order the table shows them. Add new sections here. */
const SECTIONS: BenchSection[] = [contentScript, legacyPages, threadReads, threadPanel, timeline, notifications, people, insights, cost];

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter((a) => !a.startsWith('--'));
const unknown = wanted.filter((id) => !SECTIONS.some((s) => s.id === id));
if (unknown.length > 0) {
  console.error(`Unknown bench section(s): ${unknown.join(', ')}. Known: ${SECTIONS.map((s) => s.id).join(', ')}`);
  process.exit(2);
}
const chosen = wanted.length > 0 ? SECTIONS.filter((s) => wanted.includes(s.id)) : SECTIONS;

const figures: Figure[] = [];
const errors: string[] = [];
for (const section of chosen) {
  if (section.needsEmulators && !process.env.FIRESTORE_EMULATOR_HOST) {
    errors.push(`${section.id}: needs the emulators (run it through npm run bench)`);
    continue;
  }
  const started = Date.now();
  try {
    figures.push(...(await section.run({ quick, root })));
    console.error(`bench: ${section.id} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    errors.push(`${section.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

console.log(formatTable(figures));
const failed = figures.filter((f) => passes(f) === false);
console.log(`\n${figures.length} figures, ${failed.length} over budget${quick ? ' (quick mode: small samples)' : ''}`);

mkdirSync(join(root, 'bench'), { recursive: true });
const out = join(root, 'bench/results.json');
writeFileSync(
  out,
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      quick,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
      figures: figures.map((f) => ({ ...f, pass: passes(f) })),
      errors,
    },
    null,
    2,
  ) + '\n',
);
console.log(`written to ${out}`);
if (errors.length > 0) {
  console.error(`\n${errors.length} section(s) failed to run:\n${errors.join('\n')}`);
  process.exit(1);
}
