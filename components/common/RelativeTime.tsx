// "5 minutes ago", with the full date and time for hover and screen readers.
import { fullDateTime, relativeTime } from '../../lib/core/time';
import { uiLanguage } from '../../lib/any/i18n';

export function RelativeTime({ at, now }: { at: number; now: number }) {
  const lang = uiLanguage();
  return (
    <time dateTime={new Date(at).toISOString()} title={fullDateTime(at, lang)}>
      {relativeTime(at, now, lang)}
    </time>
  );
}
