// The comms console's screens rendered to HTML (no browser): what each shows to whom. Keyboard
// use, focus and the round trip to the function are proved end to end (tests/e2e/console-roles.test.ts).
import { render } from 'preact-render-to-string';
import { beforeEach, describe, expect, it } from 'vitest';
import { PanelHeader } from '../../components/app/PanelHeader';
import { RolesView } from '../../components/console/roles/RolesView';
import { RoleOverview } from '../../components/console/roles/RoleOverview';
import { rolesText } from '../../components/console/roles/role-text';
import { ConsoleShell } from '../../components/console/shell/ConsoleShell';
import { NotForYou } from '../../components/console/shell/NotForYou';
import { roleHolders } from '../../lib/core/console';
import type { Roles } from '../../lib/core/membership';
import type { PersonRow } from '../../lib/core/rows';
import { roleChangeFailure } from '../../lib/data/console/roles';
import { useEnglishMessages } from '../helpers/english-i18n';

beforeEach(useEnglishMessages);

const person = (uid: string, displayName: string, roles: Roles = {}, extra: Partial<PersonRow> = {}): PersonRow => ({
  uid,
  displayName,
  departmentPath: ['Bedrijfsvoering', 'ICT'],
  jobTitle: 'Applicatiebeheerder',
  location: 'Stadskantoor',
  languages: [],
  skills: [],
  optOut: false,
  roles,
  updatedAt: 0,
  ...extra,
});

const PEOPLE = [
  person('r', 'Rachida Bouzid', { admin: true }),
  person('c', 'Chantal Bakker', { comms: true, moderator: true }),
  person('g', 'Gerda Mulder', { communityManager: ['HR'] }),
  person('h', 'Hugo de Boer'),
  person('x', 'Oud Beheerder', { admin: true }, { active: false }),
];

describe('the side panel header', () => {
  const header = (onOpenConsole?: () => void) =>
    render(<PanelHeader name="Anna" onSignOut={() => {}} views={[]} current="thread" onView={() => {}} onOpenConsole={onOpenConsole} />);

  it('offers the comms console only when given a way to open it (comms and administrators)', () => {
    expect(header(() => {})).toContain('>Comms console</button>');
    expect(header()).not.toContain('Comms console');
  });
});

describe('console.html for someone it is not for', () => {
  it('says what the console is, where their own Prikbord is, and names the administrators to ask (not leavers)', () => {
    const html = render(<NotForYou orgName="Gemeente Lindeveen" people={PEOPLE} onSignOut={() => {}} />);
    expect(html).toContain('<h1 id="not-for-you-title">The comms console is not for your account</h1>');
    expect(html).toContain('administrators of Prikbord at Gemeente Lindeveen');
    expect(html).toContain('Ask an administrator: Rachida Bouzid.');
    expect(html).not.toContain('Oud Beheerder');
  });

  it('still says whom to ask while the directory loads', () => {
    expect(render(<NotForYou orgName="Gemeente Lindeveen" people={[]} onSignOut={() => {}} />)).toContain('Ask a Prikbord administrator of your organisation.');
  });
});

describe('the console frame', () => {
  it('shows only the sections given, the current one marked, with a skip link', () => {
    const html = render(
      <ConsoleShell
        orgName="Gemeente Lindeveen"
        name="Anna de Vries"
        onSignOut={() => {}}
        sections={[{ id: 'roles', label: 'consoleNavRoles' }]}
        current="roles"
      >
        <h1>Roles</h1>
      </ConsoleShell>,
    );
    expect(html).toContain('<nav class="console-nav" aria-label="Console sections">');
    expect(html).toContain('<a href="#roles" aria-current="page">Roles</a>');
    expect(html).not.toContain('Audit log');
    expect(html).toContain('>Skip to content</a>');
    expect(html).toContain('Signed in as Anna de Vries');
  });
});

describe('Roles', () => {
  it('a comms advisor sees who has which role, is told who can change them, and gets no grant or revoke', () => {
    const html = render(<RolesView access={{ roles: 'view', audit: true, rollout: true }} people={PEOPLE} me="c" />);
    expect(html).toContain('only an administrator can change them: Rachida Bouzid.');
    expect(html).toContain('Start here: type a name');
    expect(html).not.toContain('Grant a role');
    expect(html).not.toContain('>Revoke<');
  });

  it('an administrator starts from the search, with how many people it searches', () => {
    const html = render(<RolesView access={{ roles: 'manage', audit: true, rollout: true }} people={PEOPLE} me="r" />);
    expect(html).toContain('Find a person to see their roles, then grant or revoke one.');
    expect(html).toContain('Searches the 5 people in the directory.');
  });

  it('the overview lists every role, "Nobody yet" where empty, and suggests a second administrator', () => {
    const html = render(<RoleOverview groups={roleHolders(PEOPLE)} loading={false} onSelect={() => {}} />);
    for (const row of ['Administrator', 'Comms', 'Leader', 'Ambassador', 'Moderator (all sections)', 'Community manager (HR)']) {
      expect(html).toContain(`<th scope="row">${row}</th>`);
    }
    expect(html).toContain('Nobody yet');
    expect(html).toContain('Rachida Bouzid is the only administrator.');
    expect(render(<RoleOverview groups={roleHolders([])} loading onSelect={() => {}} />)).toContain('The directory is loading…');
  });

  it('writes roles in words', () => {
    expect(rolesText({ comms: true, moderator: true, communityManager: ['HR', 'ICT'] })).toBe('Comms, Moderator (all sections), Community manager (HR, ICT)');
    expect(rolesText({ moderator: ['HR'] })).toBe('Moderator (HR)');
    expect(rolesText({})).toBe('no roles');
  });
});

describe('what a failed role change means (lib/data/console/roles.ts)', () => {
  it("reads the function's reason, else the way there", () => {
    expect(roleChangeFailure({ code: 'functions/failed-precondition', message: 'last-admin', details: { reason: 'last-admin' } })).toBe('last-admin');
    expect(roleChangeFailure({ code: 'functions/permission-denied', message: 'not-admin' })).toBe('not-admin');
    expect(roleChangeFailure({ code: 'functions/unauthenticated', message: 'not-signed-in' })).toBe('signed-out');
    expect(roleChangeFailure({ code: 'functions/unavailable', message: 'x' })).toBe('offline');
    expect(roleChangeFailure({ code: 'functions/internal', message: 'internal' })).toBe('failed');
    expect(roleChangeFailure(undefined)).toBe('failed');
  });
});
