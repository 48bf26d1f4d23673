// Roles changed from the comms console, against the Auth, Firestore and Functions emulators: the
// console's own client (lib/data/console/roles.ts) calls the `changeRole` function as the seeded
// demo people. The administrator (Rachida) grants: the directory entry, the profile, the token and an
// audit entry all say so, and a comms advisor reads the entry through the console's feed. A comms
// advisor, a moderator and a plain member are refused; the last administrator can't be removed
// (her own role included, also by two administrators at once), and a refusal leaves nothing
// half-saved. An administrator whose role was revoked is refused at once, though her token still
// says admin. `npm run roles` goes through the same code and writes the audit log too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFunctions, connectFunctionsEmulator } from 'firebase/functions';
import { db as server, auth as serverAuth } from '../../functions/src/admin';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import type { RolesAuditEntry } from '../../lib/core/audit';
import type { DirectoryPerson } from '../../lib/core/directory';
import type { Roles } from '../../lib/core/membership';
import { paths } from '../../lib/core/paths';
import { auditFeed, type AuditFeedState } from '../../lib/data/console/audit';
import { consoleFunctions, rolesApi, type RolesApi } from '../../lib/data/console/roles';
import { waitFor } from '../../scripts/poll';
import { rolesCommand } from '../../scripts/roles';
import { seedDemo, type SeededEmployee } from '../../scripts/seed';
import { signedInClient, type Client } from '../helpers/emulator-clients';
import { DEMO_PASSWORD, seededEmployee } from '../helpers/fixtures';
import { EMPLOYEES } from '../../demo/org';
import { readDirectoryFile } from '../../scripts/directory/csv';
import { demoDirectoryCsv } from '../../scripts/directory/demo-csv';
import { importDirectory } from '../../scripts/directory/import';
import { emulatorAdmin } from '../../scripts/seed';

let staff: SeededEmployee[];
const clients: Client[] = [];

/** The console's role API, signed in as a demo employee. */
async function consoleAs(key: string): Promise<{ client: Client; roles: RolesApi }> {
  const client = await signedInClient(seededEmployee(staff, key).email, DEMO_PASSWORD);
  clients.push(client);
  return { client, roles: rolesApi(consoleFunctions(client.app, BUILD_ORG_CONFIG.firebase)) };
}

const uidOf = (key: string) => seededEmployee(staff, key).uid;
const personIdOf = (key: string) => seededEmployee(staff, key).personId;
const data = async (path: string) => (await server.doc(path).get()).data();
const claims = async (key: string) => (await serverAuth.getUser(uidOf(key))).customClaims;
/** The audit entries the console made (the seed's directory import wrote the demo's roles before). */
const consoleEntries = async () => (await server.collection(paths.audit()).where('actor.via', '==', 'console').get()).docs.map((d) => d.data());

/** Everything a role change writes, for one person: to compare before and after a refusal. */
async function snapshotOf(key: string) {
  return {
    directory: await data(paths.directoryEntry(personIdOf(key))),
    profile: (await data(paths.profile(uidOf(key))))?.roles,
    claims: await claims(key),
    audit: (await server.collection(paths.audit()).get()).size,
  };
}

beforeAll(async () => {
  staff = await seedDemo({ threads: false });
});

afterAll(async () => {
  for (const client of clients) await client.close();
});

