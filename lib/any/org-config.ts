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
  emulators?: { authUrl: string; firestoreHost: string; firestorePort: number };
}

export interface OrgConfig {
  orgName: string;
  /** One entry per intranet site; its origins become the content script's match patterns. */
  sites: SiteRules[];
  firebase: FirebaseSettings;
  /**
   * Whether employees may post without their name. Some organisations (or works councils) want
   * it off; the composer then says so. The rules accept anonymous comments either way: this is
   * the organisation's policy in the product, not a security boundary.
   */
  anonymousPosting: boolean;
  /**
   * Who is a member: addresses in these e-mail domains (plus the allow list, minus the deny list,
   * in Firestore `config/membership`). Decided on the server at every sign-in (functions/).
   */
  membership: { domains: string[] };
  /** How employees sign in (lib/data/session/sign-in.ts). Enterprise OIDC joins this union. */
  signIn: { method: 'password' };
}

/** Chrome match patterns for every configured intranet origin (content scripts, host access). */
export function matchPatterns(config: OrgConfig): string[] {
  return config.sites.flatMap((site) => site.origins.map((origin) => `${new URL(origin).origin}/*`));
}

/**
 * The configuration this context runs with. Today the build-time defaults; managed policy
 * (chrome.storage.managed) and server-side settings will be merged in here, so callers already
 * treat it as loaded once at start-up and injected, never as a constant. Synchronous on purpose:
 * the intranet origins must be known while the background worker registers its listeners, and they
 * are fixed at build time anyway (they are the manifest's host permissions).
 */
export function loadOrgConfig(): OrgConfig {
  return BUILD_ORG_CONFIG;
}
