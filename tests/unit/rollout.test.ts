// Rollout's pure parts (lib/core/rollout.ts, lib/core/rollout-edit.ts): which section decides for
// a page, what a person gets there, and every refusal of the console's edits.
import { describe, expect, it } from 'vitest';
import {
  accessFor,
  ALL_FEATURES,
  inAudience,
  NO_ROLLOUT,
  pilotAmbassadors,
  premoderationOf,
  isPremoderated,
  rolloutFromDoc,
  sectionIdFor,
  urlPrefixes,
  type Rollout,
} from '../../lib/core/rollout';
import {
  applyRolloutEdit,
  departmentPattern,
  idFromName,
  newPatterns,
  parseRolloutEdit,
  prefixesFromInput,
  RolloutError,
  startOfDay,
  type GroupInput,
  type RolloutEdit,
  type SectionInput,
} from '../../lib/core/rollout-edit';

const O = 'http://127.0.0.1:8101';
const NOW = Date.parse('2026-11-25T12:00:00Z');
const HR_PERSON = { uid: 'u-hr', departmentPath: ['Bedrijfsvoering', 'HR', 'Salarisadministratie'] };
const ICT_PERSON = { uid: 'u-ict', departmentPath: ['Bedrijfsvoering', 'ICT'] };

const section = (over: Partial<SectionInput> = {}): SectionInput => ({
  name: 'HR',
  kind: 'section',
  prefixes: [`${O}/hr/`],
  pages: [],
  mode: 'on',
  features: ALL_FEATURES,
  pilotGroups: [],
  othersSee: 'off',
  ...over,
});
const group = (over: Partial<GroupInput> = {}): GroupInput => ({
  name: 'HR-pilot',
  members: { people: [], departments: ['Bedrijfsvoering > HR'] },
  from: '2026-11-01',
  until: '2026-12-31',
  control: null,
  ambassadors: ['u-hr'],
  ...over,
});

function build(...edits: RolloutEdit[]): Rollout {
  return edits.reduce((rollout, edit) => applyRolloutEdit(rollout, edit).rollout, NO_ROLLOUT);
}
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof RolloutError ? [error.code, error.subject] : String(error);
  }
  return 'accepted';
};

describe('which section decides', () => {
  const rollout = build(
    { op: 'section', id: null, section: section({ name: 'Alles', prefixes: [`${O}/`], mode: 'read' }) },
    { op: 'section', id: null, section: section() },
    { op: 'section', id: null, section: section({ name: 'Verlof', kind: 'page', prefixes: [], pages: [`${O}/hr/verlof.html`], mode: 'off' }) },
  );

  it("a URL's directories, deepest first, as the rules compute them", () => {
    expect(urlPrefixes(`${O}/hr/beleid/a.html`)).toEqual([`${O}/hr/beleid/`, `${O}/hr/`, `${O}/`]);
  });

  it('the page itself, then the deepest prefix, then the rest', () => {
    expect(sectionIdFor(rollout, `${O}/hr/verlof.html`)).toBe('Verlof');
    expect(sectionIdFor(rollout, `${O}/hr/beleid/a.html`)).toBe('HR');
    expect(sectionIdFor(rollout, `${O}/ict/a.html`)).toBe('Alles');
    expect(sectionIdFor(rollout, 'http://elders.example/a.html')).toBeNull();
  });

  it('a prefix is matched on whole directories: /hr/ does not cover /hrm/', () => {
    expect(sectionIdFor(rollout, `${O}/hrm/a.html`)).toBe('Alles');
  });
});

