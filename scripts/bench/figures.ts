// The bench's one data shape: a measured figure, optionally beside its budget. Every bench
// section returns a list of these; run.ts prints them as a table and writes bench/results.json.

export interface Budget {
  /** The figure passes when it is at most this value (sizes, times, counts). */
  max?: number;
  /** The figure passes when it is at least this value. */
  min?: number;
}

export interface Figure {
  /** Which section measured it, e.g. "content-script". */
  section: string;
  /** What was measured, in plain words: "content script, gzipped". */
  name: string;
  value: number;
  /** "B", "KB", "ms", "%", "reads", "MB", "count"… */
  unit: string;
  budget?: Budget;
  /** Context for the reader: sample size, percentile, pages used. */
  note?: string;
}

export interface BenchContext {
  /** Smaller samples so CI can check the bench runs without spending minutes on it. */
  quick: boolean;
  /** Project root (the built extension is in .output/chrome-mv3). */
  root: string;
}

export interface BenchSection {
  id: string;
  /** True when the section talks to the Auth/Firestore emulators (run.ts then requires them). */
  needsEmulators: boolean;
  run(ctx: BenchContext): Promise<Figure[]>;
}

export function passes(figure: Figure): boolean | null {
  const { budget, value } = figure;
  if (!budget) return null;
  if (budget.max !== undefined && value > budget.max) return false;
  if (budget.min !== undefined && value < budget.min) return false;
  return true;
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : 1 });
}

function formatBudget(budget: Budget | undefined, unit: string): string {
  if (!budget) return '';
  const parts: string[] = [];
  if (budget.max !== undefined) parts.push(`≤ ${formatNumber(budget.max)} ${unit}`);
  if (budget.min !== undefined) parts.push(`≥ ${formatNumber(budget.min)} ${unit}`);
  return parts.join(', ');
}

/** A plain-text table, one row per figure, with a pass/fail mark where there is a budget. */
export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const ok = passes(f);
    return [f.section, f.name, `${formatNumber(f.value)} ${f.unit}`, formatBudget(f.budget, f.unit), ok === null ? '' : ok ? 'pass' : 'FAIL', f.note ?? ''];
  });
  const header = ['section', 'figure', 'measured', 'budget', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Median and p95 of a sample (nearest-rank). */
export function percentiles(sample: number[]): { median: number; p95: number } {
  if (sample.length === 0) throw new Error('empty sample');
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { median: rank(0.5), p95: rank(0.95) };
}
