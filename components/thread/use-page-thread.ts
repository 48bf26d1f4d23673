// One page's thread for the signed-in person: keeps Dexie in step with Firestore while the page
// is shown, reads the thread and the person's own facts about it live from Dexie, reports the
// page's counts to the background (badge, launcher), and offers the thread's actions.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageIdentity } from '../../lib/any/page-identity';
import { buildThread, type ThreadNode } from '../../lib/core/comment-tree';
import type { CommentRow, PageRow } from '../../lib/core/rows';
import { likeKey } from '../../lib/core/schema';
import {
  deleteComment,
  discardRefused,
  dismissLikeRefusal,
  editComment,
  markHelpful,
  postComment,
  retryRefused,
  setLike,
} from '../../lib/data/outbox/commands';
import { watchAnonymousPosting } from '../../lib/data/outbox/posting-settings';
import { likedBy } from '../../lib/data/thread/liked-by';
import { followAlias, syncThread } from '../../lib/data/thread/thread-sync';
import { useServices } from '../app/services';
import { useLiveQuery } from '../hooks/use-live-query';
import type { ThreadActions } from './CommentItem';
import type { Reader } from './reader-context';
import { canModerate } from '../../lib/core/membership';
import { canUse, type PageAccess } from '../../lib/core/rollout';
import { noteThreadOpened } from '../../lib/data/insights/reading-events';
import type { Premoderation } from '../../lib/core/moderation/model';
import { isHeld } from '../../lib/core/moderation/premoderation';
import { REST_SECTION } from '../../lib/core/moderation/queue-view';
import { refreshHeldPosts } from '../../lib/data/moderation/held-posts';
import { alreadyReported, onReportedChange, reportedHere, sendReport } from '../../lib/data/moderation/report';

const NO_ONE: ReadonlySet<string> = new Set();

export interface PageThread {
  /**
   * The page whose thread this is: the tab's own page, or the page it stands for when its page
   * document says it is an alias (comms added the old URL, or moved the page). Null: no page.
   */
  page: PageIdentity | null;
  /** True while the tab's page is an alias and the thread shown is the other page's. */
  followsAlias: boolean;
  rows: CommentRow[];
  nodes: ThreadNode[];
  pageRow: PageRow | undefined;
  reader: Reader;
  /** The error code when the thread could not be loaded from the server. */
  loadError: string | null;
  /** Null when the person cannot write yet (no profile, or no page). */
  actions: ThreadActions | null;
  /** What rollout gives the person on the page shown (the alias's target when it follows one); null while unknown. */
  access: PageAccess | null;
}

/** What rollout gives the signed-in person on a page URL; null while rollout or the person is unknown. */
export type AccessAt = (url: string) => PageAccess | null;

const NOT_KNOWN: AccessAt = () => null;

/**
 * The thread of `tabPage` (null: no intranet page) as the signed-in person sees it, with what
 * rollout gives them on the page shown (`accessAt`; unknown: write nothing) — the page the rules
 * will check, so an alias's target, not the tab's URL — and the running pilots' ambassadors.
 */
