// npm run demo: build the extension, start the emulators, seed Gemeente Lindeveen, serve the demo
// intranet and open Chromium on it with the extension loaded and a demo employee signed in.
// Ctrl-C stops everything it started.
import { execSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startIntranet } from '../demo/serve-intranet.mjs';
import { startOidcServer } from '../demo/oidc-server';
import { DEMO_PASSWORD, EMPLOYEES, MODERATORS } from '../demo/org';
import { DEMO_PORTS } from '../demo/ports';
import { ensureSignedIn, EXTENSION_DIR, launchWithExtension, openPanelPage } from './chromium';
import { startEmulators } from './emulators';
import { seedDemo } from './seed';

const ROOT = resolve(import.meta.dirname, '..');
const user = EMPLOYEES[0]!;
const stops: Array<() => Promise<void>> = [];

async function stopAll(code = 0): Promise<never> {
  console.log('\nStopping the demo…');
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

// Java and Chromium first: one line saying what to install beats a stack trace from the emulators.
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const wantsBrowser = hasDisplay && process.env.PRIKBORD_DEMO_NO_BROWSER !== '1';
if (spawnSync('bash', ['scripts/preflight.sh', ...(wantsBrowser ? [] : ['--no-browser'])], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);

try {
  console.log('1/5 Building the extension…');
  execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });

  console.log('2/5 Starting the Firebase Auth + Firestore emulators (about 20 s)…');
  const emulators = await startEmulators();
  stops.push(() => emulators.stop());

  console.log('3/5 Seeding Gemeente Lindeveen…');
  const employees = await seedDemo({ pilot: true, moderation: true, quarter: true });
  console.log(`    ${employees.length} employees in ${new Set(employees.map((e) => e.department)).size} departments.`);

  console.log('4/5 Serving the demo intranet and its identity provider…');
  const intranet = await startIntranet({ port: DEMO_PORTS.intranet });
  stops.push(() => intranet.close());
  // Gemeente Lindeveen's stand-in for Entra ID: "Inloggen met je Lindeveen-account" in the panel.
  const idp = await startOidcServer();
  stops.push(() => idp.close());
  const intranetUrl = `http://127.0.0.1:${DEMO_PORTS.intranet}/`;

  if (wantsBrowser) {
    console.log('5/5 Opening Chromium with Prikbord loaded…');
    const eb = await launchWithExtension({ headless: false, userDataDir: resolve(ROOT, '.demo-profile'), startUrl: intranetUrl });
    stops.push(() => eb.close());
    const panel = await openPanelPage(eb);
    await ensureSignedIn(panel, user.email, DEMO_PASSWORD);
    await panel.close();
    // Open the real side panel the way a person does: a click on the launcher.
    const intranetTab = eb.context.pages().find((p) => p.url().startsWith(intranetUrl));
    await intranetTab?.bringToFront();
    await intranetTab
      ?.locator('prikbord-launcher')
      .locator('button.open')
      .click()
      .catch(() => undefined);
    console.log(`\nReady. Signed in as ${user.displayName} (${user.email}).`);
  } else {
    console.log('5/5 No display here, so no browser window. To try it in Chrome or Edge:');
    console.log(`    1. Open chrome://extensions (edge://extensions), switch on Developer mode.`);
    console.log(`    2. "Load unpacked" and choose ${EXTENSION_DIR}`);
    console.log(`    3. Open ${intranetUrl} and click the Prikbord button (bottom right) or the toolbar icon.`);
    console.log(`    4. Sign in as ${user.email} with password ${DEMO_PASSWORD}, by the form or by "Sign in with your Lindeveen account".`);
  }
  console.log(`\nIntranet: ${intranetUrl}`);
  console.log(
    `Other employees: ${employees
      .slice(1, 5)
      .map((e) => e.email)
      .join(', ')} … (password ${DEMO_PASSWORD})`,
  );
  console.log(
    `Identity provider: ${idp.issuer} — sign out, then "Sign in with your Lindeveen account" / "Inloggen met je Lindeveen-account" (same addresses and password).`,
  );
  console.log(`Moderator (may hide comments): ${MODERATORS.map((key) => `${key}@lindeveen.nl`).join(', ')}. The VPN expert: daan@lindeveen.nl.`);
  console.log('Try: the legacy trait pages under /legacy/, anonymous posting, likes, and People → "who knows about vpn?".');
  console.log('Press Ctrl-C to stop everything.');
} catch (error) {
  console.error(error);
  await stopAll(1);
}
