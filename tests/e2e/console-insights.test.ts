// Insights in the comms console, in the built extension. Two ways in:
//   1. Against a fixture (tests/helpers/insights-fixture.ts): the callable's HTTP request is answered
//      by the test, so the view, its keyboard use, its URL, its CSV and its printed report are proved
//      before and apart from the server. It also takes the screenshots in docs/screenshots/.
//   2. Against the real callable, after the server's rollup has folded seeded activity
//      (tests/helpers/insights-seed.ts): the comms advisor (Anna) filters to the HR pilot and its
//      control group, reads the funnel and downloads the CSV. Every expectation is read from the
//      screen, so it holds whatever figures the seed makes.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Download, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InsightsQuery, InsightsReport } from '../../lib/core/insights/model';
import { seedDemo } from '../../scripts/seed';
import type { ExtensionBrowser } from '../../scripts/chromium';
import { consoleOf, focused, goToSection, tabTo } from '../helpers/console-keyboard';
import { emptyInsightsFixture, FIXTURE_PERIOD, FIXTURE_PILOT, insightsFixture } from '../helpers/insights-fixture';
import { seedInsightsActivity } from '../helpers/insights-seed';
import { serveIntranet } from './setup';

const SHOTS = 'docs/screenshots';
const BOM = '\uFEFF';

/** The CSV text of a download (as Excel would open it: BOM and all). */
const downloaded = async (download: Download): Promise<string> => readFileSync((await download.path())!, 'utf8');

/** CSV rows (';' between fields, quotes around fields that need them). Enough for our own files. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += ch;
    } else if (ch === ';') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** A table on screen as text: the column headers' row (not the groups' above it), then each body row (row headers included). */
const screenTable = (page: Page, id: string) =>
  page
    .locator(`table#table-${id}`)
    .evaluate((table) =>
      [...table.querySelectorAll('thead tr:last-child, tbody tr')].map((tr) =>
        [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );

/** Where the screen says "< 5", the CSV says it too, in the same row and column (no link columns in these tables). */
function expectBelowKAlike(screen: string[][], csv: string[][]): number {
  let seen = 0;
  screen.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text !== '< 5') return;
      expect(csv[r]?.[c], `row ${r}, column ${c}`).toBe('< 5');
      seen++;
    }),
  );
  return seen;
}

