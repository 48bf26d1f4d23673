// What the comms console's Sections and Pilot groups views compute from rollout (lib/core/rollout.ts)
// and the directory copy, kept pure so the views stay thin and these are tested without a browser:
// the addresses comms types turned into stored patterns, the department tree to pick from, how many
// people a group reaches, whether a pilot is planned, running or over, and the preview ("as an
// employee of Sociaal domein would see it"), which asks accessFor exactly what a client asks.
import { accessFor, inAudience, type Audience, type PageAccess, type PilotGroup, type Rollout, type RolloutPerson, type SectionSetting } from './rollout';
import { prefixesFromInput, RolloutError, startOfDay } from './rollout-edit';

// ---------- addresses ----------

/** One line of the addresses field, as what it will be stored as. */
export interface AddressLine {
  /** The line as typed (for messages: comms recognises their own words). */
  line: string;
  /** A directory of the intranet: one candidate prefix per origin (the console keeps those with pages seen). */
  prefixes: string[];
  /** A single page set itself (a full URL that does not end in "/"). */
  page: string | null;
}

/**
 * The addresses field (one per line) as patterns: "/hr/" or "hr" is a directory on every intranet
 * origin; a full URL ending in "/" is that directory; any other full URL is one page set itself.
 */
export function addressLines(text: string, origins: string[]): AddressLine[] {
  const out: AddressLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (/^https?:\/\//i.test(line) && !line.endsWith('/')) out.push({ line, prefixes: [], page: line });
    else out.push({ line, prefixes: prefixesFromInput(line, origins), page: null });
  }
  return out;
}

/** A section's stored patterns back as the addresses field shows them: paths where every origin has them, else the URL. */
export function addressesText(section: Pick<SectionSetting, 'prefixes' | 'pages'>, origins: string[]): string {
  const lines: string[] = [];
  for (const prefix of section.prefixes) {
    const url = new URL(prefix);
    const line = origins.some((o) => new URL(o).origin === url.origin) ? url.pathname : prefix;
    if (!lines.includes(line)) lines.push(line);
  }
  return [...lines, ...section.pages].join('\n');
}

/** A section's patterns for reading: "/hr/" for a directory on a known origin, the URL otherwise. */
export function patternLabels(section: Pick<SectionSetting, 'prefixes' | 'pages'>, origins: string[]): string[] {
  return addressesText(section, origins).split('\n').filter(Boolean);
}

/** Where pages seen are asked about (lib/data/console/rollout-pages.ts; a fake in tests). */
export interface PagesSeen {
  under(prefix: string, max?: number): Promise<unknown[]>;
  at(url: string): Promise<unknown>;
}

/**
 * The patterns to store for the addresses typed: of each directory's candidate prefixes (one per
 * origin) those with a page seen, and pages seen. A line that matches no page seen is refused
 * before anything is sent (the server refuses it too): `pattern-matches-nothing` with the line as
 * typed. Patterns the section already had are kept without asking (the server checks new ones only).
 */
export async function resolveAddresses(
  lines: AddressLine[],
  had: Set<string>,
  pages: PagesSeen,
): Promise<{ kind: 'section' | 'page'; prefixes: string[]; pages: string[] }> {
  const prefixes: string[] = [];
  const single: string[] = [];
  for (const line of lines) {
    if (line.page) {
      if (!had.has(line.page) && !(await pages.at(line.page))) throw new RolloutError('pattern-matches-nothing', line.line);
      single.push(line.page);
      continue;
    }
    const kept: string[] = [];
    for (const p of line.prefixes) if (had.has(p) || (await pages.under(p, 1)).length > 0) kept.push(p);
    if (kept.length === 0) throw new RolloutError('pattern-matches-nothing', line.line);
    prefixes.push(...kept);
  }
  const kind = prefixes.length === 0 && single.length === 1 ? 'page' : 'section';
  return { kind, prefixes: [...new Set(prefixes)], pages: [...new Set(single)] };
}

// ---------- the directory as departments ----------

export interface Department {
  /** "Bedrijfsvoering > HR": how groups store it. */
  path: string;
  /** Its last level ("HR"). */
  name: string;
  /** 0 at the top. */
  depth: number;
  /** Active people in it or below. */
  people: number;
}

interface DirectoryPerson {
  departmentPath: string[];
  active?: boolean;
}

