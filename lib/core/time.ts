// Relative times ("3 minutes ago", "3 minuten geleden") through Intl, in the browser's language. Pure.

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

// Building an Intl formatter costs far more than formatting with one, and a long thread formats two
// times per comment on every render: one formatter of each kind per language, made on first use.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function relativeFormat(language: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(language);
  if (!format) relativeFormats.set(language, (format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })));
  return format;
}

/** "5 minutes ago" for `then` seen at `now` (epoch ms), in `language`; "now" under 45 seconds. */
export function relativeTime(then: number, now: number, language: string): string {
  const format = relativeFormat(language);
  const seconds = Math.round((then - now) / 1000);
  if (Math.abs(seconds) < 45) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** Full date and time for a tooltip, e.g. "23 november 2026 om 14:05". */
export function fullDateTime(then: number, language: string): string {
  let format = dateTimeFormats.get(language);
  if (!format) dateTimeFormats.set(language, (format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' })));
  return format.format(then);
}
