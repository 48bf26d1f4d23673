// The organisation this build is for: today the demo's (Gemeente Lindeveen on the emulators).
// Read only through loadOrgConfig() at runtime (lib/any/org-config.ts), and directly by the build
// (wxt.config.ts), the node scripts and the tests, which are about this same organisation.
import type { OrgConfig } from './org-config';

/** Ports the demo intranet and the emulators use (scripts and tests read them from here). */
export const DEMO_PORTS = { intranet: 8101, auth: 9099, firestore: 8080, functions: 5001 } as const;

export const BUILD_ORG_CONFIG: OrgConfig = {
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
  // The demo's accounts have passwords in the Auth emulator; organisations sign in with their IdP.
  signIn: { method: 'password' },
  membership: { domains: ['lindeveen.nl'] },
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
