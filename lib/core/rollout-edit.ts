// The changes the comms console makes to rollout (lib/core/rollout.ts), checked and applied. Pure:
// the server function (functions/src/rollout.ts) runs it inside a transaction and adds what needs
// data (does a pattern match any page seen, does a group have members); the console runs the same
// checks first so most mistakes are named before anything is sent.
//
// Every refusal is a code the console translates (rollout.problem.<code>), with the offending value.
import { sectionProblem } from './directory-roles';
import {
  FEATURE_NAMES,
  LAYER_MODES,
  MAX_GROUPS,
  MAX_GROUPS_PER_SECTION,
  MAX_NAME_LENGTH,
  MAX_PATTERNS_PER_SECTION,
  MAX_PEOPLE_PER_GROUP,
  MAX_PREFIX_DEPTH,
  MAX_SECTIONS,
  ROLLOUT_TIME_ZONE,
  type Audience,
  type Features,
  type LayerMode,
  type PilotGroup,
  type RestSetting,
  type Rollout,
  type SectionSetting,
} from './rollout';
import { PREMODERATION_MODES, type Premoderation } from './moderation/model';

export type RolloutProblem =
  | 'invalid-request'
  | 'name-missing'
  | 'name-invalid'
  | 'name-taken'
  | 'unknown-section'
  | 'unknown-group'
  | 'pattern-missing'
  | 'pattern-invalid'
  | 'pattern-too-deep'
  | 'pattern-overlap'
  | 'pattern-matches-nothing'
  | 'too-many-groups'
  | 'too-many'
  | 'group-in-use'
  | 'group-empty'
  | 'group-no-members'
  | 'dates-invalid'
  | 'dates-reversed'
  | 'control-overlap'
  | 'not-comms';

export class RolloutError extends Error {
  constructor(
    readonly code: RolloutProblem,
    /** The value the problem is about (a pattern, a group name), for the message. */
    readonly subject = '',
  ) {
    super(subject ? `${code}: ${subject}` : code);
  }
}

/** A section as the console sends it: the stored setting itself (nothing in it is compiled). */
export type SectionInput = SectionSetting;

export interface GroupInput {
  name: string;
  members: Audience;
  from: string;
  until: string;
  control: Audience | null;
  ambassadors: string[];
}

export type RolloutEdit =
  | { op: 'rest'; mode: LayerMode; features: Features; premoderation?: Premoderation }
  /** `id` null: a new section (its id is made from its name). */
  | { op: 'section'; id: string | null; section: SectionInput }
  | { op: 'removeSection'; id: string }
  | { op: 'group'; id: string | null; group: GroupInput }
  | { op: 'removeGroup'; id: string };

// ---------- reading a request (untrusted) ----------

type Data = Record<string, unknown>;
const isRecord = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringList(value: unknown, max: number, maxLength = 500): string[] {
  if (!Array.isArray(value) || value.length > max || value.some((v) => typeof v !== 'string' || v.length > maxLength))
    throw new RolloutError('invalid-request');
  return [...new Set((value as string[]).map((v) => v.trim()).filter(Boolean))];
}

function featuresIn(value: unknown): Features {
  if (!isRecord(value)) throw new RolloutError('invalid-request');
  const out = {} as Features;
  for (const name of FEATURE_NAMES) {
    if (typeof value[name] !== 'boolean') throw new RolloutError('invalid-request');
    out[name] = value[name] as boolean;
  }
  return out;
}

/** Pre-moderation in a request: absent (or 'off') is off and stored as absent; anything unknown is refused. */
function premoderationIn(value: unknown): { premoderation?: Premoderation } {
  if (value === undefined || value === null || value === 'off') return {};
  if (!(PREMODERATION_MODES as readonly unknown[]).includes(value)) throw new RolloutError('invalid-request');
  return { premoderation: value as Premoderation };
}

