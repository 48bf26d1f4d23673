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
import { Avatar } from '../ui/Avatar';
import { Badge } from '../ui/Badge';
import { Icon } from '../ui/Icon';
import type { ReportReason } from '../../lib/core/moderation/model';
import type { ReportOutcome } from '../../lib/data/moderation/report';
import { ReportDialog } from './ReportDialog';

/** What a reader can do in a thread; provided by the app. */
export interface ThreadActions extends LikeActions {
  /** Posts a new top-level comment (parentId null) or a reply, named or anonymous. */
  post(parentId: string | null, text: string, options: PostOptions): Promise<TextCheck>;
  edit(comment: CommentRow, text: string): Promise<TextCheck>;
  remove(comment: CommentRow): Promise<void>;
  /** Reports someone else's comment to the moderators (lib/data/moderation/report.ts). */
  report(comment: CommentRow, reason: ReportReason, text: string): Promise<ReportOutcome>;
  /** Asks the server whether the reader reported this comment before (null: can't tell now). */
  checkReported(comment: CommentRow): Promise<boolean | null>;
  /** The asker, or a community manager of the section, marks a reply to a question "this helped". */
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
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmDelete' | 'report'>('view');
  // Set when the server said (on opening the dialog) that this reader reported it from elsewhere.
  const [reportedElsewhere, setReportedElsewhere] = useState(false);
  const reportTarget = useRef<HTMLElement | null>(null);
  const keepTarget = (el: HTMLElement | null) => {
    reportTarget.current = el;
  };
  const [copied, setCopied] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const mine = actions !== null && isMine(reader, comment);
  // The reader's own anonymous post: nothing per-person may be added to it from their side (no
  // like, no "this helped"), since that would sign it. The rules refuse both as well.
  const ownAnonymous = comment.anonymous && isMine(reader, comment);
  const helped = reader.helpful.has(comment.id);
  // The asker, or a community manager of this page's section (not on their own reply: the rules refuse it).
  const canMarkHelpful = actions !== null && !helped && !mine && !ownAnonymous && parent !== undefined && (isMine(reader, parent) || reader.communityManager);
  // Someone else's comment that reached the server: the only kind there is to report.
  const reported = reportedElsewhere || reader.reported.has(comment.id);
  const canReport = actions !== null && !isMine(reader, comment) && comment.syncState === 'synced' && !comment.held;

  useEffect(() => {
    if (mode === 'confirmDelete') confirmButton.current?.focus();
  }, [mode]);

  if (comment.deleted) {
    return (
      <article class={`comment deleted${comment.moderated ? ' moderated' : ''}`} data-comment-id={comment.id}>
        <Icon name={comment.moderated ? 'hide' : 'trash'} />
        <p>
          {comment.moderated
            ? comment.moderationReason
              ? t('modHiddenWithReason', t(`modReason_${comment.moderationReason}`))
              : t('moderatedPlaceholder')
            : t('deletedPlaceholder')}
        </p>
      </article>
    );
  }

  const author = authorLabel(comment, mine);
  const headingId = `c-${comment.id}-author`;
  // A named author who is in the directory: their name opens their card (never for anonymous posts).
  const person = comment.authorUid ? lookup(comment.authorUid) : undefined;
  const Heading: Heading = parent ? 'h4' : 'h3';
  const state = ['comment', comment.syncState, isMine(reader, comment) ? 'mine' : '', comment.anonymous ? 'anonymous' : '', helped ? 'helped-answer' : '']
    .concat(comment.held ? ['held'] : [])
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
          {comment.held && comment.syncState !== 'refused' && (
            <span class="state held" role="status">
              <Icon name="clock" />
              {comment.notApproved ? t('modNotApproved') : t('modWaitingForModerator')}
            </span>
          )}
          {comment.syncState === 'pending' && !comment.held && (
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

        {mode === 'confirmDelete' && actions && (
          <ConfirmBar
            question={t('confirmDelete')}
            yes={t('confirmDeleteYes')}
            yesRef={confirmButton}
            onYes={() => {
              setMode('view');
              void actions.remove(comment);
            }}
            onNo={() => setMode('view')}
          />
        )}

        {mode === 'report' && actions && (
          <ReportDialog
            commentId={comment.id}
            author={author}
            excerpt={comment.text}
            known={reportedElsewhere}
            send={(reason, text) => actions.report(comment, reason, text)}
            onClose={(landed) => {
              if (landed) setReportedElsewhere(true);
              setMode('view');
              // Back to where the reader was (the button, or the "You reported this" mark in its place).
              requestAnimationFrame(() => reportTarget.current?.focus());
            }}
          />
        )}

        {mode === 'view' && (
          <footer class="comment-footer">
            {!comment.held && (
              <LikeControl
                targetId={comment.id}
                serverCount={comment.likeCount}
                label={(count) => t('likeCommentBy', author, count)}
                actions={reader.canLike ? actions : null}
                ownAnonymous={ownAnonymous}
              />
            )}
            {actions && canReply && reader.canComment && !comment.held && (
              <button type="button" class="ghost" aria-label={t('replyTo', author)} onClick={onReply}>
                <Icon name="reply" />
                {t('reply')}
              </button>
            )}
            {mine && reader.canComment && !comment.held && (
              <button type="button" class="ghost" aria-label={t('editComment', snippet(comment.text))} onClick={() => setMode('edit')}>
                <Icon name="edit" />
                {t('edit')}
              </button>
            )}
            {mine && !comment.held && (
              <button type="button" class="ghost" aria-label={t('deleteComment', snippet(comment.text))} onClick={() => setMode('confirmDelete')}>
                <Icon name="trash" />
                {t('delete')}
              </button>
            )}
            {canReport &&
              (reported ? (
                <span class="reported" tabIndex={-1} ref={keepTarget}>
                  <Icon name="flag" />
                  {t('modYouReported')}
                </span>
              ) : (
                <button
                  type="button"
                  class="ghost"
                  ref={keepTarget}
                  aria-label={t('modReportComment', snippet(comment.text))}
                  aria-haspopup="dialog"
                  onClick={() => {
                    setMode('report');
                    // Reported from another browser? Then the dialog's answer says so; the mark shows after.
                    void actions.checkReported(comment).then((yes) => yes && setReportedElsewhere(true));
                  }}
                >
                  <Icon name="flag" />
                  {t('modReport')}
                </button>
              ))}
            {actions && comment.notApproved && isMine(reader, comment) && (
              <button
                type="button"
                class="ghost"
                aria-label={t('modRemoveNotApprovedLabel', snippet(comment.text))}
                onClick={() => void actions.discard(comment)}
              >
                <Icon name="trash" />
                {t('modRemoveNotApproved')}
              </button>
            )}
            {canMarkHelpful && (
              <button type="button" class="secondary small" aria-label={t('markHelpfulFor', author)} onClick={() => void actions.markHelpful(comment)}>
                <Icon name="check" />
                {t('markHelpful')}
              </button>
            )}
            {comment.syncState === 'synced' && !comment.held && <CopyLink commentId={comment.id} label={t('copyLinkTo', snippet(comment.text))} />}
          </footer>
        )}
      </div>
    </article>
  );
}
