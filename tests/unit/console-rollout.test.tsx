// The console's Sections and Pilot groups: what the views compute (lib/core/rollout-console.ts),
// what a save says before and after the server (components/console/rollout/use-rollout.ts
// saveEdit), and what the screens show, rendered to HTML. Keyboard use and the round trip to the
// function are proved end to end (tests/e2e/console-rollout.test.ts).
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleContext, type ConsoleServices } from '../../components/console/console-services';
import { GroupsView } from '../../components/console/rollout/GroupsView';
import { SectionForm, SectionsView } from '../../components/console/rollout/SectionsView';
import { saveEdit } from '../../components/console/rollout/use-rollout';
import { ALL_FEATURES, NO_ROLLOUT, type Rollout } from '../../lib/core/rollout';
import { applyRolloutEdit, type GroupInput, type RolloutEdit, type SectionInput } from '../../lib/core/rollout-edit';
import {
  addressesText,
  addressLines,
  audienceCount,
  datesProblem,
  dayIn,
  departmentTree,
  groupStatus,
  previewFor,
  resolveAddresses,
  sizesDiffer,
} from '../../lib/core/rollout-console';
import type { PersonRow } from '../../lib/core/rows';
import type { RolloutOutcome } from '../../lib/data/console/rollout';
import { useEnglishMessages } from '../helpers/english-i18n';

beforeEach(useEnglishMessages);

const ORIGIN = 'https://intranet.lindeveen.nl';
const ALT = 'https://intranet';
const NOW = Date.parse('2026-11-25T12:00:00Z');

const person = (uid: string, displayName: string, departmentPath: string[], active = true): PersonRow => ({
  uid,
  displayName,
  departmentPath,
  jobTitle: '',
  location: '',
  languages: [],
  skills: [],
  optOut: false,
  active,
  updatedAt: 0,
});

const PEOPLE = [
  person('gerda', 'Gerda Mulder', ['Bedrijfsvoering', 'HR']),
  person('hugo', 'Hugo de Boer', ['Bedrijfsvoering', 'HR']),
  person('ilse', 'Ilse Meijer', ['Bedrijfsvoering', 'HR', 'Opleidingen']),
  person('daan', 'Daan Visser', ['Bedrijfsvoering', 'ICT']),
  person('sara', 'Sara Koster', ['Sociaal domein', 'Jeugd']),
  person('oud', 'Oud Collega', ['Bedrijfsvoering', 'HR'], false),
];

const group = (over: Partial<GroupInput> = {}): GroupInput => ({
  name: 'HR-pilot',
  members: { people: [], departments: ['Bedrijfsvoering > HR'] },
  from: '2026-11-20',
  until: '2027-01-31',
  control: null,
  ambassadors: [],
  ...over,
});

const section = (over: Partial<SectionInput> = {}): SectionInput => ({
  name: 'HR',
  kind: 'section',
  prefixes: [`${ORIGIN}/hr/`],
  pages: [],
  mode: 'on',
  features: ALL_FEATURES,
  pilotGroups: [],
  othersSee: 'off',
  ...over,
});

/** NO_ROLLOUT with `edits` applied, as the server would store it. */
function rolloutWith(...edits: RolloutEdit[]): Rollout {
  return edits.reduce((r, edit) => applyRolloutEdit(r, edit).rollout, NO_ROLLOUT);
}

const HR_PILOT = rolloutWith(
  { op: 'group', id: null, group: group({ control: { people: ['sara'], departments: ['Bedrijfsvoering > ICT'] }, ambassadors: ['hugo'] }) },
  { op: 'section', id: null, section: section({ pilotGroups: ['g-HR-pilot'] }) },
);