function modeIn(value: unknown): LayerMode {
  if (!(LAYER_MODES as readonly unknown[]).includes(value)) throw new RolloutError('invalid-request');
  return value as LayerMode;
}

function audienceIn(value: unknown): Audience {
  if (!isRecord(value)) throw new RolloutError('invalid-request');
  return { people: stringList(value.people, MAX_PEOPLE_PER_GROUP, 64), departments: stringList(value.departments, 200) };
}

function nameIn(value: unknown): string {
  if (typeof value !== 'string') throw new RolloutError('invalid-request');
  const name = value.trim().replace(/\s+/g, ' ');
  if (name === '') throw new RolloutError('name-missing');
  if (name.length > MAX_NAME_LENGTH) throw new RolloutError('name-invalid', name);
  return name;
}

const idIn = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > 80) throw new RolloutError('invalid-request');
  return value;
};

/** A console request as an edit; throws RolloutError('invalid-request') for anything malformed. */
export function parseRolloutEdit(raw: unknown): RolloutEdit {
  if (!isRecord(raw)) throw new RolloutError('invalid-request');
  switch (raw.op) {
    case 'rest':
      return { op: 'rest', mode: modeIn(raw.mode), features: featuresIn(raw.features), ...premoderationIn(raw.premoderation) };
    case 'removeSection':
    case 'removeGroup': {
      const id = idIn(raw.id);
      if (id === null) throw new RolloutError('invalid-request');
      return { op: raw.op, id };
    }
    case 'section': {
      const s = raw.section;
      if (!isRecord(s)) throw new RolloutError('invalid-request');
      return {
        op: 'section',
        id: idIn(raw.id),
        section: {
          name: nameIn(s.name),
          kind: s.kind === 'page' ? 'page' : 'section',
          prefixes: stringList(s.prefixes, MAX_PATTERNS_PER_SECTION, 2048),
          pages: stringList(s.pages, MAX_PATTERNS_PER_SECTION, 2048),
          mode: modeIn(s.mode),
          features: featuresIn(s.features),
          pilotGroups: stringList(s.pilotGroups, 20, 80),
          othersSee: s.othersSee === 'read' ? 'read' : 'off',
          ...premoderationIn(s.premoderation),
        },
      };
    }
    case 'group': {
      const g = raw.group;
      if (!isRecord(g)) throw new RolloutError('invalid-request');
      return {
        op: 'group',
        id: idIn(raw.id),
        group: {
          name: nameIn(g.name),
          members: audienceIn(g.members),
          from: typeof g.from === 'string' ? g.from : '',
          until: typeof g.until === 'string' ? g.until : '',
          control: g.control === null || g.control === undefined ? null : audienceIn(g.control),
          ambassadors: stringList(g.ambassadors, 200, 64),
        },
      };
    }
    default:
      throw new RolloutError('invalid-request');
  }
}

// ---------- patterns ----------

/**
 * A prefix as stored: an absolute http(s) URL of a directory (ending in "/"), no query or
 * fragment, at most MAX_PREFIX_DEPTH directories deep. Throws what is wrong.
 */
export function checkPrefix(prefix: string): string {
  let url: URL;
  try {
    url = new URL(prefix);
  } catch {
    throw new RolloutError('pattern-invalid', prefix);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || !prefix.endsWith('/') || url.href !== prefix)
    throw new RolloutError('pattern-invalid', prefix);
  if (url.pathname.split('/').length - 2 > MAX_PREFIX_DEPTH) throw new RolloutError('pattern-too-deep', prefix);
  return prefix;
}

/** A single page's URL as stored: an absolute http(s) URL (as Prikbord identifies pages). */
export function checkPage(page: string): string {
  try {
    const url = new URL(page);
    if (/^https?:$/.test(url.protocol)) return page;
  } catch {
    // fall through
  }
  throw new RolloutError('pattern-invalid', page);
}

