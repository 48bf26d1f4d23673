// STUB (contract): the insights-engine branch replaces this file.
// Which summaries a period is read from: whole ISO weeks as weeks, the days at its edges as days.
import type { Day } from './model';

/** The ISO week a day is in: its id ('2026-W48') and its Monday and Sunday. */
export function isoWeekOf(day: Day): { id: string; from: Day; to: Day } {
  void day;
  throw new Error('isoWeekOf: not built yet');
}

/** The summaries that cover from..to exactly: the ISO weeks wholly inside it, and the other days. */
export function summariesFor(from: Day, to: Day): { weeks: string[]; days: Day[] } {
  void [from, to];
  throw new Error('summariesFor: not built yet');
}

/** The period of the same length just before from..to. */
export function previousPeriod(from: Day, to: Day): { from: Day; to: Day } {
  void [from, to];
  throw new Error('previousPeriod: not built yet');
}

/** The day (Europe/Amsterdam) an instant falls on. */
export function dayOf(epochMs: number): Day {
  void epochMs;
  throw new Error('dayOf: not built yet');
}
