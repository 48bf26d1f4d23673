// One comment (or reply): author, time, text, its sync state, and the actions its author may take.
import type { Ref } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/any/i18n';
import type { TextCheck } from '../../lib/core/schema';
import { Composer, type PostOptions } from './Composer';
import { draftKey } from '../../lib/data/drafts';
import { LikeControl, type LikeActions } from './LikeControl';
import { LinkifiedText } from '../common/LinkifiedText';
import { PersonLookupContext } from '../people/people-context';
import { PersonCard } from '../people/PeopleView';
import { RoleLabels } from '../people/RoleLabels';
import { authorLabel, isMine, ReaderContext } from './reader-context';
import { RelativeTime } from '../common/RelativeTime';
import type { CommentRow } from '../../lib/core/rows';
import { Avatar } from '../ui/Avatar';
import { Badge } from '../ui/Badge';
import { Icon } from '../ui/Icon';

/** What a reader can do in a thread; provided by the app. */
export interface ThreadActions extends LikeActions {
  /** Posts a new top-level comment (parentId null) or a reply, named or anonymous. */
  post(parentId: string | null, text: string, options: PostOptions): Promise<TextCheck>;
  edit(comment: CommentRow, text: string): Promise<TextCheck>;
  remove(comment: CommentRow): Promise<void>;
  /** A moderator hides someone's comment. */
  hide(comment: CommentRow): Promise<void>;
  /** The asker marks a reply to their question "this helped". */
  markHelpful(reply: CommentRow): Promise<void>;
  retry(comment: CommentRow): Promise<void>;
  discard(comment: CommentRow): Promise<void>;
}

export interface CommentItemProps {
  comment: CommentRow;
  now: number;
  /** Null when the reader cannot write (e.g. no profile yet): write buttons are hidden. */
  actions: ThreadActions | null;
  /** Offer "Reply" (top-level comments only: replies are one level deep). */
  canReply: boolean;
  /** For a reply: the question it answers (its asker may mark it "this helped"). */
  parent?: CommentRow;
  onReply?(): void;
}

/** A comment's heading level: comments are h3 under the thread's h2, replies h4, so a screen reader jumps between them. */
type Heading = 'h3' | 'h4';

/** An inline "are you sure?" for a destructive action; focus starts on its yes button. */
function ConfirmBar(props: { question: string; yes: string; yesRef: Ref<HTMLButtonElement>; onYes(): void; onNo(): void }) {
  return (
    <div class="confirm" role="group" aria-label={props.question}>
      <p>{props.question}</p>
      <button type="button" class="danger" ref={props.yesRef} onClick={props.onYes}>
        {props.yes}
      </button>
      <button type="button" class="secondary" onClick={props.onNo}>
        {t('cancel')}
      </button>
    </div>
  );
}

