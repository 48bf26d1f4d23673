// Writes functions/.env.<projectId>: what the server side needs from the organisation file, as the
// parameters Cloud Functions reads at run time (functions/src/org-params.ts). firebase-tools loads
// that file both when deploying to the project and in the Functions emulator, so the demo, the
// tests and a real deployment all pass through the same path. Generated (git-ignored): the
// organisation file stays the one place to edit.
//   npx tsx scripts/org/functions-env.ts [--org FILE]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OrgConfig } from '../../lib/any/org-config';
import { OrgFileError, orgFilePath, readOrgFile } from './org-file';

/** The file's lines (KEY=value; lists comma-separated). */
export function functionsEnv(org: OrgConfig, source: string): string {
  return [
    `# Generated from ${source} by scripts/org/functions-env.ts; edit the organisation file instead.`,
    `PRIKBORD_MEMBER_DOMAINS=${org.membership.domains.join(',')}`,
    `PRIKBORD_TENANT_IDS=${(org.membership.tenantIds ?? []).join(',')}`,
    `PRIKBORD_OIDC_PROVIDER=${org.signIn.oidc?.providerId ?? ''}`,
    `PRIKBORD_REGION=${org.firebase.region ?? 'us-central1'}`,
    '',
  ].join('\n');
}

/**
 * The same parameters into this process's environment (where unset), for code that runs the
 * functions' handlers in-process (the cost bench): `defineString(…).value()` reads process.env.
 */
export function functionsParamsIntoEnv(org: OrgConfig): void {
  for (const line of functionsEnv(org, '').split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line);
    if (match) process.env[match[1]!] ??= match[2]!;
  }
}

export function writeFunctionsEnv(file: string): string {
  const org = readOrgFile(file);
  const target = resolve(import.meta.dirname, `../../functions/.env.${org.firebase.projectId}`);
  writeFileSync(target, functionsEnv(org, file.replace(`${resolve(import.meta.dirname, '../..')}/`, '')));
  return target;
}

if (process.argv[1] === import.meta.filename) {
  try {
    writeFunctionsEnv(orgFilePath());
  } catch (error) {
    console.error(error instanceof OrgFileError ? error.message : String(error));
    process.exit(1);
  }
}
