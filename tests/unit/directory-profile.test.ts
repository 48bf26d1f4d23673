// From the directory to the profile (lib/core/directory.ts), as the sign-in function and the import
// write it; and roles as the file and `npm run roles` write them.
import { describe, expect, it } from 'vitest';
import {
  entryFromDoc,
  identityChanges,
  identityFromEntry,
  memberClaims,
  membershipPolicyFrom,
  minimalIdentity,
  type DirectoryEntry,
} from '../../lib/core/directory';
import { personFromDoc } from '../../lib/core/codecs';
import { formatRolesCell, grantRole, parseRolesCell, revokeRole } from '../../lib/core/directory-roles';

const daan: DirectoryEntry = {
  personId: 'LV1004',
  email: 'daan@lindeveen.nl',
  displayName: 'Daan Visser',
  departmentPath: ['Bedrijfsvoering', 'ICT', 'Netwerk en infrastructuur'],
  jobTitle: 'Netwerkbeheerder',
  managerId: 'LV1016',
  location: 'Stadskantoor',
  level: 4,
  roles: {},
  active: true,
  uid: null,
};

describe('the profile from the directory', () => {
  it('copies the identity fields; department is the last level of the path', () => {
    expect(identityFromEntry(daan)).toEqual({
      displayName: 'Daan Visser',
      email: 'daan@lindeveen.nl',
      departmentPath: ['Bedrijfsvoering', 'ICT', 'Netwerk en infrastructuur'],
      department: 'Netwerk en infrastructuur',
      jobTitle: 'Netwerkbeheerder',
      managerId: 'LV1016',
      location: 'Stadskantoor',
      level: 4,
      active: true,
      roles: {},
      personId: 'LV1004',
    });
  });

  it('a member the directory does not know gets their name from the token, or else the address', () => {
    expect(minimalIdentity('Gast.Docent@Lindeveen.nl', '  Gast  Docent ')).toMatchObject({
      displayName: 'Gast Docent',
      email: 'gast.docent@lindeveen.nl',
      departmentPath: [],
      level: null,
      personId: null,
    });
    expect(minimalIdentity('gast.docent@lindeveen.nl', undefined).displayName).toBe('gast.docent');
  });

  it('names only the identity fields that differ (roles compared whatever their order), never the own fields', () => {
    const stored = { ...identityFromEntry(daan), roles: { moderator: ['ICT', 'HR'] }, skills: ['VPN'], optOut: true };
    expect(identityChanges(stored, identityFromEntry({ ...daan, roles: { moderator: ['HR', 'ICT'] } }))).toEqual({});
    expect(identityChanges(stored, identityFromEntry({ ...daan, jobTitle: 'Senior netwerkbeheerder', roles: {} }))).toEqual({
      jobTitle: 'Senior netwerkbeheerder',
      roles: {},
    });
    // A profile from before the directory: everything the directory knows is written.
    expect(Object.keys(identityChanges({ displayName: 'Daan Visser', department: 'ICT' }, identityFromEntry(daan)))).toEqual([
      'email',
      'departmentPath',
      'department',
      'jobTitle',
      'managerId',
      'location',
      'level',
      'active',
      'roles',
      'personId',
    ]);
  });

  it('reads a directory document defensively', () => {
    expect(entryFromDoc('LV9', { email: ' X@Lindeveen.nl ', level: 'high', roles: { leader: true, boss: true }, managerId: '' })).toMatchObject({
      email: 'x@lindeveen.nl',
      level: 0,
      roles: { leader: true },
      managerId: null,
      active: true,
      uid: null,
    });
    expect(entryFromDoc('LV9', { active: false }).active).toBe(false);
  });

  it('a profile that says active: false is a former colleague in the people directory; older profiles are active', () => {
    expect(personFromDoc('u1', { displayName: 'Bram', active: false }).active).toBe(false);
    expect(personFromDoc('u2', { displayName: 'Anna', active: true }).active).toBeUndefined();
    expect(personFromDoc('u3', { displayName: 'Anna' }).active).toBeUndefined();
  });

  it('claims carry the roles only when there are some; the policy adds config/membership to the organisation’s domains', () => {
    expect(memberClaims({})).toEqual({ member: true });
    expect(memberClaims({ leader: true })).toEqual({ member: true, roles: { leader: true } });
    expect(membershipPolicyFrom(['lindeveen.nl'], { domains: ['gemeente.nl'], allow: ['a@b.nl', 3], deny: 'x' })).toEqual({
      domains: ['lindeveen.nl', 'gemeente.nl'],
      allow: ['a@b.nl'],
      deny: [],
    });
  });
});

describe('roles', () => {
  it('reads and writes the roles cell', () => {
    const roles = parseRolesCell('leader  Moderator:HR|ICT community_manager:ICT|HR ambassador comms admin');
    expect(roles).toEqual({ admin: true, ambassador: true, comms: true, communityManager: ['HR', 'ICT'], leader: true, moderator: ['HR', 'ICT'] });
    expect(formatRolesCell(roles)).toBe('admin comms moderator:HR|ICT community_manager:HR|ICT ambassador leader');
    expect(parseRolesCell(formatRolesCell(roles))).toEqual(roles);
    expect(parseRolesCell('')).toEqual({});
  });

  it('grants and revokes, sections included', () => {
    expect(grantRole({}, 'moderator', ['HR'])).toEqual({ moderator: ['HR'] });
    expect(grantRole({ moderator: ['HR'] }, 'moderator', ['ICT'])).toEqual({ moderator: ['HR', 'ICT'] });
    expect(grantRole({ moderator: ['HR'] }, 'moderator')).toEqual({ moderator: true });
    expect(grantRole({ moderator: true }, 'moderator', ['ICT'])).toEqual({ moderator: true });
    expect(revokeRole({ moderator: ['HR', 'ICT'], leader: true }, 'moderator', ['HR'])).toEqual({ moderator: ['ICT'], leader: true });
    expect(revokeRole({ moderator: ['HR'], leader: true }, 'moderator', ['HR'])).toEqual({ leader: true });
    expect(revokeRole({ communityManager: ['HR'] }, 'community_manager')).toEqual({});
  });

  it('refuses what makes no sense, saying what was expected', () => {
    expect(() => grantRole({}, 'boss')).toThrow('"boss" is not a role; expected one of admin, comms, moderator, community_manager, ambassador, leader');
    expect(() => grantRole({}, 'community_manager')).toThrow('needs its sections');
    expect(() => grantRole({}, 'leader', ['HR'])).toThrow('"leader" takes no sections');
    expect(() => grantRole({}, 'moderator', ['H R'])).toThrow('section "H R" may hold only letters, digits');
    expect(() => revokeRole({ moderator: true }, 'moderator', ['HR'])).toThrow('granted everywhere');
  });
});