describe('changing roles through the console function', () => {
  it('the administrator grants ambassador: directory, profile, token and an audit entry, in her name', async () => {
    const rachida = await consoleAs('rachida');
    const outcome = await rachida.roles.change({ uid: uidOf('hugo'), action: 'grant', role: 'ambassador', sections: [] });
    expect(outcome).toEqual({ ok: true, result: { name: 'Hugo de Boer', changed: true, before: {}, after: { ambassador: true }, token: 'updated' } });
    expect(await data(paths.directoryEntry(personIdOf('hugo')))).toMatchObject({ roles: { ambassador: true } });
    expect(await data(paths.profile(uidOf('hugo')))).toMatchObject({ roles: { ambassador: true } });
    expect(await claims('hugo')).toEqual({ member: true, roles: { ambassador: true } });
    const [entry, ...others] = await consoleEntries();
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      kind: 'roles',
      action: 'grant',
      actor: { uid: uidOf('rachida'), name: 'Rachida Bouzid', via: 'console' },
      target: { kind: 'person', uid: uidOf('hugo'), personId: personIdOf('hugo'), name: 'Hugo de Boer' },
      role: 'ambassador',
      sections: [],
      before: {},
      after: { ambassador: true },
    });
    // Hugo's next token (the panel asks for a fresh one when it opens) carries the role.
    const hugo = await signedInClient(seededEmployee(staff, 'hugo').email, DEMO_PASSWORD);
    clients.push(hugo);
    const { currentUser } = (await import('firebase/auth')).getAuth(hugo.app);
    expect((await currentUser!.getIdTokenResult(true)).claims.roles).toEqual({ ambassador: true });
  });

  it('the same grant again changes nothing and writes no second audit entry', async () => {
    const rachida = await consoleAs('rachida');
    const outcome = await rachida.roles.change({ uid: uidOf('hugo'), action: 'grant', role: 'ambassador', sections: [] });
    expect(outcome).toMatchObject({ ok: true, result: { changed: false, token: 'unchanged' } });
    expect(await consoleEntries()).toHaveLength(1);
  });

  it('sections: a community manager of HR and ICT, then ICT revoked alone', async () => {
    const rachida = await consoleAs('rachida');
    expect(await rachida.roles.change({ uid: uidOf('ilse'), action: 'grant', role: 'community_manager', sections: ['HR', 'ICT'] })).toMatchObject({
      ok: true,
      result: { after: { communityManager: ['HR', 'ICT'] } },
    });
    expect(await rachida.roles.change({ uid: uidOf('ilse'), action: 'revoke', role: 'community_manager', sections: ['ICT'] })).toMatchObject({
      ok: true,
      result: { before: { communityManager: ['HR', 'ICT'] }, after: { communityManager: ['HR'] } },
    });
    expect(await claims('ilse')).toEqual({ member: true, roles: { communityManager: ['HR'] } });
  });

  it('a comms advisor reads the entries through the console feed, newest first', async () => {
    const anna = await signedInClient(seededEmployee(staff, 'anna').email, DEMO_PASSWORD);
    clients.push(anna);
    let state: AuditFeedState | undefined;
    const feed = auditFeed(anna.firestore, 'roles', (next) => (state = next));
    try {
      // The console's three changes, after the demo's roles as the directory import set them.
      const imported = EMPLOYEES.filter((e) => Object.keys(e.roles).length > 0).length;
      await waitFor(() => state?.loaded && state.entries.length === 3 + imported, { what: 'every audit entry in the feed' });
      expect(state!.error).toBeNull();
      const roleEntries = state!.entries.filter((e): e is RolesAuditEntry => e.kind === 'roles');
      expect(roleEntries.slice(0, 4).map((e) => [e.action, e.role, e.target.name, e.actor.via])).toEqual([
        ['revoke', 'community_manager', 'Ilse Meijer', 'console'],
        ['grant', 'community_manager', 'Ilse Meijer', 'console'],
        ['grant', 'ambassador', 'Hugo de Boer', 'console'],
        ['set', null, expect.any(String), 'directory-import'],
      ]);
      expect(roleEntries.find((e) => e.target.name === 'Rachida Bouzid')).toMatchObject({
        action: 'set',
        actor: { uid: null, name: expect.stringMatching(/.+/), via: 'directory-import' },
        before: {},
        after: { admin: true },
      });
      expect(state!.hasOlder).toBe(false);
    } finally {
      feed.stop();
    }
  });

  it.each(['anna', 'chantal', 'gerda', 'daan'])('%s (not an administrator) is refused, and nothing changes', async (key) => {
    const before = await snapshotOf('noah');
    const caller = await consoleAs(key);
    expect(await caller.roles.change({ uid: uidOf('noah'), action: 'grant', role: 'leader', sections: [] })).toEqual({ ok: false, problem: 'not-admin' });
    expect(await snapshotOf('noah')).toEqual(before);
  });

  it('a bad section is refused with its reason, nothing written', async () => {
    const before = await snapshotOf('noah');
    const rachida = await consoleAs('rachida');
    expect(await rachida.roles.change({ uid: uidOf('noah'), action: 'grant', role: 'moderator', sections: ['Openbare ruimte'] })).toEqual({
      ok: false,
      problem: 'invalid-section',
    });
    expect(await rachida.roles.change({ uid: uidOf('noah'), action: 'grant', role: 'boss', sections: [] })).toEqual({ ok: false, problem: 'invalid-role' });
    expect(await snapshotOf('noah')).toEqual(before);
  });

  it('without signing in, the function answers nothing', async () => {
    const { initializeApp, deleteApp } = await import('firebase/app');
    const { apiKey, authDomain, projectId } = BUILD_ORG_CONFIG.firebase;
    const app = initializeApp({ apiKey, authDomain, projectId }, 'signed-out-console');
    const functions = getFunctions(app, BUILD_ORG_CONFIG.firebase.region);
    connectFunctionsEmulator(functions, BUILD_ORG_CONFIG.firebase.emulators!.firestoreHost, BUILD_ORG_CONFIG.firebase.emulators!.functionsPort!);
    expect(await rolesApi(functions).change({ uid: uidOf('noah'), action: 'grant', role: 'leader', sections: [] })).toEqual({
      ok: false,
      problem: 'signed-out',
    });
    await deleteApp(app);
  });
});

