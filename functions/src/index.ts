// Prikbord's server side (Cloud Functions for Firebase): what no client may be trusted with.
// Each module says what it does; this file only names what is deployed, and where.
import { setGlobalOptions } from 'firebase-functions/v2';
import { region } from './org-params';

setGlobalOptions({ region });

export { membershipAtSignIn, membershipAtSignUp } from './membership';
export { expertiseOnComment, expertiseOnHelpful, expertiseOnLike, expertiseOnPage } from './expertise';
export { directoryShardsRefresh } from './directory-shards';
export { changeRole } from './console';
export { changeRollout } from './rollout';
export { changePage } from './pages';
export { insightsReport, recomputeInsights, insightsRollup } from './insights/functions';
export { openQuestionsOnHelpful } from './insights/answered';
export { timelineOnComment, timelineOnPage, timelineOnRollout } from './timeline';
export { moderate } from './moderation/moderate';
export { moderationOnReport } from './moderation/file-report';
export { moderationOnHeld } from './moderation/file-held';
export { notifyOnComment, notifyOnHelpful } from './notifications/fanout';
export { inboxCountOnItem, inboxCountOnReadThrough } from './notifications/inbox-count';
export { digestWeekly, runDigest } from './notifications/digest';
export { inboxCleanup } from './notifications/cleanup';
