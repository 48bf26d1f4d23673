// lib/core/timeline-sections.ts: which sections a person's timeline may show (the same answer as
// every page's layer: off / read / on, pilots and their control groups), and how the panel asks
// for them (sections together under `in`, cursors shared once a query is current).
import { describe, expect, it } from 'vitest';
import { NO_ROLLOUT, type Features } from '../../lib/core/rollout';
import { applyRolloutEdit, type RolloutEdit } from '../../lib/core/rollout-edit';
import { REST_SECTION_KEY } from '../../lib/core/timeline';
import { cursorsAfter, IN_LIMIT, planTimelineQueries, visibleSectionKeys } from '../../lib/core/timeline-sections';
import { rolloutOf, sectionEdit } from '../helpers/rollout-edits';

const ALL: Features = { comments: true, likes: true, anonymous: true, experts: true };
const DAY = 86_400_000;
const NOW = Date.UTC(2025, 4, 14, 12);
const day = (offset: number) => new Date(NOW + offset * DAY).toISOString().slice(0, 10);

const section = sectionEdit;

const rollout = rolloutOf;

const HR_PERSON = { uid: 'anna', departmentPath: ['Bedrijfsvoering', 'HR'] };
const ICT_PERSON = { uid: 'bram', departmentPath: ['Bedrijfsvoering', 'ICT'] };

describe('visible sections', () => {
  it('no rollout document: the rest only (every page is in it)', () => {
    expect(visibleSectionKeys(NO_ROLLOUT, HR_PERSON, NOW)).toEqual([REST_SECTION_KEY]);
  });

  it('on and read are seen, off is not; the rest follows its own mode', () => {
    const r = rollout({ op: 'rest', mode: 'off', features: ALL }, section('HR'), section('ICT', { mode: 'read' }), section('Bestuur', { mode: 'off' }));
    expect(visibleSectionKeys(r, HR_PERSON, NOW)).toEqual(['HR', 'ICT']);
    const restRead = rollout({ op: 'rest', mode: 'read', features: ALL });
    expect(visibleSectionKeys(restRead, HR_PERSON, NOW)).toEqual([REST_SECTION_KEY]);
  });

  it('a pilot: its running group sees it; others only when othersSee is read; a control group never', () => {
    const group: RolloutEdit = {
      op: 'group',
      id: null,
      group: {
        name: 'HR pilot',
        members: { people: [], departments: ['Bedrijfsvoering > HR'] },
        from: day(-1),
        until: day(10),
        control: { people: ['carla'], departments: [] },
        ambassadors: [],
      },
    };
    const base = rollout({ op: 'rest', mode: 'off', features: ALL }, group);
    const groupId = Object.keys(base.groups)[0]!;
    const closed = applyRolloutEdit(base, section('HR', { pilotGroups: [groupId], othersSee: 'off' })).rollout;
    expect(visibleSectionKeys(closed, HR_PERSON, NOW)).toEqual(['HR']);
    expect(visibleSectionKeys(closed, ICT_PERSON, NOW)).toEqual([]);
    const readAlong = applyRolloutEdit(base, section('HR', { pilotGroups: [groupId], othersSee: 'read' })).rollout;
    expect(visibleSectionKeys(readAlong, ICT_PERSON, NOW)).toEqual(['HR']);
    expect(visibleSectionKeys(readAlong, { uid: 'carla', departmentPath: ['Bestuur'] }, NOW)).toEqual([]);
    // After the pilot's last day the group no longer lets anyone in.
    expect(visibleSectionKeys(closed, HR_PERSON, NOW + 20 * DAY)).toEqual([]);
  });
});

describe('the query plan', () => {
  const t = (seconds: number) => ({ seconds, nanoseconds: 0 });

  it('sections with a cursor share one query from the oldest of their cursors; new sections one without a cursor', () => {
    const plan = planTimelineQueries(
      ['_rest', 'HR', 'ICT'],
      new Map([
        ['HR', t(20)],
        ['_rest', t(10)],
      ]),
    );
    expect(plan).toEqual([
      { keys: ['_rest', 'HR'], since: t(10) },
      { keys: ['ICT'], since: null },
    ]);
  });

  it('at most IN_LIMIT sections per query', () => {
    const keys = Array.from({ length: IN_LIMIT + 5 }, (_, i) => `S${String(i).padStart(2, '0')}`);
    const plan = planTimelineQueries(keys, new Map(keys.map((k, i) => [k, t(i)])));
    expect(plan.map((q) => q.keys.length)).toEqual([IN_LIMIT, 5]);
    expect(plan[1]!.since).toEqual(t(IN_LIMIT));
  });

  it('nothing to see: no query at all', () => {
    expect(planTimelineQueries([], new Map())).toEqual([]);
  });

  it('once current, every section of the query moves to the newest time it saw (never back)', () => {
    const after = cursorsAfter(
      ['_rest', 'HR', 'ICT'],
      new Map([
        ['_rest', t(10)],
        ['HR', t(50)],
      ]),
      t(30),
    );
    expect(after).toEqual(
      new Map([
        ['_rest', t(30)],
        ['HR', t(50)],
        ['ICT', t(30)],
      ]),
    );
    // A query that found nothing leaves cursors as they were, and gives none to new sections.
    expect(cursorsAfter(['HR', 'ICT'], new Map([['HR', t(5)]]), undefined)).toEqual(new Map([['HR', t(5)]]));
  });

  it('an unchanged reopen: one query for every section seen before', () => {
    const keys = ['_rest', 'HR', 'ICT', 'Bestuur'];
    const first = cursorsAfter(keys, new Map(), t(100));
    expect(planTimelineQueries(keys, first)).toHaveLength(1);
  });
});
