// Rollout: where the layer is on, for whom, with which features — what the comms console sets and
// every client and the rules follow. Pure: the document's shape (`config/rollout`), reading it
// back untrusted, the edits the console makes and what is wrong with them, and the one question
// everybody asks: "what does this person get on this page, now?".
//
// The intranet as comms sees it is a set of sections, each a list of URL prefixes
// (`https://intranet/hr/`) and/or single pages (an exact page URL: a page "set itself"). The most
// specific match wins: an exact page, then the longest prefix, then the rest of the intranet
// (`rest`). A section may be limited to pilot groups (people and/or departments, with dates);
// others then see nothing or read only, and a pilot's control group never sees it (so insights
// can compare).
//
// The rules (firebase/firestore.rules, "rollout") answer the same question for writes from the
// same document, so the compiled parts here are shaped for them: `index` maps each prefix or page
// URL to its section (the rules look a page's URL and its parent directories up in it, at most
// MAX_PREFIX_DEPTH deep), and each group carries `departmentPattern` (one regular expression for
// its departments) and its dates as timestamps.

import { PREMODERATION_MODES, type Premoderation } from './moderation/model';

/** Layer off (nothing shows), read only (threads show, no writing), or on. */
export type LayerMode = 'off' | 'read' | 'on';
export const LAYER_MODES: readonly LayerMode[] = ['off', 'read', 'on'];

