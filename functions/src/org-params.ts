// What the functions know of the organisation file: parameters from functions/.env.<projectId>,
// which `scripts/org/functions-env.ts` writes from the organisation file (prikbord.org.json) before
// the emulators start and before `firebase deploy`. Read inside handlers (`.value()` is only
// available at run time), so a redeploy with a new file is all a change takes.
import { defineString } from 'firebase-functions/params';

const memberDomains = defineString('PRIKBORD_MEMBER_DOMAINS', {
  description: "E-mail domains whose addresses are members (the organisation file's membership.domains), comma-separated.",
});
const tenantIds = defineString('PRIKBORD_TENANT_IDS', {
  default: '',
  description: 'Entra ID tenants whose accounts may sign in through the identity provider, comma-separated; empty: the domains decide alone.',
});
const oidcProvider = defineString('PRIKBORD_OIDC_PROVIDER', {
  default: '',
  description: "The identity provider's id in Firebase Authentication (oidc.…); empty when there is none.",
});

/**
 * Where the functions run: the region of the project's Firestore database (a Firestore trigger must
 * run where its database is), e.g. europe-west4. The organisation file's firebase.region.
 */
export const region = defineString('PRIKBORD_REGION', {
  default: 'us-central1',
  description: "The functions' region: the same as the Firestore database's location (the organisation file's firebase.region).",
});

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The organisation's membership settings, from the parameters. */
export function orgMembership(): { domains: string[]; tenantIds: string[]; oidcProviderId: string } {
  return { domains: list(memberDomains.value()), tenantIds: list(tenantIds.value()), oidcProviderId: oidcProvider.value() };
}
