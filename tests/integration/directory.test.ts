// The directory import against the Auth, Firestore and Functions emulators: the import writes the
// directory (and the profiles and claims of people who have an account), the sign-in function
// copies a person's entry into their profile, a re-import writes nothing, a leaver can no longer
// sign in, and a malformed file changes nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { paths } from '../../lib/core/paths';
import { main as importCommand } from '../../scripts/directory-import';
import { rolesCommand } from '../../scripts/roles';
import { clearEmulators, createAccount, emulatorAdmin, emulatorUrls, namedCommentDoc, putDoc } from '../../scripts/seed';

const PASSWORD = 'lindeveen-demo';
const HEADER = 'employee_id;email;display_name;department_path;job_title;manager_id;location;level;roles';
const MEES = 'LV1;mees@lindeveen.nl;Mees Dijkstra;Bestuur en staf;Gemeentesecretaris;;Stadhuis;1;leader';
const ANNA = 'LV2;anna@lindeveen.nl;Anna de Vries;Bestuur en staf > Communicatie;Communicatieadviseur;LV1;Stadhuis;4;';
const BRAM = 'LV3;bram@lindeveen.nl;Bram Jansen;Bestuur en staf > Communicatie;Online redacteur;LV1;Stadhuis;4;ambassador';

const folder = mkdtempSync(join(tmpdir(), 'prikbord-directory-'));
/** A directory file as Dutch Excel saves it. */
function csv(name: string, ...lines: string[]): string {
  const file = join(folder, name);
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

/** Runs `npm run directory:import -- FILE` in this process; returns its exit code and what it printed. */
async function runImport(file: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importCommand(
    [file],
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Signs in with a password as the panel does; resolves to the uid, or rejects with the emulator's reason. */
async function signIn(email: string): Promise<string> {
  const url = `${emulatorUrls().auth}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=${BUILD_ORG_CONFIG.firebase.apiKey}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, returnSecureToken: true }),
  });
  const body = (await response.json()) as { localId?: string; error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? String(response.status));
  return body.localId!;
}

const { db, auth } = emulatorAdmin();
const data = async (path: string) => (await db.doc(path).get()).data();
const claims = async (uid: string) => (await auth.getUser(uid)).customClaims;

describe('the directory import, with the emulators', () => {
  let anna = '';
  let bram = '';

  beforeAll(async () => {
    await clearEmulators();
  });

  afterAll(async () => {
    await clearEmulators();
  });

  it('imports the file; a member who then signs up gets their profile and roles from the directory', async () => {
    expect(await runImport(csv('v1.csv', HEADER, MEES, ANNA, BRAM))).toMatchObject({
      code: 0,
      out: expect.stringContaining('3 in the file: 3 added, 0 changed'),
    });
    anna = await createAccount('anna@lindeveen.nl', PASSWORD, 'anna (from the sign-up form)');
    bram = await createAccount('bram@lindeveen.nl', PASSWORD, 'Bram');
    expect(await data(paths.profile(anna))).toMatchObject({
      displayName: 'Anna de Vries',
      email: 'anna@lindeveen.nl',
      departmentPath: ['Bestuur en staf', 'Communicatie'],
      department: 'Communicatie',
      jobTitle: 'Communicatieadviseur',
      managerId: 'LV1',
      level: 4,
      active: true,
      roles: {},
      personId: 'LV2',
      skills: [],
      optOut: false,
    });
    expect(await data(paths.directoryEntry('LV2'))).toMatchObject({ uid: anna, active: true });
    expect(await claims(anna)).toEqual({ member: true });
    expect(await claims(bram)).toEqual({ member: true, roles: { ambassador: true } });
  });

  it('a member the directory does not know (a domain match) gets a minimal profile', async () => {
    const guest = await createAccount('gast.docent@lindeveen.nl', PASSWORD, 'Gast Docent');
    expect(await data(paths.profile(guest))).toMatchObject({
      displayName: 'Gast Docent',
      email: 'gast.docent@lindeveen.nl',
      departmentPath: [],
      personId: null,
      active: true,
    });
    expect(await claims(guest)).toEqual({ member: true });
  });

  it('a new file updates the profile and the token of someone who has an account, and keeps their own fields', async () => {
    await db.doc(paths.profile(anna)).update({ skills: ['Intranet', 'Webredactie'], languages: ['nl', 'en'] }); // Anna's own edit
    const promoted = ANNA.replace('Communicatieadviseur;LV1;Stadhuis;4;', 'Senior communicatieadviseur;LV1;Stadskantoor;3;moderator:HR|ICT');
    expect(await runImport(csv('v2.csv', HEADER, MEES, promoted, BRAM))).toMatchObject({
      code: 0,
      out: expect.stringContaining('0 added, 1 changed, 2 unchanged, 0 left'),
    });
    expect(await data(paths.profile(anna))).toMatchObject({
      jobTitle: 'Senior communicatieadviseur',
      location: 'Stadskantoor',
      level: 3,
      roles: { moderator: ['HR', 'ICT'] },
      skills: ['Intranet', 'Webredactie'],
      languages: ['nl', 'en'],
    });
    expect(await claims(anna)).toEqual({ member: true, roles: { moderator: ['HR', 'ICT'] } });
  });

  it('the same file again changes nothing ("0 changed", not one write)', async () => {
    const before = (await db.doc(paths.profile(anna)).get()).updateTime!;
    const { code, out } = await runImport(join(folder, 'v2.csv'));
    expect(code).toBe(0);
    expect(out).toContain('3 in the file: 0 added, 0 changed, 3 unchanged, 0 left (0 writes)');
    expect((await db.doc(paths.profile(anna)).get()).updateTime!.isEqual(before)).toBe(true);
  });

  it('signing in again writes nothing either (the profile already agrees with the directory)', async () => {
    const before = (await db.doc(paths.profile(anna)).get()).updateTime!;
    expect(await signIn('anna@lindeveen.nl')).toBe(anna);
    expect((await db.doc(paths.profile(anna)).get()).updateTime!.isEqual(before)).toBe(true);
  });

  it('`npm run roles` grants and revokes: directory, profile and token', async () => {
    // The command runs the server's own code (functions/src/roles.ts) with the server's Admin SDK.
    const server = await import('../../functions/src/admin');
    expect(await rolesCommand(server, 'grant', 'Anna@lindeveen.nl', 'leader')).toMatch(
      /^anna@lindeveen.nl: moderator:HR\|ICT leader \(written to the directory, token, profile/,
    );
    expect(await claims(anna)).toEqual({ member: true, roles: { moderator: ['HR', 'ICT'], leader: true } });
    await rolesCommand(server, 'revoke', 'anna@lindeveen.nl', 'moderator', ['ICT']);
    expect(await data(paths.profile(anna))).toMatchObject({ roles: { moderator: ['HR'], leader: true } });
    expect(await data(paths.directoryEntry('LV2'))).toMatchObject({ roles: { moderator: ['HR'], leader: true } });
    await expect(rolesCommand(server, 'grant', 'nobody@lindeveen.nl', 'leader')).rejects.toThrow('nobody@lindeveen.nl is not in the directory');
  });

  it('someone no longer in the file has left: they cannot sign in, their profile says so, their named comment stays', async () => {
    const pageId = 'p-directory';
    await putDoc(
      paths.comment(pageId, 'c-bram'),
      namedCommentDoc({ pageId, parentId: null, text: 'Tot ziens!', author: { uid: bram, displayName: 'Bram Jansen' }, at: new Date() }),
    );
    const promoted = ANNA.replace('Communicatieadviseur;LV1;Stadhuis;4;', 'Senior communicatieadviseur;LV1;Stadskantoor;3;moderator:HR|ICT');
    expect(await runImport(csv('v3.csv', HEADER, MEES, promoted))).toMatchObject({
      code: 0,
      out: expect.stringContaining('2 in the file: 0 added, 1 changed, 1 unchanged, 1 left'),
    });
    expect(await data(paths.directoryEntry('LV3'))).toMatchObject({ active: false, uid: bram });
    expect(await data(paths.profile(bram))).toMatchObject({ active: false, displayName: 'Bram Jansen' });
    expect(await data(paths.comment(pageId, 'c-bram'))).toMatchObject({ authorUid: bram, authorName: 'Bram Jansen', deleted: false });
    // The account is disabled (and its refresh tokens revoked) …
    await expect(signIn('bram@lindeveen.nl')).rejects.toThrow('USER_DISABLED');
    expect((await auth.getUser(bram)).disabled).toBe(true);
    // … and should anyone enable it again, the sign-in function still refuses a former colleague.
    await auth.updateUser(bram, { disabled: false });
    await expect(signIn('bram@lindeveen.nl')).rejects.toThrow('former-colleague');
    await auth.updateUser(bram, { disabled: true });
  });

  it('someone back in the file can sign in again', async () => {
    const promoted = ANNA.replace('Communicatieadviseur;LV1;Stadhuis;4;', 'Senior communicatieadviseur;LV1;Stadskantoor;3;moderator:HR|ICT');
    expect(await runImport(csv('v4.csv', HEADER, MEES, promoted, BRAM))).toMatchObject({ code: 0, out: expect.stringContaining('1 changed') });
    expect(await signIn('bram@lindeveen.nl')).toBe(bram);
    expect(await data(paths.profile(bram))).toMatchObject({ active: true });
  });

  it('a malformed file: the command names the line and the field, exits with 1, and changes nothing', async () => {
    const snapshot = async () => ({
      directory: (await db.collection(paths.directory()).get()).docs.map((d) => [d.id, d.updateTime.toMillis()]),
      profiles: (await db.collection(paths.profiles()).get()).docs.map((d) => [d.id, d.updateTime.toMillis()]),
      claims: [await claims(anna), await claims(bram)],
    });
    const before = await snapshot();
    const bad = csv(
      'bad.csv',
      HEADER,
      MEES.replace('Gemeentesecretaris', 'Algemeen directeur'),
      ANNA.replace('anna@lindeveen.nl', 'anna@'),
      BRAM.replace(';4;', ';vier;'),
    );
    // The real command, as an administrator runs it.
    const run = await promisify(execFile)('npx', ['tsx', 'scripts/directory-import.ts', bad], { env: process.env }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2 errors; nothing was changed.');
    expect(run.stderr).toContain('line 3, column email: "anna@" is not an e-mail address; expected name@domain');
    expect(run.stderr).toContain('line 4, column level: "vier" is not a level; expected a whole number from 1');
    expect(await snapshot()).toEqual(before);
  });
});
