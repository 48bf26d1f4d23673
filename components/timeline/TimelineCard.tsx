// One thread in the timeline: its page (a link that opens it, so the panel shows the thread), the
// latest comment's first lines and who wrote it (or "anonymous"), the counts, the named people who
// took part, and what the filters look at (open question, a leader or community manager taking part).
import { t } from '../../lib/any/i18n';
import type { TimelineRow } from '../../lib/core/rows';
import { RelativeTime } from '../common/RelativeTime';
import { Avatar } from '../ui/Avatar';
import { Badge } from '../ui/Badge';

/** Opens a card's page; given the click, so a click with a modifier keeps the browser's own meaning. */
export type OpenEntry = (row: TimelineRow) => void;

export const countText = (n: number, many: 'timelineComments' | 'timelineLikes', one: 'timelineCommentsOne' | 'timelineLikesOne') =>
  n === 1 ? t(one) : t(many, n);

/** A link to the entry's page: a plain click opens it for the panel, a modified click as the browser would. */
export function EntryLink({ row, onOpen }: { row: TimelineRow; onOpen: OpenEntry }) {
  return (
    <a
      href={row.url}
      title={t('timelineOpensPage')}
      onClick={(event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        onOpen(row);
      }}
    >
      {row.title.trim() || t('timelineUntitled')}
    </a>
  );
}

export function TimelineCard({ row, now, onOpen }: { row: TimelineRow; now: number; onOpen: OpenEntry }) {
  const author = row.latest.anonymous || !row.latest.authorName ? t('timelineAnonymous') : row.latest.authorName;
  const headingId = `timeline-${row.pageId}`;
  return (
    <article class="timeline-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <EntryLink row={row} onOpen={onOpen} />
      </h3>
      <blockquote class="timeline-excerpt">{row.latest.excerpt}</blockquote>
      <p class="meta">
        {t('timelineLatestBy', author)} · <RelativeTime at={row.latestAt} now={now} />
      </p>
      <p class="meta counts">
        {countText(row.comments, 'timelineComments', 'timelineCommentsOne')} · {countText(row.likes, 'timelineLikes', 'timelineLikesOne')}
      </p>
      {row.people.length > 0 ? (
        <p class="meta people">
          <span class="avatar-stack">
            {row.people.map((p) => (
              <Avatar key={p.uid} uid={p.uid} name={p.name} size="small" />
            ))}
          </span>
          <span>{t('timelineTookPart', row.people.map((p) => p.name).join(', '))}</span>
        </p>
      ) : null}
      {row.openQuestion || row.leaderTakingPart || row.communityManagerTakingPart ? (
        <ul class="timeline-flags">
          {row.openQuestion ? (
            <li>
              <Badge tone="warning">{t('timelineOpenQuestion')}</Badge>
            </li>
          ) : null}
          {row.leaderTakingPart ? (
            <li>
              <Badge tone="leader">{t('timelineLeaderTakesPart')}</Badge>
            </li>
          ) : null}
          {row.communityManagerTakingPart ? (
            <li>
              <Badge tone="success">{t('timelineCommunityManagerTakesPart')}</Badge>
            </li>
          ) : null}
        </ul>
      ) : null}
    </article>
  );
}
