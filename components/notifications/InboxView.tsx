// The notifications inbox: newest first, each item a link to the exact comment (the page opens in
// a tab, the panel scrolls to the comment and highlights it), unread ones marked, "mark all
// read", and the desktop-notification settings. What each kind says is in itemText().
import { useState } from 'preact/hooks';
import { t } from '../../lib/any/i18n';
import type { InboxRow } from '../../lib/core/notifications/model';
import { relativeTime, fullDateTime } from '../../lib/core/time';
import { uiLanguage } from '../../lib/any/i18n';
import type { Inbox } from './use-inbox';
import { REST_SECTION_KEY as REST } from '../../lib/core/timeline';
import { DesktopSettingsForm } from './DesktopSettings';
import { itemText } from '../../lib/data/notifications/notification-text';

export { itemText };

export interface InboxViewProps {
  inbox: Inbox;
  now: number;
  onOpen(row: InboxRow, pageUrl?: string): void;
}

export function InboxView({ inbox, now, onOpen }: InboxViewProps) {
  const lang = uiLanguage();
  const rows = inbox.rows;
  return (
    <section class="inbox" aria-labelledby="inbox-title">
      <div class="inbox-head">
        <h1 id="inbox-title">{t('inboxTitle')}</h1>
        <button type="button" class="secondary" disabled={inbox.unread === 0} onClick={() => inbox.markAllRead()}>
          {t('inboxMarkAllRead')}
        </button>
      </div>
      <p class="muted" aria-live="polite">
        {inbox.unread === 0 ? t('inboxNoneUnread') : t('inboxUnreadCount', inbox.unread)}
      </p>
      {rows === undefined ? null : rows.length === 0 ? (
        <p class="empty">{t('inboxEmpty')}</p>
      ) : (
        <ul class="inbox-items">
          {rows.map((row) => {
            const read = inbox.isRead(row);
            return (
              <li key={row.key} class={read ? 'inbox-item read' : 'inbox-item unread'} data-item-id={row.itemId}>
                {row.kind === 'digest' ? (
                  <Digest row={row} onOpen={(url) => onOpen(row, url)} />
                ) : (
                  <button type="button" class="link inbox-open" onClick={() => onOpen(row)} aria-describedby={`inbox-excerpt-${row.itemId}`}>
                    {!read && <span class="visually-hidden">{t('inboxUnreadLabel')} </span>}
                    {itemText(row)}
                  </button>
                )}
                {row.excerpt && row.kind !== 'digest' && (
                  <p id={`inbox-excerpt-${row.itemId}`} class="inbox-excerpt">
                    {row.excerpt}
                  </p>
                )}
                <p class="inbox-meta muted">
                  <time dateTime={new Date(row.updatedAt).toISOString()} title={fullDateTime(row.updatedAt, lang)}>
                    {relativeTime(row.updatedAt, now, lang)}
                  </time>
                  {!read && (
                    <>
                      {' · '}
                      <button type="button" class="link" onClick={() => inbox.markRead(row)}>
                        {t('inboxMarkRead')}
                      </button>
                    </>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <DesktopSettingsForm />
    </section>
  );
}

function Digest({ row, onOpen }: { row: InboxRow; onOpen(url: string): void }) {
  return (
    <div class="digest">
      <p>{itemText(row)}</p>
      <ul>
        {(row.digest ?? []).map((line) => (
          <li key={line.pageId}>
            <button type="button" class="link" onClick={() => onOpen(line.url)}>
              {line.title}
            </button>{' '}
            <span class="muted">{t('digestLine', line.newComments, line.newThreads)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The bell: opens the inbox, says how many are unread. */
export function InboxBell({ unread, pressed, onClick }: { unread: number; pressed: boolean; onClick(): void }) {
  const label = unread === 0 ? t('inboxBellNone') : t('inboxBell', unread);
  return (
    <button type="button" class={pressed ? 'bell' : 'bell secondary'} aria-pressed={pressed} aria-label={label} title={label} onClick={onClick}>
      <svg class="bell-icon" aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 && (
        <span class="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </button>
  );
}

/** Follow this page / this section, on the thread. */
export function FollowControls({ inbox, pageId, sectionKey, sectionName }: { inbox: Inbox; pageId: string; sectionKey: string; sectionName: string }) {
  const pageOn = inbox.follows.pages.includes(pageId);
  const sectionOn = inbox.follows.sections.includes(sectionKey);
  const [problem, setProblem] = useState<'full' | 'failed' | null>(null);
  const toggle = (what: 'pages' | 'sections', id: string, on: boolean) =>
    void inbox.setFollow(what, id, on).then((result) => setProblem(result === 'done' ? null : result));
  return (
    <div class="follow" role="group" aria-label={t('followGroup')}>
      <button type="button" class="secondary" aria-pressed={pageOn} onClick={() => toggle('pages', pageId, !pageOn)}>
        {pageOn ? t('followingPage') : t('followPage')}
      </button>
      <button type="button" class="secondary" aria-pressed={sectionOn} onClick={() => toggle('sections', sectionKey, !sectionOn)}>
        {sectionKey === REST
          ? sectionOn
            ? t('followingRest')
            : t('followRest')
          : sectionOn
            ? t('followingSection', sectionName)
            : t('followSection', sectionName)}
      </button>
      <p class="follow-problem error" role="status">
        {problem === 'full' ? t('followFull') : problem === 'failed' ? t('followFailed') : ''}
      </p>
    </div>
  );
}
