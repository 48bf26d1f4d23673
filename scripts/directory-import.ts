// npm run directory:import -- FILE.csv [--dry-run] [--allow-many-leavers] [--org prikbord.org.json]
// Imports the organisation's directory (docs/directory-import.md): checks the whole file first and
// writes nothing if any line is wrong (every error is listed, by line and column; exit code 1).
// Against the emulators when FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST are set,
// otherwise against the project in GCLOUD_PROJECT (default: the organisation file's) with the
// service account in GOOGLE_APPLICATION_CREDENTIALS.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { readDirectoryFile } from './directory/csv';
import { adminServices, importDirectory, type AdminServices } from './directory/import';
import { summaryLine } from './directory/plan';
import { takeOrgOption } from './org/org-file';
import { formatDirectoryErrors } from '../lib/core/directory-validate';

const USAGE = 'usage: npm run directory:import -- FILE.csv [--dry-run] [--allow-many-leavers] [--org prikbord.org.json]';

/** Runs the import as the command line asks; returns the exit code. */
export async function main(allArgs: string[], out = console.log, err = console.error): Promise<number> {
  const args = takeOrgOption(allArgs);
  const flags = new Set(args.filter((arg) => arg.startsWith('--')));
  const files = args.filter((arg) => !arg.startsWith('--'));
  const unknown = [...flags].filter((flag) => !['--dry-run', '--allow-many-leavers'].includes(flag));
  if (files.length !== 1 || unknown.length > 0) {
    err(unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const file = files[0]!;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    err(`${file}: ${(error as Error).message}`);
    return 1;
  }
  const result = readDirectoryFile(bytes);
  if (!result.ok) {
    err(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; nothing was changed.`);
    for (const line of formatDirectoryErrors(result.errors)) err(`  ${line}`);
    return 1;
  }
  const dryRun = flags.has('--dry-run');
  let services: AdminServices;
  try {
    services = adminServices();
  } catch (error) {
    err(`${file}: ${(error as Error).message}`);
    return 1;
  }
  try {
    const run = await importDirectory(services, result.people, { fileHasRoles: result.hasRoles, dryRun, allowManyLeavers: flags.has('--allow-many-leavers') });
    out(`${file}: ${summaryLine(run.plan)}${run.written ? '' : ' — dry run, nothing written'}`);
    if (!result.hasRoles) out('(no roles column: roles stay as they are; manage them with npm run roles)');
    return 0;
  } catch (error) {
    err(`${file}: ${(error as Error).message}`);
    return 1;
  } finally {
    await services.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
