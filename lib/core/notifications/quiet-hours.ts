// Whether a desktop notification may show now: switched on, for that kind, outside quiet hours
// (local time "HH:MM"; from after to means overnight).
import type { DesktopSettings, InboxKind } from './model';

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export function inQuietHours(quiet: DesktopSettings['quiet'], at: Date): boolean {
  if (!quiet) return false;
  const now = at.getHours() * 60 + at.getMinutes();
  const from = minutes(quiet.from);
  const to = minutes(quiet.to);
  if (from === to) return false;
  return from < to ? now >= from && now < to : now >= from || now < to;
}

export function mayNotify(settings: DesktopSettings, kind: InboxKind, at: Date): boolean {
  return settings.enabled && settings.kinds[kind] === true && !inQuietHours(settings.quiet, at);
}
