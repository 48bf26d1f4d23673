import type { LikeRow } from './rows';
// Like counts as the reader sees them. The server's counter is exact; this browser may hold one
// change of its own that the server has not confirmed yet (the outbox), which is added on top.

/**
 * The count to show: the server's count with this person's own like as they want it now. When
 * their wish and the server agree (the usual case), it is the server's count unchanged.
 */
export function shownLikeCount(serverCount: number, mine: Pick<LikeRow, 'active' | 'serverActive'> | undefined): number {
  if (!mine) return serverCount;
  return Math.max(0, serverCount + Number(mine.active) - Number(mine.serverActive));
}
