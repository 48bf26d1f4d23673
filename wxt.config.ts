// WXT build config: MV3 for Chrome and Edge. The manifest is assembled here and in each entrypoint.
import { defineConfig } from 'wxt';
import { matchPatterns } from './lib/org-config';

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
    // alarms: the outbox's retry survives the service worker being stopped (lib/outbox-worker.ts).
    permissions: ['storage', 'sidePanel', 'alarms'],
    // Only the configured intranet origins: the extension never sees other sites.
    host_permissions: matchPatterns(),
    action: { default_title: '__MSG_actionTitle__' },
  },
});