/**
 * What comms typed into a prefix field, as a stored prefix for each intranet origin: "/hr/" or
 * "hr" becomes `${origin}/hr/` for every origin; a full URL stays itself (its directory).
 */
export function prefixesFromInput(input: string, origins: string[]): string[] {
  const text = input.trim();
  if (text === '') return [];
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      return [`${url.origin}${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}`];
    } catch {
      return [text];
    }
  }
  const path = `/${text.replace(/^\/+/, '').replace(/\/*$/, '/')}`.replace(/\/+/g, '/');
  return origins.map((origin) => `${new URL(origin).origin}${path}`);
}

// ---------- dates ----------

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of midnight at the start of `date` (YYYY-MM-DD) in `timeZone`; NaN if it is no date. */
export function startOfDay(date: string, timeZone = ROLLOUT_TIME_ZONE): number {
  const match = DATE.exec(date);
  if (!match) return NaN;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(y, m - 1, d);
  if (new Date(utc).getUTCDate() !== d) return NaN;
  // The zone's offset at that moment (twice: the first guess may sit on the other side of a DST change).
  let guess = utc;
  for (let i = 0; i < 2; i++) guess = utc - zoneOffset(guess, timeZone);
  return guess;
}

function zoneOffset(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - (at - (at % 1000));
}

/** The day after `date` (YYYY-MM-DD). */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// ---------- compiling for the rules ----------

/** RE2 (the rules' regular expressions) escaping of a literal. */
const escapeRegex = (text: string) => text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/** One regular expression for "in one of these departments or below" over a path joined with " > ". */
export function departmentPattern(departments: string[]): string {
  if (departments.length === 0) return '';
  return `^(${departments.map(escapeRegex).join('|')})( > .*)?$`;
}

/** Every prefix and page URL → its section. */
export function compileIndex(sections: Record<string, SectionSetting>): Record<string, string> {
  const index: Record<string, string> = {};
  for (const [id, section] of Object.entries(sections)) for (const key of [...section.prefixes, ...section.pages]) index[key] = id;
  return index;
}

// ---------- applying an edit ----------

