// The callable `moderate` (lib/core/moderation/model.ts ModerateRequest → ModerateResult): every
// moderator's action on the queue. The caller's token is the first filter (a member who moderates
// somewhere), their profile as it is now the second (a role just revoked is refused at once, and
// the history names them as the directory does); the item's section decides the rest (./decide.ts).
//
// Refusals are HttpsError with `details.code` (ModerateRefusal). Neither an answer nor an error
// ever says anything about who wrote a post: they are the same for a named and an anonymous one.
import { HttpsError, onCall, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import { logger } from 'firebase-functions';
import { normalizeRoles } from '../../../lib/core/directory';
import { membershipFromClaims } from '../../../lib/core/membership';
import type { ModerateRefusal, ModerateResult } from '../../../lib/core/moderation/model';
import { isModerator, ModerationError, parseModerateRequest } from '../../../lib/core/moderation/queue';
import { paths } from '../../../lib/core/paths';
import { db } from '../admin';
import { decide, type Moderator } from './decide';
import { tellAuthor } from './tell-author';

const STATUS: Record<ModerateRefusal, FunctionsErrorCode> = {
  notModerator: 'permission-denied',
  outsideSections: 'permission-denied',
  claimedByOther: 'failed-precondition',
  notFound: 'not-found',
  deletedByAuthor: 'failed-precondition',
  alreadyDecided: 'failed-precondition',
  reasonRequired: 'invalid-argument',
  noteTooLong: 'invalid-argument',
  invalidRequest: 'invalid-argument',
};

const refuse = (error: ModerationError) =>
  new HttpsError(STATUS[error.code], error.code, { code: error.code, ...(error.claimedBy !== undefined ? { claimedBy: error.claimedBy } : {}) });

/** The caller as a moderator, from their profile as it is now; null when they no longer moderate. */
async function moderatorNow(uid: string): Promise<Moderator | null> {
  const profile = await db.doc(paths.profile(uid)).get();
  if (!profile.exists || profile.get('active') === false) return null;
  const roles = normalizeRoles(profile.get('roles'));
  const name: unknown = profile.get('displayName');
  return isModerator(roles) ? { uid, name: typeof name === 'string' ? name : '', roles } : null;
}

export const moderate = onCall<unknown, Promise<ModerateResult>>(async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'notModerator', { code: 'notModerator' });
  const { member, roles } = membershipFromClaims(request.auth.token);
  try {
    if (!member || !isModerator(roles)) throw new ModerationError('notModerator');
    const parsed = parseModerateRequest(request.data);
    const moderator = await moderatorNow(request.auth.uid);
    if (!moderator) throw new ModerationError('notModerator');
    const { result, notice } = await decide(parsed, moderator, Date.now());
    if (notice) await tellAuthor(notice);
    return result;
  } catch (error) {
    if (error instanceof ModerationError) throw refuse(error);
    logger.error('moderate failed', { caller: request.auth.uid, error: String(error) });
    throw new HttpsError('internal', 'internal');
  }
});
