// The notification components rendered to HTML: what each item says by kind (an anonymous actor
// named as nobody), the inbox's unread marks and empty state, the bell's label, the follow buttons'
// pressed state, and the composer's warning for a mention who cannot see the page.
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { FollowControls, InboxBell, InboxView } from '../../components/notifications/InboxView';
import type { Inbox } from '../../components/notifications/use-inbox';
import { itemText } from '../../lib/data/notifications/notification-text';
import type { InboxRow } from '../../lib/core/notifications/model';
import { useEnglishMessages } from '../helpers/english-i18n';
import { Composer } from '../../components/thread/Composer';
import { MentionAudienceContext } from '../../components/thread/mention-audience';
import { PeopleContext } from '../../components/people/people-context';

beforeEach(useEnglishMessages);

const row = (overrides: Partial<InboxRow> = {}): InboxRow => ({
  key: 'u/reply_c2',
  uid: 'u',
  itemId: 'reply_c2',
  kind: 'reply',
  pageId: 'p1',
  url: 'http://intranet/x.html',
  title: 'ICT-helpdesk',
  commentId: 'c2',
  actor: { uid: 'b', name: 'Bram Jansen' },
  excerpt: 'Probeer het opnieuw',
  count: 1,
  createdAt: 1000,
  updatedAt: 1000,
  read: false,
  ...overrides,
});

function inbox(rows: InboxRow[] | undefined, overrides: Partial<Inbox> = {}): Inbox {
  return {
    rows,
    state: undefined,
    unread: (rows ?? []).filter((r) => !r.read).length,
    isRead: (r) => r.read,
    markRead: () => undefined,
    markAllRead: () => undefined,
    follows: { pages: [], sections: [] },
    setFollow: async () => 'done',
    ...overrides,
  };
}

describe('notification components', () => {
  it('says what happened by kind; an anonymous writer is "Someone"', () => {
    expect(itemText(row())).toBe('Bram Jansen replied to your comment on ICT-helpdesk');
    expect(itemText(row({ actor: null }))).toBe('Someone replied to your comment on ICT-helpdesk');
    expect(itemText(row({ kind: 'follow', count: 3 }))).toBe('3 new comments on ICT-helpdesk');
    expect(itemText(row({ kind: 'mentionUnseen', unseen: ['Eva Smit'] }))).toContain('Eva Smit cannot see ICT-helpdesk');
  });

  it('tells the author what a moderator decided, with the reason readers see, and never who decided', () => {
    const mod = (outcome: InboxRow['outcome'], reason?: string) => itemText(row({ kind: 'moderation', actor: null, outcome, ...(reason ? { reason } : {}) }));
    expect(mod('hidden', 'attack')).toBe('A moderator hid your comment on ICT-helpdesk (personal attack)');
    expect(mod('restored')).toBe('A moderator restored your comment on ICT-helpdesk');
    expect(mod('approved')).toBe('Your comment on ICT-helpdesk was approved: colleagues see it now');
    expect(mod('rejected')).toBe('Your comment on ICT-helpdesk was not approved');
    expect(mod('note')).toBe('A moderator sent you a note about your comment on ICT-helpdesk');
    // A reason this version does not know: the general line, not a broken message.
    expect(mod('hidden', 'somethingNew')).toBe('A moderator decided about your comment on ICT-helpdesk');
  });

  it('lists items with unread ones marked for screen readers, and offers "mark read" only on those', () => {
    const html = render(<InboxView inbox={inbox([row(), row({ key: 'u/x', itemId: 'x', read: true })])} now={2000} onOpen={() => undefined} />);
    expect(html).toContain('Unread:');
    expect(html.match(/Mark read/g)).toHaveLength(1);
    expect(html).toContain('1 unread');
  });

  it('says what will appear in an empty inbox', () => {
    expect(render(<InboxView inbox={inbox([])} now={0} onOpen={() => undefined} />)).toContain('No notifications yet.');
  });

  it('labels the bell with the unread count', () => {
    expect(render(<InboxBell unread={3} pressed={false} onClick={() => undefined} />)).toContain('aria-label="Notifications, 3 unread"');
    expect(render(<InboxBell unread={0} pressed={false} onClick={() => undefined} />)).toContain('aria-label="Notifications, none unread"');
  });

  it('shows whether the page and section are followed', () => {
    const html = render(<FollowControls inbox={inbox([], { follows: { pages: ['p1'], sections: [] } })} pageId="p1" sectionKey="ict" sectionName="ICT" />);
    expect(html).toContain('aria-pressed="true"');
    expect(html).toContain('Following this page');
    expect(html).toContain('Follow section ICT');
  });

  it('the composer warns when a mentioned person cannot see the page, and only then', () => {
    const people = [
      { uid: 'eva', displayName: 'Eva Smit' },
      { uid: 'bram', displayName: 'Bram Jansen' },
    ];
    const composer = (text: string) =>
      render(
        <PeopleContext.Provider value={people}>
          <MentionAudienceContext.Provider value={{ self: 'anna', canSee: (uid) => uid !== 'eva' }}>
            <Composer id="c" label="Label" submitLabel="Post" draftKey="k" initialText={text} onSubmit={async () => ({ ok: true as const, text })} />
          </MentionAudienceContext.Provider>
        </PeopleContext.Provider>,
      );
    expect(composer('Vraag het @Eva Smit')).toContain('Eva Smit cannot see this page and will not be told.');
    expect(composer('Vraag het @Bram Jansen')).not.toContain('cannot see this page');
  });
});
