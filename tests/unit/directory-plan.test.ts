// What an import writes (scripts/directory/plan.ts), worked out from the file and the current state
// before anything is written: added, changed, unchanged and left; only what differs; the member's
// own fields never; and a second import of the same file writes nothing.
import { describe, expect, it } from 'vitest';
import { identityFromEntry, OWN_PROFILE_DEFAULTS, type DirectoryEntry, type DirectoryPerson } from '../../lib/core/directory';
import { administrators, leaverLimit, planImport, roleChangesOf, summaryLine, type Account, type CurrentState } from '../../scripts/directory/plan';

const mees: DirectoryPerson = {
  personId: 'LV1',
  email: 'mees@lindeveen.nl',
  displayName: 'Mees Dijkstra',
  departmentPath: ['Bestuur en staf'],
  jobTitle: 'Gemeentesecretaris',
  managerId: null,
  location: 'Stadhuis',
  level: 1,
  roles: { leader: true },
};
const mila: DirectoryPerson = {
  personId: 'LV2',
  email: 'mila@lindeveen.nl',
  displayName: 'Mila Peters',
  departmentPath: ['Bedrijfsvoering', 'Financiën'],
  jobTitle: 'Afdelingshoofd Financiën',
  managerId: 'LV1',
  location: 'Stadhuis',
  level: 2,
  roles: {},
};

const policy = { domains: ['lindeveen.nl'], allow: [], deny: [] };
const entry = (person: DirectoryPerson, more: Partial<DirectoryEntry> = {}): DirectoryEntry => ({ ...person, active: true, uid: null, ...more });
const account = (uid: string, email: string, more: Partial<Account> = {}): Account => ({ uid, email, disabled: false, claims: {}, ...more });

function state(parts: Partial<CurrentState> = {}): CurrentState {
  return { directory: new Map(), accounts: new Map(), profiles: new Map(), policy, ...parts };
}

/** The state after a plan's writes (enough of it to plan again). */
function after(before: CurrentState, plan: ReturnType<typeof planImport>): CurrentState {
  const directory = new Map(before.directory);
  for (const e of plan.directory) directory.set(e.personId, { ...e });
  const profiles = new Map(before.profiles);
  for (const p of plan.profiles) profiles.set(p.uid, { ...(p.create ? {} : profiles.get(p.uid)), ...p.fields });
  const accounts = new Map([...before.accounts].map(([email, a]) => [email, { ...a }]));
  for (const a of accounts.values()) {
    const claims = plan.claims.find((c) => c.uid === a.uid);
    if (claims) a.claims = { ...claims.claims };
    if (plan.disable.includes(a.uid)) a.disabled = true;
    if (plan.enable.includes(a.uid)) a.disabled = false;
  }
  return { ...before, directory, profiles, accounts };
}