/** Every department of the directory copy (and each level above), in tree order, with how many people it has. */
export function departmentTree(people: DirectoryPerson[]): Department[] {
  const counts = new Map<string, Department>();
  for (const person of people) {
    if (person.active === false) continue;
    for (let depth = 0; depth < person.departmentPath.length; depth++) {
      const path = person.departmentPath.slice(0, depth + 1).join(' > ');
      const found = counts.get(path) ?? { path, name: person.departmentPath[depth]!, depth, people: 0 };
      found.people++;
      counts.set(path, found);
    }
  }
  // " > " sorts the tree: a parent's path is a prefix of its children's (compare level by level).
  const key = (d: Department) => d.path.split(' > ');
  return [...counts.values()].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = x[i]!.localeCompare(y[i]!);
      if (c !== 0) return c;
    }
    return x.length - y.length;
  });
}

// ---------- groups ----------

/** How many active people of the directory copy are in `audience` (named, or in its departments and below). */
export function audienceCount(audience: Audience, people: Array<DirectoryPerson & { uid: string }>): number {
  if (audience.people.length + audience.departments.length === 0) return 0;
  return people.filter((p) => p.active !== false && inAudience(audience, { uid: p.uid, departmentPath: p.departmentPath })).length;
}

export type GroupStatus = 'planned' | 'running' | 'ended';

export function groupStatus(group: Pick<PilotGroup, 'fromAt' | 'untilAt'>, now: number): GroupStatus {
  if (now < group.fromAt) return 'planned';
  return now < group.untilAt ? 'running' : 'ended';
}

/**
 * Whether a control group's size is far from its pilot's (more than half again, either way): a
 * comparison between groups of 40 and 8 says little. Both empty or no control: no warning.
 */
export function sizesDiffer(members: number, control: number): boolean {
  if (members === 0 || control === 0) return false;
  return Math.max(members, control) / Math.min(members, control) > 1.5;
}

/** Today (YYYY-MM-DD) in `timeZone`, shifted by `days`. */
export function dayIn(timeZone: string, now: number, days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether `from`…`until` are dates in the right order (the form says so before anything is sent). */
export function datesProblem(from: string, until: string): 'dates-invalid' | 'dates-reversed' | null {
  const [a, b] = [startOfDay(from), startOfDay(until)];
  if (Number.isNaN(a) || Number.isNaN(b)) return 'dates-invalid';
  return b < a ? 'dates-reversed' : null;
}

// ---------- the preview ----------

/** A page inside a section, to ask accessFor about: its first page, or a page directly under its first prefix. */
export function exampleUrl(section: Pick<SectionSetting, 'prefixes' | 'pages'>): string | null {
  if (section.pages[0]) return section.pages[0];
  return section.prefixes[0] ? `${section.prefixes[0]}index.html` : null;
}

export interface PreviewRow {
  /** null: the rest of the intranet. */
  sectionId: string | null;
  access: PageAccess;
  /** What decided it when a pilot was involved: the group let them in, they are in a control group, or they are outside the pilot. */
  because: { kind: 'pilot'; group: string } | { kind: 'control'; group: string } | { kind: 'outside' } | null;
}

/** What `person` gets in each section and in the rest of the intranet, at `now`. */
export function previewFor(rollout: Rollout, person: RolloutPerson, now: number, restUrl: string): PreviewRow[] {
  const rows: PreviewRow[] = [{ sectionId: null, access: accessFor(rollout, restUrl, person, now), because: null }];
  for (const [id, section] of Object.entries(rollout.sections).sort(([, a], [, b]) => a.name.localeCompare(b.name))) {
    const url = exampleUrl(section);
    if (!url) continue;
    const access = accessFor(rollout, url, person, now);
    let because: PreviewRow['because'] = null;
    if (section.mode !== 'off' && section.pilotGroups.length > 0) {
      if (access.pilotGroupId) because = { kind: 'pilot', group: access.pilotGroupId };
      else {
        const control = section.pilotGroups.find((g) => {
          const group = rollout.groups[g];
          return group?.control && now >= group.fromAt && now < group.untilAt && inAudience(group.control, person);
        });
        because = control ? { kind: 'control', group: control } : { kind: 'outside' };
      }
    }
    rows.push({ sectionId: id, access, because });
  }
  return rows;
}
