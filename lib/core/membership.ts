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
export type NotMemberReason = 'not-in-organisation' | 'former-colleague' | 'no-email' | 'other-tenant';

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

/** How a person is signing in, as the server's sign-in event tells it. */
export interface SignInEvidence {
  /** The sign-in method: 'password', or the identity provider's id in Firebase ('oidc.entra'). */
  providerId: string | undefined;
  /** The e-mail address on the account (from the provider's `email` claim for an identity provider). */
  email: string | undefined | null;
  /** The identity provider's claims (its ID token's), when signing in through one. */
  idpClaims?: Record<string, unknown>;
}

/** What an Auth blocking event says about the sign-in (firebase-functions' AuthBlockingEvent, the parts read here). */
export interface SignInEventParts {
  data?: { email?: string | null };
  /** `providerId`: the sign-in method; `profile`: the identity provider's claims (an OIDC provider's ID token claims). */
  additionalUserInfo?: { providerId?: string; profile?: unknown };
  /** The provider's tokens, when the function asks for them (`idToken: true`). */
  credential?: { providerId?: string; idToken?: string } | null;
}

/** The claims of a JWT's payload, unverified; {} when unreadable. */
function jwtPayload(token: string | undefined): Record<string, unknown> {
  try {
    const part = token?.split('.')[1] ?? '';
    const binary = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * How a person is signing in, from a blocking event: the method, the account's e-mail, and the
 * identity provider's claims — the event's profile, else the provider's ID token (verified by
 * Firebase Auth before the function runs, and the event itself is signed by Firebase Auth).
 */
export function signInEvidence(event: SignInEventParts): SignInEvidence {
  const profile = event.additionalUserInfo?.profile;
  const fromProfile = typeof profile === 'object' && profile !== null ? (profile as Record<string, unknown>) : {};
  return {
    providerId: event.additionalUserInfo?.providerId ?? event.credential?.providerId,
    email: event.data?.email,
    idpClaims: { ...jwtPayload(event.credential?.idToken), ...fromProfile },
  };
}

/** The organisation's identity provider and the tenants whose accounts it accepts (the organisation file). */
export interface TenantPolicy {
  /** The provider id in Firebase ('' when the organisation has none). */
  oidcProviderId: string;
  /** Entra ID tenant ids (`tid`); empty: any account the provider signs in, the e-mail domains decide. */
  tenantIds: string[];
}

/**
 * The tenant check of a sign-in through the organisation's identity provider: with tenants
 * configured, the token's `tid` must be one of them (a multi-tenant app registration, or a guest
 * account from another organisation's directory, would otherwise pass on its e-mail domain alone).
 * Password sign-ins and other providers are not its business. Returns the refusal, or null.
 */
export function tenantRefusal(signIn: SignInEvidence, policy: TenantPolicy): 'other-tenant' | null {
  if (!policy.oidcProviderId || signIn.providerId !== policy.oidcProviderId || policy.tenantIds.length === 0) return null;
  const tid = signIn.idpClaims?.tid;
  const allowed = new Set(policy.tenantIds.map((id) => id.trim().toLowerCase()));
  return typeof tid === 'string' && allowed.has(tid.trim().toLowerCase()) ? null : 'other-tenant';
}

/**
 * The address membership is decided on. The account's e-mail; for a sign-in through the
 * organisation's identity provider whose tenant was checked, and only then, Entra ID's
 * `preferred_username` (the UPN) when the account has no e-mail: Entra sends `email` only when it
 * is configured as an optional claim and the person has a mailbox, while a UPN can only end in one
 * of the tenant's verified domains. Without a tenant check a UPN proves nothing and is not used.
 */
export function membershipEmail(signIn: SignInEvidence, policy: TenantPolicy): string | null {
  const email = signIn.email?.trim();
  if (email) return email.toLowerCase();
  const tenantChecked = policy.tenantIds.length > 0 && signIn.providerId === policy.oidcProviderId && tenantRefusal(signIn, policy) === null;
  const upn = signIn.idpClaims?.preferred_username;
  return tenantChecked && typeof upn === 'string' && upn.includes('@') ? upn.trim().toLowerCase() : null;
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
  return {
    member: false,
    roles: {},
    reason: reason === 'former-colleague' || reason === 'no-email' || reason === 'other-tenant' ? reason : 'not-in-organisation',
  };
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
