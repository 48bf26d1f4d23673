// Who belongs to the organisation, and what a member's token says about them. Pure: the server
// decides (functions/src/membership.ts, at every sign-up and sign-in) and the rules and the panel
// read the result from the ID token's custom claims, so a membership check costs no document read.
//
// A person is a member when their e-mail address is on the organisation's allow list, or its domain
// is one of the organisation's, unless the address is on the deny list or the directory says they
// have left. Deny wins over allow, allow over domain.

/** The organisation's membership policy (Firestore `config/membership`, written by administrators). */
export interface MembershipPolicy {
  /** E-mail domains whose addresses are members: ['lindeveen.nl']. */
  domains: string[];
  /** Addresses that are members whatever their domain (a contractor, a shared mailbox). */
  allow: string[];
  /** Addresses that are never members (a leaver's alias, a test account). */
  deny: string[];
}

/** Why someone is not a member; the panel turns each into a translated message. */
export type NotMemberReason = 'not-in-organisation' | 'former-colleague' | 'no-email';

export type MembershipDecision = { member: true } | { member: false; reason: NotMemberReason };

/** What the directory says about a person, if it knows them. */
export interface DirectoryStanding {
  /** False for a leaver: their named comments stay, they can no longer sign in. */
  active: boolean;
}

const lower = (list: string[]) => new Set(list.map((item) => item.trim().toLowerCase()));

/** Decides membership for one e-mail address. */
export function decideMembership(email: string | undefined | null, policy: MembershipPolicy, standing?: DirectoryStanding): MembershipDecision {
  const address = (email ?? '').trim().toLowerCase();
  if (!address.includes('@')) return { member: false, reason: 'no-email' };
  if (standing && !standing.active) return { member: false, reason: 'former-colleague' };
  if (lower(policy.deny).has(address)) return { member: false, reason: 'not-in-organisation' };
  if (lower(policy.allow).has(address)) return { member: true };
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return lower(policy.domains).has(domain) ? { member: true } : { member: false, reason: 'not-in-organisation' };
}

/**
 * The roles a member can hold. Server-owned: granted by an administrator, carried in the token
 * (for the rules) and on the profile (for the labels colleagues see).
 * - admin: grants roles, manages the organisation's settings;
 * - comms: the communications team (the console, rollout, insights);
 * - moderator: hides comments, in every section or only in the listed ones;
 * - communityManager: looks after the listed sections (e.g. HR, ICT questions);
 * - ambassador: a pilot's enthusiast, labelled in threads;
 * - leader: management, labelled in threads (people join in when they see management join in).
 */
export interface Roles {
  admin?: true;
  comms?: true;
  /** true: everywhere; a list: only those intranet sections. */
  moderator?: true | string[];
  communityManager?: string[];
  ambassador?: true;
  leader?: true;
}

/** The custom claims of a member's ID token. A token without `member: true` reads and writes nothing. */
export interface MemberClaims {
  member: true;
  roles?: Roles;
}

/** The claims a not-member's token carries: explicitly not a member, so an old claim can't linger. */
export interface NotMemberClaims {
  member: false;
  reason: NotMemberReason;
}

/** Reads the membership claims of a decoded token (untrusted shape: anything else is "not a member"). */
export function membershipFromClaims(claims: Record<string, unknown> | undefined): { member: boolean; roles: Roles; reason?: NotMemberReason } {
  if (claims?.member === true) {
    const roles = typeof claims.roles === 'object' && claims.roles !== null ? (claims.roles as Roles) : {};
    return { member: true, roles };
  }
  const reason = claims?.reason;
  return { member: false, roles: {}, reason: reason === 'former-colleague' || reason === 'no-email' ? reason : 'not-in-organisation' };
}

/** A label colleagues see next to a name: people join in when they see management join in. */
export type RoleLabel = 'leader' | 'communityManager' | 'ambassador';

/**
 * The labels shown for someone's roles, most telling first. Only the roles that help readers
 * (management, the community manager of a section, a pilot's ambassador); moderation, comms and
 * administration are rights, not something to wear in a thread.
 */
export function roleLabels(roles: Roles | undefined): RoleLabel[] {
  if (!roles) return [];
  const labels: RoleLabel[] = [];
  if (roles.leader) labels.push('leader');
  if (roles.communityManager && roles.communityManager.length > 0) labels.push('communityManager');
  if (roles.ambassador) labels.push('ambassador');
  return labels;
}

/** Whether `roles` lets a person moderate comments on a page of `section` (undefined: no section known). */
export function canModerate(roles: Roles, section?: string): boolean {
  if (roles.admin || roles.moderator === true) return true;
  return Array.isArray(roles.moderator) && section !== undefined && roles.moderator.includes(section);
}
