// npm run roles -- grant EMAIL ROLE [SECTION…]
// npm run roles -- revoke EMAIL ROLE [SECTION…]
// npm run roles -- show EMAIL
// Grants or revokes a role (docs/directory-import.md): writes the person's directory entry, their
// profile (the label colleagues see) and their token's custom claims (what the rules check), with the
// Admin SDK. Roles: admin, comms, moderator [SECTIONS: only there], community_manager SECTION…,
// ambassador, leader. Emulators or a real project, as `npm run directory:import`.
import { pathToFileURL } from 'node:url';
import { FieldValue } from 'firebase-admin/firestore';
import { entryFromDoc, memberClaims } from '../lib/core/directory';
import { paths } from '../lib/core/paths';
import { adminServices, type AdminServices } from './directory/import';
import { takeOrgOption } from './org/org-file';
import { ROLE_NAMES, formatRolesCell, grantRole, revokeRole } from '../lib/core/directory-roles';

const USAGE = `usage: npm run roles -- grant|revoke EMAIL ROLE [SECTION…]   (ROLE: ${ROLE_NAMES.join(', ')})
       npm run roles -- show EMAIL`;

/** Changes one person's roles everywhere they are kept; returns what was done, or throws what is wrong. */
export async function changeRoles(
  { db, auth }: Pick<AdminServices, 'db' | 'auth'>,
  command: 'grant' | 'revoke' | 'show',
  email: string,
  role?: string,
  sections: string[] = [],
): Promise<string> {
  const address = email.trim().toLowerCase();
  const found = (await db.collection(paths.directory()).where('email', '==', address).get()).docs.map((doc) => ({
    ref: doc.ref,
    entry: entryFromDoc(doc.id, doc.data()),
  }));
  // An address may have an old (left) entry and a current one: the current one counts.
  const current = found.find((f) => f.entry.active) ?? found[0];
  if (!current) throw new Error(`${address} is not in the directory; import it first (npm run directory:import)`);
  const before = current.entry.roles;
  if (command === 'show') return `${address} (${current.entry.personId}${current.entry.active ? '' : ', left'}): ${formatRolesCell(before) || 'no roles'}`;
  if (!role) throw new Error(USAGE);
  const roles = command === 'grant' ? grantRole(before, role, sections) : revokeRole(before, role, sections);
  const shown = formatRolesCell(roles) || 'no roles';
  if (formatRolesCell(roles) === formatRolesCell(before)) return `${address}: no change (${shown})`;

  const done = ['directory'];
  const account = await auth.getUserByEmail(address).catch((error: { code?: string }) => {
    if (error.code === 'auth/user-not-found') return undefined;
    throw error;
  });
  // The token first: it is what the rules check. Only a member's claims change (no one becomes a member here).
  if (account && account.customClaims?.member === true) {
    await auth.setCustomUserClaims(account.uid, memberClaims(roles));
    done.push('token');
  }
  const batch = db.batch();
  batch.update(current.ref, { roles, updatedAt: FieldValue.serverTimestamp() });
  const profile = account ? await db.doc(paths.profile(account.uid)).get() : undefined;
  if (profile?.exists) {
    batch.update(profile.ref, { roles, updatedAt: FieldValue.serverTimestamp() });
    done.push('profile');
  }
  await batch.commit();
  return `${address}: ${shown} (written to the ${done.join(', ')}${done.includes('token') ? '; their panel sees it at its next token refresh, within the hour' : ''})`;
}

export async function main(args: string[], out = console.log, err = console.error): Promise<number> {
  const [command, email, role, ...sections] = args;
  if (!email || !(command === 'show' || ((command === 'grant' || command === 'revoke') && role))) {
    err(USAGE);
    return 2;
  }
  let services: AdminServices;
  try {
    services = adminServices();
  } catch (error) {
    err((error as Error).message);
    return 1;
  }
  try {
    out(await changeRoles(services, command, email, role, sections));
    return 0;
  } catch (error) {
    err((error as Error).message);
    return 1;
  } finally {
    await services.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(takeOrgOption(process.argv.slice(2)));
}
