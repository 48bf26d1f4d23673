// Every Firestore path, spelled once. Plain strings, so the full SDK (side panel), Firestore Lite
// (background worker), the rules tests and the node scripts all build the same paths:
// `doc(firestore, paths.comment(pageId, id))`. firebase/firestore.rules names the same paths.
import { likeId } from './schema';
import type { LikeTarget } from './rows';

export const paths = {
  /** `pages/{pageId}`: url, title, counters, last activity. */
  page: (pageId: string) => `pages/${pageId}`,
  comments: (pageId: string) => `pages/${pageId}/comments`,
  comment: (pageId: string, commentId: string) => `pages/${pageId}/comments/${commentId}`,
  likes: (pageId: string) => `pages/${pageId}/likes`,
  /** One like document per (target, person): liking twice is the same document. */
  like: (pageId: string, targetId: LikeTarget, uid: string) => `pages/${pageId}/likes/${likeId(targetId, uid)}`,
  /** "This helped" marks on the page's replies, one per reply. */
  helpfulMarks: (pageId: string) => `pages/${pageId}/helpful`,
  helpfulMark: (pageId: string, replyId: string) => `pages/${pageId}/helpful/${replyId}`,
  /** Who wrote an anonymous comment: readable only by that person. */
  commentOwners: () => 'commentOwners',
  commentOwner: (commentId: string) => `commentOwners/${commentId}`,
  profiles: () => 'profiles',
  profile: (uid: string) => `profiles/${uid}`,
  /** `expertise/{uid}`: one person's full evidence roll-up, the server's record (server only). */
  expertise: () => 'expertise',
  /** `evidence/{uid}`: the capped copy of it that members read (lib/core/shard-evidence.ts), the evidence change feed. */
  evidence: () => 'evidence',
  evidenceOf: (uid: string) => `evidence/${uid}`,
  /** Organisation settings members read (anonymous posting on or off). */
  settings: () => 'config/settings',
  /** Where the layer is on, for whom, with which features (lib/core/rollout.ts): members read it, the server writes it. */
  rollout: () => 'config/rollout',
  /** `directory/{personId}`: the organisation's directory, server only (npm run directory:import). */
  directory: () => 'directory',
  directoryEntry: (personId: string) => `directory/${personId}`,
  /** The membership policy's lists (allow, deny, further domains): server only. */
  membershipConfig: () => 'config/membership',
  /** The directory as server-built snapshots of a few hundred people each (lib/core/directory-shards.ts). */
  directoryShards: () => 'directoryShards',
  directoryShard: (shardId: string) => `directoryShards/${shardId}`,
  /** When the shards were last rebuilt, and the rebuild's lease: server only (functions/src/directory-shards.ts). */
  directoryShardsState: () => 'directoryState/shards',
  /** One person's comment rate window ({ windowStart, count, last }): readable only by that person. */
  rate: (uid: string) => `rate/${uid}`,
  /** The audit log (lib/core/audit.ts): written only by the server, read by comms and administrators. */
  audit: () => 'audit',
  auditEntry: (id: string) => `audit/${id}`,
  /** Raw reading events ("opened this page's thread"): each person writes and reads only their own; deleted after RETENTION_DAYS. */
  insightEvents: () => 'insightEvents',
  /** One day's activity summary (lib/core/insights/model.ts ActivitySummary): server only. */
  insightDay: (day: string) => `insightDays/${day}`,
  /** One ISO week's summary, merged from its days: server only. */
  insightWeek: (week: string) => `insightWeeks/${week}`,
  /** The people table insights number people by, in chunks: server only. */
  insightPeopleChunk: (chunk: number) => `insightPeople/${chunk}`,
  /** Insights' running state (people table size, rollup watermark, questions): server only. */
  insightState: (name: 'people' | 'rollup' | 'questions') => `insightState/${name}`,
  /** A section's open questions (key: the section id, or `_rest`): its community managers, comms and administrators read it. */
  openQuestions: (sectionKey: string) => `openQuestions/${sectionKey}`,
  /** "What's happening": one entry per thread (lib/core/timeline.ts), written by functions only; members read the sections they may see. */
  timeline: () => 'timeline',
  timelineEntry: (pageId: string) => `timeline/${pageId}`,
  /** A person's inbox summary (lib/core/notifications/model.ts InboxSummary): functions write it, its owner reads it. */
  inbox: (uid: string) => `inboxes/${uid}`,
  inboxItems: (uid: string) => `inboxes/${uid}/items`,
  inboxItem: (uid: string, itemId: string) => `inboxes/${uid}/items/${itemId}`,
  /** The pages and sections a person follows: theirs alone. */
  follows: (uid: string) => `follows/${uid}`,
  /** Reports of comments (lib/core/moderation/model.ts): one per person and comment. */
  reports: () => 'reports',
  report: (pageId: string, commentId: string, uid: string) => `reports/${pageId}_${commentId}_${uid}`,
  /** The moderation queue: one item per reported or held comment, written by functions only. */
  moderationQueue: () => 'moderationQueue',
  queueItem: (pageId: string, commentId: string) => `moderationQueue/${pageId}_${commentId}`,
  /** Posts waiting for a moderator in a pre-moderated section. */
  heldPosts: (pageId: string) => `pages/${pageId}/held`,
  heldPost: (pageId: string, commentId: string) => `pages/${pageId}/held/${commentId}`,
  /** The text of a hidden comment, kept for a restore: server only. */
  hiddenText: (pageId: string, commentId: string) => `hiddenTexts/${pageId}_${commentId}`,
} as const;
