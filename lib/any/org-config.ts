// The organisation config: which intranet gets the layer, which Firebase project it syncs with,
// and the organisation's settings. Every context loads it once at its entry (`loadOrgConfig`) and
// passes it to what needs it; no other runtime module reads the bundled constant. Plain data only:
// the content script imports this too.
import { BUILD_ORG_CONFIG } from './bundled-org-config';
import type { SiteRules } from './page-identity';

/** Where Firebase lives. `emulators` is set for the demo and tests, unset for a real project. */
export interface FirebaseSettings {
  apiKey: string;
  authDomain: string;
  projectId: string;
  /** Where the functions run (europe-west4, …); Firebase's default us-central1 when unset. */
  region?: string;
  /** The emulators' addresses (functions: the host is firestoreHost's). */
  emulators?: { authUrl: string; firestoreHost: string; firestorePort: number; functionsPort?: number };
}

/** Sign-in through the organisation's OpenID Connect identity provider (Entra ID or any other). */
export interface OidcSettings {
  /** The provider id in Firebase Authentication (Identity Platform), e.g. 'oidc.entra'. */
  providerId: string;
  issuer: string;
  clientId: string;
  /** Default: openid email profile. */
  scopes?: string[];
  /** The grant: 'code' (authorization code + PKCE, the default) or 'implicit' (the ID token straight from the authorization endpoint). */
  flow?: 'code' | 'implicit';
  /** The sign-in button's text per language; default: the translated "Sign in with your organisation account". */
  buttonLabel?: { nl: string; en: string };
}

/**
 * One organisation's Prikbord, as its organisation file says (schema/prikbord.org.schema.json,
 * validated at build by scripts/org/org-file.ts). The types here and the schema describe the same
 * shape; a unit test keeps them in step.
 */
export interface OrgConfig {
  orgName: string;
  /** One entry per intranet site; its origins become the extension's host permissions. */
  sites: SiteRules[];
  firebase: FirebaseSettings;
  /** How employees sign in (lib/data/session/sign-in.ts): the identity provider, a password, or both (the demo). */
  signIn: { password: boolean; oidc?: OidcSettings };
  /**
   * Who is a member: addresses in these e-mail domains (plus the allow list, minus the deny list,
   * in Firestore `config/membership`, where `npm run org:apply` writes these too). Decided on the
   * server at every sign-in (functions/); the panel only uses them to explain a refusal.
   */
  membership: { domains: string[]; tenantIds?: string[] };
  /**
   * Defaults of the organisation's settings until the server-owned `config/settings` says
   * otherwise. `anonymousPosting`: whether employees may post without their name (some works
   * councils want it off; the rules then refuse anonymous comments and the composer says so).
   */
  settings: { anonymousPosting: boolean };
  /** The manifest key (fixes the extension id) and the patterns within which policy may add origins. */
  extension?: { key?: string; policyOrigins?: string[] };
}

/** Chrome match patterns for every configured intranet origin (content scripts, host access). */
export function matchPatterns(config: OrgConfig): string[] {
  return config.sites.flatMap((site) => site.origins.map((origin) => `${new URL(origin).origin}/*`));
}

/**
 * The organisation file this was built with. Synchronous on purpose: the background worker needs
 * its origins (and the policyOrigins) while it registers its listeners in its first turn, and they
 * are fixed at build time (they are the manifest's host permissions). Each context runs with this
 * file plus enterprise policy (chrome.storage.managed) over it: lib/any/policy-watch.ts follows
 * policy and lib/any/managed-policy.ts applies it, so callers treat the configuration as loaded at
 * start-up and injected, never as a constant.
 */
export function loadOrgConfig(): OrgConfig {
  return BUILD_ORG_CONFIG;
}
