// The console's Insights without a browser: the filter and its place in the URL, figures that are
// never divided by zero, the table definitions that screen, CSV and print share, and parts of the
// view rendered to HTML. The view in Chromium, its keyboard use and the download are proved in
// tests/e2e/console-insights.test.ts.
import { render } from 'preact-render-to-string';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataTable } from '../../components/console/insights/DataTable';
import { change, percentText, share } from '../../components/console/insights/figures';
import { FunnelCard } from '../../components/console/insights/FunnelCard';
import { DEFAULT_FILTER, filterFromHash, filterToQuery, periodDays, periodProblem, queryFor } from '../../components/console/insights/insights-filter';
import { noActivity } from '../../components/console/insights/InsightsView';
import {
  chosenCohort,
  cohortsTable,
  csvRows,
  funnelTable,
  matrixTable,
  orderedCohorts,
  pilotPairs,
  pilotVsControlTable,
  unansweredTable,
  valueText,
  kindAt,
} from '../../components/console/insights/tables';
import { TopicsList } from '../../components/console/insights/TopicsList';
import { insightsFailure } from '../../lib/data/console/insights';
import { useEnglishMessages } from '../helpers/english-i18n';
import { emptyInsightsFixture, FIXTURE_PILOT, insightsFixture } from '../helpers/insights-fixture';

beforeEach(useEnglishMessages);

describe('the Insights filter', () => {
  it('reads a bookmark, and writes only what differs from the default', () => {
    const filter = filterFromHash('#insights?from=2026-10-26&to=2026-11-22&section=HR&cohort=pilot%3Ag-HR-pilot&hours=72');
    expect(filter).toEqual({ period: { preset: 'custom', from: '2026-10-26', to: '2026-11-22' }, section: 'HR', cohort: 'pilot:g-HR-pilot', hours: 72 });
    expect(filterFromHash(`#insights?${filterToQuery(filter)}`)).toEqual(filter);
    expect(filterToQuery(DEFAULT_FILTER)).toBe('');
    expect(filterFromHash('#insights?rest=1&period=7')).toMatchObject({ section: '', period: { preset: 7 } });
  });

  it('falls back to the default for anything malformed', () => {
    expect(filterFromHash('#insights?from=26-10-2026&to=x&period=12&hours=0')).toEqual(DEFAULT_FILTER);
    expect(filterFromHash('#insights')).toEqual(DEFAULT_FILTER);
    expect(filterFromHash('#insights?hours=99999').hours).toBe(48);
  });

  it('ends a preset yesterday (today is not folded in yet) and says what is wrong with custom dates', () => {
    expect(periodDays({ preset: 7 }, '2026-11-26')).toEqual({ from: '2026-11-19', to: '2026-11-25' });
    expect(periodDays({ preset: 28 }, '2026-03-01')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodProblem({ preset: 'custom', from: '2026-11-22', to: '2026-10-26' })).toBe('dates-reversed');
    expect(periodProblem({ preset: 'custom', from: '', to: '2026-10-26' })).toBe('dates-missing');
    expect(queryFor({ ...DEFAULT_FILTER, section: '' }, '2026-11-26')).toEqual({
      from: '2026-10-29',
      to: '2026-11-25',
      section: '',
      pageId: null,
      cohort: 'all',
      unansweredAfterHours: 48,
    });
  });
});

describe('figures', () => {
  it('never divides by zero and never computes from a hidden figure', () => {
    expect(share(3, 0)).toBe('–');
    expect(share(null, 40)).toBeNull();
    expect(share(10, null)).toBeNull();
    expect(share(10, 40)).toBe(0.25);
    expect(percentText(share(3, 0))).toBe('–');
    expect(percentText(null)).toBe('< 5');
    expect(percentText(0.056)).toBe('5.6 %');
    expect(change(null, 4)).toBeNull();
    expect(change(23, 19)).toBe(4);
  });
});

