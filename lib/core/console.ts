// The comms console's pure parts: who may open it and do what, finding a person in the local
// directory, the "who has which role" overview, and the sections to suggest. The console's pages
// (components/console/) render these; the rules and the functions decide in the end.
import { sectionProblem } from './directory-roles';
import { moderationScope } from './moderation/queue-view';
import type { Roles } from './membership';
import { mentionCandidates } from './mentions';
import type { PersonRow } from './rows';

/** What a person may do in the console; null: it is not for them (they never see the button). */
export interface ConsoleAccess {
  /** Change roles (administrators), or only see who has which (comms); null: not shown (leaders). */
  roles: 'manage' | 'view' | null;
  /** Read the audit log (comms and administrators, as the rules allow). */
  audit: boolean;
  /** Manage rollout: sections, pages and pilot groups (comms and administrators, as changeRollout allows). */
  rollout: boolean;
  /** Pages: aliases, merges, moves and announcements (comms, administrators); announcements only (leaders); null: not shown (moderators only). */
  pages: 'manage' | 'announce' | null;
  /** Insights: anonymous figures about use (comms and administrators, as the callable insightsReport allows). */
  insights: boolean;
  /** The moderation queue: every section (administrators, moderators everywhere), the listed sections, or null (lib/core/moderation/queue-view.ts moderationScope). */
  moderation: 'all' | string[] | null;
}

/**
 * Administrators manage roles; the communications team sees them and reads the audit log; both
 * manage rollout and pages and read insights. A leader may pin an announcement on a page, so sees Pages for that alone.
 * Moderators (and administrators) work the moderation queue there, for the sections they moderate.
 * Community managers and ambassadors have nothing in the console yet (their tools come with later
 * parts), so they are not shown a console that would be empty.
 */
export function consoleAccess(roles: Roles): ConsoleAccess | null {
  const moderation = moderationScope(roles);
  if (roles.admin) return { roles: 'manage', audit: true, rollout: true, pages: 'manage', insights: true, moderation };
  if (roles.comms) return { roles: 'view', audit: true, rollout: true, pages: 'manage', insights: true, moderation };
  if (roles.leader) return { roles: null, audit: false, rollout: false, pages: 'announce', insights: false, moderation };
  if (moderation) return { roles: null, audit: false, rollout: false, pages: null, insights: false, moderation };
  return null;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * People matching a search: names first (a word of the name starting with the query, as the
 * @mention list finds them), then job title or department containing it. Leavers are left out
 * (they can't sign in, so their roles do nothing).
 */
export function findPeople<T extends Pick<PersonRow, 'displayName' | 'jobTitle' | 'departmentPath' | 'active'>>(people: T[], query: string, limit = 20): T[] {
  const q = fold(query.trim());
  if (q === '') return [];
  const current = people.filter((p) => p.active !== false);
  const byName = mentionCandidates(current, query, limit);
  const named = new Set(byName);
  const byWork = current
    .filter((p) => !named.has(p) && [p.jobTitle, ...p.departmentPath].some((field) => fold(field).includes(q)))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return [...byName, ...byWork].slice(0, limit);
}

/** One line of the overview: the people holding a role (in a section, when it has sections). */
export interface RoleGroup<T> {
  role: 'admin' | 'comms' | 'moderator' | 'community_manager' | 'ambassador' | 'leader';
  /** The section, for moderators of some sections and community managers; null: everywhere / no sections. */
  section: string | null;
  people: T[];
}

/**
 * Who has which role, in the order a comms advisor reads it: administrators, comms, leaders,
 * ambassadors, moderators (everywhere, then per section), community managers per section. A role
 * nobody holds is still listed, with nobody in it (the console says so); sections only when held.
 */
export function roleHolders<T extends Pick<PersonRow, 'displayName' | 'active'> & { roles?: Roles }>(people: T[]): RoleGroup<T>[] {
  const current = people.filter((p) => p.active !== false).sort((a, b) => a.displayName.localeCompare(b.displayName));
  const holding = (test: (roles: Roles) => boolean) => current.filter((p) => test(p.roles ?? {}));
  const sectionsOf = (pick: (roles: Roles) => string[]) => [...new Set(current.flatMap((p) => pick(p.roles ?? {})))].sort((a, b) => a.localeCompare(b));
  const moderatorSections = (r: Roles) => (Array.isArray(r.moderator) ? r.moderator : []);
  const managerSections = (r: Roles) => r.communityManager ?? [];
  return [
    { role: 'admin', section: null, people: holding((r) => r.admin === true) },
    { role: 'comms', section: null, people: holding((r) => r.comms === true) },
    { role: 'leader', section: null, people: holding((r) => r.leader === true) },
    { role: 'ambassador', section: null, people: holding((r) => r.ambassador === true) },
    { role: 'moderator', section: null, people: holding((r) => r.moderator === true) },
    ...sectionsOf(moderatorSections).map((section) => ({
      role: 'moderator' as const,
      section,
      people: holding((r) => moderatorSections(r).includes(section)),
    })),
    ...(sectionsOf(managerSections).length === 0
      ? [{ role: 'community_manager' as const, section: null, people: [] }]
      : sectionsOf(managerSections).map((section) => ({
          role: 'community_manager' as const,
          section,
          people: holding((r) => managerSections(r).includes(section)),
        }))),
  ];
}

/**
 * Sections to suggest when granting a sectioned role: those already in use first, then the
 * department names that are valid section names (one word: "HR", "ICT", "Financiën"). Free text
 * stays allowed; these only save typing and typos.
 */
export function sectionSuggestions(people: Array<Pick<PersonRow, 'departmentPath'> & { roles?: Roles }>): string[] {
  const inUse = new Set<string>();
  const departments = new Set<string>();
  for (const person of people) {
    const roles = person.roles ?? {};
    for (const s of [...(Array.isArray(roles.moderator) ? roles.moderator : []), ...(roles.communityManager ?? [])]) inUse.add(s);
    for (const level of person.departmentPath) if (sectionProblem(level) === null) departments.add(level);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  return [...[...inUse].sort(byName), ...[...departments].filter((d) => !inUse.has(d)).sort(byName)];
}

/** Sections as typed in the console: separated by commas (or spaces), trimmed, each once. */
export function parseSections(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[,;\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

// ---------- the changeRole callable (functions/src/console.ts) ----------

/** What the console sends to change one role of one person. */
export interface ChangeRoleRequest {
  /** The person's Auth uid (the console finds people in the directory copy, which is keyed by uid). */
  uid: string;
  action: 'grant' | 'revoke';
  /** A role name of lib/core/directory-roles.ts (admin, comms, moderator, community_manager, ambassador, leader). */
  role: string;
  sections: string[];
}

/** What the function answers when the change is done (or was already so). */
export interface ChangeRoleResponse {
  name: string;
  /** False: they already had exactly these roles; nothing was written. */
  changed: boolean;
  before: Roles;
  after: Roles;
  /** Their token's claims (functions/src/roles.ts RoleChangeResult['token']). */
  token: 'updated' | 'unchanged' | 'no-account' | 'failed';
}
