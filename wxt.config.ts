// WXT build config: MV3 for Chrome and Edge. The manifest is assembled here and in each entrypoint.
import { defineConfig } from 'wxt';
import { BUILD_ORG_CONFIG } from './lib/any/bundled-org-config';
import { matchPatterns } from './lib/any/org-config';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Preact's automatic JSX runtime through esbuild: no Babel, no extra Vite plugin needed.
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { chunkSizeWarningLimit: 1500 },
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    minimum_chrome_version: '116',
    // alarms: the outbox's retry survives the service worker being stopped (lib/data/outbox/worker.ts).
    // webNavigation + scripting: the layer is injected after an intranet page has loaded, not
    // declared as a content script (entrypoints/background/injection.ts); the events are URL-filtered to the
    // intranet origins, and scripts can only run where host_permissions allow.
    permissions: ['storage', 'sidePanel', 'alarms', 'webNavigation', 'scripting'],
    // Only the configured intranet origins: the extension never sees other sites.
    host_permissions: matchPatterns(BUILD_ORG_CONFIG),
    action: { default_title: '__MSG_actionTitle__' },
  },
});
