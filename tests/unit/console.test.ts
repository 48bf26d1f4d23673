// The comms console's pure parts: one role change checked and planned the same way for the
// console's function and `npm run roles` (lib/core/role-change.ts), who may open the console
// and do what, finding people, the "who has which role" overview, the sections to suggest
// (lib/core/console.ts), and the audit entry as written and read back (lib/core/audit.ts).
import { describe, expect, it } from 'vitest';
import { auditFromDoc, rolesAuditDoc } from '../../lib/core/audit';
import { personFromDoc } from '../../lib/core/codecs';
import { consoleAccess, findPeople, parseSections, roleHolders, sectionSuggestions } from '../../lib/core/console';
import type { Roles } from '../../lib/core/membership';
import { parseRoleChange, planRoleChange, RoleChangeError, type RoleChange } from '../../lib/core/role-change';

const problem = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof RoleChangeError) return error.code;
    throw error;
  }
  return null;
};

describe('a role change (lib/core/role-change.ts)', () => {
  const grant = (role: RoleChange['role'], sections: string[] = []): RoleChange => ({ action: 'grant', role, sections });
  const revoke = (role: RoleChange['role'], sections: string[] = []): RoleChange => ({ action: 'revoke', role, sections });

  it('reads a request: action and role checked, role names as the file writes them, sections trimmed and once', () => {
    expect(parseRoleChange('grant', ' Community_Manager ', [' HR', 'ICT', 'HR', ''])).toEqual({
      action: 'grant',
      role: 'community_manager',
      sections: ['HR', 'ICT'],
    });
    expect(problem(() => parseRoleChange('promote', 'leader'))).toBe('invalid-request');
    expect(problem(() => parseRoleChange('grant', 'boss'))).toBe('invalid-role');
    expect(problem(() => parseRoleChange('grant', 42))).toBe('invalid-role');
    expect(problem(() => parseRoleChange('grant', 'moderator', 'HR'))).toBe('invalid-request');
    expect(problem(() => parseRoleChange('grant', 'moderator', [1]))).toBe('invalid-request');
    expect(
      problem(() =>
        parseRoleChange(
          'grant',
          'moderator',
          Array.from({ length: 21 }, (_, i) => `S${i}`),
        ),
      ),
    ).toBe('invalid-request');
    expect(problem(() => parseRoleChange('grant', 'moderator', ['Openbare ruimte']))).toBe('invalid-section');
    expect(problem(() => parseRoleChange('grant', 'moderator', ['x'.repeat(41)]))).toBe('invalid-section');
  });

  it('grants and revokes, and says when nothing changes', () => {
    expect(planRoleChange({}, grant('ambassador'), 0)).toEqual({ after: { ambassador: true }, changed: true });
    expect(planRoleChange({ ambassador: true }, grant('ambassador'), 0)).toEqual({ after: { ambassador: true }, changed: false });
    expect(planRoleChange({ moderator: ['HR'] }, grant('moderator', ['ICT']), 0).after).toEqual({ moderator: ['HR', 'ICT'] });
    expect(planRoleChange({ moderator: ['HR'] }, grant('moderator'), 0).after).toEqual({ moderator: true });
    expect(planRoleChange({ communityManager: ['HR', 'ICT'] }, revoke('community_manager', ['HR']), 0).after).toEqual({ communityManager: ['ICT'] });
    expect(planRoleChange({ communityManager: ['HR'] }, revoke('community_manager', ['HR']), 0)).toEqual({ after: {}, changed: true });
    expect(planRoleChange({ leader: true }, revoke('comms'), 0)).toEqual({ after: { leader: true }, changed: false });
  });

  it('refuses what does not fit the role', () => {
    expect(problem(() => planRoleChange({}, grant('ambassador', ['HR']), 0))).toBe('sections-not-allowed');
    expect(problem(() => planRoleChange({}, grant('community_manager'), 0))).toBe('sections-required');
    expect(problem(() => planRoleChange({ moderator: true }, revoke('moderator', ['HR']), 0))).toBe('granted-everywhere');
  });

  it('never takes away the last administrator, their own role included', () => {
    expect(problem(() => planRoleChange({ admin: true }, revoke('admin'), 0))).toBe('last-admin');
    expect(planRoleChange({ admin: true }, revoke('admin'), 1)).toEqual({ after: {}, changed: true });
    // Other changes to the last administrator are fine.
    expect(planRoleChange({ admin: true }, grant('comms'), 0).after).toEqual({ admin: true, comms: true });
  });
});