describe('planning an import', () => {
  it('a first import adds everyone to the directory; nobody has an account yet, so no profile or claims', () => {
    const plan = planImport([mees, mila], state(), { fileHasRoles: true });
    expect(plan.summary).toEqual({ inFile: 2, added: 2, changed: 0, unchanged: 0, left: 0 });
    expect(plan.directory).toEqual([entry(mees), entry(mila)]);
    expect(plan.profiles).toEqual([]);
    expect(plan.claims).toEqual([]);
    expect(summaryLine(plan)).toBe('2 in the file: 2 added, 0 changed, 0 unchanged, 0 left (2 writes)');
  });

  it('for someone with an account: notes the uid, makes the profile from the entry, and sets the roles as claims', () => {
    const plan = planImport([mees], state({ accounts: new Map([['mees@lindeveen.nl', account('u-mees', 'mees@lindeveen.nl')]]) }), { fileHasRoles: true });
    expect(plan.directory).toEqual([entry(mees, { uid: 'u-mees' })]);
    expect(plan.profiles).toEqual([{ uid: 'u-mees', create: true, fields: { ...identityFromEntry(entry(mees)), ...OWN_PROFILE_DEFAULTS } }]);
    expect(plan.profiles[0]!.fields).toMatchObject({ department: 'Bestuur en staf', level: 1, managerId: null, personId: 'LV1', roles: { leader: true } });
    expect(plan.claims).toEqual([{ uid: 'u-mees', claims: { member: true, roles: { leader: true } } }]);
  });

  it('updates only the identity fields that changed, never the member’s own skills, languages or opt-out', () => {
    const profile = { ...identityFromEntry(entry(mila, { uid: 'u-mila' })), skills: ['Excel'], languages: ['nl'], optOut: true };
    const current = state({
      directory: new Map([
        ['LV1', { ...entry(mees) }],
        ['LV2', { ...entry(mila, { uid: 'u-mila' }) }],
      ]),
      accounts: new Map([['mila@lindeveen.nl', account('u-mila', 'mila@lindeveen.nl', { claims: { member: true } })]]),
      profiles: new Map([['u-mila', profile]]),
    });
    const promoted = { ...mila, jobTitle: 'Concerncontroller', level: 3, roles: { ambassador: true as const } };
    const plan = planImport([mees, promoted], current, { fileHasRoles: true });
    expect(plan.summary).toEqual({ inFile: 2, added: 0, changed: 1, unchanged: 1, left: 0 });
    expect(plan.profiles).toEqual([{ uid: 'u-mila', create: false, fields: { jobTitle: 'Concerncontroller', level: 3, roles: { ambassador: true } } }]);
    expect(plan.claims).toEqual([{ uid: 'u-mila', claims: { member: true, roles: { ambassador: true } } }]);
  });

  it('is idempotent: the same file again plans no write at all', () => {
    const start = state({ accounts: new Map([['mila@lindeveen.nl', account('u-mila', 'mila@lindeveen.nl')]]) });
    const first = planImport([mees, mila], start, { fileHasRoles: true });
    const again = planImport([mees, mila], after(start, first), { fileHasRoles: true });
    expect(again.summary).toEqual({ inFile: 2, added: 0, changed: 0, unchanged: 2, left: 0 });
    expect(again.writes).toBe(0);
    expect(summaryLine(again)).toContain('0 changed');
  });

  it('a leaver (in the directory, not in the file) is marked inactive in the directory and profile, and their account disabled', () => {
    const current = state({
      directory: new Map([
        ['LV1', { ...entry(mees) }],
        ['LV2', { ...entry(mila, { uid: 'u-mila' }) }],
      ]),
      accounts: new Map([['mila@lindeveen.nl', account('u-mila', 'mila@lindeveen.nl', { claims: { member: true } })]]),
      profiles: new Map([['u-mila', { ...identityFromEntry(entry(mila)), skills: ['Excel'] }]]),
    });
    const plan = planImport([mees], current, { fileHasRoles: true });
    expect(plan.summary).toEqual({ inFile: 1, added: 0, changed: 0, unchanged: 1, left: 1 });
    expect(plan.directory).toEqual([entry(mila, { active: false, uid: 'u-mila' })]);
    expect(plan.profiles).toEqual([{ uid: 'u-mila', create: false, fields: { active: false } }]);
    expect(plan.disable).toEqual(['u-mila']);
    // … and only once.
    const again = planImport([mees], after(current, plan), { fileHasRoles: true });
    expect(again.summary.left).toBe(0);
    expect(again.writes).toBe(0);
  });

  it('someone back in the file after leaving is active again, and their account enabled', () => {
    const current = state({
      directory: new Map([['LV2', { ...entry(mila, { uid: 'u-mila', active: false }) }]]),
      accounts: new Map([['mila@lindeveen.nl', account('u-mila', 'mila@lindeveen.nl', { disabled: true, claims: { member: true } })]]),
      profiles: new Map([['u-mila', { ...identityFromEntry(entry(mila, { active: false })) }]]),
    });
    const plan = planImport([mila], current, { fileHasRoles: true });
    expect(plan.summary.changed).toBe(1);
    expect(plan.enable).toEqual(['u-mila']);
    expect(plan.profiles).toEqual([{ uid: 'u-mila', create: false, fields: { active: true } }]);
  });

  it('without a roles column, the roles stay as they are (npm run roles keeps them)', () => {
    const current = state({ directory: new Map([['LV1', { ...entry(mees, { roles: { moderator: ['HR'] } }) }]]) });
    const plan = planImport([{ ...mees, roles: {} }], current, { fileHasRoles: false });
    expect(plan.writes).toBe(0);
    const withColumn = planImport([{ ...mees, roles: {} }], current, { fileHasRoles: true });
    expect(withColumn.directory[0]!.roles).toEqual({});
  });

  it('gives claims as the sign-in function would: a person the policy refuses is not made a member', () => {
    const current = state({
      accounts: new Map([['mees@lindeveen.nl', account('u-mees', 'mees@lindeveen.nl', { claims: { member: true } })]]),
      policy: { ...policy, deny: ['mees@lindeveen.nl'] },
    });
    expect(planImport([mees], current, { fileHasRoles: true }).claims).toEqual([{ uid: 'u-mees', claims: { member: false, reason: 'not-in-organisation' } }]);
  });

  it('guards against a cut-off file: at most 10% (and at least 3) leavers without --allow-many-leavers', () => {
    expect(leaverLimit(10)).toBe(3);
    expect(leaverLimit(41)).toBe(4);
    expect(leaverLimit(2000)).toBe(200);
  });
});

describe('roles an import changes (the audit log, the last administrator)', () => {
  it('lists each person whose roles the file changes, a new person with roles included', () => {
    const current = state({ directory: new Map([['LV1', { ...entry(mees) }]]) });
    const file: DirectoryPerson[] = [
      { ...mees, roles: { leader: true, admin: true } },
      { ...mila, roles: { ambassador: true } },
    ];
    const plan = planImport(file, current, { fileHasRoles: true });
    expect(roleChangesOf(plan, current).map((c) => [c.entry.personId, c.before, c.entry.roles])).toEqual([
      ['LV1', { leader: true }, { admin: true, leader: true }],
      ['LV2', {}, { ambassador: true }],
    ]);
    // Without a roles column, roles stay: nothing to audit.
    expect(roleChangesOf(planImport([mees, { ...mila, jobTitle: 'Controller' }], current, { fileHasRoles: false }), current)).toEqual([]);
  });

  it('counts the administrators who have not left, before and after', () => {
    const current = state({
      directory: new Map([
        ['LV1', { ...entry(mees, { roles: { admin: true } }) }],
        ['LV2', { ...entry(mila) }],
      ]),
    });
    expect(administrators(planImport([mees, mila], current, { fileHasRoles: true }), current)).toEqual({ before: 1, after: 0 });
    expect(administrators(planImport([mees, mila], current, { fileHasRoles: false }), current)).toEqual({ before: 1, after: 1 });
    expect(administrators(planImport([mees, { ...mila, roles: { admin: true } }], current, { fileHasRoles: true }), current)).toEqual({ before: 1, after: 1 });
  });
});
