// "Most discussed this week": the five threads with the most comments in the last 7 days, each
// with its count only where at least 5 named people took part (lib/core/timeline-filters.ts trending).
import { t } from '../../lib/any/i18n';
import type { TrendingItem } from '../../lib/core/timeline-filters';
import { EntryLink, type OpenEntry } from './TimelineCard';

export function TrendingStrip({ items, onOpen }: { items: TrendingItem[]; onOpen: OpenEntry }) {
  if (items.length === 0) return null;
  return (
    <section class="timeline-trending" aria-labelledby="timeline-trending-title">
      <h2 id="timeline-trending-title">{t('timelineTrendingTitle')}</h2>
      <ol>
        {items.map(({ row, count }) => (
          <li key={row.pageId}>
            <EntryLink row={row} onOpen={onOpen} />
            {count !== null ? <span class="meta"> · {t('timelineTrendingCount', count)}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
