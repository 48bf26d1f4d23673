// One item of the moderation queue: the post (its page, section, writer — "Anonymous" when it was
// posted so), why it is here (reports by reason, or held for approval), who is working on it, the
// decisions this moderator may take, a note to the writer, and the item's history. A refusal by
// the callable (someone else's claim, a decision already taken, a post its writer deleted) is shown
// on the item in words, with the typed note kept; the list itself never breaks.
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../../lib/any/i18n';
import { MAX_NOTE_LENGTH, REPORT_REASONS, type ModerationAction, type QueueDecision, type ReportReason } from '../../../lib/core/moderation/model';
import { actionsFor, claimState, failureMessageKey, noteProblem, topReason, type QueueItemWithId } from '../../../lib/core/moderation/queue-view';
import { RelativeTime } from '../../common/RelativeTime';
import { useConsole } from '../console-services';

export interface QueueItemCardProps {
  item: QueueItemWithId;
  me: string | null;
  now: number;
  sectionName: string;
  /** Called with what happened, after a decision the server accepted. */
  onDecided(message: string): void;
}

const DONE: Record<Exclude<ModerationAction, 'claim' | 'release'>, MessageKey> = {
  keep: 'modDone_keep',
  hide: 'modDone_hide',
  restore: 'modDone_restore',
  approve: 'modDone_approve',
  reject: 'modDone_reject',
  note: 'modDone_note',
};

const ACTION_LABEL: Record<Exclude<ModerationAction, 'claim' | 'release'>, MessageKey> = {
  keep: 'modAction_keep',
  hide: 'modAction_hide',
  restore: 'modAction_restore',
  approve: 'modAction_approve',
  reject: 'modAction_reject',
  note: 'modAction_note',
};

function HistoryEntry({ decision, now }: { decision: QueueDecision; now: number }) {
  return (
    <li>
      {t(`modHistory_${decision.action}`, decision.by.name)}
      {decision.reason && <> ({t(`modReason_${decision.reason}`)})</>}, <RelativeTime at={decision.at} now={now} />
      {decision.note && <blockquote class="mod-note">{decision.note}</blockquote>}
    </li>
  );
}

export function QueueItemCard({ item, me, now, sectionName, onDecided }: QueueItemCardProps) {
  const { moderation } = useConsole();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [reason, setReason] = useState<ReportReason>(topReason(item.reasons) ?? 'attack');
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState('');
  const claim = claimState(item.claim, me, now);
  const id = (part: string) => `q-${item.id}-${part}`;
  const actions = actionsFor(item);

  const run = async (action: ModerationAction) => {
    if (busy) return;
    if (action === 'note') {
      const wrong = noteProblem(note);
      if (wrong) {
        setProblem(failureMessageKey(wrong === 'noteTooLong' ? 'noteTooLong' : 'noteEmpty'));
        return;
      }
    }
    setBusy(true);
    setProblem(null);
    const outcome = await moderation.moderate({
      queueId: item.id,
      action,
      ...(action === 'hide' ? { reason } : {}),
      ...(action === 'note' ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!outcome.ok) {
      setProblem(failureMessageKey(outcome.failure));
      return;
    }
    if (action === 'note') {
      setNote('');
      setNoteOpen(false);
    }
    if (action !== 'claim' && action !== 'release') onDecided(t(DONE[action]));
  };

  const reasons = REPORT_REASONS.filter((r) => (item.reasons[r] ?? 0) > 0);
  const headingId = id('title');
  return (
    <article class={`mod-item status-${item.status}`} data-queue-id={item.id} aria-labelledby={headingId} tabIndex={-1}>
      <header>
        <h2 id={headingId}>
          <a href={item.url} target="_blank" rel="noreferrer">
            {item.title || item.url}
          </a>
        </h2>
        <p class="muted">
          {sectionName} · {t(`modStatus_${item.status}`)} · <RelativeTime at={item.latestAt} now={now} />
        </p>
      </header>
      <p class="mod-why">
        {item.held ? t('modHeldWaiting') : item.reportCount === 1 ? t('modReportedOnce') : t('modReportedTimes', item.reportCount)}
        {reasons.length > 0 && <>: {reasons.map((r) => t('modReasonCount', t(`modReason_${r}`), item.reasons[r] ?? 0)).join(', ')}</>}
      </p>
      <p class="mod-author">
        {t('modWrittenBy')} <strong>{item.anonymous ? t('anonymousAuthor') : (item.authorName ?? t('anonymousAuthor'))}</strong>
      </p>
      <blockquote class="mod-excerpt">{item.excerpt || t('modNoText')}</blockquote>

      <p class="mod-claim" role="status">
        {claim.kind === 'other' ? t('modClaimedBy', claim.name) : claim.kind === 'mine' ? t('modClaimedByYou') : ''}
      </p>
      <div class="actions mod-actions" role="group" aria-label={t('modActionsFor', item.title || item.url)}>
        {claim.kind === 'free' && (
          <button type="button" class="secondary" disabled={busy} onClick={() => void run('claim')}>
            {t('modClaim')}
          </button>
        )}
        {claim.kind === 'mine' && (
          <button type="button" class="secondary" disabled={busy} onClick={() => void run('release')}>
            {t('modRelease')}
          </button>
        )}
        {actions.includes('hide') && (
          <span class="mod-hide">
            <label for={id('reason')}>{t('modHideReason')}</label>
            <select
              id={id('reason')}
              value={reason}
              disabled={claim.kind === 'other'}
              onChange={(event) => setReason(event.currentTarget.value as ReportReason)}
            >
              {REPORT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`modReason_${r}`)}
                </option>
              ))}
            </select>
          </span>
        )}
        {actions
          .filter((a) => a !== 'note')
          .map((action) => (
            <button
              key={action}
              type="button"
              class={action === 'hide' || action === 'reject' ? 'danger' : undefined}
              disabled={busy || claim.kind === 'other'}
              onClick={() => void run(action)}
            >
              {t(ACTION_LABEL[action])}
            </button>
          ))}
        <button type="button" class="link" aria-expanded={noteOpen} aria-controls={id('note-form')} onClick={() => setNoteOpen(!noteOpen)}>
          {t('modAction_note')}
        </button>
      </div>
      {noteOpen && (
        <form
          id={id('note-form')}
          class="mod-note-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run('note');
          }}
        >
          <label for={id('note')}>{item.anonymous ? t('modNoteLabelAnonymous') : t('modNoteLabel')}</label>
          <textarea
            id={id('note')}
            rows={3}
            maxLength={MAX_NOTE_LENGTH}
            value={note}
            onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)}
          />
          <button type="submit" disabled={busy || claim.kind === 'other'}>
            {t('modSendNote')}
          </button>
        </form>
      )}
      {problem && (
        <p class="error" role="alert">
          {t(problem)}
        </p>
      )}
      <details class="mod-history">
        <summary>{t('modHistory', item.history.length)}</summary>
        {item.history.length === 0 ? (
          <p class="muted">{t('modHistoryEmpty')}</p>
        ) : (
          <ol>
            {[...item.history].reverse().map((decision, i) => (
              <HistoryEntry key={i} decision={decision} now={now} />
            ))}
          </ol>
        )}
      </details>
    </article>
  );
}
