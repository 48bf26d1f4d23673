// What the Insights view shows, as comms chose it, and its place in the URL: the console's hash
// keeps it after the section's id (#insights?period=28&section=HR&cohort=pilot:g-HR-pilot&hours=48),
// so a reload or a bookmark shows the same figures. A preset period stays relative ("the last 28
// days" is tomorrow's last 28 days too); a custom one keeps its dates. Pure apart from today().
import type { Day, InsightsQuery } from '../../../lib/core/insights/model';

export const PRESETS = [7, 28, 90] as const;
export type Preset = (typeof PRESETS)[number];

export type Period = { preset: Preset } | { preset: 'custom'; from: Day; to: Day };

export interface InsightsFilter {
  period: Period;
  /** A section id; null: the whole intranet; '': the rest of the intranet (as InsightsQuery has it). */
  section: string | null;
  /** The cohort the funnel and trend follow: 'all', 'department:…', 'band:…', 'pilot:…', 'control:…'. */
  cohort: string;
  /** A question is unanswered after this many hours. */
  hours: number;
}

export const DEFAULT_HOURS = 48;
export const MAX_HOURS = 24 * 30;

export const DEFAULT_FILTER: InsightsFilter = { period: { preset: 28 }, section: null, cohort: 'all', hours: DEFAULT_HOURS };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isDay = (value: string): boolean => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** `day` moved by `days` (negative: back). */
export function addDays(day: Day, days: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today in the organisation's time zone (the summaries' days are Europe/Amsterdam days). */
export function today(now = Date.now()): Day {
  return new Date(now).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/**
 * The first and last day of a period. A preset ends yesterday: today is not folded in until the
 * night's rollup, so a period ending today would always look like a drop.
 */
export function periodDays(period: Period, todayIs: Day): { from: Day; to: Day } {
  if (period.preset === 'custom') return { from: period.from, to: period.to };
  const to = addDays(todayIs, -1);
  return { from: addDays(to, -(period.preset - 1)), to };
}

/** What is wrong with a custom period (null: nothing): a date missing or the first after the last. */
export function periodProblem(period: Period): 'dates-missing' | 'dates-reversed' | null {
  if (period.preset !== 'custom') return null;
  if (!isDay(period.from) || !isDay(period.to)) return 'dates-missing';
  return period.from > period.to ? 'dates-reversed' : null;
}

export function queryFor(filter: InsightsFilter, todayIs: Day): InsightsQuery {
  return { ...periodDays(filter.period, todayIs), section: filter.section, pageId: null, cohort: filter.cohort, unansweredAfterHours: filter.hours };
}

/** The filter in a hash's query ('period=28&section=HR'); what is the default is left out. */
export function filterToQuery(filter: InsightsFilter): string {
  const params = new URLSearchParams();
  if (filter.period.preset === 'custom') {
    params.set('from', filter.period.from);
    params.set('to', filter.period.to);
  } else if (filter.period.preset !== DEFAULT_FILTER.period.preset) {
    params.set('period', String(filter.period.preset));
  }
  if (filter.section === '') params.set('rest', '1');
  else if (filter.section !== null) params.set('section', filter.section);
  if (filter.cohort !== 'all') params.set('cohort', filter.cohort);
  if (filter.hours !== DEFAULT_HOURS) params.set('hours', String(filter.hours));
  return params.toString();
}

/** The filter in a hash ('#insights?from=…'); anything missing or malformed reads as the default. */
export function filterFromHash(hash: string): InsightsFilter {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const preset = Number(params.get('period'));
  const period: Period =
    isDay(from) && isDay(to)
      ? { preset: 'custom', from, to }
      : (PRESETS as readonly number[]).includes(preset)
        ? { preset: preset as Preset }
        : DEFAULT_FILTER.period;
  const hours = Number(params.get('hours'));
  return {
    period,
    section: params.get('rest') === '1' ? '' : params.get('section') || null,
    cohort: params.get('cohort') || 'all',
    hours: Number.isInteger(hours) && hours >= 1 && hours <= MAX_HOURS ? hours : DEFAULT_HOURS,
  };
}