describe('the console (lib/core/console.ts)', () => {
  it('is for administrators (manage roles) and comms (see them), both manage rollout and pages and read insights; leaders only announce; everyone else never sees it', () => {
    expect(consoleAccess({ admin: true })).toEqual({ roles: 'manage', audit: true, rollout: true, pages: 'manage', insights: true, moderation: 'all' });
    expect(consoleAccess({ admin: true, comms: true })).toEqual({
      roles: 'manage',
      audit: true,
      rollout: true,
      pages: 'manage',
      insights: true,
      moderation: 'all',
    });
    expect(consoleAccess({ comms: true, moderator: true })).toEqual({
      roles: 'view',
      audit: true,
      rollout: true,
      pages: 'manage',
      insights: true,
      moderation: 'all',
    });
    expect(consoleAccess({ comms: true })).toEqual({ roles: 'view', audit: true, rollout: true, pages: 'manage', insights: true, moderation: null });
    expect(consoleAccess({ leader: true })).toEqual({ roles: null, audit: false, rollout: false, pages: 'announce', insights: false, moderation: null });
    // Moderators get the console for the queue alone, scoped to their sections.
    expect(consoleAccess({ moderator: true })).toEqual({ roles: null, audit: false, rollout: false, pages: null, insights: false, moderation: 'all' });
    expect(consoleAccess({ moderator: ['ICT', 'HR', 'HR'] })).toEqual({
      roles: null,
      audit: false,
      rollout: false,
      pages: null,
      insights: false,
      moderation: ['HR', 'ICT'],
    });
    for (const roles of [{}, { moderator: [] }, { communityManager: ['HR'] }, { ambassador: true }] as Roles[]) {
      expect(consoleAccess(roles)).toBeNull();
    }
  });

  const person = (displayName: string, extra: { jobTitle?: string; departmentPath?: string[]; roles?: Roles; active?: boolean } = {}) => ({
    displayName,
    jobTitle: extra.jobTitle ?? '',
    departmentPath: extra.departmentPath ?? [],
    roles: extra.roles,
    active: extra.active,
  });

  it('finds people by a word of their name first, then by job title or department; not leavers; nothing for an empty query', () => {
    const people = [
      person('Eva Smit', { jobTitle: 'Servicedeskmedewerker', departmentPath: ['Bedrijfsvoering', 'ICT', 'Servicedesk'] }),
      person('Hugo de Boer', { jobTitle: 'Salarisadministrateur', departmentPath: ['Bedrijfsvoering', 'HR'] }),
      person('Sander Brouwer', { jobTitle: 'Teamleider Servicedesk', departmentPath: ['Bedrijfsvoering', 'ICT', 'Servicedesk'] }),
      person('Servaas Oud', { active: false }),
    ];
    expect(findPeople(people, 'boer').map((p) => p.displayName)).toEqual(['Hugo de Boer']);
    expect(findPeople(people, 'ser').map((p) => p.displayName)).toEqual(['Eva Smit', 'Sander Brouwer']);
    expect(findPeople(people, 'sErViCedesk').map((p) => p.displayName)).toEqual(['Eva Smit', 'Sander Brouwer']);
    expect(findPeople(people, 'hr').map((p) => p.displayName)).toEqual(['Hugo de Boer']);
    expect(findPeople(people, '  ')).toEqual([]);
  });

  it('lists who has which role: every role, sections only when held, names in order, leavers left out', () => {
    const groups = roleHolders([
      person('Rachida Bouzid', { roles: { admin: true } }),
      person('Chantal Bakker', { roles: { comms: true, moderator: true } }),
      person('Anna de Vries', { roles: { comms: true } }),
      person('Gerda Mulder', { roles: { communityManager: ['HR'] } }),
      person('Eva Smit', { roles: { communityManager: ['ICT'], moderator: ['ICT'] } }),
      person('Oud Ambassadeur', { roles: { ambassador: true }, active: false }),
    ]);
    expect(groups.map((g) => [g.role, g.section, g.people.map((p) => p.displayName)])).toEqual([
      ['admin', null, ['Rachida Bouzid']],
      ['comms', null, ['Anna de Vries', 'Chantal Bakker']],
      ['leader', null, []],
      ['ambassador', null, []],
      ['moderator', null, ['Chantal Bakker']],
      ['moderator', 'ICT', ['Eva Smit']],
      ['community_manager', 'HR', ['Gerda Mulder']],
      ['community_manager', 'ICT', ['Eva Smit']],
    ]);
    expect(roleHolders([]).map((g) => g.role)).toEqual(['admin', 'comms', 'leader', 'ambassador', 'moderator', 'community_manager']);
  });

  it('suggests the sections in use, then one-word department names', () => {
    expect(
      sectionSuggestions([
        { departmentPath: ['Bedrijfsvoering', 'ICT', 'Netwerk en infrastructuur'], roles: { communityManager: ['ICT'] } },
        { departmentPath: ['Bedrijfsvoering', 'HR'], roles: { moderator: ['Nieuws'] } },
        { departmentPath: ['Bedrijfsvoering', 'Financiën'] },
      ]),
    ).toEqual(['ICT', 'Nieuws', 'Bedrijfsvoering', 'Financiën', 'HR']);
    expect(parseSections(' HR, ICT;HR  Nieuws ')).toEqual(['HR', 'ICT', 'Nieuws']);
  });
});

