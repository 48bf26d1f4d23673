// The organisation config: which intranet gets the layer and which Firebase project it syncs with.
// Imported by every context (content script, background, side panel) and by node scripts, so it
// holds plain data only. Build-time defaults; enterprise policy (chrome.storage.managed) overrides
// come in a later issue.
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
}

/** Ports the demo intranet and the emulators use (scripts and tests read them from here). */
export const DEMO_PORTS = { intranet: 8101, auth: 9099, firestore: 8080 } as const;

export const ORG_CONFIG: OrgConfig = {
  orgName: 'Gemeente Lindeveen',
  sites: [
    {
      origins: [`http://127.0.0.1:${DEMO_PORTS.intranet}`, `http://localhost:${DEMO_PORTS.intranet}`],
      routeByHash: false,
      // The demo's one single-page app (a Backbone-style router): each #/route is a page there.
      hashRoutePaths: ['/legacy/app/'],
    },
  ],
  anonymousPosting: true,
  firebase: {
    // A `demo-` project id never reaches a real Firebase project: the SDK talks to the emulators.
    apiKey: 'demo-api-key',
    authDomain: 'demo-prikbord.firebaseapp.com',
    projectId: 'demo-prikbord',
    emulators: {
      authUrl: `http://127.0.0.1:${DEMO_PORTS.auth}`,
      firestoreHost: '127.0.0.1',
      firestorePort: DEMO_PORTS.firestore,
    },
  },
};

/** Chrome match patterns for every configured intranet origin (content scripts, host access). */
export function matchPatterns(config: OrgConfig = ORG_CONFIG): string[] {
  return config.sites.flatMap((site) => site.origins.map((origin) => `${new URL(origin).origin}/*`));
}
