// Which summaries a period is read from: whole ISO weeks as weeks, the days at its edges as days.
// Pure date arithmetic on 'YYYY-MM-DD' strings: each day is taken as midnight UTC, so no local
// time zone or DST change can shift a day. Only dayOf looks at a clock, through Intl, in the
// organisation's zone.
import { ROLLOUT_TIME_ZONE } from '../rollout';
import type { Day } from './model';

const DAY_MS = 24 * 3600 * 1000;

/** Epoch ms of `day` at midnight UTC (the day's number on a calendar that has no time zones). */
function utcOf(day: Day): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

/** The day `ms` (midnight UTC) stands for. */
function dayAt(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `day` moved by `n` days (negative: back). */
export function addDays(day: Day, n: number): Day {
  return dayAt(utcOf(day) + n * DAY_MS);
}

/** Days from `from` to `to` (0 when equal; negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/** The ISO week a day is in: its id ('2026-W48') and its Monday and Sunday. */
export function isoWeekOf(day: Day): { id: string; from: Day; to: Day } {
  const ms = utcOf(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = ms - weekday * DAY_MS;
  // An ISO week belongs to the year its Thursday is in; week 1 holds the year's first Thursday.
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return { id: `${year}-W${String(week).padStart(2, '0')}`, from: dayAt(monday), to: dayAt(monday + 6 * DAY_MS) };
}

/** The summaries that cover from..to exactly: the ISO weeks wholly inside it, and the other days. */
export function summariesFor(from: Day, to: Day): { weeks: string[]; days: Day[] } {
  const weeks: string[] = [];
  const days: Day[] = [];
  let day = from;
  while (day <= to) {
    const week = isoWeekOf(day);
    if (week.from === day && week.to <= to) {
      weeks.push(week.id);
      day = addDays(week.to, 1);
    } else {
      days.push(day);
      day = addDays(day, 1);
    }
  }
  return { weeks, days };
}

/** The period of the same length just before from..to. */
export function previousPeriod(from: Day, to: Day): { from: Day; to: Day } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

let dayFormat: Intl.DateTimeFormat | null = null;

/** The day (Europe/Amsterdam) an instant falls on. */
export function dayOf(epochMs: number): Day {
  // en-CA writes dates as YYYY-MM-DD; the parts are read one by one so no locale quirk matters.
  dayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: ROLLOUT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts: Record<string, string> = {};
  for (const part of dayFormat.formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}
