// Roles in words, as the console shows them: "Moderator (HR, ICT)", "Community manager (HR)".
import { t, type MessageKey } from '../../../lib/any/i18n';
import type { RoleName } from '../../../lib/core/directory-roles';
import type { Roles } from '../../../lib/core/membership';

/** The roles in the order the console lists them. */
export const CONSOLE_ROLES: readonly RoleName[] = ['admin', 'comms', 'moderator', 'community_manager', 'ambassador', 'leader'];

const NAMES: Record<RoleName, MessageKey> = {
  admin: 'consoleRoleAdmin',
  comms: 'consoleRoleComms',
  moderator: 'consoleRoleModerator',
  community_manager: 'consoleRoleCommunityManager',
  ambassador: 'consoleRoleAmbassador',
  leader: 'consoleRoleLeader',
};

const DESCRIPTIONS: Record<RoleName, MessageKey> = {
  admin: 'consoleRoleAdminHint',
  comms: 'consoleRoleCommsHint',
  moderator: 'consoleRoleModeratorHint',
  community_manager: 'consoleRoleCommunityManagerHint',
  ambassador: 'consoleRoleAmbassadorHint',
  leader: 'consoleRoleLeaderHint',
};

/** The role's name: "Community manager". */
export const roleName = (role: RoleName): string => t(NAMES[role]);

/** What the role lets someone do, in one sentence. */
export const roleDescription = (role: RoleName): string => t(DESCRIPTIONS[role]);

/** The role with its sections: "Moderator (HR, ICT)"; a moderator everywhere: "Moderator (all sections)". */
export function roleWithSections(role: RoleName, sections: string[] | true | undefined): string {
  if (role === 'moderator' && (sections === true || sections === undefined || sections.length === 0)) return t('consoleRoleEverywhere', roleName(role));
  if (Array.isArray(sections) && sections.length > 0) return t('consoleRoleInSections', roleName(role), sections.join(', '));
  return roleName(role);
}

/** One held role, as the console lists it (a sectioned role: one item per section, to revoke each alone). */
export interface HeldRole {
  role: RoleName;
  /** The one section this item is about; null: the whole role (no sections, or everywhere). */
  section: string | null;
  label: string;
}

/** The roles someone holds, one item each (per section for sectioned roles). */
export function heldRoles(roles: Roles | undefined): HeldRole[] {
  const r = roles ?? {};
  const items: HeldRole[] = [];
  for (const role of CONSOLE_ROLES) {
    if (role === 'moderator') {
      if (r.moderator === true) items.push({ role, section: null, label: roleWithSections(role, true) });
      else for (const s of r.moderator ?? []) items.push({ role, section: s, label: roleWithSections(role, [s]) });
    } else if (role === 'community_manager') {
      for (const s of r.communityManager ?? []) items.push({ role, section: s, label: roleWithSections(role, [s]) });
    } else if (r[role]) {
      items.push({ role, section: null, label: roleName(role) });
    }
  }
  return items;
}

/** All of someone's roles in one line: "Comms, Moderator (all sections)"; "no roles". */
export function rolesText(roles: Roles | undefined): string {
  const r = roles ?? {};
  const parts: string[] = [];
  for (const role of CONSOLE_ROLES) {
    if (role === 'moderator' && r.moderator) parts.push(roleWithSections(role, r.moderator));
    else if (role === 'community_manager' && r.communityManager?.length) parts.push(roleWithSections(role, r.communityManager));
    else if (role !== 'moderator' && role !== 'community_manager' && r[role]) parts.push(roleName(role));
  }
  return parts.length > 0 ? parts.join(', ') : t('consoleNoRoles');
}