describe('what a person gets', () => {
  const pilot = (othersSee: 'off' | 'read', over: Partial<GroupInput> = {}) =>
    build({ op: 'group', id: null, group: group(over) }, { op: 'section', id: null, section: section({ pilotGroups: ['g-HR-pilot'], othersSee }) });

  it('nothing set: on everywhere with every feature', () => {
    expect(accessFor(NO_ROLLOUT, `${O}/x.html`, ICT_PERSON, NOW)).toMatchObject({ mode: 'on', features: ALL_FEATURES, sectionId: null });
  });

  it('a pilot: its department gets it, a colleague outside sees nothing or reads, as chosen', () => {
    expect(accessFor(pilot('off'), `${O}/hr/a.html`, HR_PERSON, NOW)).toMatchObject({ mode: 'on', pilotGroupId: 'g-HR-pilot' });
    expect(accessFor(pilot('off'), `${O}/hr/a.html`, ICT_PERSON, NOW).mode).toBe('off');
    expect(accessFor(pilot('read'), `${O}/hr/a.html`, ICT_PERSON, NOW).mode).toBe('read');
  });

  it('a named person gets it whatever their department', () => {
    expect(accessFor(pilot('off', { members: { people: ['u-ict'], departments: [] } }), `${O}/hr/a.html`, ICT_PERSON, NOW).mode).toBe('on');
  });

  it('outside its dates the group gets what others get; the last day is included', () => {
    expect(accessFor(pilot('off', { from: '2026-12-01' }), `${O}/hr/a.html`, HR_PERSON, NOW).mode).toBe('off');
    expect(accessFor(pilot('off', { until: '2026-11-25' }), `${O}/hr/a.html`, HR_PERSON, NOW).mode).toBe('on');
    expect(accessFor(pilot('off', { until: '2026-11-24' }), `${O}/hr/a.html`, HR_PERSON, NOW).mode).toBe('off');
  });

  it('the control group sees nothing, even where others read', () => {
    const rollout = pilot('read', { control: { people: [], departments: ['Bedrijfsvoering > ICT'] } });
    expect(accessFor(rollout, `${O}/hr/a.html`, ICT_PERSON, NOW).mode).toBe('off');
    expect(accessFor(rollout, `${O}/hr/a.html`, { uid: 'u-x', departmentPath: ['Ruimte'] }, NOW).mode).toBe('read');
  });

  it('departments include their sub-departments, matched on whole names', () => {
    expect(inAudience({ people: [], departments: ['Bedrijfsvoering > HR'] }, HR_PERSON)).toBe(true);
    expect(inAudience({ people: [], departments: ['Bedrijfsvoering > H'] }, HR_PERSON)).toBe(false);
  });

  it("running pilots' ambassadors are marked", () => {
    expect([...pilotAmbassadors(pilot('off'), NOW)]).toEqual(['u-hr']);
    expect([...pilotAmbassadors(pilot('off', { from: '2026-12-01' }), NOW)]).toEqual([]);
  });

  it('a broken document reads closed', () => {
    const rollout = rolloutFromDoc({ rest: { mode: 'sideways' }, sections: { X: { mode: 'on' } }, index: { [`${O}/x/`]: 'X' } });
    expect(accessFor(rollout, `${O}/a.html`, ICT_PERSON, NOW).mode).toBe('off');
    expect(accessFor(rollout, `${O}/x/a.html`, ICT_PERSON, NOW)).toMatchObject({ mode: 'on', features: { comments: false, likes: false } });
  });
});