/** The features a section can switch on or off. */
export interface Features {
  comments: boolean;
  likes: boolean;
  anonymous: boolean;
  experts: boolean;
}
export const FEATURE_NAMES = ['comments', 'likes', 'anonymous', 'experts'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export const ALL_FEATURES: Features = { comments: true, likes: true, anonymous: true, experts: true };

/** The rest of the intranet: every page no section covers. */
export interface RestSetting {
  mode: LayerMode;
  features: Features;
  /** Which new posts wait for a moderator (lib/core/moderation/model.ts); absent: 'off'. */
  premoderation?: Premoderation;
}

export interface SectionSetting {
  /** The section's name comms gave it ("HR", "Sociaal domein"). Also its id for roles scoped to sections. */
  name: string;
  /** 'page': one page set itself (its `pages` holds that page's URL); else a section of the intranet. */
  kind: 'section' | 'page';
  /** URL prefixes, each ending in "/": `https://intranet.example/hr/`. */
  prefixes: string[];
  /** Exact page URLs (as Prikbord identifies pages). */
  pages: string[];
  mode: LayerMode;
  features: Features;
  /** Empty: everyone. Else only members of these pilot groups (at most MAX_GROUPS_PER_SECTION). */
  pilotGroups: string[];
  /** What people outside the pilot groups see (when pilotGroups is set): nothing, or read only. */
  othersSee: 'off' | 'read';
  /** Which new posts wait for a moderator (lib/core/moderation/model.ts); absent: 'off'. */
  premoderation?: Premoderation;
}

/**
 * Who: people (their uids: picked in the console from the directory, which lists people who have
 * signed in once) and departments (paths as "Bedrijfsvoering > HR", with their sub-departments,
 * which also covers people who have not signed in yet).
 */
export interface Audience {
  people: string[];
  departments: string[];
}

export interface PilotGroup {
  name: string;
  members: Audience;
  /** First and last day (YYYY-MM-DD, the organisation's time zone), both included. */
  from: string;
  until: string;
  /** A comparable group that does not get the layer where this group does (null: none). */
  control: Audience | null;
  /** Uids of the group's ambassadors: marked in threads, listed for the group. */
  ambassadors: string[];
  /** Compiled for the rules: the start of `from` and the end of `until`, epoch ms. */
  fromAt: number;
  untilAt: number;
  /** Compiled for the rules: one regular expression matching the members' department paths ("" when none). */
  departmentPattern: string;
}

export interface Rollout {
  rest: RestSetting;
  sections: Record<string, SectionSetting>;
  groups: Record<string, PilotGroup>;
  /** Compiled: each prefix and page URL → its section id. */
  index: Record<string, string>;
  /** Epoch ms of the last change (0 before the server set it). */
  updatedAt: number;
}

/** The rules look a page's URL up at most this many directories deep (they cannot loop). */
export const MAX_PREFIX_DEPTH = 6;
/** The rules check at most this many pilot groups per section (they cannot loop). */
export const MAX_GROUPS_PER_SECTION = 3;
export const MAX_SECTIONS = 200;
export const MAX_GROUPS = 50;
export const MAX_PATTERNS_PER_SECTION = 50;
export const MAX_PEOPLE_PER_GROUP = 2000;
export const MAX_NAME_LENGTH = 60;

/** The time zone pilot dates are days in. */
export const ROLLOUT_TIME_ZONE = 'Europe/Amsterdam';

/** No rollout document yet: the layer is on everywhere with every feature (as before comms set anything). */
export const NO_ROLLOUT: Rollout = { rest: { mode: 'on', features: ALL_FEATURES }, sections: {}, groups: {}, index: {}, updatedAt: 0 };

// ---------- who gets what ----------

/** What a person is, as far as rollout asks: their uid and department path. */
export interface RolloutPerson {
  uid: string | null;
  departmentPath: string[];
}

/** What one person gets on one page. */
export interface PageAccess {
  mode: LayerMode;
  features: Features;
  /** The section that decided it; null for the rest of the intranet. */
  sectionId: string | null;
  /** The pilot group that let them in, when a pilot decided it. */
  pilotGroupId: string | null;
}

export const NO_ACCESS: PageAccess = {
  mode: 'off',
  features: { comments: false, likes: false, anonymous: false, experts: false },
  sectionId: null,
  pilotGroupId: null,
};

/** The prefixes of a URL's directories, deepest first, as the rules compute them (split on "/", at most MAX_PREFIX_DEPTH deep). */
export function urlPrefixes(url: string): string[] {
  const parts = url.split('/');
  const out: string[] = [];
  for (let depth = MAX_PREFIX_DEPTH; depth >= 0; depth--) {
    if (parts.length > depth + 3) out.push(`${parts.slice(0, depth + 3).join('/')}/`);
  }
  return out;
}

/** The section a page URL belongs to (exact page first, then the deepest prefix); null: the rest. */
export function sectionIdFor(rollout: Rollout, url: string): string | null {
  for (const key of [url, ...urlPrefixes(url)]) {
    const id = rollout.index[key];
    if (id !== undefined && rollout.sections[id]) return id;
  }
  return null;
}

const departmentKey = (path: string[]) => path.join(' > ');

/** Whether a person is in an audience: named, or in one of its departments or below. */
export function inAudience(audience: Audience, person: RolloutPerson): boolean {
  if (person.uid !== null && audience.people.includes(person.uid)) return true;
  const mine = departmentKey(person.departmentPath);
  return mine !== '' && audience.departments.some((d) => mine === d || mine.startsWith(`${d} > `));
}

/** Whether a group's dates include `now` (epoch ms). */
export function isRunning(group: PilotGroup, now: number): boolean {
  return now >= group.fromAt && now < group.untilAt;
}

/** What `person` gets on the page at `url` at `now`. */
export function accessFor(rollout: Rollout, url: string, person: RolloutPerson, now: number): PageAccess {
  return accessInSection(rollout, sectionIdFor(rollout, url), person, now);
}

/** What `person` gets on every page of section `sectionId` (null: the rest of the intranet) at `now`. */
export function accessInSection(rollout: Rollout, sectionId: string | null, person: RolloutPerson, now: number): PageAccess {
  if (sectionId === null || !rollout.sections[sectionId])
    return { mode: rollout.rest.mode, features: rollout.rest.features, sectionId: null, pilotGroupId: null };
  const section = rollout.sections[sectionId]!;
  if (section.mode === 'off' || section.pilotGroups.length === 0) return { mode: section.mode, features: section.features, sectionId, pilotGroupId: null };
  const groups = section.pilotGroups.map((id) => [id, rollout.groups[id]] as const).filter((entry): entry is readonly [string, PilotGroup] => !!entry[1]);
  const pilot = groups.find(([, group]) => isRunning(group, now) && inAudience(group.members, person));
  if (pilot) return { mode: section.mode, features: section.features, sectionId, pilotGroupId: pilot[0] };
  // A control group is kept out entirely, whatever others see: it is the comparison.
  const control = groups.some(([, group]) => isRunning(group, now) && group.control && inAudience(group.control, person));
  const mode: LayerMode = control || section.othersSee === 'off' ? 'off' : 'read';
  return { mode, features: section.features, sectionId, pilotGroupId: null };
}

/** Whether a feature can be used (written) with this access. */
export function canUse(access: PageAccess, feature: FeatureName): boolean {
  return access.mode === 'on' && access.features[feature];
}

/** The uids of every running pilot's ambassadors (marked in threads). */
export function pilotAmbassadors(rollout: Rollout, now: number): Set<string> {
  const out = new Set<string>();
  for (const group of Object.values(rollout.groups)) if (isRunning(group, now)) group.ambassadors.forEach((id) => out.add(id));
  return out;
}

// ---------- reading the document back (untrusted) ----------

type Data = Record<string, unknown>;
const record = (value: unknown): Data => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : {});
const strings = (value: unknown, max = 5000): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, max) : []);
const mode = (value: unknown): LayerMode => ((LAYER_MODES as readonly unknown[]).includes(value) ? (value as LayerMode) : 'off');
const millis = (value: unknown): number => {
  if (typeof value === 'number') return value;
  const v = record(value);
  return typeof v.toMillis === 'function' ? (v.toMillis as () => number)() : 0;
};

