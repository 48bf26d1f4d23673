// What a report is about: the pages in scope, who may see them, and the cohorts it compares.
//
// "May see" follows the rollout as it is now, without pilot dates: a report looks back at a period,
// and a pilot that has ended since must still count its members in scope for the weeks it ran.
// So: a section that is off is seen by nobody; a section without pilot groups by everyone; a
// section with pilot groups by their members, by nobody in one of their control groups, and by the
// others only when othersSee is 'read'. The rest of the intranet is seen unless its mode is off,
// the whole intranet by whoever sees any part of it.
import { BANDS } from './model';
import type { CohortKind, InsightPerson, InsightsQuery } from './model';
import { bandOf } from './levels';
import { inAudience, sectionIdFor } from '../rollout';
import type { PilotGroup, Rollout, RolloutPerson } from '../rollout';

/** Page URL → its section (null: the rest), looked up once per URL. */
export class SectionLookup {
  private cache = new Map<string, string | null>();
  constructor(private readonly rollout: Rollout) {}
  of(url: string): string | null {
    let id = this.cache.get(url);
    if (id === undefined) this.cache.set(url, (id = sectionIdFor(this.rollout, url)));
    return id;
  }
}

export function sectionMode(rollout: Rollout, sectionId: string | null): 'off' | 'read' | 'on' {
  return sectionId === null ? rollout.rest.mode : (rollout.sections[sectionId]?.mode ?? 'off');
}

function groupsOf(rollout: Rollout, sectionId: string): PilotGroup[] {
  return (rollout.sections[sectionId]?.pilotGroups ?? []).map((id) => rollout.groups[id]).filter((g): g is PilotGroup => !!g);
}

/** Whether a person may see a section's threads (null: the rest of the intranet). See the top of this file. */
export function maySeeSection(rollout: Rollout, sectionId: string | null, person: RolloutPerson): boolean {
  if (sectionId === null) return rollout.rest.mode !== 'off';
  const section = rollout.sections[sectionId];
  if (!section || section.mode === 'off') return false;
  const groups = groupsOf(rollout, sectionId);
  if (groups.length === 0) return true;
  if (groups.some((g) => inAudience(g.members, person))) return true;
  if (groups.some((g) => g.control !== null && inAudience(g.control, person))) return false;
  return section.othersSee === 'read';
}

export interface Scope {
  has(pageId: string, url: string): boolean;
  /** Whether a person may see (some of) the scope. */
  visibleTo(person: RolloutPerson): boolean;
  /** The pilot groups whose cohorts the report shows: those of the sections in scope, every group for the whole intranet. */
  groups: string[];
}

/** The scope of a query. `pageUrl`: the URL of query.pageId when known (else the page counts as the rest's). */
export function scopeOf(query: InsightsQuery, rollout: Rollout, sections: SectionLookup, pageUrl: string | null): Scope {
  const groupsOfSection = (id: string | null) => (id === null ? [] : (rollout.sections[id]?.pilotGroups ?? []).filter((g) => rollout.groups[g]));
  if (query.pageId !== null) {
    const pageId = query.pageId;
    const sectionId = pageUrl === null ? null : sections.of(pageUrl);
    return { has: (id) => id === pageId, visibleTo: (p) => maySeeSection(rollout, sectionId, p), groups: groupsOfSection(sectionId) };
  }
  if (query.section === null) {
    const ids = [null, ...Object.keys(rollout.sections)];
    return { has: () => true, visibleTo: (p) => ids.some((id) => maySeeSection(rollout, id, p)), groups: Object.keys(rollout.groups).sort() };
  }
  const sectionId = query.section === '' ? null : query.section;
  return { has: (_, url) => sections.of(url) === sectionId, visibleTo: (p) => maySeeSection(rollout, sectionId, p), groups: groupsOfSection(sectionId) };
}

export interface Cohort {
  id: string;
  kind: CohortKind;
  label: string;
  /** Its people in scope (indices): active and may see the scope; a control group: all its active members. */
  members: Set<number>;
}

const asRolloutPerson = (p: InsightPerson): RolloutPerson => ({ uid: p.uid, departmentPath: p.departmentPath });

/**
 * The cohorts: everyone, each top-level department, each band, and for each pilot group of the
 * scope the group and its control group. A control group's members never see the section; they are
 * "in scope" all the same, as the comparison (their readers should stay near zero, their figures
 * elsewhere are what the pilot is measured against).
 */
export function cohortsOf(people: InsightPerson[], rollout: Rollout, scope: Scope): Cohort[] {
  const all: Cohort = { id: 'all', kind: 'all', label: '', members: new Set() };
  const departments = new Map<string, Cohort>();
  const bands = new Map(BANDS.map((b) => [b, { id: `band:${b}`, kind: 'band' as const, label: b, members: new Set<number>() }]));
  const groups = scope.groups.map((id) => ({ id, group: rollout.groups[id]! }));
  const pilots = groups.map(({ id, group }) => ({ id: `pilot:${id}`, kind: 'pilot' as const, label: group.name, members: new Set<number>() }));
  const controls = groups.map(({ id, group }) => ({ id: `control:${id}`, kind: 'control' as const, label: group.name, members: new Set<number>() }));

  people.forEach((person, i) => {
    if (!person.active) return;
    const who = asRolloutPerson(person);
    const department = person.departmentPath[0];
    let cohort = department === undefined ? undefined : departments.get(department);
    if (department !== undefined && !cohort)
      departments.set(department, (cohort = { id: `department:${department}`, kind: 'department', label: department, members: new Set() }));
    groups.forEach(({ group }, g) => {
      if (group.control && inAudience(group.control, who)) controls[g]!.members.add(i);
    });
    if (!scope.visibleTo(who)) return;
    all.members.add(i);
    cohort?.members.add(i);
    const band = bandOf(person.level);
    if (band) bands.get(band)!.members.add(i);
    groups.forEach(({ group }, g) => {
      if (inAudience(group.members, who)) pilots[g]!.members.add(i);
    });
  });

  const out: Cohort[] = [all, ...[...departments.keys()].sort().map((d) => departments.get(d)!), ...bands.values()];
  groups.forEach(({ group }, g) => {
    out.push(pilots[g]!);
    if (group.control) out.push(controls[g]!);
  });
  return out;
}
