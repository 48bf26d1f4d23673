// npm run org:apply [-- --org FILE] [--force]: gives a project the organisation file's defaults for
// the settings members and the rules read (Firestore config/settings: anonymous posting). Once;
// after that the setting is the organisation's to change (the comms console, or --force to put the
// file's value back). Membership needs nothing here: the functions get the file's domains and
// tenants as parameters (scripts/org/functions-env.ts). Emulators or a real project, as
// `npm run directory:import`.
import { pathToFileURL } from 'node:url';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import type { OrgConfig } from '../../lib/any/org-config';
import { paths } from '../../lib/core/paths';
import { adminServices } from '../directory/import';
import { OrgFileError, currentOrg, takeOrgOption } from './org-file';

/** Writes the defaults where the project has none (or always, with force); returns what it did, in one line. */
export async function applyOrgSettings(db: Firestore, org: OrgConfig, force = false): Promise<string> {
  const ref = db.doc(paths.settings());
  const written = await db.runTransaction(async (tx) => {
    const current = await tx.get(ref);
    if (current.exists && !force) return false;
    tx.set(ref, { anonymousPosting: org.settings.anonymousPosting, updatedAt: FieldValue.serverTimestamp() });
    return true;
  });
  const value = `anonymous posting ${org.settings.anonymousPosting ? 'on' : 'off'}`;
  return written
    ? `config/settings: ${value} (from the organisation file)`
    : 'config/settings: already set, left as it is (--force puts back the file’s values)';
}

async function main(args: string[]): Promise<number> {
  const rest = takeOrgOption(args);
  const unknown = rest.filter((arg) => arg !== '--force');
  if (unknown.length > 0) {
    console.error(`unknown argument ${unknown.join(' ')}\nusage: npm run org:apply -- [--org prikbord.org.json] [--force]`);
    return 2;
  }
  let org: OrgConfig;
  try {
    org = currentOrg();
  } catch (error) {
    console.error(error instanceof OrgFileError ? error.message : String(error));
    return 1;
  }
  let services;
  try {
    services = adminServices();
  } catch (error) {
    console.error(String((error as Error).message));
    return 1;
  }
  try {
    console.log(`${org.orgName} (${org.firebase.projectId}): ${await applyOrgSettings(services.db, org, rest.includes('--force'))}`);
    return 0;
  } finally {
    await services.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
