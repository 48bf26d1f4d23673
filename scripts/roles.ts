// npm run roles -- grant EMAIL ROLE [SECTION…]
// npm run roles -- revoke EMAIL ROLE [SECTION…]
// npm run roles -- show EMAIL
// Grants or revokes a role (docs/directory-import.md) with the Admin SDK, through the same code as
// the comms console's function (functions/src/roles.ts): the person's directory entry, their profile
// (the label colleagues see), the audit log (actor "command line (OS user)") in one transaction, then
// their token's custom claims (what the rules check); the last administrator can't be removed.
// Roles: admin, comms, moderator [SECTIONS: only there], community_manager SECTION…, ambassador,
// leader. Emulators or a real project, as `npm run directory:import`.
import { pathToFileURL } from 'node:url';
import type { AuditActor } from '../lib/core/audit';
import { ROLE_NAMES, formatRolesCell } from '../lib/core/directory-roles';
import { paths } from '../lib/core/paths';
import { parseRoleChange } from '../lib/core/role-change';
import { entryFromDoc } from '../lib/core/directory';
import { changeRoles } from '../functions/src/roles';
import { checkAdminEnvironment, osUserName } from './directory/import';
import { currentOrg, takeOrgOption } from './org/org-file';

const USAGE = `usage: npm run roles -- grant|revoke EMAIL ROLE [SECTION…]   (ROLE: ${ROLE_NAMES.join(', ')})
       npm run roles -- show EMAIL`;

/** Firestore and Auth of the Admin SDK the server code runs with (functions/src/admin.ts). */
export type ServerServices = Parameters<typeof changeRoles>[0];

/** Who the audit log names for a change made here: the OS user running it, at the command line. */
export function commandLineActor(): AuditActor {
  return { uid: null, name: osUserName(), via: 'command-line' };
}

/** Shows, grants or revokes one role; returns what was done, or throws what is wrong (nothing changed then). */
export async function rolesCommand(
  services: ServerServices,
  command: 'grant' | 'revoke' | 'show',
  email: string,
  role?: string,
  sections: string[] = [],
  actor: AuditActor = commandLineActor(),
): Promise<string> {
  const address = email.trim().toLowerCase();
  if (command === 'show') {
    const found = (await services.db.collection(paths.directory()).where('email', '==', address).get()).docs.map((d) => entryFromDoc(d.id, d.data()));
    const entry = found.find((f) => f.active) ?? found[0];
    if (!entry) throw new Error(`${address} is not in the directory; import it first (npm run directory:import)`);
    return `${address} (${entry.personId}${entry.active ? '' : ', left'}): ${formatRolesCell(entry.roles) || 'no roles'}`;
  }
  if (!role) throw new Error(USAGE);
  const result = await changeRoles(services, { email: address }, parseRoleChange(command, role, sections), actor);
  const shown = formatRolesCell(result.after) || 'no roles';
  const token = result.token === 'updated' ? ['token'] : [];
  if (!result.changed) return `${address}: no change (${shown})${token.length > 0 ? '; their token was brought in line' : ''}`;
  const done = ['directory', ...token, ...(result.profile ? ['profile'] : []), 'audit log'];
  const note =
    result.token === 'updated'
      ? '; their panel sees it when they next open Prikbord, at the latest within the hour'
      : result.token === 'failed'
        ? '; their token could not be updated: run the same command again'
        : '';
  return `${address}: ${shown} (written to the ${done.join(', ')}${note})`;
}

export async function main(args: string[], out = console.log, err = console.error): Promise<number> {
  const [command, email, role, ...sections] = args;
  if (!email || !(command === 'show' || ((command === 'grant' || command === 'revoke') && role))) {
    err(USAGE);
    return 2;
  }
  const projectId = process.env.GCLOUD_PROJECT ?? currentOrg().firebase.projectId;
  try {
    checkAdminEnvironment(projectId);
  } catch (error) {
    err((error as Error).message);
    return 1;
  }
  // The server's own Admin SDK (functions/src/admin.ts), so the shared code and its Firestore are one copy.
  process.env.GCLOUD_PROJECT = projectId;
  const services = await import('../functions/src/admin');
  try {
    out(await rolesCommand(services, command, email, role, sections));
    return 0;
  } catch (error) {
    err((error as Error).message);
    return 1;
  } finally {
    await services.db.terminate();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(takeOrgOption(process.argv.slice(2)));
}
