// The client side of the callable `moderate` (functions/src/moderation/moderate.ts): what the
// console's moderation queue and the panel's moderator actions call, and what a refusal means.
// Every decision — hide, restore, keep, approve, reject, a note, a claim — goes through it: the
// rules let no client write `moderated`, the queue or a held post's fate.
import { httpsCallable, type Functions } from 'firebase/functions';
import { MODERATE_REFUSALS, type ModerateRefusal, type ModerateRequest, type ModerateResult } from '../../core/moderation/model';

export type ModerateFailure = ModerateRefusal | 'offline' | 'signed-out' | 'failed';
export type ModerateOutcome = { ok: true; result: ModerateResult } | { ok: false; problem: ModerateFailure; claimedBy?: string };

/** What a failed call means: the refusal code in `details.code`, else what the SDK says. */
export function moderateFailure(error: unknown): { problem: ModerateFailure; claimedBy?: string } {
  const { code, details } = (error ?? {}) as { code?: string; details?: { code?: unknown; claimedBy?: unknown } };
  const refusal = details?.code;
  if (typeof refusal === 'string' && (MODERATE_REFUSALS as readonly string[]).includes(refusal)) {
    return { problem: refusal as ModerateRefusal, ...(typeof details?.claimedBy === 'string' ? { claimedBy: details.claimedBy } : {}) };
  }
  if (code === 'functions/unauthenticated') return { problem: 'signed-out' };
  if (code === 'functions/unavailable' || code === 'functions/deadline-exceeded' || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
    return { problem: 'offline' };
  }
  return { problem: 'failed' };
}

/** Calls `moderate` once; never throws. */
export function moderateCaller(functions: Functions): (request: ModerateRequest) => Promise<ModerateOutcome> {
  const call = httpsCallable<ModerateRequest, ModerateResult>(functions, 'moderate');
  return async (request) => {
    try {
      return { ok: true, result: (await call(request)).data };
    } catch (error) {
      return { ok: false, ...moderateFailure(error) };
    }
  };
}