describe('the last administrator', () => {
  it('can not revoke her own administrator role while she is the only one: refused, nothing half-saved', async () => {
    const before = await snapshotOf('rachida');
    const rachida = await consoleAs('rachida');
    expect(await rachida.roles.change({ uid: uidOf('rachida'), action: 'revoke', role: 'admin', sections: [] })).toEqual({ ok: false, problem: 'last-admin' });
    expect(await snapshotOf('rachida')).toEqual(before);
    expect(before.claims).toEqual({ member: true, roles: { admin: true } });
  });

  it('with a second administrator she can; the revoked one is refused at once although her token still says admin', async () => {
    const rachida = await consoleAs('rachida');
    expect(await rachida.roles.change({ uid: uidOf('quinten'), action: 'grant', role: 'admin', sections: [] })).toMatchObject({
      ok: true,
      result: { after: { admin: true, leader: true } },
    });
    expect(await rachida.roles.change({ uid: uidOf('rachida'), action: 'revoke', role: 'admin', sections: [] })).toMatchObject({
      ok: true,
      result: { before: { admin: true }, after: {} },
    });
    // Her token (an hour at most) still claims admin; the directory, which the function reads, does not.
    const stale = await (await import('firebase/auth')).getAuth(rachida.client.app).currentUser!.getIdTokenResult(false);
    expect(stale.claims.roles).toEqual({ admin: true });
    expect(await rachida.roles.change({ uid: uidOf('rachida'), action: 'grant', role: 'admin', sections: [] })).toEqual({ ok: false, problem: 'not-admin' });
    // And Quinten, now the only one, can't remove himself either.
    const quinten = await consoleAs('quinten');
    expect(await quinten.roles.change({ uid: uidOf('quinten'), action: 'revoke', role: 'admin', sections: [] })).toEqual({ ok: false, problem: 'last-admin' });
  });

  it('two administrators revoking each other at the same moment: exactly one succeeds', async () => {
    const quinten = await consoleAs('quinten');
    expect(await quinten.roles.change({ uid: uidOf('rachida'), action: 'grant', role: 'admin', sections: [] })).toMatchObject({ ok: true });
    // Fresh sessions: both tokens say admin.
    const [q, r] = [await consoleAs('quinten'), await consoleAs('rachida')];
    const outcomes = await Promise.all([
      q.roles.change({ uid: uidOf('rachida'), action: 'revoke', role: 'admin', sections: [] }),
      r.roles.change({ uid: uidOf('quinten'), action: 'revoke', role: 'admin', sections: [] }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.problem)).toEqual([expect.stringMatching(/^(last-admin|not-admin)$/)]);
    const admins = (await server.collection(paths.directory()).where('roles.admin', '==', true).get()).docs;
    expect(admins).toHaveLength(1);
  });
});

describe('`npm run roles`', () => {
  it('writes the audit log too, as the command line and the OS user', async () => {
    const before = (await server.collection(paths.audit()).get()).size;
    expect(await rolesCommand({ db: server, auth: serverAuth }, 'grant', 'noah@lindeveen.nl', 'leader')).toMatch(
      /^noah@lindeveen.nl: leader \(written to the directory, token, profile, audit log/,
    );
    const entries = (await server.collection(paths.audit()).orderBy('at', 'desc').limit(1).get()).docs.map((d) => d.data());
    expect((await server.collection(paths.audit()).get()).size).toBe(before + 1);
    expect(entries[0]).toMatchObject({
      action: 'grant',
      role: 'leader',
      actor: { uid: null, name: expect.stringMatching(/.+/), via: 'command-line' },
      target: { uid: uidOf('noah'), personId: personIdOf('noah'), name: 'Noah Hendriks' },
    });
  });

  it('refuses the last administrator as the console does, and changes nothing', async () => {
    const admins = (await server.collection(paths.directory()).where('roles.admin', '==', true).get()).docs.map((d) => d.get('email') as string);
    expect(admins).toHaveLength(1);
    const before = (await server.collection(paths.audit()).get()).size;
    await expect(rolesCommand({ db: server, auth: serverAuth }, 'revoke', admins[0]!, 'admin')).rejects.toThrow('last administrator');
    expect((await server.collection(paths.audit()).get()).size).toBe(before);
  });
});

describe('the directory import (a file with a roles column)', () => {
  /** The demo's directory file, with `edit` applied to its people. */
  function demoFile(edit: (person: DirectoryPerson) => void): DirectoryPerson[] {
    const file = readDirectoryFile(Buffer.from(demoDirectoryCsv()));
    if (!file.ok) throw new Error('demo/directory.csv does not read');
    for (const person of file.people) edit(person);
    return file.people;
  }

  it('writes each role it changes to the audit log, as the directory import', async () => {
    const roles = new Map((await server.collection(paths.directory()).get()).docs.map((d) => [d.get('email') as string, d.get('roles') as Roles]));
    const before = (await server.collection(paths.audit()).get()).size;
    // The file as the directory is now, but Willem becomes a leader.
    const people = demoFile((p) => {
      p.roles = p.email === 'willem@lindeveen.nl' ? { leader: true } : (roles.get(p.email) ?? {});
    });
    await importDirectory(emulatorAdmin(), people, { fileHasRoles: true });
    const entries = (await server.collection(paths.audit()).where('target.name', '==', 'Willem Koster').get()).docs.map((d) => d.data());
    expect(entries).toEqual([
      expect.objectContaining({ action: 'set', role: null, before: {}, after: { leader: true }, actor: expect.objectContaining({ via: 'directory-import' }) }),
    ]);
    expect((await server.collection(paths.audit()).get()).size).toBe(before + 1);
    expect(await claims('willem')).toEqual({ member: true, roles: { leader: true } });
  });

  it('refuses a file that leaves no administrator, and changes nothing', async () => {
    const before = await snapshotOf('noah');
    // The directory as it is, but nobody "admin" (and Noah an ambassador).
    const roles = new Map((await server.collection(paths.directory()).get()).docs.map((d) => [d.get('email') as string, d.get('roles') as Roles]));
    const people = demoFile((p) => {
      const { admin: _dropped, ...rest } = roles.get(p.email) ?? {};
      p.roles = p.email === 'noah@lindeveen.nl' ? { ...rest, ambassador: true } : rest;
    });
    await expect(importDirectory(emulatorAdmin(), people, { fileHasRoles: true })).rejects.toThrow('this file leaves no administrator');
    expect(await snapshotOf('noah')).toEqual(before);
  });
});
