// A page's discussion: comments oldest first, each with its replies and a reply box on demand.
// Long threads render through a window (lib/core/thread-window.ts explains why and what it promises):
// the oldest and newest threads at once, the middle behind "show more" buttons.
import { Component } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/any/i18n';
import type { ThreadNode } from '../../lib/core/comment-tree';
import { tailKey, windowThread, type SortKey } from '../../lib/core/thread-window';
import { CommentItem, type ThreadActions } from './CommentItem';
import { Composer } from './Composer';
import { draftKey } from '../../lib/data/drafts';
import { authorLabel, isMine, ReaderContext, type Reader } from './reader-context';
import { relativeTime } from '../../lib/core/time';
import { uiLanguage } from '../../lib/any/i18n';
import { EmptyState } from '../ui/EmptyState';

export interface ThreadProps {
  nodes: ThreadNode[];
  now: number;
  actions: ThreadActions | null;
  /** A comment that must be rendered however long the thread (a link or notification points at it). */
  focusId?: string | null;
  /** Comments by others written after this time (epoch ms; the reader's previous visit) are marked new. */
  newSince?: number | null;
}

/** The reader's own comments that have not reached the server (or were refused): never hidden. */
function hasUnconfirmedOwn(reader: Reader, node: ThreadNode): boolean {
  return [node.comment, ...node.replies].some((c) => c.syncState !== 'synced' && isMine(reader, c));
}

export function Thread({ nodes, now, actions, focusId = null, newSince = null }: ThreadProps) {
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

  // A linked comment (a notification, a shared link): scrolled to, highlighted and focused once it
  // is rendered, so keyboard and screen-reader users start there too.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!focusId || focused.current === focusId) return;
    const article = list.current?.querySelector<HTMLElement>(`article[data-comment-id="${CSS.escape(focusId)}"]`);
    if (!article) return;
    focused.current = focusId;
    list.current?.querySelectorAll('.highlighted').forEach((el) => el.classList.remove('highlighted'));
    article.classList.add('highlighted');
    article.tabIndex = -1;
    article.scrollIntoView({ block: 'center' });
    article.focus({ preventScroll: true });
  });

  if (nodes.length === 0) return <EmptyState icon="chat" title={t('noComments')} class="empty" />;

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
    <>
      {/* The thread's heading, for screen readers: each comment under it is an h3 (a reply an h4). */}
      <h2 id="thread-heading" class="visually-hidden">
        {t('threadLabel')}
      </h2>
      <ol class="thread" aria-labelledby="thread-heading" ref={list}>
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
          const id = segment.node.comment.id;
          return (
            <ThreadEntry
              key={id}
              node={segment.node}
              now={now}
              actions={actions}
              replying={replyingTo === id}
              setReplyingTo={setReplyingTo}
              isNew={newSince !== null && isNewSince(reader, segment.node, newSince)}
            />
          );
        })}
      </ol>
    </>
  );
}

interface ThreadEntryProps {
  node: ThreadNode;
  now: number;
  actions: ThreadActions | null;
  replying: boolean;
  setReplyingTo(id: string | null): void;
  /** Something in it by someone else is newer than the reader's previous visit. */
  isNew?: boolean;
}

/** Whether a thread holds a comment by someone else written after `since`. */
function isNewSince(reader: Reader, node: ThreadNode, since: number): boolean {
  return [node.comment, ...node.replies].some((c) => c.createdAt > since && !c.deleted && !isMine(reader, c));
}

/** One top-level comment with its replies and, on demand, its reply box. */
function ThreadEntryView({ node: { comment, replies }, now, actions, replying, setReplyingTo, isNew = false }: ThreadEntryProps) {
  const reader = useContext(ReaderContext);
  return (
    <li data-thread={comment.id} tabIndex={-1} class={isNew ? 'new-since' : undefined}>
      {isNew && <p class="new-since-marker">{t('newSinceVisit')}</p>}
      <CommentItem comment={comment} now={now} actions={actions} canReply={!comment.deleted} onReply={() => setReplyingTo(comment.id)} />
      {(replies.length > 0 || replying) && (
        <ol class="replies">
          {replies.map((reply) => (
            <li key={reply.id}>
              <CommentItem comment={reply} now={now} actions={actions} canReply={false} parent={comment} />
            </li>
          ))}
          {replying && actions && (
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
}

/**
 * What an entry shows, as one string: its rows and the relative times they read as now. Compared
 * with the string of its last render, not with the previous props' rows: Dexie's live-query cache
 * may hand back the same row objects updated in place, so "previous" rows can already hold the new
 * values (a like count that never re-rendered taught us this).
 */
function entrySignature({ comment, replies }: ThreadNode, now: number): string {
  const lang = uiLanguage();
  return JSON.stringify([comment, replies, [comment, ...replies].map((c) => relativeTime(c.createdAt, now, lang))]);
}

/**
 * Every change in the page's rows rebuilds the whole tree, and the clock ticks every 30 seconds:
 * without this, each would re-render every shown comment of a long thread (a long task with
 * hundreds shown). An entry re-renders only when what it shows changed, or its actions or reply
 * box did. (The reader context still reaches each comment directly when likes or ownership change.)
 * A class only for shouldComponentUpdate: preact/compat's memo() would also switch on React
 * compatibility hooks for every component (onChange semantics and more).
 */
class ThreadEntry extends Component<ThreadEntryProps> {
  private shown = '';

  override shouldComponentUpdate(next: ThreadEntryProps): boolean {
    const props = this.props;
    if (props.actions !== next.actions || props.replying !== next.replying || props.setReplyingTo !== next.setReplyingTo || props.isNew !== next.isNew)
      return true;
    return entrySignature(next.node, next.now) !== this.shown;
  }

  override render() {
    this.shown = entrySignature(this.props.node, this.props.now);
    return <ThreadEntryView {...this.props} />;
  }
}