describe('the addresses comms types', () => {
  it('"/hr/" is that directory on every intranet origin; a full URL ending in / its directory; another full URL one page', () => {
    expect(addressLines(' /hr/\n\nhr/verlof\nhttps://intranet.lindeveen.nl/ict/\nhttps://intranet.lindeveen.nl/hr/cao.html', [ORIGIN, ALT])).toEqual([
      { line: '/hr/', prefixes: [`${ORIGIN}/hr/`, `${ALT}/hr/`], page: null },
      { line: 'hr/verlof', prefixes: [`${ORIGIN}/hr/verlof/`, `${ALT}/hr/verlof/`], page: null },
      { line: `${ORIGIN}/ict/`, prefixes: [`${ORIGIN}/ict/`], page: null },
      { line: `${ORIGIN}/hr/cao.html`, prefixes: [], page: `${ORIGIN}/hr/cao.html` },
    ]);
  });

  it('reads stored patterns back as comms typed them', () => {
    expect(addressesText({ prefixes: [`${ORIGIN}/hr/`, `${ALT}/hr/`, 'https://elsewhere.nl/x/'], pages: [`${ORIGIN}/a.html`] }, [ORIGIN, ALT])).toBe(
      `/hr/\nhttps://elsewhere.nl/x/\n${ORIGIN}/a.html`,
    );
  });

  it('keeps the origins with pages seen, and refuses a line that matches no page seen, named as typed', async () => {
    const seen = [`${ORIGIN}/hr/verlof.html`, `${ORIGIN}/hr/cao.html`];
    const pages = {
      under: async (prefix: string) => seen.filter((url) => url.startsWith(prefix)),
      at: async (url: string) => (seen.includes(url) ? { url } : null),
    };
    expect(await resolveAddresses(addressLines('/hr/', [ORIGIN, ALT]), new Set(), pages)).toEqual({ kind: 'section', prefixes: [`${ORIGIN}/hr/`], pages: [] });
    expect(await resolveAddresses(addressLines(`${ORIGIN}/hr/cao.html`, [ORIGIN]), new Set(), pages)).toEqual({
      kind: 'page',
      prefixes: [],
      pages: [`${ORIGIN}/hr/cao.html`],
    });
    await expect(resolveAddresses(addressLines('/hr/\n/nergens/', [ORIGIN]), new Set(), pages)).rejects.toMatchObject({
      code: 'pattern-matches-nothing',
      subject: '/nergens/',
    });
    // A pattern the section already had stays without asking (the server checks new ones only).
    expect(await resolveAddresses(addressLines('/oud/', [ORIGIN]), new Set([`${ORIGIN}/oud/`]), pages)).toMatchObject({ prefixes: [`${ORIGIN}/oud/`] });
  });
});

describe('departments and groups', () => {
  it('lists the department tree in order, each level with the active people in it or below', () => {
    expect(departmentTree(PEOPLE).map((d) => `${'  '.repeat(d.depth)}${d.name} ${d.people}`)).toEqual([
      'Bedrijfsvoering 4',
      '  HR 3',
      '    Opleidingen 1',
      '  ICT 1',
      'Sociaal domein 1',
      '  Jeugd 1',
    ]);
  });

  it('counts a group: departments with their sub-departments, named people, no leavers, nobody twice', () => {
    expect(audienceCount({ people: [], departments: ['Bedrijfsvoering > HR'] }, PEOPLE)).toBe(3);
    expect(audienceCount({ people: ['hugo', 'sara'], departments: ['Bedrijfsvoering > HR'] }, PEOPLE)).toBe(4);
    expect(audienceCount({ people: [], departments: ['Bedrijfsvoering > H'] }, PEOPLE)).toBe(0);
    expect(audienceCount({ people: [], departments: [] }, PEOPLE)).toBe(0);
  });

  it('says when a control group is far from its pilot in size', () => {
    expect(sizesDiffer(40, 35)).toBe(false);
    expect(sizesDiffer(40, 8)).toBe(true);
    expect(sizesDiffer(8, 40)).toBe(true);
    expect(sizesDiffer(5, 0)).toBe(false);
  });

  it('knows planned, running and ended, and checks dates before sending', () => {
    const g = HR_PILOT.groups['g-HR-pilot']!;
    expect(groupStatus(g, NOW)).toBe('running');
    expect(groupStatus(g, Date.parse('2026-11-01T00:00:00Z'))).toBe('planned');
    expect(groupStatus(g, Date.parse('2027-02-01T00:00:00Z'))).toBe('ended');
    expect(datesProblem('2026-12-01', '2026-11-30')).toBe('dates-reversed');
    expect(datesProblem('2026-12-01', '')).toBe('dates-invalid');
    expect(datesProblem('2026-12-01', '2026-12-01')).toBeNull();
    expect(dayIn('Europe/Amsterdam', Date.parse('2026-11-25T23:30:00Z'))).toBe('2026-11-26');
    expect(dayIn('Europe/Amsterdam', NOW, 55)).toBe('2027-01-19');
  });
});

