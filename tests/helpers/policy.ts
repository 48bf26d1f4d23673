// Enterprise policy for a test browser, without touching the machine's /etc: Chromium's local test
// policies. Verified with Debian's Chromium 156 (unbranded):
//   - before start: the profile's `Local State` file holds `local_test_policies_for_next_startup`,
//     a JSON text of a list of policy entries; Chromium applies them at start (chrome://policy
//     lists them under the extension with source Platform, status OK). The --policy= switch does
//     not work without /etc.
//   - while running: chrome://policy/test's own WebUI call `setLocalTestPolicies` replaces the
//     test policies; the extension's storage.onChanged fires ~15 ms later.
// An extension's policy entry names the extension id as its `namespace`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import type { ExtensionBrowser } from '../../scripts/chromium';
import { extensionIdFromKey } from '../../scripts/org/extension-id';

/** The demo extension's id, fixed by the organisation file's key: what policy is keyed by. */
export const EXTENSION_ID = extensionIdFromKey(BUILD_ORG_CONFIG.extension!.key!);

/** The test policy entries for the extension: mandatory (level 1), machine (scope 1), platform (source 5). */
function entries(policy: Record<string, unknown>) {
  return Object.entries(policy).map(([name, value]) => ({ namespace: EXTENSION_ID, name, value, level: 1, scope: 1, source: 5 }));
}

/** A new browser profile folder whose browser starts with `policy` set for the extension. The caller removes it. */
export function profileWithPolicy(policy: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'prikbord-policy-'));
  writeFileSync(join(dir, 'Local State'), JSON.stringify({ local_test_policies_for_next_startup: JSON.stringify(entries(policy)) }));
  return dir;
}

/** Replaces the extension's policy in the running browser (chrome://policy/test), as IT changing it would. */
export async function setPolicyNow(eb: ExtensionBrowser, policy: Record<string, unknown>): Promise<void> {
  const page = await eb.context.newPage();
  try {
    await page.goto('chrome://policy/test');
    // Playwright's own evaluate does not answer on WebUI pages; the DevTools protocol's does.
    const cdp = await eb.context.newCDPSession(page);
    const call = `chrome.send('setLocalTestPolicies', ['prikbord-test', ${JSON.stringify(JSON.stringify(entries(policy)))}, '']); true`;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: call });
    if (exceptionDetails || result.value !== true) throw new Error(`setLocalTestPolicies failed: ${JSON.stringify(exceptionDetails ?? result)}`);
    await cdp.detach();
  } finally {
    await page.close();
  }
}

/** The policy the extension's worker has seen (its copy in storage.local), or undefined before its first read. */
export async function policySeenByWorker(eb: ExtensionBrowser): Promise<Record<string, unknown> | undefined> {
  const worker = eb.context.serviceWorkers().find((w) => w.url().includes(eb.extensionId));
  if (!worker) return undefined;
  return worker.evaluate(async () => (await chrome.storage.local.get('managedPolicy')).managedPolicy as Record<string, unknown> | undefined);
}
