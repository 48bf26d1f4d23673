// The trend of the chosen cohort per week: the chart when there is a line to draw (two weeks or
// more with figures), else why not; and always the same figures as a table (for screen readers
// and anyone who wants the numbers), behind "Show as table".
import { t } from '../../../lib/any/i18n';
import type { InsightsReport } from '../../../lib/core/insights/model';
import { CsvButton } from './CsvButton';
import { DataTable } from './DataTable';
import { cohortText } from './figures';
import { chosenCohort, trendTable } from './tables';
import { TrendChart, weeksWithData } from './TrendChart';

/** What the chart shows, for its aria-label. */
export function trendLabel(report: InsightsReport): string {
  const cohort = chosenCohort(report);
  return t('insightsTrendLabel', cohort ? cohortText(cohort) : '', report.trend.length);
}

export function TrendCard({ report }: { report: InsightsReport }) {
  const table = trendTable(report);
  const weeks = weeksWithData(report);
  const cohort = chosenCohort(report);
  return (
    <section class="card insights-card" aria-labelledby="insights-trend-title">
      <h2 id="insights-trend-title">{t('insightsTrendTitle', cohort ? cohortText(cohort) : '')}</h2>
      {weeks >= 2 ? (
        <>
          <TrendChart report={report} label={trendLabel(report)} />
          <p class="hint">{t('insightsTrendGapNote')}</p>
        </>
      ) : (
        <p class="note">{t('insightsTrendTooShort', weeks)}</p>
      )}
      <details class="as-table">
        <summary>{t('insightsShowAsTable')}</summary>
        <DataTable table={table} csv={false} empty={t('insightsNoWeeks')} />
      </details>
      {table.rows.length > 0 ? <CsvButton table={table} /> : null}
    </section>
  );
}