describe("the console's edits and their refusals", () => {
  const base = build({ op: 'group', id: null, group: group() }, { op: 'section', id: null, section: section({ pilotGroups: ['g-HR-pilot'] }) });

  it("a section's id is its name, usable as a role section", () => {
    expect(Object.keys(base.sections)).toEqual(['HR']);
    expect(idFromName('Sociaal domein', new Set())).toBe('Sociaal-domein');
    expect(idFromName('HR', new Set(['HR']))).toBe('HR-2');
  });

  it('compiles the index and the department pattern for the rules', () => {
    expect(base.index).toEqual({ [`${O}/hr/`]: 'HR' });
    expect(departmentPattern(['Bedrijfsvoering > HR', 'A.B'])).toBe('^(Bedrijfsvoering > HR|A\\.B)( > .*)?$');
    expect(new RegExp(base.groups['g-HR-pilot']!.departmentPattern).test('Bedrijfsvoering > HR > Salaris')).toBe(true);
  });

  it('dates are days in Amsterdam: a pilot starts at local midnight', () => {
    expect(new Date(startOfDay('2026-11-01')).toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(new Date(startOfDay('2026-07-01')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfDay('2026-02-30')).toBeNaN();
  });

  it('refuses what the issue names, saying what about', () => {
    const edit = (over: Partial<SectionInput>): RolloutEdit => ({ op: 'section', id: null, section: section({ name: 'Ander', ...over }) });
    expect(refusal(() => applyRolloutEdit(base, edit({ prefixes: [`${O}/hr/`] })))).toEqual(['pattern-overlap', `${O}/hr/ (HR)`]);
    expect(refusal(() => applyRolloutEdit(base, edit({ prefixes: [] })))).toEqual(['pattern-missing', '']);
    expect(refusal(() => applyRolloutEdit(base, edit({ prefixes: ['intranet/hr'] })))).toEqual(['pattern-invalid', 'intranet/hr']);
    expect(refusal(() => applyRolloutEdit(base, edit({ prefixes: [`${O}/a/b/c/d/e/f/g/`] })))).toEqual(['pattern-too-deep', `${O}/a/b/c/d/e/f/g/`]);
    expect(refusal(() => applyRolloutEdit(base, edit({ name: 'hr', prefixes: [`${O}/ict/`] })))).toEqual(['name-taken', 'hr']);
    expect(refusal(() => applyRolloutEdit(base, edit({ prefixes: [`${O}/ict/`], pilotGroups: ['g-nope'] })))).toEqual(['unknown-group', 'g-nope']);
    expect(refusal(() => applyRolloutEdit(base, edit({ prefixes: [`${O}/ict/`], pilotGroups: ['a', 'b', 'c', 'd'] })))[0]).toBe('too-many-groups');
    expect(refusal(() => applyRolloutEdit(base, { op: 'group', id: null, group: group({ name: 'Leeg', members: { people: [], departments: [] } }) }))).toEqual([
      'group-empty',
      'Leeg',
    ]);
    expect(refusal(() => applyRolloutEdit(base, { op: 'group', id: null, group: group({ name: 'Terug', from: '2026-12-01', until: '2026-11-01' }) }))[0]).toBe(
      'dates-reversed',
    );
    expect(refusal(() => applyRolloutEdit(base, { op: 'group', id: null, group: group({ name: 'Geen', from: '', until: '2026-11-01' }) }))[0]).toBe(
      'dates-invalid',
    );
    const overlap = group({ name: 'Dubbel', control: { people: [], departments: ['Bedrijfsvoering > HR'] } });
    expect(refusal(() => applyRolloutEdit(base, { op: 'group', id: null, group: overlap }))).toEqual(['control-overlap', 'Bedrijfsvoering > HR']);
    expect(refusal(() => applyRolloutEdit(base, { op: 'removeGroup', id: 'g-HR-pilot' }))).toEqual(['group-in-use', 'HR']);
    expect(refusal(() => applyRolloutEdit(base, { op: 'removeSection', id: 'Nope' }))).toEqual(['unknown-section', 'Nope']);
  });

  it('a refused edit leaves the rollout as it was (nothing half-saved)', () => {
    const before = JSON.stringify(base);
    refusal(() => applyRolloutEdit(base, { op: 'section', id: 'HR', section: section({ prefixes: [] }) }));
    expect(JSON.stringify(base)).toBe(before);
  });

  it('editing a section keeps its own patterns; only new ones are checked against the pages seen', () => {
    const edit: RolloutEdit = { op: 'section', id: 'HR', section: section({ prefixes: [`${O}/hr/`, `${O}/personeel/`] }) };
    expect(refusal(() => applyRolloutEdit(base, edit))).toBe('accepted');
    expect(newPatterns(base, edit)).toEqual([`${O}/personeel/`]);
  });

  it('reads a request defensively', () => {
    expect(refusal(() => parseRolloutEdit({ op: 'rest', mode: 'on', features: { comments: 'yes' } }))[0]).toBe('invalid-request');
    expect(refusal(() => parseRolloutEdit({ op: 'drop' }))[0]).toBe('invalid-request');
    expect(refusal(() => parseRolloutEdit({ op: 'section', id: null, section: { ...section(), name: '   ' } }))[0]).toBe('name-missing');
    expect(parseRolloutEdit({ op: 'removeSection', id: 'HR' })).toEqual({ op: 'removeSection', id: 'HR' });
  });

  it('"/hr/", "hr" or a page URL typed in the console become stored prefixes', () => {
    expect(prefixesFromInput('/hr/', [O, 'https://intranet.example'])).toEqual([`${O}/hr/`, 'https://intranet.example/hr/']);
    expect(prefixesFromInput('hr', [O])).toEqual([`${O}/hr/`]);
    expect(prefixesFromInput(`${O}/ict`, [O])).toEqual([`${O}/ict/`]);
  });

  it('pre-moderation: off when absent, kept per section and for the rest, unknown values refused', () => {
    const hr = applyRolloutEdit(NO_ROLLOUT, parseRolloutEdit({ op: 'section', id: null, section: { ...section(), premoderation: 'anonymous' } })).rollout;
    expect(premoderationOf(hr.sections.HR)).toBe('anonymous');
    expect(premoderationOf(hr.rest)).toBe('off');
    const rest = applyRolloutEdit(hr, parseRolloutEdit({ op: 'rest', mode: 'on', features: ALL_FEATURES, premoderation: 'all' })).rollout;
    expect(premoderationOf(rest.rest)).toBe('all');
    // 'off' is stored as absent, so documents written before pre-moderation read the same.
    expect(parseRolloutEdit({ op: 'rest', mode: 'on', features: ALL_FEATURES, premoderation: 'off' })).toEqual({
      op: 'rest',
      mode: 'on',
      features: ALL_FEATURES,
    });
    expect(refusal(() => parseRolloutEdit({ op: 'rest', mode: 'on', features: ALL_FEATURES, premoderation: 'some' }))[0]).toBe('invalid-request');
    expect(refusal(() => parseRolloutEdit({ op: 'section', id: null, section: { ...section(), premoderation: true } }))[0]).toBe('invalid-request');
    // Read back from the stored document; a value of the wrong shape reads as off (absent).
    const stored = rolloutFromDoc(JSON.parse(JSON.stringify(rest)) as Record<string, unknown>);
    expect(stored.sections.HR!.premoderation).toBe('anonymous');
    expect(stored.rest.premoderation).toBe('all');
    expect(rolloutFromDoc({ rest: { mode: 'on', features: ALL_FEATURES, premoderation: 'everything' } }).rest).not.toHaveProperty('premoderation');
    // Which posts wait, page by page, as the rules decide it.
    expect(isPremoderated(hr, `${O}/hr/verlof.html`, true)).toBe(true);
    expect(isPremoderated(hr, `${O}/hr/verlof.html`, false)).toBe(false);
    expect(isPremoderated(hr, `${O}/ict/vpn.html`, true)).toBe(false);
    expect(isPremoderated(rest, `${O}/ict/vpn.html`, false)).toBe(true);
    expect(isPremoderated(NO_ROLLOUT, `${O}/hr/verlof.html`, true)).toBe(false);
  });
});