function featuresFrom(value: unknown): Features {
  const v = record(value);
  return { comments: v.comments === true, likes: v.likes === true, anonymous: v.anonymous === true, experts: v.experts === true };
}

/** Pre-moderation as stored: only a known mode other than 'off' is kept (absent means off). */
function premoderationFrom(value: unknown): { premoderation?: Premoderation } {
  return value !== 'off' && (PREMODERATION_MODES as readonly unknown[]).includes(value) ? { premoderation: value as Premoderation } : {};
}

/** Which new posts wait for a moderator where `setting` decides ('off' when it does not say). */
export function premoderationOf(setting: { premoderation?: Premoderation } | undefined): Premoderation {
  return setting?.premoderation ?? 'off';
}

/**
 * Whether a new post on the page at `url` waits for a moderator (written to `held/`, not to
 * `comments/`): the page's deciding setting (its section's, else the rest's) pre-moderates all
 * posts, or anonymous ones and this is one. The rules decide the same from the same document.
 */
export function isPremoderated(rollout: Rollout, url: string, anonymous: boolean): boolean {
  const id = sectionIdFor(rollout, url);
  const mode = premoderationOf(id === null ? rollout.rest : rollout.sections[id]);
  return mode === 'all' || (mode === 'anonymous' && anonymous);
}

function audienceFrom(value: unknown): Audience {
  const v = record(value);
  return { people: strings(v.people), departments: strings(v.departments) };
}

/** `config/rollout` as a Rollout. A field of the wrong shape reads as its most closed value (fail closed). */
export function rolloutFromDoc(data: Data): Rollout {
  const rest = record(data.rest);
  const sections: Record<string, SectionSetting> = {};
  for (const [id, raw] of Object.entries(record(data.sections))) {
    const s = record(raw);
    sections[id] = {
      name: typeof s.name === 'string' ? s.name : id,
      kind: s.kind === 'page' ? 'page' : 'section',
      prefixes: strings(s.prefixes),
      pages: strings(s.pages),
      mode: mode(s.mode),
      features: featuresFrom(s.features),
      pilotGroups: strings(s.pilotGroups, MAX_GROUPS_PER_SECTION),
      othersSee: s.othersSee === 'read' ? 'read' : 'off',
      ...premoderationFrom(s.premoderation),
    };
  }
  const groups: Record<string, PilotGroup> = {};
  for (const [id, raw] of Object.entries(record(data.groups))) {
    const g = record(raw);
    groups[id] = {
      name: typeof g.name === 'string' ? g.name : id,
      members: audienceFrom(g.members),
      from: typeof g.from === 'string' ? g.from : '',
      until: typeof g.until === 'string' ? g.until : '',
      control: g.control ? audienceFrom(g.control) : null,
      ambassadors: strings(g.ambassadors),
      fromAt: millis(g.fromAt),
      untilAt: millis(g.untilAt),
      departmentPattern: typeof g.departmentPattern === 'string' ? g.departmentPattern : '',
    };
  }
  const index: Record<string, string> = {};
  for (const [key, id] of Object.entries(record(data.index))) if (typeof id === 'string') index[key] = id;
  return {
    rest: { mode: mode(rest.mode), features: featuresFrom(rest.features), ...premoderationFrom(rest.premoderation) },
    sections,
    groups,
    index,
    updatedAt: millis(data.updatedAt),
  };
}