describe('the preview', () => {
  const rest = `${ORIGIN}/elders.html`;
  it('an HR employee gets the section via the pilot group; the rest as it is', () => {
    const [restRow, hr] = previewFor(HR_PILOT, { uid: null, departmentPath: ['Bedrijfsvoering', 'HR', 'Opleidingen'] }, NOW, rest);
    expect(restRow).toMatchObject({ sectionId: null, access: { mode: 'on' }, because: null });
    expect(hr).toMatchObject({ sectionId: 'HR', access: { mode: 'on', pilotGroupId: 'g-HR-pilot' }, because: { kind: 'pilot', group: 'g-HR-pilot' } });
  });

  it('the control group gets nothing, and says so; others outside the pilot get what others see', () => {
    expect(previewFor(HR_PILOT, { uid: 'sara', departmentPath: ['Sociaal domein', 'Jeugd'] }, NOW, rest)[1]).toMatchObject({
      access: { mode: 'off' },
      because: { kind: 'control', group: 'g-HR-pilot' },
    });
    const readOthers = rolloutWith(
      { op: 'group', id: null, group: group() },
      { op: 'section', id: null, section: section({ pilotGroups: ['g-HR-pilot'], othersSee: 'read' }) },
    );
    expect(previewFor(readOthers, { uid: null, departmentPath: ['Sociaal domein'] }, NOW, rest)[1]).toMatchObject({
      access: { mode: 'read' },
      because: { kind: 'outside' },
    });
  });
});

describe('saving: the checks made before anything is sent, then the server', () => {
  const ok = async (): Promise<RolloutOutcome> => ({ ok: true });

  it('names a mistake without calling the function: no name, reversed dates, a group with nobody', async () => {
    const change = vi.fn(ok);
    expect(await saveEdit(NO_ROLLOUT, { op: 'section', id: null, section: section({ name: '  ' }) }, change)).toEqual({
      ok: false,
      text: 'Give it a name. Nothing was changed.',
    });
    const reversed = await saveEdit(NO_ROLLOUT, { op: 'group', id: null, group: group({ from: '2026-12-01', until: '2026-11-01' }) }, change);
    expect(reversed.ok).toBe(false);
    expect(reversed).toMatchObject({ text: expect.stringContaining('Nothing was changed.') });
    const empty = await saveEdit(NO_ROLLOUT, { op: 'group', id: null, group: group({ members: { people: [], departments: [] } }) }, change);
    expect(empty.ok).toBe(false);
    expect(change).not.toHaveBeenCalled();
  });

  it('refuses what its own preparation refuses (an address with no page seen), the address in the message', async () => {
    const change = vi.fn(ok);
    const pages = { under: async () => [], at: async () => null };
    const edit: RolloutEdit = { op: 'section', id: null, section: section({ prefixes: [`${ORIGIN}/nergens/`] }) };
    const saved = await saveEdit(NO_ROLLOUT, edit, change, async (e) =>
      e.op === 'section' ? { ...e, section: { ...e.section, ...(await resolveAddresses(addressLines('/nergens/', [ORIGIN]), new Set(), pages)) } } : e,
    );
    expect(saved).toEqual({
      ok: false,
      text: 'No page Prikbord has seen is at /nergens/. Check the address, or open such a page once first. Nothing was changed.',
    });
    expect(change).not.toHaveBeenCalled();
  });

  it('an overlap with another section is named before sending', async () => {
    const saved = await saveEdit(HR_PILOT, { op: 'section', id: null, section: section({ name: 'Personeel' }) }, vi.fn(ok));
    expect(saved).toMatchObject({ ok: false, text: expect.stringContaining(`${ORIGIN}/hr/ (HR)`) });
  });

  it("translates the server's refusal with its subject, and the way there", async () => {
    const refused = async (): Promise<RolloutOutcome> => ({ ok: false, problem: 'group-no-members', subject: 'HR-pilot' });
    expect(await saveEdit(NO_ROLLOUT, { op: 'group', id: null, group: group() }, refused)).toMatchObject({
      ok: false,
      text: expect.stringContaining('HR-pilot'),
    });
    const offline = async (): Promise<RolloutOutcome> => ({ ok: false, problem: 'offline', subject: '' });
    expect(await saveEdit(NO_ROLLOUT, { op: 'group', id: null, group: group() }, offline)).toEqual({
      ok: false,
      text: 'You are offline. Nothing was changed.',
    });
    expect(await saveEdit(NO_ROLLOUT, { op: 'group', id: null, group: group() }, ok)).toEqual({ ok: true });
  });
});