/** A section or group id made from its name (also a valid role section, lib/core/directory-roles.ts). */
export function idFromName(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
      .replace(/^[-_.]+|-+$/g, '')
      .slice(0, 40) || 'sectie';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

function checkSection(rollout: Rollout, id: string, input: SectionInput): SectionSetting {
  const prefixes = input.prefixes.map(checkPrefix);
  const pages = input.pages.map(checkPage);
  if (prefixes.length + pages.length === 0) throw new RolloutError('pattern-missing');
  for (const key of [...prefixes, ...pages]) {
    const owner = rollout.index[key];
    if (owner !== undefined && owner !== id && rollout.sections[owner]) throw new RolloutError('pattern-overlap', `${key} (${rollout.sections[owner]!.name})`);
  }
  if (input.pilotGroups.length > MAX_GROUPS_PER_SECTION) throw new RolloutError('too-many-groups');
  for (const group of input.pilotGroups) if (!rollout.groups[group]) throw new RolloutError('unknown-group', group);
  for (const [other, section] of Object.entries(rollout.sections))
    if (other !== id && sameName(section.name, input.name)) throw new RolloutError('name-taken', input.name);
  return { ...input, prefixes, pages, othersSee: input.othersSee };
}

function checkGroup(rollout: Rollout, id: string, input: GroupInput, timeZone: string): PilotGroup {
  if (input.members.people.length + input.members.departments.length === 0) throw new RolloutError('group-empty', input.name);
  const fromAt = startOfDay(input.from, timeZone);
  const untilAt = startOfDay(input.until, timeZone);
  if (Number.isNaN(fromAt) || Number.isNaN(untilAt)) throw new RolloutError('dates-invalid');
  if (untilAt < fromAt) throw new RolloutError('dates-reversed');
  if (input.control) {
    const both =
      input.control.people.find((p) => input.members.people.includes(p)) ?? input.control.departments.find((d) => input.members.departments.includes(d));
    if (both) throw new RolloutError('control-overlap', both);
  }
  for (const [other, group] of Object.entries(rollout.groups))
    if (other !== id && sameName(group.name, input.name)) throw new RolloutError('name-taken', input.name);
  return {
    name: input.name,
    members: input.members,
    from: input.from,
    until: input.until,
    control: input.control && input.control.people.length + input.control.departments.length > 0 ? input.control : null,
    ambassadors: input.ambassadors,
    fromAt,
    untilAt: startOfDay(nextDay(input.until), timeZone),
    departmentPattern: departmentPattern(input.members.departments),
  };
}

/** What an edit did: the new rollout, the id it touched, and that thing before and after (for the audit log). */
export interface AppliedEdit {
  rollout: Rollout;
  id: string | null;
  before: unknown;
  after: unknown;
}

/** Applies one edit to a rollout (pure; `timeZone` for pilot dates). Throws RolloutError for anything refused. */
export function applyRolloutEdit(rollout: Rollout, edit: RolloutEdit, timeZone = ROLLOUT_TIME_ZONE): AppliedEdit {
  const sections = { ...rollout.sections };
  const groups = { ...rollout.groups };
  const done = (id: string | null, before: unknown, after: unknown): AppliedEdit => ({
    rollout: { ...rollout, sections, groups, index: compileIndex(sections) },
    id,
    before: before ?? null,
    after: after ?? null,
  });
  switch (edit.op) {
    case 'rest': {
      const after: RestSetting = { mode: edit.mode, features: edit.features, ...(edit.premoderation ? { premoderation: edit.premoderation } : {}) };
      return { ...done(null, rollout.rest, after), rollout: { ...rollout, rest: after } };
    }
    case 'section': {
      if (edit.id !== null && !sections[edit.id]) throw new RolloutError('unknown-section', edit.id);
      if (edit.id === null && Object.keys(sections).length >= MAX_SECTIONS) throw new RolloutError('too-many');
      const id = edit.id ?? idFromName(edit.section.name, new Set(Object.keys(sections)));
      if (sectionProblem(id)) throw new RolloutError('name-invalid', edit.section.name);
      const before = sections[id];
      sections[id] = checkSection(rollout, id, edit.section);
      return done(id, before, sections[id]);
    }
    case 'removeSection': {
      const before = sections[edit.id];
      if (!before) throw new RolloutError('unknown-section', edit.id);
      delete sections[edit.id];
      return done(edit.id, before, null);
    }
    case 'group': {
      if (edit.id !== null && !groups[edit.id]) throw new RolloutError('unknown-group', edit.id);
      if (edit.id === null && Object.keys(groups).length >= MAX_GROUPS) throw new RolloutError('too-many');
      const id = edit.id ?? `g-${idFromName(edit.group.name, new Set(Object.keys(groups).map((g) => g.slice(2))))}`;
      const before = groups[id];
      groups[id] = checkGroup(rollout, id, edit.group, timeZone);
      return done(id, before, groups[id]);
    }
    case 'removeGroup': {
      const before = groups[edit.id];
      if (!before) throw new RolloutError('unknown-group', edit.id);
      const user = Object.values(sections).find((s) => s.pilotGroups.includes(edit.id));
      if (user) throw new RolloutError('group-in-use', user.name);
      delete groups[edit.id];
      return done(edit.id, before, null);
    }
  }
}

/** The patterns an edit adds that were not there before (the server checks each matches a page seen). */
export function newPatterns(before: Rollout, edit: RolloutEdit): string[] {
  if (edit.op !== 'section') return [];
  const old = edit.id ? before.sections[edit.id] : undefined;
  const had = new Set([...(old?.prefixes ?? []), ...(old?.pages ?? [])]);
  return [...edit.section.prefixes, ...edit.section.pages].filter((key) => !had.has(key));
}