describe('the table definitions (screen, CSV and print alike)', () => {
  const report = insightsFixture();

  it('the funnel: people, share of in scope, previous, change and 90-9-1, "< 5" where suppressed', () => {
    const table = funnelTable(chosenCohort(report)!);
    expect(table.rows.map((row) => row.map((value, c) => valueText(table.columns[c]!.kind, value)))).toEqual([
      ['In scope', '412', '100 %', '409', '100 %', '+3', '–'],
      ['Readers', '268', '65 %', '231', '56 %', '+37', '90 %'],
      ['Reactors (liked)', '71', '17 %', '58', '14 %', '+13', '9 %'],
      ['Contributors (wrote)', '23', '5.6 %', '19', '4.6 %', '+4', '1 %'],
    ]);
    const small = funnelTable(report.cohorts.find((c) => c.id === 'pilot:g-ICT-proef')!);
    expect(small.rows.every((row) => valueText('count', row[1]!) === '< 5' && row[5] === null)).toBe(true);
  });

  it('CSV: the same rows, numbers as numbers, hidden figures as null (toCsv writes "< 5"), a link as title and address', () => {
    const [pilot, control] = pilotPairs(report)[0]!;
    expect(pilot.id).toBe(`pilot:${FIXTURE_PILOT}`);
    expect(control.kind).toBe('control');
    const rows = csvRows(pilotVsControlTable(pilot, control));
    expect(rows[0]).toEqual([
      'Step',
      'HR-pilot: People',
      'HR-pilot: Share (%)',
      'HR-pilot: Share, previous period (%)',
      'Control group of HR-pilot: People',
      'Control group of HR-pilot: Share (%)',
      'Control group of HR-pilot: Share, previous period (%)',
    ]);
    expect(rows[2]).toEqual(['Readers', 31, 81.6, 54.1, 19, 54.3, 51.4]);
    expect(rows[4]).toEqual(['Contributors (wrote)', 7, 18.4, null, null, null, null]);
    const unanswered = csvRows(unansweredTable(report));
    expect(unanswered[0]).toEqual(['Asked', 'Waiting (hours)', 'Section', 'Question', 'Page', 'Address']);
    expect(unanswered[1]).toEqual([
      '2026-11-16 09:12',
      166.1,
      'HR',
      expect.stringContaining('kerstweek'),
      'Verlofregeling 2026',
      expect.stringMatching(/\/hr\/verlofregeling\.html$/),
    ]);
  });

  it('cohorts: everyone, departments, levels, then each pilot followed by its control group', () => {
    const names = cohortsTable(report).rows.map((row) => row[0]);
    expect(names.slice(0, 1)).toEqual(['Everyone']);
    expect(names.slice(-3)).toEqual(['HR-pilot', 'Control group of HR-pilot', 'ICT-proef']);
    expect(orderedCohorts(report.cohorts).map((c) => c.kind)).toEqual([
      'all',
      ...Array(5).fill('department'),
      'band',
      'band',
      'band',
      'pilot',
      'control',
      'pilot',
    ]);
  });

  it('who answers whom: replies from row to column, then reply rate and median hours per column', () => {
    const table = matrixTable(report.bands, 'bands');
    expect(table.columns.map((c) => c.header)).toEqual(['Replies from ↓ to →', 'Staff', 'Middle management', 'Management']);
    const text = table.rows.map((row, r) => row.map((value, c) => valueText(kindAt(table, r, c), value)));
    expect(text[0]).toEqual(['From Staff', '48', '9', '< 5']);
    expect(text[3]).toEqual(['Comments that got a reply', '62 %', '71 %', '< 5']);
    expect(text[4]).toEqual(['Median time to a reply', '5.5 h', '3.1 h', '< 5']);
  });

  it('an empty period is told apart from a quiet one', () => {
    expect(noActivity(emptyInsightsFixture())).toBe(true);
    expect(noActivity(report)).toBe(false);
  });
});

describe('the view, rendered', () => {
  const report = insightsFixture();

  it('tables have a caption, column and row headers; "< 5" is marked and explained', () => {
    const html = render(<DataTable table={cohortsTable(report)} csv={false} />);
    expect(html).toContain('<caption>All groups: people per step, this period and the previous one</caption>');
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row"');
    expect(html).toContain('<span class="below-k" title="Fewer than 5 people: not shown, so nobody can be picked out">&lt; 5</span>');
  });

  it('the funnel says when a group is too small to show, and has its table', () => {
    const html = render(<FunnelCard cohort={report.cohorts.find((c) => c.id === 'pilot:g-ICT-proef')!} />);
    expect(html).toContain('This group has fewer than 5 people');
    expect(html).toContain('<summary>Show as table</summary>');
  });

  it('topics are buttons that open to the threads they come from (links in a new tab)', () => {
    const html = render(<TopicsList report={report} />);
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('14 people');
    expect(html).toMatch(/<a href="[^"]+\/hr\/verlofregeling\.html" target="_blank" rel="noopener noreferrer">Verlofregeling 2026<\/a>/);
  });
});

describe('the callable failing', () => {
  it('reads as offline, signed out, not allowed, invalid or failed', () => {
    expect(insightsFailure({ code: 'functions/permission-denied' })).toBe('not-allowed');
    expect(insightsFailure({ code: 'functions/unauthenticated' })).toBe('signed-out');
    expect(insightsFailure({ code: 'functions/invalid-argument' })).toBe('invalid-request');
    expect(insightsFailure({ code: 'functions/unavailable' })).toBe('offline');
    expect(insightsFailure({ code: 'functions/internal' })).toBe('failed');
  });
});
