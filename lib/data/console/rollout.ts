// Rollout for the comms console: `config/rollout` followed live (a change saved by another advisor
// shows at once, and so does the server's own answer to ours), and changes through the callable
// `changeRollout` (functions/src/rollout.ts), which alone writes the document and its audit entry.
// Only the console's bundle imports this file, so `firebase/functions` never reaches the side panel.
import { doc, onSnapshot, type Firestore } from 'firebase/firestore';
import { httpsCallable, type Functions } from 'firebase/functions';
import { paths } from '../../core/paths';
import { NO_ROLLOUT, rolloutFromDoc, type Rollout } from '../../core/rollout';
import type { RolloutEdit, RolloutProblem } from '../../core/rollout-edit';

/** Why a change did not happen: the function's reasons, or the way there. Nothing was changed in any case. */
export type RolloutFailure = RolloutProblem | 'offline' | 'signed-out' | 'failed';

export type RolloutOutcome = { ok: true } | { ok: false; problem: RolloutFailure; subject: string };

export interface RolloutState {
  rollout: Rollout;
  /** False until the server (or the cache) has answered once. */
  loaded: boolean;
  /** 'denied': the rules refuse this person (not a member yet in their token). */
  error: 'denied' | 'failed' | null;
}

export interface RolloutApi {
  /** Follows `config/rollout`; returns the stop function. A missing document reads as NO_ROLLOUT. */
  watch(onState: (state: RolloutState) => void): () => void;
  change(edit: RolloutEdit): Promise<RolloutOutcome>;
}

const PROBLEMS: readonly string[] = [
  'invalid-request',
  'name-missing',
  'name-invalid',
  'name-taken',
  'unknown-section',
  'unknown-group',
  'pattern-missing',
  'pattern-invalid',
  'pattern-too-deep',
  'pattern-overlap',
  'pattern-matches-nothing',
  'too-many-groups',
  'too-many',
  'group-in-use',
  'group-empty',
  'group-no-members',
  'dates-invalid',
  'dates-reversed',
  'control-overlap',
  'not-comms',
] satisfies RolloutProblem[];

/** What a failed call means for the person at the console: the function's reason and the value it is about. */
export function rolloutFailure(error: unknown): { problem: RolloutFailure; subject: string } {
  const { code, details, message } = (error ?? {}) as { code?: string; details?: unknown; message?: string };
  const d = (details ?? {}) as { reason?: unknown; subject?: unknown };
  const reason = d.reason ?? message;
  const subject = typeof d.subject === 'string' ? d.subject : '';
  if (typeof reason === 'string' && PROBLEMS.includes(reason)) return { problem: reason as RolloutProblem, subject };
  if (code === 'functions/unauthenticated') return { problem: 'signed-out', subject: '' };
  // A request that never reached the server reads as 'internal' too: the browser knows when it is offline.
  if (code === 'functions/unavailable' || code === 'functions/deadline-exceeded' || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
    return { problem: 'offline', subject: '' };
  }
  if (code === 'functions/permission-denied') return { problem: 'not-comms', subject: '' };
  return { problem: 'failed', subject: '' };
}

/** The rollout document live, and changes through `changeRollout` (`functions` from consoleFunctions in ./roles). */
export function rolloutApi(fs: Firestore, functions: Functions): RolloutApi {
  const call = httpsCallable<{ edit: RolloutEdit }, { ok: true }>(functions, 'changeRollout', { timeout: 30_000 });
  return {
    watch(onState) {
      return onSnapshot(
        doc(fs, paths.rollout()),
        (snap) => onState({ rollout: snap.exists() ? rolloutFromDoc(snap.data()) : NO_ROLLOUT, loaded: true, error: null }),
        (error) => onState({ rollout: NO_ROLLOUT, loaded: true, error: (error as { code?: string }).code === 'permission-denied' ? 'denied' : 'failed' }),
      );
    },
    async change(edit) {
      try {
        await call({ edit });
        return { ok: true };
      } catch (error) {
        return { ok: false, ...rolloutFailure(error) };
      }
    },
  };
}