describe('insights in the comms console, against a fixture', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let eb: ExtensionBrowser | undefined;

  beforeAll(async () => {
    // No rollout needed: the sections and cohorts to choose come with the report.
    await seedDemo({ threads: false });
    intranet = await serveIntranet();
  });

  afterAll(async () => {
    await eb?.close();
    await intranet?.close();
  });

  it('shows the report for a bookmarked period, is used by keyboard, keeps its filter in the URL, downloads CSV and prints (Dutch)', async () => {
    const opened = await consoleOf('anna', 'nl');
    eb = opened.eb;
    const page = opened.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    mkdirSync(SHOTS, { recursive: true });

    // The callable's HTTP request (firebase/functions: POST {data} → {result}), answered with the fixture for the query sent.
    const asked: InsightsQuery[] = [];
    let answer: 'report' | 'empty' | 'fail' = 'report';
    await page.route('**/insightsReport', async (route: Route) => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST, OPTIONS' };
      if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      const query = (route.request().postDataJSON() as { data: InsightsQuery }).data;
      asked.push(query);
      if (answer === 'fail') return route.fulfill({ status: 500, headers: cors, json: { error: { status: 'INTERNAL', message: 'INTERNAL' } } });
      const result: InsightsReport = answer === 'empty' ? emptyInsightsFixture(query) : insightsFixture(query);
      return route.fulfill({ status: 200, headers: cors, json: { result } });
    });

    await goToSection(page, 'Inzichten');
    // A bookmark with a period of its own: the view follows the address.
    await page.evaluate((period) => (location.hash = `#insights?from=${period.from}&to=${period.to}`), FIXTURE_PERIOD);
    await page.getByRole('heading', { level: 2, name: 'Trechter: Iedereen' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => asked.at(-1)).toMatchObject({ ...FIXTURE_PERIOD, section: null, cohort: 'all', unansweredAfterHours: 48 });
    await page.getByText('Geen cijfers over personen.', { exact: false }).first().waitFor();
    // The funnel: people, share of in scope, and the change against the previous period.
    const readers = page.locator('.funnel-step', { hasText: 'Lezers' });
    expect(await readers.textContent()).toContain('268');
    expect(await readers.textContent()).toContain('65%');
    expect(await readers.textContent()).toContain('+37');
    // A suppressed figure reads "< 5", here and in the group of four (every figure).
    const smallGroup = page.locator('#table-cohorts tr', { hasText: 'ICT-proef' });
    expect((await smallGroup.locator('td.num').allTextContents()).every((text) => text === '< 5')).toBe(true);
    expect(await page.locator('.anonymous-posts').textContent()).toBe('Anonieme berichten: 6 (meegeteld, aan niemand toegeschreven)');
    // Unanswered questions, oldest first.
    const questions = await page.locator('#table-unanswered tbody tr').allTextContents();
    expect(questions[0]).toContain('kerstweek');
    expect(questions.at(-1)).toContain('vegetarische');
    // The chart (4 weeks with figures) is an image with a label; its table is in the page.
    expect(await page.locator('.trend-chart[role=img]').first().getAttribute('aria-label')).toMatch(/^Lijngrafiek/);
    expect(await page.locator('.trend-chart canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('#table-trend tbody tr').count()).toBe(4);
    await page.screenshot({ path: `${SHOTS}/console-insights.png`, fullPage: true });

    // The monthly report, as printed: only the report, one page.
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('heading', { level: 2, name: /^Maandrapport Prikbord/ }).waitFor();
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.locator('.insights-filters').isVisible()).toBe(false);
    await page.getByText('Cijfers over minder dan 5 mensen staan er als < 5.', { exact: false }).last().waitFor();
    await page.screenshot({ path: `${SHOTS}/console-insights-report.png`, fullPage: true });
    // On A4, as "Save as PDF" makes it: one page.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    // Keyboard: every filter is reachable by Tab and labelled; the part of the intranet and the cohort change by arrow and typing.
    for (const label of [
      'Periode',
      'Van',
      'Tot en met',
      'Deel van het intranet',
      'Groep voor trechter en trend',
      'Vraag onbeantwoord na',
      'CSV met decimale komma (Nederlandse Excel)',
    ]) {
      await tabTo(page, page.getByLabel(label, { exact: true }), { back: true });
    }
    await tabTo(page, page.getByLabel('Deel van het intranet', { exact: true }));
    await page.keyboard.press('ArrowDown'); // Heel het intranet → HR
    await expect.poll(() => asked.at(-1)?.section).toBe('HR');
    await tabTo(page, page.getByLabel('Groep voor trechter en trend', { exact: true }));
    await page.keyboard.type('HR-pilot');
    await expect.poll(() => asked.at(-1)?.cohort).toBe(`pilot:${FIXTURE_PILOT}`);
    await page.getByRole('heading', { level: 2, name: 'Trechter: HR-pilot' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'HR-pilot en de controlegroep' }).waitFor();
    expect(page.url()).toContain(`#insights?from=${FIXTURE_PERIOD.from}&to=${FIXTURE_PERIOD.to}&section=HR&cohort=pilot%3A${FIXTURE_PILOT}`);
    // The hours apply with Enter.
    await tabTo(page, page.getByLabel('Vraag onbeantwoord na', { exact: true }));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('72');
    await page.keyboard.press('Enter');
    await expect.poll(() => asked.at(-1)?.unansweredAfterHours).toBe(72);

    // A reload keeps the filter (it is in the URL).
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Trechter: HR-pilot' }).waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('Deel van het intranet', { exact: true }).inputValue()).toBe('HR');
    expect(await page.getByLabel('Van', { exact: true }).inputValue()).toBe(FIXTURE_PERIOD.from);
    expect(asked.at(-1)).toMatchObject({ ...FIXTURE_PERIOD, section: 'HR', cohort: `pilot:${FIXTURE_PILOT}`, unansweredAfterHours: 72 });

    // CSV: the pilot beside its control group, for Dutch Excel (BOM, ';', decimal comma); "< 5" where the screen has it.
    const pilotTable = `pilot-vs-control-HR-pilot`;
    const button = page.getByRole('button', { name: 'Downloaden als CSV: HR-pilot naast de controlegroep' });
    await tabTo(page, button);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`prikbord-inzichten-${pilotTable}-${FIXTURE_PERIOD.from}-${FIXTURE_PERIOD.to}.csv`);
    const text = await downloaded(download);
    expect(text.startsWith(BOM)).toBe(true);
    const csv = parseCsv(text);
    expect(csv[0]).toContain('Stap');
    expect(csv[0]!.length).toBe(7);
    expect(csv.find((row) => row[0] === 'Lezers')?.[2]).toBe('81,6'); // 31 of 38, in percent, decimal comma
    expect(expectBelowKAlike(await screenTable(page, pilotTable), csv)).toBeGreaterThan(0);

    // Topics open with Enter to the threads they come from.
    const topic = page.getByRole('button', { name: /^verlofuren/ });
    await tabTo(page, topic);
    await page.keyboard.press('Enter');
    expect(await topic.getAttribute('aria-expanded')).toBe('true');
    await page.locator('.topic.open').getByRole('link', { name: 'Verlofregeling 2019 (archief)' }).waitFor();

    // A failure says so, translated, with a way to try again.
    answer = 'fail';
    await tabTo(page, page.getByLabel('Periode', { exact: true }), { back: true });
    await page.keyboard.press('Home'); // Laatste 7 dagen
    const retry = page.getByRole('button', { name: 'Opnieuw proberen' });
    await page.getByText('De cijfers konden niet worden gemaakt. Probeer het zo nog eens.').waitFor({ timeout: 20_000 });
    answer = 'empty';
    await tabTo(page, retry);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Nog geen cijfers voor HR' }).waitFor({ timeout: 20_000 });

    // An empty period, for everyone on the whole intranet.
    await tabTo(page, page.getByLabel('Groep voor trechter en trend', { exact: true }), { back: true });
    await page.keyboard.press('Home');
    await expect.poll(() => asked.at(-1)?.cohort).toBe('all');
    await tabTo(page, page.getByLabel('Deel van het intranet', { exact: true }), { back: true });
    await page.keyboard.press('Home');
    await page.getByRole('heading', { level: 2, name: 'Geen activiteit in deze periode' }).waitFor({ timeout: 20_000 });
    expect(await focused(page.getByLabel('Deel van het intranet', { exact: true }))).toBe(true);
    await page.screenshot({ path: `${SHOTS}/console-insights-empty.png`, fullPage: true });
  });
});

