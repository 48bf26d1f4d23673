// A timeline entry as the panel keeps it in Dexie (lib/core/rows.ts TimelineRow), for pure-logic
// tests: one named comment at `latestAt`, nothing flagged; `overrides` for the rest.
import type { TimelineRow } from '../../lib/core/rows';

export function timelineRow(pageId: string, latestAt: number, overrides: Partial<TimelineRow> = {}): TimelineRow {
  return {
    pageId,
    url: `http://intranet/${pageId}.html`,
    title: pageId,
    sectionKey: '_rest',
    latest: { commentId: 'c1', excerpt: 'Hallo', anonymous: false, authorName: 'Anna', at: latestAt },
    comments: 1,
    likes: 0,
    people: [],
    openQuestion: false,
    leaderTakingPart: false,
    communityManagerTakingPart: false,
    recentCommentsAt: [latestAt],
    latestAt,
    updatedAt: { seconds: 1, nanoseconds: 0 },
    ...overrides,
  };
}
