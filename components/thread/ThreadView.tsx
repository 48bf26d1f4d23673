// The discussion of one intranet page: its title and count, likes of the page, the composer and
// the thread. Reads everything from Dexie (instant, offline); writes go through the outbox.
import type { ComponentChildren } from 'preact';
import { t } from '../../lib/any/i18n';
import type { CommentRow } from '../../lib/core/rows';
import type { PageIdentity } from '../../lib/any/page-identity';
import type { PageAccess } from '../../lib/core/rollout';
import { visibleCount } from '../../lib/core/comment-tree';
import { draftKey } from '../../lib/data/drafts';
import { AnnouncementNote } from './AnnouncementNote';
import { Composer } from './Composer';
import { LikeControl } from './LikeControl';
import { ReaderContext } from './reader-context';
import { Thread } from './Thread';
import { PageUrlContext } from './CopyLink';
import type { PageThread } from './use-page-thread';

export interface ThreadViewProps {
  page: PageIdentity;
  /** The page's thread (usePageThread), kept by the app so it stays in sync whichever view shows. */
  thread: PageThread;
  now: number;
  /** The person has no profile yet: they can read, not write. */
  noProfile: boolean;
  /** What rollout gives the person on this page; null while not known yet. */
  access: PageAccess | null;
  /** A comment a notification or shared link points at: scrolled to and highlighted. */
  focusId?: string | null;
  /** The reader's previous visit (epoch ms): newer comments by others are marked. */
  newSince?: number | null;
  /** Follow controls (components/notifications), shown under the title. */
  follow?: ComponentChildren;
}

export function ThreadView({ page, thread, now, noProfile, access, focusId = null, newSince = null, follow }: ThreadViewProps) {
  const { rows, nodes, pageRow, reader, loadError, actions } = thread;
  const count = visibleCount(rows);
  if (access === null) return <section class="page" aria-busy="true" />;
  if (access.mode === 'off') {
    return (
      <section class="page layer-off" aria-labelledby="page-title">
        <h1 id="page-title">{page.title}</h1>
        {focusId && (
          <p class="notice" role="alert">
            {t('linkedPageHidden')}
          </p>
        )}
        <p class="notice">{t('layerOffHere')}</p>
      </section>
    );
  }
  return (
    <ReaderContext.Provider value={reader}>
      <PageUrlContext.Provider value={page.url}>
        <section class="page" aria-labelledby="page-title">
          <h1 id="page-title">{page.title}</h1>
          {follow}
          {thread.followsAlias && <p class="alias-note">{t('threadAliasNote')}</p>}
          {focusId && linkedGone(rows, focusId) && (
            <p class="notice linked-gone" role="alert">
              {t('linkedCommentGone')}
            </p>
          )}
          {pageRow?.announcement && <AnnouncementNote announcement={pageRow.announcement} now={now} />}
          <p class="count" aria-live="polite">
            {count === 1 ? t('commentsCountOne') : t('commentsCount', count)}
          </p>
          <div class="page-likes">
            <p class="question">{t('pageLikesQuestion')}</p>
            <LikeControl
              targetId="page"
              serverCount={pageRow?.likeCount ?? 0}
              label={(likes) => t('likeThisPage', likes)}
              actions={reader.canLike ? actions : null}
            />
          </div>
          {loadError && (
            <p class="error" role="alert">
              {t('loadError', loadError)}
            </p>
          )}
          {noProfile && <p class="notice">{t('noProfile')}</p>}
          {access.mode === 'read' && <p class="notice">{t('layerReadOnlyHere')}</p>}
          {access.mode === 'on' && !access.features.comments && <p class="notice">{t('commentsOffHere')}</p>}
          {actions && reader.canComment && (
            <Composer
              id="new-comment"
              label={t('composerLabel')}
              submitLabel={t('post')}
              draftKey={draftKey({ pageId: page.pageId, parentId: null })}
              offerAnonymous
              onSubmit={(text, options) => actions.post(null, text, options)}
            />
          )}
          <Thread nodes={nodes} now={now} actions={actions} focusId={focusId} newSince={newSince} />
        </section>
      </PageUrlContext.Provider>
    </ReaderContext.Provider>
  );
}

/**
 * A linked comment that is not there to show: deleted, hidden by a moderator, or unknown once the
 * thread has loaded (an empty thread counts as loaded: the link points at nothing).
 */
function linkedGone(rows: CommentRow[], id: string): boolean {
  const row = rows.find((r) => r.id === id);
  return row ? row.deleted : true;
}
