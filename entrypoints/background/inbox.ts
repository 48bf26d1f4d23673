// The person's unread notifications on the toolbar badge, with no panel open, within MV3's limits
// (docs/notifications.md). The badge has two layers: a tab's own text (its page's comment count,
// count-display.ts) and the global text, shown in every tab without its own: the unread count, on
// red. So a page with comments shows its count (what the reader is looking at; the panel's bell
// has the unread), and every other tab shows the unread notifications.
//
// Where the count comes from, cheapest first:
//  - an open panel listens to the inbox live and pushes its count here (inbox:unread): 0 reads;
//  - otherwise the worker reads the one summary document `inboxes/{uid}` (1 read) on its hourly
//    alarm, and when it wakes for anything else but at most every CHECK_EVERY_MS.
// An idle person (no panel, no browsing) therefore costs 1 document read an hour.
// The last count is kept in storage.local so a restarted worker shows it without a read.
import type { HandlerMap } from './router';

export const INBOX_ALARM = 'prikbord-inbox';
/** The hourly check (alarms may be ≥ 30 s apart; an hour is what the budget allows). */
export const INBOX_ALARM_MINUTES = 60;
/** A worker woken for something else reads the summary at most this often. */
export const CHECK_EVERY_MS = 5 * 60_000;

export const UNREAD_COLOR = '#b3261e';

export interface InboxSummaryRead {
  uid: string;
  unread: number;
}

export interface StoredUnread {
  uid: string;
  unread: number;
  checkedAt: number;
}

export interface InboxBadgeDeps {
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor?(details: { color: string }): Promise<void>;
  };
  area: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  key: string;
  /** One read of the signed-in person's summary; null when signed out or unreachable. */
  fetch(): Promise<InboxSummaryRead | null>;
  now(): number;
  /** More unread than at the last check (at `since`): desktop notifications, when switched on. */
  onMore?(uid: string, since: number): Promise<unknown>;
}

/** The badge text for an unread count. */
export function unreadText(unread: number): string {
  return unread <= 0 ? '' : unread > 99 ? '99+' : String(unread);
}

export interface InboxBadge {
  /** Shows the stored count, then reads the summary when the last read is older than CHECK_EVERY_MS (or always with force). */
  check(force?: boolean): Promise<void>;
  /** The panel's count (no read). */
  set(uid: string, unread: number): Promise<void>;
  /** Signed out: nothing shown. */
  clear(): Promise<void>;
}

export function inboxBadge({ action, area, key, fetch, now, onMore }: InboxBadgeDeps): InboxBadge {
  const show = async (unread: number) => {
    await action.setBadgeBackgroundColor?.({ color: UNREAD_COLOR }).catch(() => undefined);
    await action.setBadgeText({ text: unreadText(unread) }).catch(() => undefined);
  };
  const stored = async (): Promise<StoredUnread | null> => {
    const value = (await area.get(key))[key] as StoredUnread | undefined;
    return value && typeof value.unread === 'number' ? value : null;
  };
  const store = async (value: StoredUnread) => {
    await area.set({ [key]: value });
    await show(value.unread);
  };
  return {
    async check(force = false) {
      const last = await stored();
      if (last) await show(last.unread);
      if (!force && last && now() - last.checkedAt < CHECK_EVERY_MS) return;
      const read = await fetch();
      if (!read) return;
      await store({ ...read, checkedAt: now() });
      if (onMore && last && last.uid === read.uid && read.unread > last.unread) await onMore(read.uid, last.checkedAt).catch(console.error);
    },
    async set(uid, unread) {
      await store({ uid, unread, checkedAt: now() });
    },
    async clear() {
      await area.set({ [key]: null });
      await show(0);
    },
  };
}

/** The panel's inbox:unread message. */
export function inboxHandlers(badge: () => Promise<InboxBadge | null>): Pick<HandlerMap, 'inbox:unread'> {
  return {
    'inbox:unread': {
      from: 'extension page',
      handle(message) {
        void badge()
          .then((b) => b?.set(message.uid, message.unread))
          .catch(console.error);
      },
    },
  };
}