describe('an audit entry (lib/core/audit.ts)', () => {
  const written = rolesAuditDoc({
    action: 'grant',
    actor: { uid: 'rachida-uid', name: 'Rachida Bouzid', via: 'console' },
    target: { kind: 'person', uid: 'hugo-uid', personId: 'LV1008', name: 'Hugo de Boer' },
    role: 'ambassador',
    sections: [],
    before: { leader: true },
    after: { ambassador: true, leader: true },
  });

  it('is written with who, whom, what, before and after (the server adds `at`)', () => {
    expect(written).toEqual({
      kind: 'roles',
      action: 'grant',
      actor: { uid: 'rachida-uid', name: 'Rachida Bouzid', via: 'console' },
      target: { kind: 'person', uid: 'hugo-uid', personId: 'LV1008', name: 'Hugo de Boer' },
      role: 'ambassador',
      sections: [],
      before: { leader: true },
      after: { ambassador: true, leader: true },
    });
  });

  it('reads back with its time, and a shape it does not know is skipped', () => {
    const at = { toMillis: () => 1_700_000_000_000 };
    expect(auditFromDoc('a1', { ...written, at })).toEqual({ id: 'a1', at: 1_700_000_000_000, ...written });
    expect(auditFromDoc('a2', { ...written, at: null })?.at).toBe(0);
    expect(auditFromDoc('a3', { ...written, kind: 'settings' })).toBeNull();
    expect(auditFromDoc('a4', { ...written, role: 'boss' })).toBeNull();
    expect(auditFromDoc('a5', { ...written, actor: 'x', before: 'y' })).toMatchObject({ actor: { uid: null, name: '', via: 'command-line' }, before: {} });
    // Roles set by the directory import: no one role.
    expect(auditFromDoc('a6', { ...written, action: 'set', role: null, at })).toMatchObject({ action: 'set', role: null });
    expect(auditFromDoc('a7', { ...written, action: 'set' })).toBeNull();
    expect(auditFromDoc('a8', { ...written, action: 'promote' })).toBeNull();
  });
});

describe("the signed-in person's own row (lib/core/codecs.ts personFromDoc)", () => {
  it('keeps their roles, so the overview and their labels do not lose them', () => {
    expect(personFromDoc('r', { displayName: 'Rachida Bouzid', roles: { admin: true, bogus: 1 } }).roles).toEqual({ admin: true });
    expect(personFromDoc('h', { displayName: 'Hugo de Boer' })).not.toHaveProperty('roles');
  });
});
