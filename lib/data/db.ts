// The local read model and write queue (Dexie over IndexedDB). Only extension-origin contexts may
// import it (side panel, background, options): IndexedDB opened from a content script would belong
// to the intranet page's origin, where page scripts could read it. The only file that knows table names.
import Dexie, { type EntityTable } from 'dexie';
import type { FollowsRow, InboxRow, InboxStateRow } from '../core/notifications/model';
import type { CommentRow, Draft, EvidenceRow, HelpfulRow, LikeRow, OutboxItem, OwnedRow, PageRow, PersonRow, SyncCursor, TimelineRow } from '../core/rows';

export type PrikbordDb = Dexie & {
  comments: EntityTable<CommentRow, 'id'>;
  pages: EntityTable<PageRow, 'pageId'>;
  outbox: EntityTable<OutboxItem, 'seq'>;
  drafts: EntityTable<Draft, 'key'>;
  likes: EntityTable<LikeRow, 'key'>;
  owned: EntityTable<OwnedRow, 'commentId'>;
  /** The people directory, the expertise index and their delta-sync cursors. */
  people: EntityTable<PersonRow, 'uid'>;
  evidence: EntityTable<EvidenceRow, 'uid'>;
  syncCursors: EntityTable<SyncCursor, 'id'>;
  helpful: EntityTable<HelpfulRow, 'replyId'>;
  /** "What's happening": one entry per thread, of the sections this person may see (lib/core/timeline.ts). */
  timeline: EntityTable<TimelineRow, 'pageId'>;
  /** Notifications (lib/core/notifications/model.ts): the person's inbox items, its summary, their follows. */
  inbox: EntityTable<InboxRow, 'key'>;
  inboxState: EntityTable<InboxStateRow, 'uid'>;
  follows: EntityTable<FollowsRow, 'uid'>;
};

/** Opens (or creates) the database. Tests pass their own name so each starts from fresh state. */
export function openDb(name = 'prikbord'): PrikbordDb {
  const db = new Dexie(name) as PrikbordDb;
  db.version(1).stores({
    comments: 'id, pageId, [pageId+createdAt]',
    pages: 'pageId',
    outbox: '++seq, commentId, state',
    drafts: 'key',
    profiles: 'uid',
  });
  // 2: likes and anonymous comments. Outbox items name their `subject` (a comment id, or a like's
  // key) instead of a comment id, since likes queue too.
  db.version(2)
    .stores({
      outbox: '++seq, subject, state',
      likes: 'key, [pageId+uid]',
      owned: 'commentId, [pageId+uid], uid',
    })
    .upgrade(async (tx) => {
      await tx
        .table('comments')
        .toCollection()
        .modify((row: Partial<CommentRow>) => {
          row.anonymous ??= false;
          row.likeCount ??= 0;
          row.moderated ??= false;
        });
      await tx
        .table('outbox')
        .toCollection()
        .modify((item: OutboxItem & { commentId?: string }) => {
          item.subject ??= item.commentId ?? '';
          delete item.commentId;
        });
    });
  // 3: the people directory and expert lookup: new tables only.
  db.version(3).stores({ people: 'uid, displayName', evidence: 'uid', syncCursors: 'id' });
  // 4: "this helped" marks on replies.
  db.version(4).stores({ helpful: 'replyId, pageId' });
  // 5: one home for a person: the signed-in person's own profile is their row in `people` (the
  // directory), no longer a second copy in `profiles`. The next sign-in fills it again.
  db.version(5).stores({ profiles: null });
  // 6: the timeline ("What's happening"), a new table; its cursors per section live in syncCursors.
  db.version(6).stores({ timeline: 'pageId, sectionKey, latestAt' });
  // 7: notifications: inbox items (delta-synced by updatedAt, cursor `inbox:{uid}` in syncCursors),
  // the inbox summary and the follows, per person. New tables only.
  db.version(7).stores({ inbox: 'key, uid, [uid+createdAt]', inboxState: 'uid', follows: 'uid' });
  return db;
}
