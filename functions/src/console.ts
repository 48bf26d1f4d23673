// The comms console's server side: what the console may not do with the rules alone. Today one
// callable function, changeRole: an administrator grants or revokes one role of one person
// (roles.ts does it, with the audit entry). Only the console calls it (lib/data/console/roles.ts).
//
// Refusals carry a reason code as their message and in `details.reason` (RoleChangeProblem:
// 'last-admin', 'not-admin', 'invalid-section', …), which the console translates.
import { HttpsError, onCall, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import { logger } from 'firebase-functions';
import { membershipFromClaims } from '../../lib/core/membership';
import { parseRoleChange, RoleChangeError, type RoleChangeProblem } from '../../lib/core/role-change';
import type { ChangeRoleRequest, ChangeRoleResponse } from '../../lib/core/console';
import { auth, db } from './admin';
import { changeRoles } from './roles';

const STATUS: Record<RoleChangeProblem, FunctionsErrorCode> = {
  'invalid-request': 'invalid-argument',
  'invalid-role': 'invalid-argument',
  'invalid-section': 'invalid-argument',
  'sections-not-allowed': 'invalid-argument',
  'sections-required': 'invalid-argument',
  'granted-everywhere': 'failed-precondition',
  'last-admin': 'failed-precondition',
  'not-in-directory': 'failed-precondition',
  'not-admin': 'permission-denied',
};

const refuse = (reason: RoleChangeProblem) => new HttpsError(STATUS[reason], reason, { reason });

/** Grants or revokes one role of one person; administrators only (by their token, then by the directory as it is now). */
export const changeRole = onCall<Partial<ChangeRoleRequest>, Promise<ChangeRoleResponse>>(async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'not-signed-in');
  const { member, roles } = membershipFromClaims(request.auth.token);
  if (!member || !roles.admin) throw refuse('not-admin');
  const { uid, action, role, sections } = request.data ?? {};
  if (typeof uid !== 'string' || uid.length === 0 || uid.length > 128) throw refuse('invalid-request');
  try {
    const change = parseRoleChange(action, role, sections ?? []);
    const result = await changeRoles({ db, auth }, { uid }, change, { uid: request.auth.uid, name: '', via: 'console' }, { adminUid: request.auth.uid });
    return { name: result.name, changed: result.changed, before: result.before, after: result.after, token: result.token };
  } catch (error) {
    if (error instanceof RoleChangeError) throw refuse(error.code);
    logger.error('changeRole failed', { caller: request.auth.uid, target: uid, error: String(error) });
    throw new HttpsError('internal', 'internal');
  }
});
