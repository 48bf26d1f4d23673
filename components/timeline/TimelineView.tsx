// "Wat speelt er? / What's happening": the newest conversations across the intranet pages this
// person may see, from the local database at once (offline too), with the trending strip on top and
// five filters, "what I follow" among them.
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/any/i18n';
import type { PersonRow } from '../../lib/core/rows';
import { filterTimeline, TIMELINE_FILTERS, trending, type Followed, type TimelineFilter } from '../../lib/core/timeline-filters';
import { TimelineCard, type OpenEntry } from './TimelineCard';
import { TrendingStrip } from './TrendingStrip';
import type { TimelineState } from './use-timeline';

const FILTER_LABELS: Record<TimelineFilter, MessageKey> = {
  everything: 'timelineFilterEverything',
  following: 'timelineFilterFollowing',
  department: 'timelineFilterDepartment',
  questions: 'timelineFilterQuestions',
  leaders: 'timelineFilterLeaders',
};

export interface TimelineViewProps {
  timeline: TimelineState;
  now: number;
  online: boolean;
  /** My department path, for "my department's pages". */
  myDepartment: string[];
  /** The local directory by uid. */
  directory: ReadonlyMap<string, PersonRow>;
  onOpen: OpenEntry;
  /** Shown instead of the intranet page's thread (this tab is no intranet page): says so. */
  notIntranet?: boolean;
  /** The pages and sections I follow, for "what I follow". */
  followed?: Followed;
}

/** Cards rendered at a time. */
const PAGE_SIZE = 30;

export function TimelineView({ timeline, now, online, myDepartment, directory, onOpen, notIntranet = false, followed }: TimelineViewProps) {
  const [filter, setFilter] = useState<TimelineFilter>('everything');
  // Cards rendered at first, and after each "show more": rendering hundreds at once held the
  // panel's first frame back by long tasks.
  const [limit, setLimit] = useState(PAGE_SIZE);
  const rows = timeline.rows;
  const matching = rows ? filterTimeline(rows, filter, myDepartment, directory, followed) : [];
  const shown = matching.slice(0, limit);

  let body;
  if (rows === undefined || (rows.length === 0 && online && !timeline.current && !timeline.failed)) {
    body = (
      <p class="empty" role="status">
        {t('timelineLoading')}
      </p>
    );
  } else if (rows.length === 0) {
    body = <p class="empty">{online ? t('timelineEmpty') : t('timelineOfflineEmpty')}</p>;
  } else if (shown.length === 0) {
    body = <p class="empty">{t('timelineEmptyFilter')}</p>;
  } else {
    body = (
      <>
        <ol class="timeline-list">
          {shown.map((row) => (
            <li key={row.pageId}>
              <TimelineCard row={row} now={now} onOpen={onOpen} />
            </li>
          ))}
        </ol>
        {matching.length > shown.length ? (
          <button type="button" class="secondary show-more" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
            {t('timelineShowMore', String(Math.min(PAGE_SIZE, matching.length - shown.length)))}
          </button>
        ) : null}
      </>
    );
  }

  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <h1 id="timeline-title">{t('timelineTitle')}</h1>
      {notIntranet ? (
        <p class="hint not-intranet">
          <strong>{t('notIntranet')}</strong> {t('timelineNotIntranet')}
        </p>
      ) : (
        <p class="hint">{t('timelineHint')}</p>
      )}
      {timeline.failed ? (
        <p class="notice" role="status">
          {t('timelineError')}
        </p>
      ) : null}
      {rows && rows.length > 0 && timeline.weekKnown ? <TrendingStrip items={trending(rows, now)} onOpen={onOpen} /> : null}
      <fieldset class="timeline-filters">
        <legend>{t('timelineFilterLabel')}</legend>
        {TIMELINE_FILTERS.map((f) => (
          <label key={f}>
            <input type="radio" name="timeline-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} /> {t(FILTER_LABELS[f])}
          </label>
        ))}
      </fieldset>
      {filter === 'department' ? <p class="hint">{t('timelineDepartmentHint')}</p> : null}
      <h2 class="timeline-list-title">{t('timelineListTitle')}</h2>
      {body}
    </section>
  );
}
