// WXT build config: MV3 for Chrome and Edge, for ONE organisation. Which one is the organisation
// file (`npm run build -- --org FILE`, or $PRIKBORD_ORG; the demo's by default): checked here
// against its schema before anything is built, bundled in place of `#org-file`, and the source of
// the manifest's host permissions and key.
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { matchPatterns } from './lib/any/org-config';
import { orgFilePath, readOrgFile } from './scripts/org/org-file';

const orgFile = orgFilePath([], process.env);
// Throws OrgFileError, listing every wrong key, before WXT starts.
const org = readOrgFile(orgFile);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Preact's automatic JSX runtime through esbuild: no Babel, no extra Vite plugin needed.
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { chunkSizeWarningLimit: 1500 },
    // re2js: only Firestore Pipelines' regular expressions use it; see lib/data/firebase/re2js-stub.ts.
    resolve: { alias: { '#org-file': orgFile, re2js: resolve(import.meta.dirname, 'lib/data/firebase/re2js-stub.ts') } },
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    minimum_chrome_version: '116',
    // The organisation's public key fixes the extension id: the identity provider's redirect URI
    // (https://<id>.chromiumapp.org/) and the enterprise policy are both keyed by it.
    ...(org.extension?.key ? { key: org.extension.key } : {}),
    // alarms: the outbox's retry survives the service worker being stopped (lib/data/outbox/worker.ts).
    // webNavigation + scripting: the layer is injected after an intranet page has loaded, not
    // declared as a content script (entrypoints/background/injection.ts); the events are URL-filtered to the
    // intranet origins, and scripts can only run where host_permissions allow.
    // identity: sign-in through the organisation's identity provider (chrome.identity.launchWebAuthFlow,
    // lib/data/session/oidc.ts); it shows no permission warning.
    permissions: ['storage', 'sidePanel', 'alarms', 'webNavigation', 'scripting', 'identity'],
    // notifications: desktop notifications, off by default; asked for only when the person switches
    // them on in the panel (docs/notifications.md), so nobody sees a prompt at install.
    optional_permissions: ['notifications'],
    // Only this organisation's intranet origins (and the patterns within which its IT may add
    // origins by policy): the extension never sees other sites.
    host_permissions: [...matchPatterns(org), ...(org.extension?.policyOrigins ?? [])],
    action: { default_title: '__MSG_actionTitle__' },
    // What IT may set per installation by enterprise policy (public/managed-schema.json, read as
    // chrome.storage.managed; docs/enterprise-policy.md).
    storage: { managed_schema: 'managed-schema.json' },
  },
});
