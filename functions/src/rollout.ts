// Rollout's callable function: the comms console changes `config/rollout` with one edit at a time
// (rollout-store.ts does it, with the audit entry). Members read the document
// (firebase/firestore.rules); nobody writes it but this function.
//
// Refusals carry a reason code as their message and in `details.reason` (RolloutProblem), with
// `details.subject` (the pattern, group or name it is about), which the console translates.
import { HttpsError, onCall, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import { logger } from 'firebase-functions';
import { membershipFromClaims } from '../../lib/core/membership';
import { parseRolloutEdit, RolloutError, type RolloutProblem } from '../../lib/core/rollout-edit';
import { db } from './admin';
import { changeRolloutAs, commsCaller, type ChangeRolloutRequest } from './rollout-store';

const STATUS: Record<RolloutProblem, FunctionsErrorCode> = {
  'invalid-request': 'invalid-argument',
  'name-missing': 'invalid-argument',
  'name-invalid': 'invalid-argument',
  'name-taken': 'already-exists',
  'unknown-section': 'not-found',
  'unknown-group': 'not-found',
  'pattern-missing': 'invalid-argument',
  'pattern-invalid': 'invalid-argument',
  'pattern-too-deep': 'invalid-argument',
  'pattern-overlap': 'failed-precondition',
  'pattern-matches-nothing': 'failed-precondition',
  'too-many-groups': 'invalid-argument',
  'too-many': 'resource-exhausted',
  'group-in-use': 'failed-precondition',
  'group-empty': 'invalid-argument',
  'group-no-members': 'failed-precondition',
  'dates-invalid': 'invalid-argument',
  'dates-reversed': 'invalid-argument',
  'control-overlap': 'invalid-argument',
  'not-comms': 'permission-denied',
};

const refuse = (error: RolloutError) => new HttpsError(STATUS[error.code], error.code, { reason: error.code, subject: error.subject });

/** Changes rollout by one edit; comms and administrators only. */
export const changeRollout = onCall<Partial<ChangeRolloutRequest>, Promise<{ ok: true }>>(async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'not-signed-in');
  const { member, roles } = membershipFromClaims(request.auth.token);
  if (!member || !(roles.comms || roles.admin)) throw refuse(new RolloutError('not-comms'));
  try {
    const edit = parseRolloutEdit(request.data?.edit);
    const actor = await commsCaller(db, request.auth.uid);
    if (!actor) throw new RolloutError('not-comms');
    await changeRolloutAs(db, edit, actor);
    return { ok: true };
  } catch (error) {
    if (error instanceof RolloutError) throw refuse(error);
    logger.error('changeRollout failed', { caller: request.auth.uid, error: String(error) });
    throw new HttpsError('internal', 'internal');
  }
});
