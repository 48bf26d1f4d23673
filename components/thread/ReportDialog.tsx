// "Report this comment": a small modal dialog (the browser's own <dialog>, so focus stays inside
// and Escape closes it) with the reasons as a radio group and a text, required for "other". The
// text is kept while the dialog is open whatever happens: no connection, a refusal, a slow server.
// Where it sends and why not through the outbox: lib/data/moderation/report.ts.
import { useEffect, useRef, useState } from 'preact/hooks';
import './moderation.css';
import { t, type MessageKey } from '../../lib/any/i18n';
import { MAX_REPORT_TEXT, REPORT_REASONS, type ReportReason } from '../../lib/core/moderation/model';
import { failureMessageKey, reportProblem, type ModerationFailure } from '../../lib/core/moderation/queue-view';
import type { ReportOutcome } from '../../lib/data/moderation/report';

export interface ReportDialogProps {
  /** Makes the ids unique in the thread. */
  commentId: string;
  /** Who wrote it, as the thread shows it ("Anonymous" for an anonymous post). */
  author: string;
  excerpt: string;
  /** The server says this reader reported it already (asked as the dialog opened). */
  known: boolean;
  send(reason: ReportReason, text: string): Promise<ReportOutcome>;
  /** Closes the dialog; `reported` when the report landed (or was there already). */
  onClose(reported: boolean): void;
}

export function ReportDialog({ commentId, author, excerpt, known, send, onClose }: ReportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [done, setDone] = useState(false);
  const id = (part: string) => `report-${commentId}-${part}`;

  useEffect(() => {
    if (!known || done) return;
    setDone(true);
    setMessage(failureMessageKey('alreadyReported'));
  }, [known]);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal?.();
    // Focus starts on the first reason (not left to the browser's choice of first focusable).
    el?.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
    return () => el?.close?.();
  }, []);

  const problem = reportProblem(reason, text);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (problem) {
      setMessage(`modReportProblem_${problem}`);
      return;
    }
    setBusy(true);
    setMessage(null);
    const outcome = await send(reason!, text);
    setBusy(false);
    if (outcome.ok) {
      setDone(true);
      setMessage('modReportThanks');
    } else {
      setMessage(failureMessageKey(outcome.failure as ModerationFailure));
      if (outcome.failure === 'alreadyReported') setDone(true);
    }
  };

  return (
    <dialog
      ref={dialog}
      class="report-dialog"
      aria-labelledby={id('title')}
      aria-describedby={id('about')}
      onCancel={(event) => {
        event.preventDefault();
        onClose(done);
      }}
    >
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={id('title')}>{t('modReportTitle')}</h2>
        <p id={id('about')} class="muted">
          {t('modReportAbout', author, excerpt.length > 80 ? `${excerpt.slice(0, 80)}…` : excerpt)}
        </p>
        {!done && (
          <>
            <fieldset>
              <legend>{t('modReportReason')}</legend>
              {REPORT_REASONS.map((r) => (
                <label key={r} class="report-reason">
                  <input type="radio" name={id('reason')} value={r} checked={reason === r} onChange={() => setReason(r)} /> {t(`modReason_${r}`)}
                </label>
              ))}
            </fieldset>
            <label for={id('text')}>{reason === 'other' ? t('modReportTextRequired') : t('modReportText')}</label>
            <textarea
              id={id('text')}
              rows={3}
              maxLength={MAX_REPORT_TEXT}
              required={reason === 'other'}
              value={text}
              onInput={(event) => setText((event.target as HTMLTextAreaElement).value)}
            />
            <p class="muted">{t('modReportPrivacy')}</p>
          </>
        )}
        {message && (
          <p class={done ? 'report-done' : 'report-problem'} role={done ? 'status' : 'alert'}>
            {t(message)}
          </p>
        )}
        <div class="actions">
          {!done && (
            <button type="submit" disabled={busy} aria-busy={busy}>
              {t('modReportSend')}
            </button>
          )}
          <button type="button" class="secondary" onClick={() => onClose(done)}>
            {done ? t('modClose') : t('cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
