// One comment (or reply): author, time, text, its sync state, and the actions its author may take.
import { CopyLink } from './CopyLink';
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
      <article class="comment deleted" data-comment-id={comment.id}>
        <p>{comment.moderated ? t('moderatedPlaceholder') : t('deletedPlaceholder')}</p>
      </article>
    );
  }

  const author = authorLabel(comment, mine);
  const headingId = `c-${comment.id}-author`;
  // A named author who is in the directory: their name opens their card (never for anonymous posts).
  const person = comment.authorUid ? lookup(comment.authorUid) : undefined;

  return (
    <article class={`comment ${comment.syncState}`} data-comment-id={comment.id} aria-labelledby={headingId}>
      <header>
        <strong id={headingId} class="author">
          {person ? (
            <button type="button" class="link person-link" aria-expanded={cardOpen} onClick={() => setCardOpen(!cardOpen)}>
              {author}
            </button>
          ) : (
            author
          )}
        </strong>{' '}
        {person?.active === false && <span class="former-colleague">({t('formerColleague')}) </span>}
        {!comment.anonymous && (
          <RoleLabels
            roles={person?.roles}
            pilotAmbassador={comment.authorUid !== null && comment.authorUid !== undefined && reader.ambassadors.has(comment.authorUid)}
          />
        )}
        <RelativeTime at={comment.createdAt} now={now} />
        {comment.editedAt !== null && <span class="edited"> · {t('edited')}</span>}
        {comment.syncState === 'pending' && (
          <span class="state pending" role="status">
            {' '}
            · {ownAnonymous ? t('pendingAnonymous') : t('pending')}
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
            <button type="button" class="link" aria-label={t('replyTo', author)} onClick={onReply}>
              {t('reply')}
            </button>
          )}
          {mine && reader.canComment && (
            <button type="button" class="link" aria-label={t('editComment', snippet(comment.text))} onClick={() => setMode('edit')}>
              {t('edit')}
            </button>
          )}
          {mine && (
            <button type="button" class="link" aria-label={t('deleteComment', snippet(comment.text))} onClick={() => setMode('confirmDelete')}>
              {t('delete')}
            </button>
          )}
          {canHide && (
            <button type="button" class="link" aria-label={t('hideComment', snippet(comment.text))} onClick={() => setMode('confirmHide')}>
              {t('hide')}
            </button>
          )}
          {canMarkHelpful && (
            <button type="button" class="secondary" aria-label={t('markHelpfulFor', author)} onClick={() => void actions.markHelpful(comment)}>
              {t('markHelpful')}
            </button>
          )}
          {helped && <span class="helped">{t('helpedAsker')}</span>}
          {comment.syncState === 'synced' && <CopyLink commentId={comment.id} label={t('copyLinkTo', snippet(comment.text))} />}
        </footer>
      )}
    </article>
  );
}
