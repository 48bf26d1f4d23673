// One role change, as the console's function and `npm run roles` both make it: what is asked
// (grant or revoke one role, with sections for moderator and community manager), checked the
// same way for both, and what the person's roles become. Pure; the server applies the result
// (functions/src/roles.ts) and the console translates each refusal by its code.
import { normalizeRoles } from './directory';
import { grantRole, revokeRole, ROLE_NAMES, sectionProblem, type RoleName } from './directory-roles';
import type { Roles } from './membership';

export interface RoleChange {
  action: 'grant' | 'revoke';
  role: RoleName;
  /** moderator: none = everywhere; community_manager: at least one (grant). Others: none. */
  sections: string[];
}

/** Why a change is refused; the console shows each as a translated message, the command line as `message`. */
export type RoleChangeProblem =
  | 'invalid-request'
  | 'invalid-role'
  | 'invalid-section'
  | 'sections-not-allowed'
  | 'sections-required'
  | 'granted-everywhere'
  | 'last-admin'
  | 'not-in-directory'
  | 'not-admin';

export class RoleChangeError extends Error {
  constructor(
    readonly code: RoleChangeProblem,
    message: string,
  ) {
    super(message);
    this.name = 'RoleChangeError';
  }
}

/** At most this many sections in one change (a typo that pastes a whole list is refused, not stored). */
export const MAX_SECTIONS_PER_CHANGE = 20;

/** Reads a role change from untrusted input (the callable's data, the command line's words); throws RoleChangeError. */
export function parseRoleChange(action: unknown, role: unknown, sections: unknown = []): RoleChange {
  if (action !== 'grant' && action !== 'revoke') throw new RoleChangeError('invalid-request', `expected "grant" or "revoke", not ${JSON.stringify(action)}`);
  const name = typeof role === 'string' ? role.trim().toLowerCase() : '';
  if (!(ROLE_NAMES as readonly string[]).includes(name)) {
    throw new RoleChangeError('invalid-role', `"${String(role)}" is not a role; expected one of ${ROLE_NAMES.join(', ')}`);
  }
  if (!Array.isArray(sections) || sections.length > MAX_SECTIONS_PER_CHANGE || sections.some((s) => typeof s !== 'string')) {
    throw new RoleChangeError('invalid-request', `sections: expected at most ${MAX_SECTIONS_PER_CHANGE} names`);
  }
  const list = [...new Set((sections as string[]).map((s) => s.trim()).filter(Boolean))];
  for (const section of list) {
    const problem = sectionProblem(section);
    if (problem) throw new RoleChangeError('invalid-section', problem);
  }
  return { action, role: name as RoleName, sections: list };
}

/**
 * What `before` becomes with `change`, and whether that is a change at all. `otherActiveAdmins`:
 * how many people besides this one are administrators and have not left; taking away the last
 * administrator is refused (nobody could grant roles any more). Throws RoleChangeError.
 */
export function planRoleChange(before: Roles, change: RoleChange, otherActiveAdmins: number): { after: Roles; changed: boolean } {
  const current = normalizeRoles(before);
  const { action, role, sections } = change;
  if (sections.length > 0 && role !== 'moderator' && role !== 'community_manager') {
    throw new RoleChangeError('sections-not-allowed', `"${role}" takes no sections`);
  }
  if (action === 'grant' && role === 'community_manager' && sections.length === 0) {
    throw new RoleChangeError('sections-required', '"community_manager" needs its sections, e.g. community_manager HR ICT');
  }
  if (action === 'revoke' && role === 'moderator' && sections.length > 0 && current.moderator === true) {
    throw new RoleChangeError('granted-everywhere', '"moderator" is granted everywhere: revoke it without sections, then grant the sections wanted');
  }
  const after = action === 'grant' ? grantRole(current, role, sections) : revokeRole(current, role, sections);
  if (current.admin && !after.admin && otherActiveAdmins < 1) {
    throw new RoleChangeError('last-admin', 'this is the last administrator: make someone else administrator first');
  }
  return { after, changed: JSON.stringify(after) !== JSON.stringify(current) };
}
