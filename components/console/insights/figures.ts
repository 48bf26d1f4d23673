// Figures in words, for the Insights view, its tables, CSV and the printed report: one home for
// "< 5", shares, changes, hours and days, so a figure reads the same everywhere. A null figure
// describes fewer than K people (the server suppressed it); a share is only computed from two
// figures that are both there, over a denominator above zero.
import { t, uiLanguage } from '../../../lib/any/i18n';
import type { Band, CohortFunnel, Figure, InsightsReport } from '../../../lib/core/insights/model';

/** Shown where a share or change cannot be computed (nothing to divide by, or a figure missing). */
export const NOT_APPLICABLE = '–';

/** "< 5": what a suppressed figure reads as, on screen, in CSV and in print. */
export const belowK = (): string => t('insightsBelowK');

/** part / whole (0..1); null when either is suppressed; NOT_APPLICABLE when there is nothing to divide by. */
export function share(part: Figure, whole: Figure): number | null | typeof NOT_APPLICABLE {
  if (part === null || whole === null) return null;
  if (whole <= 0) return NOT_APPLICABLE;
  return part / whole;
}

/** now − before; null when either is suppressed (a difference would give the hidden figure away). */
export function change(now: Figure, before: Figure): number | null {
  return now === null || before === null ? null : now - before;
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  const key = `${uiLanguage()}/${digits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: digits })));
  return format;
}

export const numberText = (n: number, digits = 0): string => numberFormat(digits).format(n);

/** A count, or "< 5". */
export const countText = (n: Figure): string => (n === null ? belowK() : numberText(n));

/** A share as "42 %" (one decimal under 10 %), or "< 5", or "–". */
export function percentText(value: number | null | string): string {
  if (value === null) return belowK();
  if (typeof value === 'string') return value;
  const percent = value * 100;
  return t('insightsPercent', numberText(percent, percent > 0 && percent < 10 ? 1 : 0));
}

/** A share as a number for CSV: percent with one decimal (42.5), or the same null / "–" as on screen. */
export function percentValue(value: number | null | string): number | null | string {
  return typeof value === 'number' ? Math.round(value * 1000) / 10 : value;
}

/** "+3", "−2", "0"; "–" when it cannot be known. The arrow is separate (arrowOf), for the eye only. */
export function changeText(value: number | null | string): string {
  if (value === null || typeof value === 'string') return NOT_APPLICABLE;
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${numberText(Math.abs(value), 1)}`;
}

export function arrowOf(value: number | null | string): '▲' | '▼' | '=' | '' {
  if (typeof value !== 'number') return '';
  return value > 0 ? '▲' : value < 0 ? '▼' : '=';
}

/** Median hours: "6.5 h" / "6,5 uur"; "< 5" when suppressed (fewer than K answered). */
export function hoursText(hours: number | null): string {
  if (hours === null) return belowK();
  return t('insightsHours', numberText(hours, hours < 10 ? 1 : 0));
}

/** How long a question has waited: "5 hours", "3 days". */
export function ageText(hours: number): string {
  if (hours < 48) return t('insightsAgeHours', Math.max(0, Math.floor(hours)));
  return t('insightsAgeDays', Math.floor(hours / 24));
}

/** 'YYYY-MM-DD' as people write it: "25 Nov 2026". */
export function dayText(day: string): string {
  const at = Date.parse(`${day}T12:00:00Z`);
  return Number.isNaN(at) ? day : new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/** A period: "26 Oct 2026 – 22 Nov 2026". */
export const periodText = (from: string, to: string): string => `${dayText(from)} – ${dayText(to)}`;

/** A moment as a short date and time in the organisation's time zone: "20 Nov 2026, 14:05". */
export function momentText(at: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(at);
}

/** A moment for CSV: "2026-11-20 14:05", sortable in Excel. */
export function momentValue(at: number): string {
  return new Date(at).toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam', hour12: false }).slice(0, 16);
}

const BAND_LABELS = {
  staff: 'insightsBandStaff',
  middle: 'insightsBandMiddle',
  management: 'insightsBandManagement',
} as const satisfies Record<Band, string>;

/** A hierarchy band's name; anything else (a department) as it is. */
export const bandText = (band: string): string => (band in BAND_LABELS ? t(BAND_LABELS[band as Band]) : band);

const KIND_LABELS = {
  all: 'insightsCohortAll',
  department: 'insightsKindDepartment',
  band: 'insightsKindBand',
  pilot: 'insightsKindPilot',
  control: 'insightsKindControl',
} as const;

export const cohortKindText = (cohort: CohortFunnel): string => t(KIND_LABELS[cohort.kind]);

/** A cohort's name: "Everyone", "Bedrijfsvoering", "Staff", "HR-pilot", "Control group of HR-pilot". */
export function cohortText(cohort: Pick<CohortFunnel, 'kind' | 'label'>): string {
  switch (cohort.kind) {
    case 'all':
      return t('insightsCohortAll');
    case 'band':
      return bandText(cohort.label);
    case 'control':
      return t('insightsControlOf', cohort.label);
    default:
      return cohort.label;
  }
}

/** A section's name in a report; null: the rest of the intranet. */
export function sectionText(report: InsightsReport, id: string | null): string {
  if (id === null) return t('insightsScopeRest');
  return report.sections.find((s) => s.id === id)?.name ?? id;
}
