// The panel's hook onto the person's notifications: the inbox from Dexie at once (offline too),
// kept live while the panel is open (lib/data/notifications/inbox-sync.ts), the unread count
// pushed to the worker for the toolbar badge, and "I was around" noted at most once a day (the
// digest goes only to people away a week). Also the person's follows, one live document.
import { useEffect, useMemo } from 'preact/hooks';
import { isRead } from '../../lib/core/notifications/fanout';
import type { Follows, InboxRow, InboxStateRow } from '../../lib/core/notifications/model';
import { FollowLimitError, NO_FOLLOWS, setFollow, watchFollows } from '../../lib/data/notifications/follows';
import { markAllRead, markItemRead, noteSeen, SEEN_EVERY_MS } from '../../lib/data/notifications/inbox-actions';
import { markReadLocally, syncInbox } from '../../lib/data/notifications/inbox-sync';
import { useServices } from '../app/services';
import { useLiveQuery } from '../hooks/use-live-query';

export type FollowResult = 'done' | 'full' | 'failed';

export interface Inbox {
  /** Newest first; undefined until Dexie answered. */
  rows: InboxRow[] | undefined;
  state: InboxStateRow | undefined;
  unread: number;
  isRead(row: InboxRow): boolean;
  markRead(row: InboxRow): void;
  markAllRead(): void;
  follows: Follows;
  /** 'full': the list holds as many as it may; 'failed': not saved (offline, most likely). */
  setFollow(what: 'pages' | 'sections', id: string, on: boolean): Promise<FollowResult>;
}

export function useInbox(uid: string): Inbox {
  const { db, fb, link, session } = useServices();
  const signedIn = session.authUid.value === uid;

  useEffect(() => {
    if (!signedIn) return;
    return syncInbox(fb.firestore, db, uid, (error) => console.warn('inbox sync', error));
  }, [uid, signedIn]);

  useEffect(() => {
    if (!signedIn) return;
    return watchFollows(
      fb.firestore,
      uid,
      (f) => void db.follows.put({ uid, ...f }).catch(console.error),
      (error) => console.warn('follows', error),
    );
  }, [uid, signedIn]);

  const rows = useLiveQuery<InboxRow[] | undefined>(
    () => db.inbox.where('[uid+createdAt]').between([uid, -Infinity], [uid, Infinity]).reverse().toArray(),
    [uid],
    undefined,
  );
  const state = useLiveQuery<InboxStateRow | undefined>(() => db.inboxState.get(uid), [uid], undefined);
  const followsRow = useLiveQuery(() => db.follows.get(uid), [uid], undefined);
  const readThrough = state?.readThrough ?? null;
  const unread = useMemo(() => (rows ?? []).filter((r) => !isRead(r, readThrough)).length, [rows, readThrough]);

  useEffect(() => {
    if (rows !== undefined && signedIn) link.reportUnread(uid, unread);
  }, [unread, rows === undefined, signedIn]);

  // Once the summary came from the server: note the visit when the last one is a day old.
  useEffect(() => {
    if (!signedIn || state === undefined) return;
    if (state.seenAt !== null && state.seenAt !== undefined && Date.now() - state.seenAt < SEEN_EVERY_MS) return;
    void noteSeen(fb.firestore, uid).catch((error) => console.warn('inbox seenAt', error));
  }, [signedIn, state === undefined, state?.seenAt]);

  return {
    rows,
    state,
    unread,
    isRead: (row) => isRead(row, readThrough),
    markRead(row) {
      if (isRead(row, readThrough)) return;
      void markReadLocally(db, uid, row.itemId);
      void markItemRead(fb.firestore, uid, row.itemId).catch((error) => console.warn('mark read', error));
    },
    markAllRead() {
      const now = Date.now();
      void db.inboxState.update(uid, { readThrough: now });
      void markAllRead(fb.firestore, uid).catch((error) => console.warn('mark all read', error));
    },
    follows: followsRow ?? NO_FOLLOWS,
    async setFollow(what, id, on) {
      try {
        const next = await setFollow(fb.firestore, uid, what, id, on);
        await db.follows.put({ uid, ...next });
        return 'done';
      } catch (error) {
        if (error instanceof FollowLimitError) return 'full';
        // A transaction needs the server: offline, nothing changed, and the person is told so.
        console.warn('follow', error);
        return 'failed';
      }
    },
  };
}