describe('insights in the comms console, against the server', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  const browsers: ExtensionBrowser[] = [];

  beforeAll(async () => {
    await seedDemo({ threads: true, pilot: true });
    await seedInsightsActivity();
    intranet = await serveIntranet();
  });

  afterEach(async () => {
    await Promise.all(browsers.splice(0).map((b) => b.close()));
  });

  afterAll(async () => {
    await intranet?.close();
  });

  it('the comms advisor compares the HR pilot with its control group and downloads the figures', async () => {
    const { eb, page } = await consoleOf('anna', 'en');
    browsers.push(eb);
    await page.setViewportSize({ width: 1280, height: 900 });
    await goToSection(page, 'Insights');
    await page.getByRole('heading', { level: 2, name: 'Funnel: Everyone' }).waitFor({ timeout: 30_000 });

    // The HR pilot (the demo's "HR-pilot", Financiën its control group), by keyboard.
    await tabTo(page, page.getByLabel('Group for funnel and trend', { exact: true }), { back: true });
    await page.keyboard.type('HR-pilot');
    await page.getByRole('heading', { level: 2, name: 'Funnel: HR-pilot' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 3, name: 'HR-pilot and its control group' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/console-insights-demo-pilot.png`, fullPage: true });

    // The funnel: four steps, each with a figure or "< 5"; a share only where both figures are there.
    const steps = page.locator('.funnel-step');
    expect(await steps.count()).toBe(4);
    for (const text of await steps.locator('.funnel-people').allTextContents()) expect(text).toMatch(/^(\d[\d,.]*|< 5)$/);

    // The pilot beside its control group on screen; the demo's groups are small, so some figures are "< 5".
    const pilotTable = 'pilot-vs-control-HR-pilot';
    const screen = await screenTable(page, pilotTable);
    expect(await page.locator(`#table-${pilotTable} .group-headers th`).allTextContents()).toEqual(['HR-pilot', 'Control group of HR-pilot']);
    expect(screen.flat()).toContain('< 5');

    // The CSV: BOM, ';' between fields, "< 5" where the screen has it.
    const button = page.getByRole('button', { name: 'Download CSV: HR-pilot beside its control group' });
    await tabTo(page, button);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const text = await downloaded(download);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.split(/\r?\n/)[0]).toContain(';');
    const csv = parseCsv(text);
    expect(csv.length).toBe(screen.length);
    expect(expectBelowKAlike(screen, csv)).toBeGreaterThan(0);
  });
});
