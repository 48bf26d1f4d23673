// The hooks the Sections and Pilot groups views share: the rollout document live, people's names
// for the uids pilot groups store, and saving one edit
// with the same checks the server makes run here first, so most mistakes are named before anything
// is sent and the form keeps what was typed.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../../lib/any/i18n';
import { NO_ROLLOUT, type Rollout } from '../../../lib/core/rollout';
import { applyRolloutEdit, parseRolloutEdit, RolloutError, type RolloutEdit } from '../../../lib/core/rollout-edit';
import type { PersonRow } from '../../../lib/core/rows';
import type { RolloutFailure, RolloutOutcome, RolloutState } from '../../../lib/data/console/rollout';
import { useConsole } from '../console-services';
import { rolloutProblemText } from './rollout-text';

/** `config/rollout`, followed while the view is open (from `initial`, when the caller has it). */
export function useRolloutState(initial?: RolloutState): RolloutState {
  const { rollout } = useConsole();
  const [state, setState] = useState<RolloutState>(initial ?? { rollout: NO_ROLLOUT, loaded: false });
  useEffect(() => rollout.watch(setState), []);
  return state;
}

/** A person's name from the directory copy by uid (pilot groups name people by uid); the uid until the copy has them. */
export function usePeopleNames(people: PersonRow[]): (uid: string) => string {
  const byUid = useMemo(() => new Map(people.map((p) => [p.uid, p.displayName])), [people]);
  return (uid) => byUid.get(uid) ?? uid;
}

const FAILURE_TEXT: Record<'offline' | 'signed-out' | 'failed', () => string> = {
  offline: () => t('consoleProblemOffline'),
  'signed-out': () => t('consoleProblemSignedOut'),
  failed: () => t('consoleProblemFailed'),
};

/** A refusal or failure in words, with the value it is about. */
export function failureText(problem: RolloutFailure, subject = ''): string {
  return problem === 'offline' || problem === 'signed-out' || problem === 'failed' ? FAILURE_TEXT[problem]() : rolloutProblemText(problem, subject);
}

export interface SaveState {
  busy: boolean;
  message: { ok: boolean; text: string } | null;
  /** Counts what was said: the live region showing it takes the focus once per result, so the keyboard continues from it. */
  said: number;
  /** The last `said` a live region took the focus for. */
  focused: { current: number };
  /** Says something in the live region (a check the form made itself). */
  say(ok: boolean, text: string): void;
  /**
   * Checks `edit` against the rollout as shown, then sends it. `prepare` may refuse (throw a
   * RolloutError) or finish the edit with what needs the server (pages seen) before it is sent.
   * Resolves to true when saved; the caller then closes the form.
   */
  run(edit: RolloutEdit, done: string, prepare?: (edit: RolloutEdit) => Promise<RolloutEdit>): Promise<boolean>;
}

/**
 * One save, without the UI: the edit checked against the rollout as shown (the server's own checks,
 * lib/core/rollout-edit.ts), then `prepare` (what needs pages seen or the directory; it may refuse),
 * then sent. Resolves to what to say; `change` is never called for a mistake found here.
 */
export async function saveEdit(
  current: Rollout,
  edit: RolloutEdit,
  change: (edit: RolloutEdit) => Promise<RolloutOutcome>,
  prepare?: (edit: RolloutEdit) => Promise<RolloutEdit>,
): Promise<{ ok: true } | { ok: false; text: string }> {
  const check = (e: RolloutEdit) => applyRolloutEdit(current, parseRolloutEdit(e));
  try {
    check(edit);
    const ready = prepare ? await prepare(edit) : edit;
    if (ready !== edit) check(ready);
    const outcome = await change(ready);
    return outcome.ok ? { ok: true } : { ok: false, text: `${failureText(outcome.problem, outcome.subject)} ${t('consoleNothingChanged')}` };
  } catch (error) {
    if (!(error instanceof RolloutError)) throw error;
    return { ok: false, text: `${rolloutProblemText(error.code, error.subject)} ${t('consoleNothingChanged')}` };
  }
}

/** A pilot day (YYYY-MM-DD) as people write it in the console's language: "25 Nov 2026". */
export function dayText(day: string): string {
  const at = Date.parse(`${day}T12:00:00Z`);
  return Number.isNaN(at) ? day : new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at);
}

export function useRolloutSave(current: RolloutState['rollout']): SaveState {
  const { rollout } = useConsole();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [said, setSaid] = useState(0);
  const focused = useRef(0);
  const say = (ok: boolean, text: string) => {
    setMessage({ ok, text });
    setSaid((n) => n + 1);
  };
  const run = async (edit: RolloutEdit, done: string, prepare?: (edit: RolloutEdit) => Promise<RolloutEdit>) => {
    if (busy) return false;
    setBusy(true);
    setMessage({ ok: true, text: t('consoleSaving') });
    try {
      const saved = await saveEdit(current, edit, (e) => rollout.change(e), prepare);
      say(saved.ok, saved.ok ? done : saved.text);
      return saved.ok;
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, said, focused, say, run };
}

/**
 * Which card's form is open (`{ id }`; id null: a new one), and the focus around it: after a save
 * the result takes the focus (the save says so); after Cancel it goes back to the button that
 * opened the form, or to `fallback` (a heading's selector) when that button is gone.
 */
export function useCardEditor(fallback: string) {
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = (id: string | null, event: Event) => {
    opener.current = event.currentTarget as HTMLElement;
    setEditing({ id });
  };
  const close = (cancelled?: boolean) => {
    setEditing(null);
    if (!cancelled) return;
    setTimeout(() => (opener.current?.isConnected ? opener.current : document.querySelector<HTMLElement>(fallback))?.focus(), 0);
  };
  return { editing, open, close };
}
