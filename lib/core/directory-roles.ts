// Roles as the directory file and the roles script write them ("leader", "community_manager:HR|ICT"),
// and granting or revoking one. Pure; the roles themselves are lib/core/membership.ts's Roles.
import type { Roles } from './membership';

type Data = Record<string, unknown>;
import { MAX_SECTION_LENGTH, normalizeRoles } from './directory';

/** The role names of the file and the roles script, and what each means (lib/core/membership.ts Roles). */
export const ROLE_NAMES = ['admin', 'comms', 'moderator', 'community_manager', 'ambassador', 'leader'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

const SECTION = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

/** Checks one section name; returns what is wrong, or null. */
export function sectionProblem(section: string): string | null {
  if (section.length > MAX_SECTION_LENGTH) return `section "${section}" is longer than ${MAX_SECTION_LENGTH} characters`;
  if (!SECTION.test(section)) return `section "${section}" may hold only letters, digits, "_", "." and "-"`;
  return null;
}

/** Adds a role (with sections for moderator and community_manager) to a set of roles; throws what is wrong. */
export function grantRole(roles: Roles, name: string, sections: string[] = []): Roles {
  const next: Roles = { ...normalizeRoles(roles) };
  const role = name.trim().toLowerCase();
  for (const section of sections) {
    const problem = sectionProblem(section);
    if (problem) throw new Error(problem);
  }
  switch (role) {
    case 'admin':
    case 'comms':
    case 'ambassador':
    case 'leader':
      if (sections.length > 0) throw new Error(`"${role}" takes no sections`);
      next[role] = true;
      break;
    case 'moderator':
      if (sections.length === 0) next.moderator = true;
      else if (next.moderator !== true) next.moderator = [...(next.moderator ?? []), ...sections];
      break;
    case 'community_manager':
      if (sections.length === 0) throw new Error('"community_manager" needs its sections, e.g. community_manager:HR|ICT');
      next.communityManager = [...(next.communityManager ?? []), ...sections];
      break;
    default:
      throw new Error(`"${name}" is not a role; expected one of ${ROLE_NAMES.join(', ')}`);
  }
  return normalizeRoles(next);
}

/** Removes a role, or only some of its sections; throws what is wrong. */
export function revokeRole(roles: Roles, name: string, sections: string[] = []): Roles {
  const next: Roles = { ...normalizeRoles(roles) };
  const role = name.trim().toLowerCase();
  const key = role === 'community_manager' ? 'communityManager' : role;
  if (!(ROLE_NAMES as readonly string[]).includes(role)) throw new Error(`"${name}" is not a role; expected one of ${ROLE_NAMES.join(', ')}`);
  if (sections.length === 0) {
    delete next[key as keyof Roles];
  } else if (role === 'moderator' || role === 'community_manager') {
    const current = next[key as 'moderator' | 'communityManager'];
    if (current === true) throw new Error(`"${role}" is granted everywhere: revoke it without sections, then grant the sections wanted`);
    (next as Data)[key] = (current ?? []).filter((s) => !sections.includes(s));
  } else {
    throw new Error(`"${role}" takes no sections`);
  }
  return normalizeRoles(next);
}

/**
 * Reads a roles cell: role names separated by spaces, sections after a colon separated by `|`:
 * `leader`, `moderator`, `moderator:HR|ICT community_manager:HR`. Throws what is wrong.
 */
export function parseRolesCell(cell: string): Roles {
  let roles: Roles = {};
  const seen = new Set<string>();
  for (const word of cell.split(/\s+/).filter(Boolean)) {
    const colon = word.indexOf(':');
    const name = (colon < 0 ? word : word.slice(0, colon)).toLowerCase();
    const sections = colon < 0 ? [] : word.slice(colon + 1).split('|');
    if (colon >= 0 && sections.some((s) => s === '')) throw new Error(`"${word}" has an empty section; expected ${name}:SECTION|SECTION`);
    if (seen.has(name)) throw new Error(`"${name}" is listed twice; expected each role once`);
    seen.add(name);
    roles = grantRole(roles, name, sections);
  }
  return roles;
}

/** Writes roles as a roles cell (the inverse of parseRolesCell). */
export function formatRolesCell(roles: Roles): string {
  const r = normalizeRoles(roles);
  const words: string[] = [];
  if (r.admin) words.push('admin');
  if (r.comms) words.push('comms');
  if (r.moderator === true) words.push('moderator');
  else if (r.moderator) words.push(`moderator:${r.moderator.join('|')}`);
  if (r.communityManager) words.push(`community_manager:${r.communityManager.join('|')}`);
  if (r.ambassador) words.push('ambassador');
  if (r.leader) words.push('leader');
  return words.join(' ');
}
