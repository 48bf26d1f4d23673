// The comms console's screens rendered to HTML (no browser): what each shows to whom. Keyboard
// use, focus and the round trip to the function are proved end to end (tests/e2e/console-roles.test.ts).
import { render } from 'preact-render-to-string';
import { beforeEach, describe, expect, it } from 'vitest';
import { PanelHeader } from '../../components/app/PanelHeader';
import { ServicesContext, type Services } from '../../components/app/services';
import { ConsoleContext, type ConsoleServices } from '../../components/console/console-services';
import { PageActions } from '../../components/console/pages/PageActions';
import { countsText } from '../../components/console/pages/page-list';
import { PagesView } from '../../components/console/pages/PagesView';
import { AnnouncementNote } from '../../components/thread/AnnouncementNote';
import type { PageListing } from '../../lib/core/page-admin';
import { pageChangeFailure } from '../../lib/data/console/pages';
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
    const html = render(
      <RolesView access={{ roles: 'view', audit: true, rollout: true, pages: 'manage', insights: true, moderation: null }} people={PEOPLE} me="c" />,
    );
    expect(html).toContain('only an administrator can change them: Rachida Bouzid.');
    expect(html).toContain('Start here: type a name');
    expect(html).not.toContain('Grant a role');
    expect(html).not.toContain('>Revoke<');
  });

  it('an administrator starts from the search, with how many people it searches', () => {
    const html = render(
      <RolesView access={{ roles: 'manage', audit: true, rollout: true, pages: 'manage', insights: true, moderation: null }} people={PEOPLE} me="r" />,
    );
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

describe('Pages (components/console/pages)', () => {
  const A = 'p_aaaaaaaaaaaaaaaaaaaaaaaa';
  const B = 'p_bbbbbbbbbbbbbbbbbbbbbbbb';
  const listing = (pageId: string, extra: Partial<PageListing> = {}): PageListing => ({
    pageId,
    url: `http://127.0.0.1:8101/${pageId}.html`,
    title: pageId === A ? 'Verlofregeling' : 'Verlof (2019)',
    commentCount: 2,
    likeCount: 1,
    aliasOf: null,
    aliasUrl: null,
    announcement: null,
    updatedAt: 0,
    ...extra,
  });
  const consoleServices = { pages: { change: async () => ({ ok: false, problem: 'failed' }) }, watchPages: () => () => {} } as unknown as ConsoleServices;
  const services = { config: { sites: [] } } as unknown as Services;
  const actions = (page: PageListing, access: 'manage' | 'announce', pages = [page]) =>
    render(
      <ServicesContext.Provider value={services}>
        <ConsoleContext.Provider value={consoleServices}>
          <PageActions page={page} pages={pages} access={access} focusToken={1} onSelect={() => {}} />
        </ConsoleContext.Provider>
      </ServicesContext.Provider>,
    );

  it('comms gets the announcement, old address, merge and move, each labelled', () => {
    const html = actions(listing(A, { announcement: { text: 'Stel ze hier', byUid: 'u', byName: 'Anna', at: 0 } }), 'manage');
    for (const label of ['Short note at the top of the discussion', 'Old address of this page', 'Page to merge into', 'New address of this page']) {
      expect(html).toContain(`>${label}</label>`);
    }
    expect(html).toContain('>Update announcement</button>');
    expect(html).toContain('>Remove announcement</button>');
    expect(html).toContain('12 of 280 characters.');
  });

  it('a leader only pins announcements', () => {
    const html = actions(listing(A), 'announce');
    expect(html).toContain('>Pin announcement</button>');
    expect(html).not.toContain('Old address of this page');
    expect(html).not.toContain('Page to merge into');
  });

  it('an alias says which page it shows, offers to undo it, and to finish a move cut short', () => {
    const html = actions(listing(B, { aliasOf: A, commentCount: 1 }), 'manage', [listing(A), listing(B, { aliasOf: A, commentCount: 1 })]);
    expect(html).toContain('This address is an old address of “Verlofregeling”');
    expect(html).toContain('>Remove alias</button>');
    expect(html).toContain('>Finish moving</button>');
    expect(html).not.toContain('Short note at the top');
  });

  it('the list waits for the pages, and a page’s counts read as words', () => {
    const html = render(
      <ConsoleContext.Provider value={consoleServices}>
        <PagesView access="manage" />
      </ConsoleContext.Provider>,
    );
    expect(html).toContain('<h1 tabindex="-1">Pages</h1>');
    expect(html).toContain('>Title or address</label>');
    expect(html).toContain('Choose a page on the left');
    expect(countsText({ commentCount: 1, likeCount: 3 })).toBe('1 comment · 3 likes');
  });

  it('reads the function’s reason for a refused page change', () => {
    expect(pageChangeFailure({ code: 'functions/failed-precondition', message: 'would-loop', details: { reason: 'would-loop' } })).toBe('would-loop');
    expect(pageChangeFailure({ code: 'functions/permission-denied', message: 'x' })).toBe('not-allowed');
    expect(pageChangeFailure({ code: 'functions/internal', message: 'internal' })).toBe('failed');
  });
});

describe('the announcement in the side panel', () => {
  it('is a labelled region with its text, who pinned it and when', () => {
    const html = render(<AnnouncementNote announcement={{ text: 'Vragen? Stel ze hier', byUid: 'u', byName: 'Anna de Vries', at: 1_000 }} now={61_000} />);
    expect(html).toContain('<aside class="announcement" aria-labelledby="announcement-label">');
    expect(html).toContain('>Announcement</p>');
    expect(html).toContain('Vragen? Stel ze hier');
    expect(html).toContain('Pinned by Anna de Vries');
    expect(html).toContain('<time');
  });
});