const SERVICES = {
  roles: { change: async () => ({ ok: false, problem: 'failed' }) },
  watchAudit: () => ({ loadOlder: async () => 0, stop: () => {} }),
  rollout: { watch: () => () => {}, change: async () => ({ ok: true }) },
  seenPages: { under: async () => [], at: async () => null, search: async () => [] },
  pages: { change: async () => ({ ok: false as const, problem: 'failed' as const }) },
  watchPages: () => () => {},
  watchQueue: () => () => {},
  moderation: { moderate: async () => ({ ok: false as const, failure: 'failed' as const }) },
  origins: [ORIGIN],
  insights: {
    report: async () => ({ ok: false as const, problem: 'failed' as const }),
    recompute: async () => ({ ok: false as const, problem: 'failed' as const }),
  },
} as ConsoleServices;

const withConsole = (children: ComponentChildren) => render(<ConsoleContext.Provider value={SERVICES}>{children}</ConsoleContext.Provider>);

describe('the Sections view', () => {
  it('says what to do first when no section has a setting of its own', () => {
    const html = withConsole(<SectionsView people={PEOPLE} now={NOW} initial={{ rollout: NO_ROLLOUT, loaded: true }} />);
    expect(html).toContain('<h3>Choose a first pilot section</h3>');
    expect(html).toContain('Add a section (for example /hr/)');
    expect(html).toContain('On · Comments, Likes, Anonymous posting, Expert suggestions');
    expect(html).toContain('<label for="preview-department">Department</label>');
  });

  it('shows each section with its addresses, setting and audience', () => {
    const html = withConsole(<SectionsView people={PEOPLE} now={NOW} initial={{ rollout: HR_PILOT, loaded: true }} />);
    expect(html).not.toContain('Choose a first pilot section');
    expect(html).toContain('<code>/hr/</code>');
    expect(html).toContain('Only pilot groups: HR-pilot. Others see nothing.');
    expect(html).toContain('aria-label="Change HR"');
    expect(html).toMatch(/Pre-moderation<\/dt><dd>Off: posts show at once<\/dd>/);
  });

  it('shows a section’s pre-moderation, and the form offers it as a labelled select', () => {
    const premoderated: Rollout = { ...HR_PILOT, sections: { ...HR_PILOT.sections, HR: { ...HR_PILOT.sections.HR!, premoderation: 'anonymous' } } };
    expect(withConsole(<SectionsView people={PEOPLE} now={NOW} initial={{ rollout: premoderated, loaded: true }} />)).toMatch(
      /Pre-moderation<\/dt><dd>Anonymous posts wait for a moderator<\/dd>/,
    );
    const form = withConsole(
      <SectionForm id="HR" rollout={premoderated} save={{ busy: false, result: null, run: async () => true } as never} onDone={() => {}} />,
    );
    expect(form).toContain('<label for="section-premoderation">Pre-moderation</label>');
    expect(form).toMatch(/<option selected value="anonymous">Anonymous posts wait for a moderator<\/option>/);
  });
});

describe('the Pilot groups view', () => {
  it('says what to do first when there is no group', () => {
    const html = withConsole(<GroupsView people={PEOPLE} now={NOW} initial={{ rollout: NO_ROLLOUT, loaded: true }} />);
    expect(html).toContain('<h3>Make a first pilot group</h3>');
  });

  it('lists a group: running, its members and control group counted, sizes compared, ambassadors by name, sections using it', () => {
    const html = withConsole(<GroupsView people={PEOPLE} now={NOW} initial={{ rollout: HR_PILOT, loaded: true }} />);
    expect(html).toContain('Running');
    expect(html).toContain('3 people');
    expect(html).toContain('2 people');
    expect(html).toContain('Hugo de Boer');
    expect(html).toMatch(/Used by<\/dt><dd>HR<\/dd>/);
  });
});
