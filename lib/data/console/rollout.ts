// Rollout for the comms console: `config/rollout` followed live through the extension pages' own
// watcher (lib/data/rollout/watch-rollout.ts: a change saved by another advisor shows at once, so
// does the server's answer to ours, and the worker's cached copy follows), and changes through the callable
// `changeRollout` (functions/src/rollout.ts), which alone writes the document and its audit entry.
// Only the console's bundle imports this file, so `firebase/functions` never reaches the side panel.
import type { Firestore } from 'firebase/firestore';
import { httpsCallable, type Functions } from 'firebase/functions';
import type { Rollout } from '../../core/rollout';
import type { RolloutEdit, RolloutProblem } from '../../core/rollout-edit';
import type { LocalArea } from '../rollout/rollout-cache';
import { watchRollout } from '../rollout/watch-rollout';

/** Why a change did not happen: the function's reasons, or the way there. Nothing was changed in any case. */
export type RolloutFailure = RolloutProblem | 'offline' | 'signed-out' | 'failed';

export type RolloutOutcome = { ok: true } | { ok: false; problem: RolloutFailure; subject: string };

export interface RolloutState {
  rollout: Rollout;
  /** False until the document (or the SDK's cached copy) has been read once; it stays false while unreadable. */
  loaded: boolean;
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

/**
 * The rollout document live, and changes through `changeRollout` (`functions` from consoleFunctions
 * in ./roles); `cache`: the shared copy in storage.local the worker reads (rollout-cache.ts).
 */
export function rolloutApi(fs: Firestore, functions: Functions, cache: { area: LocalArea; key: string } | null): RolloutApi {
  const call = httpsCallable<{ edit: RolloutEdit }, { ok: true }>(functions, 'changeRollout', { timeout: 30_000 });
  return {
    watch: (onState) => watchRollout(fs, cache, (rollout) => onState({ rollout, loaded: true })),
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
