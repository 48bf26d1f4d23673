// Hierarchy bands from the directory's level (1 = the top), and who counts as a leader.
import type { Band, InsightPerson } from './model';

/** 1–2 management, 3 middle management, 4 and deeper staff; null (or no positive whole level) unknown. */
export function bandOf(level: number | null): Band | null {
  if (level === null || !Number.isInteger(level) || level < 1) return null;
  if (level <= 2) return 'management';
  return level === 3 ? 'middle' : 'staff';
}

/** A leader holds the leader role or sits in the management band. */
export function isLeader(person: Pick<InsightPerson, 'leader' | 'level'>): boolean {
  return person.leader || bandOf(person.level) === 'management';
}
