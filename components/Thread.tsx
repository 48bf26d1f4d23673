// A page's discussion: comments oldest first, each with its replies and a reply box on demand.
// Long threads render through a window (lib/thread-window.ts explains why and what it promises):
// the oldest and newest threads at once, the middle behind "show more" buttons.
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { ThreadNode } from '../lib/comment-tree';
import { tailKey, windowThread, type SortKey } from '../lib/thread-window';
import { CommentItem, type ThreadActions } from './CommentItem';
import { Composer } from './Composer';
import { draftKey } from './drafts-context';
import { authorLabel, isMine, ReaderContext, type Reader } from './reader-context';

export interface ThreadProps {
  nodes: ThreadNode[];
  now: number;
  actions: ThreadActions | null;
  /** A comment that must be rendered however long the thread (a link or notification points at it). */
  focusId?: string | null;
}

/** The reader's own comments that have not reached the server (or were refused): never hidden. */
function hasUnconfirmedOwn(reader: Reader, node: ThreadNode): boolean {
  return [node.comment, ...node.replies].some((c) => c.syncState !== 'synced' && isMine(reader, c));
}

export function Thread({ nodes, now, actions, focusId = null }: ThreadProps) {
  const reader = useContext(ReaderContext);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  // Ids of threads rendered so far in this panel: the window only grows, so nothing on screen
  // vanishes when comments arrive or confirm. A ref (not state): adding to it never needs a render.
  const shown = useRef(new Set<string>());
  const tail = useRef<SortKey | null>(null);
  const [, setRevealed] = useState(0);
  const [focusAfterReveal, setFocusAfterReveal] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);

  // After "show more", focus goes to the first revealed thread, so keyboard and screen-reader
  // users read on from where the button was instead of being left below what it revealed.
  useEffect(() => {
    if (!focusAfterReveal) return;
    list.current?.querySelector<HTMLElement>(`li[data-thread="${focusAfterReveal}"]`)?.focus();
    setFocusAfterReveal(null);
  }, [focusAfterReveal]);

  if (nodes.length === 0) return <p class="empty">{t('noComments')}</p>;

  tail.current ??= tailKey(nodes);
  const segments = windowThread({
    nodes,
    shown: shown.current,
    tail: tail.current,
    keep: (node) =>
      node.comment.id === replyingTo ||
      (focusId !== null && (node.comment.id === focusId || node.replies.some((r) => r.id === focusId))) ||
      hasUnconfirmedOwn(reader, node),
  });
  for (const segment of segments) if (segment.kind === 'thread') shown.current.add(segment.node.comment.id);

  return (
    <ol class="thread" aria-label={t('threadLabel')} ref={list}>
      {segments.map((segment) => {
        if (segment.kind === 'more') {
          const first = segment.reveal[0]!.comment.id;
          // The rest of the run stays hidden after this press: say how many are hidden in all.
          const rest = segment.hiddenComments > segment.revealComments ? segment.hiddenComments : 0;
          return (
            <li key={`more-${first}`} class="more">
              <button
                type="button"
                class="secondary"
                aria-describedby={rest > 0 ? `more-${first}-rest` : undefined}
                onClick={() => {
                  for (const node of segment.reveal) shown.current.add(node.comment.id);
                  setRevealed((n) => n + 1);
                  setFocusAfterReveal(first);
                }}
              >
                {segment.revealComments === 1 ? t('showMoreCommentsOne') : t('showMoreComments', segment.revealComments)}
              </button>
              {rest > 0 && (
                <span id={`more-${first}-rest`} class="muted">
                  {' '}
                  {t('commentsNotShown', rest)}
                </span>
              )}
            </li>
          );
        }
        const { comment, replies } = segment.node;
        return (
          <li key={comment.id} data-thread={comment.id} tabIndex={-1}>
            <CommentItem
              comment={comment}
              now={now}
              actions={actions}
              canReply={!comment.deleted}
              onReply={() => setReplyingTo(comment.id)}
            />
            {(replies.length > 0 || replyingTo === comment.id) && (
              <ol class="replies">
                {replies.map((reply) => (
                  <li key={reply.id}>
                    <CommentItem comment={reply} now={now} actions={actions} canReply={false} parent={comment} />
                  </li>
                ))}
                {replyingTo === comment.id && actions && (
                  <li>
                    <Composer
                      id={`reply-${comment.id}`}
                      label={t('replyLabel', authorLabel(comment, isMine(reader, comment)))}
                      submitLabel={t('reply')}
                      draftKey={draftKey({ pageId: comment.pageId, parentId: comment.id })}
                      offerAnonymous
                      autoFocus
                      onCancel={() => setReplyingTo(null)}
                      onSubmit={async (text, options) => {
                        const result = await actions.post(comment.id, text, options);
                        if (result.ok) setReplyingTo(null);
                        return result;
                      }}
                    />
                  </li>
                )}
              </ol>
            )}
          </li>
        );
      })}
    </ol>
  );
}
