// Desktop notifications from the background worker (docs/notifications.md): when its read of the
// summary finds more unread than before, and the person switched them on in this browser (with the
// optional permission granted), it reads the newest unread items once (one query, only then) and
// shows those created since the last check, of the kinds switched on, outside quiet hours. A click
// opens the comment (lib/any/comment-link.ts). Worker only (Firestore Lite).
import { collection, getDocs, limit, orderBy, query, where } from 'firebase/firestore/lite';
import { paths } from '../../core/paths';
import { commentLink } from '../../any/comment-link';
import { itemText } from './notification-text';
import { mayNotify } from '../../core/notifications/quiet-hours';
import { DEFAULT_DESKTOP_SETTINGS, type DesktopSettings, type InboxKind } from '../../core/notifications/model';
import { millisOf } from '../../core/timeline';
import type { LiteSession } from '../firebase/lite-client';
import { DESKTOP_SETTINGS_KEY } from './desktop-settings-key';

/** At most this many desktop notifications per check. */
const SHOW_AT_MOST = 3;

export interface DesktopDeps {
  lite: LiteSession;
  local: { get(key: string): Promise<Record<string, unknown>> };
  session: { set(items: Record<string, unknown>): Promise<void> };
  permitted(): Promise<boolean>;
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<unknown>;
  iconUrl: string;
  title: string;
}

/** The session-storage key of a shown notification's link. */
export const notificationLinkKey = (id: string) => `notificationLink:${id}`;

export async function showNewNotifications(deps: DesktopDeps, uid: string, since: number, now = new Date()): Promise<number> {
  const stored = (await deps.local.get(DESKTOP_SETTINGS_KEY))[DESKTOP_SETTINGS_KEY] as Partial<DesktopSettings> | undefined;
  const settings: DesktopSettings = { ...DEFAULT_DESKTOP_SETTINGS, ...stored, kinds: { ...DEFAULT_DESKTOP_SETTINGS.kinds, ...stored?.kinds } };
  if (!settings.enabled || !(await deps.permitted())) return 0;
  const { firestore } = deps.lite.client();
  const snap = await getDocs(
    query(collection(firestore, paths.inboxItems(uid)), where('read', '==', false), orderBy('createdAt', 'desc'), limit(SHOW_AT_MOST)),
  );
  let shown = 0;
  for (const d of snap.docs) {
    const data = d.data();
    const kind = data.kind as InboxKind;
    if (millisOf(data.updatedAt) <= since || !mayNotify(settings, kind, now)) continue;
    const id = `prikbord-${d.id}`;
    const message = itemText({
      kind,
      actor: data.actor ?? null,
      title: data.title ?? null,
      count: data.count ?? 1,
      unseen: data.unseen,
      digest: data.digest,
    });
    if (typeof data.url === 'string')
      await deps.session.set({ [notificationLinkKey(id)]: typeof data.commentId === 'string' ? commentLink(data.url, data.commentId) : data.url });
    await deps.create(id, { type: 'basic', iconUrl: deps.iconUrl, title: deps.title, message: data.excerpt ? `${message}\n${data.excerpt}` : message });
    shown++;
  }
  return shown;
}
