// The note comms (or a leader) pinned at the top of a page's thread, with who pinned it and when.
// A labelled complementary region, so a screen reader announces it as the page's announcement
// rather than as one more comment; set and removed in the comms console (Pages).
import { t } from '../../lib/any/i18n';
import type { Announcement } from '../../lib/core/page-admin';
import { LinkifiedText } from '../common/LinkifiedText';
import { RelativeTime } from '../common/RelativeTime';
import { Icon } from '../ui/Icon';

export function AnnouncementNote({ announcement, now }: { announcement: Announcement; now: number }) {
  return (
    <aside class="announcement" aria-labelledby="announcement-label">
      <p id="announcement-label" class="announcement-label">
        <Icon name="pin" />
        {t('announcementLabel')}
      </p>
      <p class="announcement-text">
        <LinkifiedText text={announcement.text} />
      </p>
      <p class="announcement-meta">
        {t('announcementBy', announcement.byName || t('announcementByUnknown'))}
        {announcement.at > 0 && (
          <>
            {' · '}
            <RelativeTime at={announcement.at} now={now} />
          </>
        )}
      </p>
    </aside>
  );
}
