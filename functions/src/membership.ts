// Membership decided on the server, at every sign-up and every sign-in (Auth blocking functions):
// a non-member gets no account and no session; a member's token carries `member: true` and their
// roles as custom claims, which the rules and the panel read without reading any document.
//
// Through the organisation's identity provider (OIDC, e.g. Entra ID), the provider's tenant is
// checked first when the organisation file names tenants (`tid` must be one of them). The event
// carries the provider's claims as `additionalUserInfo.profile` (the ID token's claims for an OIDC
// provider); the functions also ask for the provider's ID token itself (`idToken: true`) and read
// its claims when the profile lacks them. That token was verified by Firebase Auth before the
// function runs, and the event reaches the function signed by Firebase Auth.
//
// The policy is the organisation file's e-mail domains (org-params.ts) plus Firestore
// `config/membership` (allow and deny lists, and further domains, written by administrators), and the directory
// (`directory/{personId}`, written by `npm run directory:import`) says who has left. Both are read
// with the Admin SDK; clients can read neither. At sign-in the person's profile is brought in line
// with their directory entry (profile-from-directory.ts).
import { HttpsError } from 'firebase-functions/v2/https';
import { beforeUserCreated, beforeUserSignedIn, type AuthBlockingEvent } from 'firebase-functions/v2/identity';
import { logger } from 'firebase-functions';
import { decideMembership, membershipEmail, signInEvidence, tenantRefusal, type MemberClaims, type MembershipPolicy } from '../../lib/core/membership';
import { memberClaims, membershipPolicyFrom, type DirectoryEntry } from '../../lib/core/directory';
import { paths } from '../../lib/core/paths';
import { db } from './admin';
import { orgMembership } from './org-params';
import { directoryEntryByEmail, syncProfile } from './profile-from-directory';

/**
 * The organisation's membership policy: the configured domains, and the lists administrators keep.
 * Read at every sign-in (one document; a person signs in once per session), so a change to the
 * lists applies to the next sign-in at once.
 */
export async function membershipPolicy(): Promise<MembershipPolicy> {
  return membershipPolicyFrom(orgMembership().domains, (await db.doc(paths.membershipConfig()).get()).data());
}

/** The membership decision for the person signing in, and their directory entry; a refusal's message is the reason (the panel translates it). */
async function decide(event: AuthBlockingEvent): Promise<{ claims: MemberClaims; entry: DirectoryEntry | undefined; email: string | null }> {
  const signIn = signInEvidence(event);
  const org = orgMembership();
  const tenant = tenantRefusal(signIn, org);
  if (tenant) {
    logger.info('sign-in refused: identity provider tenant not allowed', { uid: event.data?.uid, tid: String(signIn.idpClaims?.tid ?? '') });
    throw new HttpsError('permission-denied', tenant);
  }
  const email = membershipEmail(signIn, org);
  const entry = email ? await directoryEntryByEmail(email) : undefined;
  const decision = decideMembership(email, await membershipPolicy(), entry);
  if (!decision.member) throw new HttpsError('permission-denied', decision.reason);
  return { claims: entry ? memberClaims(entry.roles) : { member: true }, entry, email };
}

/** The provider's ID token is passed to the functions, for its claims (`tid`) when the event's profile lacks them. */
const BLOCKING_OPTIONS = { idToken: true };

/** Sign-up: only members get an account at all. */
export const membershipAtSignUp = beforeUserCreated(BLOCKING_OPTIONS, async (event) => ({ customClaims: (await decide(event)).claims }));

/**
 * Every sign-in (a sign-up is followed by one too): leavers and people removed from the policy are
 * refused; roles are brought up to date; the profile is brought in line with the directory.
 */
export const membershipAtSignIn = beforeUserSignedIn(BLOCKING_OPTIONS, async (event) => {
  const { claims, entry, email } = await decide(event);
  const uid = event.data?.uid;
  if (uid && email) {
    try {
      await syncProfile(uid, email, event.data?.displayName, entry);
    } catch (error) {
      // Membership is decided: a profile that could not be written now is written at the next sign-in.
      logger.error('profile not brought up to date from the directory', { uid, error: String(error) });
    }
  }
  return { customClaims: claims };
});
