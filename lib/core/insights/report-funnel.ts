// Funnels: of a cohort's people in scope, how many read, liked and wrote — suppressed so that no
// figure, and no difference of shown figures, describes fewer than k people.
//
// A funnel counts only the cohort's people in scope (active, may see it): readers never exceed
// inScope. Leavers and people outside the audience still count in the volumes (comments, likes).
import type { Funnel, PageActivity } from './model';
import type { Cohort } from './report-scope';
import { figure, suppressPartition } from './suppress';

export type Stage = 'readers' | 'reactors' | 'contributors';
export const STAGES: readonly Stage[] = ['readers', 'reactors', 'contributors'];

/** Who read, liked and wrote on some pages. */
export type Activity = Record<Stage, Set<number>>;

export interface RawFunnel {
  inScope: number;
  readers: number;
  reactors: number;
  contributors: number;
}

export const NULL_FUNNEL: Funnel = { inScope: null, readers: null, reactors: null, contributors: null };

export function activityOf(pages: Iterable<PageActivity>): Activity {
  const out: Activity = { readers: new Set(), reactors: new Set(), contributors: new Set() };
  for (const page of pages) {
    page.readers.forEach((i) => out.readers.add(i));
    page.likers.forEach((i) => out.reactors.add(i));
    page.writers.forEach((i) => out.contributors.add(i));
  }
  return out;
}

function countIn(members: Set<number>, people: Set<number>): number {
  let n = 0;
  for (const i of people) if (members.has(i)) n++;
  return n;
}

export function rawFunnel(members: Set<number>, activity: Activity): RawFunnel {
  return {
    inScope: members.size,
    readers: countIn(members, activity.readers),
    reactors: countIn(members, activity.reactors),
    contributors: countIn(members, activity.contributors),
  };
}

/** One cohort on its own: nothing when fewer than k people are in scope, else each figure under k null. */
export function cohortFunnel(raw: RawFunnel, k: number): Funnel {
  if (raw.inScope < k) return NULL_FUNNEL;
  return { inScope: figure(raw.inScope, k), readers: figure(raw.readers, k), reactors: figure(raw.reactors, k), contributors: figure(raw.contributors, k) };
}

/**
 * Every cohort's funnel. Departments and bands each partition 'all' (people without a department
 * or a known level are the partition's unshown rest), so each stage is suppressed across each
 * partition with 'all' as the total: no department's figure can be had by subtracting the others.
 * A pilot or control group that lies inside 'all' is a partition of two: the group and the others.
 */
export function suppressFunnels(cohorts: readonly Cohort[], raws: readonly RawFunnel[], k: number): Funnel[] {
  const out = raws.map((raw) => cohortFunnel(raw, k));
  const all = cohorts.findIndex((c) => c.kind === 'all');
  // Without 'all' there is no total; with 'all' under k every part is smaller still, so already null.
  if (all === -1 || raws[all]!.inScope < k) return out;
  for (const kind of ['department', 'band'] as const) {
    // A cohort nobody of is in scope holds nobody to protect: left out, it stays null (below k) without hiding others.
    const members = cohorts.flatMap((c, i) => (c.kind === kind && raws[i]!.inScope > 0 ? [i] : []));
    const hidden = members.flatMap((i, j) => (raws[i]!.inScope < k ? [j] : []));
    for (const stage of ['inScope', ...STAGES] as const) {
      const parts = members.map((i) => raws[i]![stage]);
      suppressPartition(raws[all]![stage], parts, k, hidden).forEach((shown, j) => {
        out[members[j]!] = { ...out[members[j]!]!, [stage]: shown };
      });
    }
  }
  // A pilot (or control) group inside 'all': 'all' minus the group is everyone else, so that
  // difference must not describe 1..k−1 people either.
  const everyone = cohorts[all]!.members;
  cohorts.forEach((c, i) => {
    if ((c.kind !== 'pilot' && c.kind !== 'control') || c.members.size === 0 || ![...c.members].every((m) => everyone.has(m))) return;
    const hidden = raws[i]!.inScope < k ? [0] : [];
    for (const stage of ['inScope', ...STAGES] as const) {
      const [shown] = suppressPartition(raws[all]![stage], [raws[i]![stage]], k, hidden);
      out[i] = { ...out[i]!, [stage]: shown ?? null };
    }
  });
  return out;
}