export function usePageThread(
  tabPage: PageIdentity | null,
  accessAt: AccessAt = NOT_KNOWN,
  ambassadors: ReadonlySet<string> = NO_ONE,
  premoderationAt: (url: string) => Premoderation = () => 'off',
): PageThread {
  const { db, fb, config, link, session } = useServices();
  const tabPageId = tabPage?.pageId;
  // Whom the tab's page stands for, as its page document last said (kept in Dexie by the page
  // listener): "<pageId> <url>", null for none, undefined until Dexie has answered.
  const alias = useLiveQuery<string | null | undefined>(
    async () => {
      if (!tabPageId) return null;
      const row = await db.pages.get(tabPageId);
      return row?.aliasOf ? `${row.aliasOf} ${row.aliasUrl ?? ''}` : null;
    },
    [tabPageId],
    undefined,
  );
  const page: PageIdentity | null = useMemo(() => {
    if (!tabPage || !alias) return tabPage;
    const [pageId, url] = alias.split(' ');
    // The tab's own title: the page it stands for may be known under an older one.
    return { pageId: pageId!, url: url || tabPage.url, title: tabPage.title };
  }, [tabPage, alias]);
  const access = useMemo(() => (page ? accessAt(page.url) : null), [page?.url, accessAt]);
  const premoderation = useMemo(() => (page ? premoderationAt(page.url) : 'off'), [page?.url, premoderationAt]);
  const uid = session.person.value?.uid ?? null;
  const authUid = session.authUid.value;
  const readyUid = session.readyUid.value;
  const profile = session.profile.value;
  // A moderator everywhere, or of the section rollout puts this page in.
  const moderator = canModerate(session.roles.value, access?.sectionId ?? undefined);
  // A community manager of the page's section (or of the rest of the intranet, `_rest`, as the rules key it).
  const sectionKey = access ? (access.sectionId ?? REST_SECTION) : null;
  const communityManager = sectionKey !== null && (session.roles.value.communityManager ?? []).includes(sectionKey);
  // What this person reported, as this browser knows it (lib/data/moderation/report.ts).
  const [reported, setReported] = useState<ReadonlySet<string>>(() => (uid ? reportedHere(uid) : NO_ONE));
  useEffect(() => {
    const read = () => setReported(uid ? reportedHere(uid) : NO_ONE);
    read();
    return onReportedChange(read);
  }, [uid]);
  const pageId = page?.pageId;
  const [loadError, setLoadError] = useState<string | null>(null);
  // The organisation's live setting (config/settings), the bundled default until it answers.
  const [anonymousPosting, setAnonymousPosting] = useState(config.settings.anonymousPosting);

  useEffect(() => {
    if (!authUid) return;
    return watchAnonymousPosting(fb.firestore, config.settings.anonymousPosting, setAnonymousPosting);
  }, [authUid]);

  // Mirror the page's thread into Dexie while it is on screen and its reader's data is in place.
  // An alias known from an earlier visit goes straight to the other page's thread, listening to
  // the alias's own page document only; otherwise the page's own sync hears of a new alias on its
  // page document, and this effect switches over.
  useEffect(() => {
    setLoadError(null);
    if (!authUid || !page || !tabPage || readyUid !== authUid || alias === undefined) return;
    const onError = (error: unknown) => setLoadError(String((error as { code?: string }).code ?? error));
    const stopThread = syncThread(fb.firestore, db, page, authUid, onError);
    if (page.pageId === tabPage.pageId) return stopThread;
    const stopAlias = followAlias(fb.firestore, db, tabPage.pageId, onError);
    return () => {
      stopThread();
      stopAlias();
    };
  }, [authUid, pageId, tabPageId, readyUid, alias === undefined]);

  // Insights' readers figure: this person opened this page's thread (once a day; only where the layer shows).
  const layerShows = access !== null && access.mode !== 'off';
  useEffect(() => {
    if (authUid && page && readyUid === authUid && layerShows) noteThreadOpened(fb.firestore, authUid, page);
  }, [authUid, pageId, readyUid, layerShows]);

  const rows = useLiveQuery(() => (pageId ? db.comments.where('pageId').equals(pageId).toArray() : []), [pageId], []);
  const pageRow = useLiveQuery(() => (pageId ? db.pages.get(pageId) : undefined), [pageId], undefined);
  const myLikes = useLiveQuery(() => (pageId && uid ? db.likes.where('[pageId+uid]').equals([pageId, uid]).toArray() : []), [pageId, uid], []);
  const myOwned = useLiveQuery(() => (pageId && uid ? db.owned.where('[pageId+uid]').equals([pageId, uid]).toArray() : []), [pageId, uid], []);
  const marks = useLiveQuery(() => (pageId ? db.helpful.where('pageId').equals(pageId).toArray() : []), [pageId], []);

  const reader: Reader = useMemo(
    () => ({
      me: uid,
      owned: new Set(myOwned.map((row) => row.commentId)),
      likes: new Map(myLikes.map((row) => [row.targetId, row])),
      moderator,
      anonymousPosting: anonymousPosting && access !== null && canUse(access, 'anonymous'),
      helpful: new Set(marks.map((mark) => mark.replyId)),
      canComment: access !== null && canUse(access, 'comments'),
      canLike: access !== null && canUse(access, 'likes'),
      ambassadors,
      communityManager,
      reported,
      premoderation,
    }),
    [uid, myOwned, myLikes, moderator, marks, anonymousPosting, access, ambassadors, communityManager, reported, premoderation],
  );
  const nodes = useMemo(() => buildThread(rows), [rows]);

  // The author's posts waiting for a moderator: asked about once per visit (a rejection has no listener).
  const waiting = rows
    .filter((row) => row.held && row.syncState === 'synced' && !row.notApproved)
    .map((row) => row.id)
    .join();
  useEffect(() => {
    if (waiting && authUid && readyUid === authUid) void refreshHeldPosts(fb.firestore, db, rows);
  }, [waiting, authUid, readyUid]);

  // The page's counts as the server has them, for the toolbar badge and the in-page launcher.
  const serverCount = pageRow?.commentCount;
  const serverLikes = pageRow?.likeCount ?? 0;
  useEffect(() => {
    if (!pageId || serverCount === null || serverCount === undefined) return;
    link.reportCounts(pageId, { comments: serverCount, likes: serverLikes });
    // The tab's launcher and badge, when it shows an alias: the thread it leads to.
    if (tabPageId && tabPageId !== pageId) link.reportCounts(tabPageId, { comments: serverCount, likes: serverLikes });
  }, [pageId, tabPageId, serverCount, serverLikes]);

  const actions: ThreadActions | null = useMemo(() => {
    if (!uid || !profile || !page) return null;
    const author = { uid, displayName: profile.displayName };
    const after = <T>(result: T) => {
      link.kickOutbox();
      return result;
    };
    const facts = { url: page.url, title: page.title };
    return {
      post: async (parentId, text, { anonymous, mentions }) =>
        after(
          await postComment(db, author, {
            pageId: page.pageId,
            parentId,
            text,
            anonymous,
            mentions,
            page: facts,
            held: isHeld(premoderation, anonymous === true),
          }),
        ),
      edit: async (comment, text) => after(await editComment(db, uid, comment.id, text)),
      remove: async (comment) => after(await deleteComment(db, uid, comment.id)),
      report: (comment, reason, text) => sendReport(fb.firestore, { pageId: comment.pageId, commentId: comment.id, uid, reason, text }),
      checkReported: (comment) => alreadyReported(fb.firestore, comment.pageId, comment.id, uid),
      markHelpful: async (reply) => after(await markHelpful(db, uid, reply)),
      retry: async (comment) => after(await retryRefused(db, comment.id)),
      discard: (comment) => discardRefused(db, comment.id),
      like: async (targetId, active) => after(await setLike(db, uid, { pageId: page.pageId, targetId, page: facts }, active)),
      dismissLikeRefusal: (targetId) => dismissLikeRefusal(db, likeKey(page.pageId, targetId, uid)),
      likedBy: (targetId) => likedBy(fb.firestore, page.pageId, targetId),
    };
  }, [uid, profile, page, premoderation]);

  return { page, followsAlias: Boolean(page && tabPage && page.pageId !== tabPage.pageId), rows, nodes, pageRow, reader, loadError, actions, access };
}
