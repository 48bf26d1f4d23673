// Membership decided on the server, at every sign-up and every sign-in (Auth blocking functions):
// a non-member gets no account and no session; a member's token carries `member: true` and their
// roles as custom claims, which the rules and the panel read without reading any document.
//
// The policy is the organisation config's e-mail domains plus Firestore `config/membership` (allow
// and deny lists, and further domains, written by administrators), and the directory
// (`directory/{personId}`, written by `npm run directory:import`) says who has left. Both are read
// with the Admin SDK; clients can read neither.
import { HttpsError } from 'firebase-functions/v2/https';
import { beforeUserCreated, beforeUserSignedIn, type AuthBlockingEvent } from 'firebase-functions/v2/identity';
import { decideMembership, type MemberClaims, type MembershipPolicy, type Roles } from '../../lib/core/membership';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { db } from './admin';

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * The organisation's membership policy: the configured domains, and the lists administrators keep.
 * Read at every sign-in (one document; a person signs in once per session), so a change to the
 * lists applies to the next sign-in at once.
 */
export async function membershipPolicy(): Promise<MembershipPolicy> {
  const data = (await db.doc('config/membership').get()).data() ?? {};
  const domains = [...BUILD_ORG_CONFIG.membership.domains, ...strings(data.domains)];
  return { domains, allow: strings(data.allow), deny: strings(data.deny) };
}

/** The directory entry of an e-mail address, if the directory knows it. */
async function directoryEntry(email: string): Promise<{ active: boolean; roles: Roles } | undefined> {
  const snap = await db.collection('directory').where('email', '==', email.trim().toLowerCase()).limit(1).get();
  const data = snap.docs[0]?.data();
  if (!data) return undefined;
  return { active: data.active !== false, roles: typeof data.roles === 'object' && data.roles !== null ? (data.roles as Roles) : {} };
}

/** The claims for the person signing in, or a refusal whose message is the reason (the panel translates it). */
async function claimsFor(event: AuthBlockingEvent): Promise<MemberClaims> {
  const email = event.data?.email;
  const entry = email ? await directoryEntry(email) : undefined;
  const decision = decideMembership(email, await membershipPolicy(), entry);
  if (!decision.member) throw new HttpsError('permission-denied', decision.reason);
  return { member: true, ...(entry && Object.keys(entry.roles).length > 0 ? { roles: entry.roles } : {}) };
}

/** Sign-up: only members get an account at all. */
export const membershipAtSignUp = beforeUserCreated(async (event) => ({ customClaims: await claimsFor(event) }));

/** Every sign-in: leavers and people removed from the policy are refused; roles are brought up to date. */
export const membershipAtSignIn = beforeUserSignedIn(async (event) => ({ customClaims: await claimsFor(event) }));