/** The start of a text, to tell screen-reader users which comment a button acts on. */
function snippet(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function CommentItem({ comment, now, actions, canReply, onReply, parent }: CommentItemProps) {
  const reader = useContext(ReaderContext);
  const lookup = useContext(PersonLookupContext);
  const [cardOpen, setCardOpen] = useState(false);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmDelete' | 'confirmHide'>('view');
  const [copied, setCopied] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const mine = actions !== null && isMine(reader, comment);
  // The reader's own anonymous post: nothing per-person may be added to it from their side (no
  // like, no "this helped"), since that would sign it. The rules refuse both as well.
  const ownAnonymous = comment.anonymous && isMine(reader, comment);
  const canHide = actions !== null && reader.moderator && !mine;
  const helped = reader.helpful.has(comment.id);
  const canMarkHelpful = actions !== null && !helped && !mine && !ownAnonymous && parent !== undefined && isMine(reader, parent);

  useEffect(() => {
    if (mode === 'confirmDelete' || mode === 'confirmHide') confirmButton.current?.focus();
  }, [mode]);

  if (comment.deleted) {
    return (
      <article class={`comment deleted${comment.moderated ? ' moderated' : ''}`} data-comment-id={comment.id}>
        <Icon name={comment.moderated ? 'hide' : 'trash'} />
        <p>{comment.moderated ? t('moderatedPlaceholder') : t('deletedPlaceholder')}</p>
      </article>
    );
  }

  const author = authorLabel(comment, mine);
  const headingId = `c-${comment.id}-author`;
  // A named author who is in the directory: their name opens their card (never for anonymous posts).
  const person = comment.authorUid ? lookup(comment.authorUid) : undefined;
  const Heading: Heading = parent ? 'h4' : 'h3';
  const state = ['comment', comment.syncState, isMine(reader, comment) ? 'mine' : '', comment.anonymous ? 'anonymous' : '', helped ? 'helped-answer' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <article class={state} data-comment-id={comment.id} aria-labelledby={headingId}>
      {/* Anonymous: the one neutral mark, nothing derived from the post. */}
      {comment.anonymous || !comment.authorUid ? (
        <Avatar anonymous size={parent ? 'small' : 'medium'} />
      ) : (
        <Avatar uid={comment.authorUid} name={comment.authorName ?? ''} size={parent ? 'small' : 'medium'} />
      )}
      <div class="comment-body">
        <header>
          <Heading id={headingId} class="comment-author">
            <strong class="author">
              {person ? (
                <button type="button" class="link person-link" aria-expanded={cardOpen} onClick={() => setCardOpen(!cardOpen)}>
                  {author}
                </button>
              ) : (
                author
              )}
            </strong>
          </Heading>
          {person?.active === false && <span class="former-colleague">({t('formerColleague')})</span>}
          {!comment.anonymous && (
            <RoleLabels
              roles={person?.roles}
              pilotAmbassador={comment.authorUid !== null && comment.authorUid !== undefined && reader.ambassadors.has(comment.authorUid)}
            />
          )}
          <span class="meta">
            <RelativeTime at={comment.createdAt} now={now} />
            {comment.editedAt !== null && <span class="edited"> · {t('edited')}</span>}
          </span>
          {helped && (
            <Badge tone="success" icon="check" class="helped">
              {t('helpedAsker')}
            </Badge>
          )}
          {comment.syncState === 'pending' && (
            <span class="state pending" role="status">
              <Icon name="clock" />
              {ownAnonymous ? t('pendingAnonymous') : t('pending')}
            </span>
          )}
        </header>

        {cardOpen && person && <PersonCard person={person} idPrefix={`card-${comment.id}`} onClose={() => setCardOpen(false)} />}

        {mode === 'edit' && actions ? (
          <Composer
            id={`edit-${comment.id}`}
            label={t('editLabel')}
            submitLabel={t('save')}
            draftKey={draftKey({ editOf: comment.id })}
            initialText={comment.text}
            autoFocus
            onCancel={() => setMode('view')}
            onSubmit={async (text) => {
              const result = await actions.edit(comment, text);
              if (result.ok) setMode('view');
              return result;
            }}
          />
        ) : (
          <p class="text">
            <LinkifiedText text={comment.text} />
          </p>
        )}

        {comment.syncState === 'refused' && actions && (
          <div class="refusal" role="alert">
            <p>{t((comment.refusal as MessageKey | undefined) ?? 'refusedInvalid')}</p>
            <div class="actions">
              <button type="button" onClick={() => void actions.retry(comment)}>
                {t('retry')}
              </button>
              <button
                type="button"
                onClick={() =>
                  void navigator.clipboard.writeText(comment.text).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
                }
              >
                {copied ? t('copied') : t('copy')}
              </button>
              <button type="button" class="danger" onClick={() => void actions.discard(comment)}>
                {t('discard')}
              </button>
            </div>
          </div>
        )}

        {(mode === 'confirmDelete' || mode === 'confirmHide') && actions && (
          <ConfirmBar
            question={mode === 'confirmDelete' ? t('confirmDelete') : t('confirmHide')}
            yes={mode === 'confirmDelete' ? t('confirmDeleteYes') : t('confirmHideYes')}
            yesRef={confirmButton}
            onYes={() => {
              setMode('view');
              void (mode === 'confirmDelete' ? actions.remove(comment) : actions.hide(comment));
            }}
            onNo={() => setMode('view')}
          />
        )}

        {mode === 'view' && (
          <footer class="comment-footer">
            <LikeControl
              targetId={comment.id}
              serverCount={comment.likeCount}
              label={(count) => t('likeCommentBy', author, count)}
              actions={reader.canLike ? actions : null}
              ownAnonymous={ownAnonymous}
            />
            {actions && canReply && reader.canComment && (
              <button type="button" class="ghost" aria-label={t('replyTo', author)} onClick={onReply}>
                <Icon name="reply" />
                {t('reply')}
              </button>
            )}
            {mine && reader.canComment && (
              <button type="button" class="ghost" aria-label={t('editComment', snippet(comment.text))} onClick={() => setMode('edit')}>
                <Icon name="edit" />
                {t('edit')}
              </button>
            )}
            {mine && (
              <button type="button" class="ghost" aria-label={t('deleteComment', snippet(comment.text))} onClick={() => setMode('confirmDelete')}>
                <Icon name="trash" />
                {t('delete')}
              </button>
            )}
            {canHide && (
              <button type="button" class="ghost" aria-label={t('hideComment', snippet(comment.text))} onClick={() => setMode('confirmHide')}>
                <Icon name="hide" />
                {t('hide')}
              </button>
            )}
            {canMarkHelpful && (
              <button type="button" class="secondary small" aria-label={t('markHelpfulFor', author)} onClick={() => void actions.markHelpful(comment)}>
                <Icon name="check" />
                {t('markHelpful')}
              </button>
            )}
          </footer>
        )}
      </div>
    </article>
  );
}
