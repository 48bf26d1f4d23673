// Who answers whom: replies between hierarchy bands and between top-level departments, as real
// tables (rows: who replied, columns: to whom), with each column's reply rate and median time to a
// reply; and the leadership pair: how many questions leaders answered, and how many leaders took
// part at all. Groups, never people: a cell about fewer than 5 people is "< 5".
import { t } from '../../../lib/any/i18n';
import type { InsightsReport } from '../../../lib/core/insights/model';
import { CellContent, DataTable } from './DataTable';
import { CsvButton } from './CsvButton';
import { leadershipTable, matrixTable, valueText, type Value } from './tables';

export function WhoAnswersWhom({ report }: { report: InsightsReport }) {
  return (
    <section class="card insights-card" aria-labelledby="insights-whom-title">
      <h2 id="insights-whom-title">{t('insightsWhoAnswersWhomTitle')}</h2>
      <LeadershipFigures report={report} />
      <h3>{t('insightsBandsTitle')}</h3>
      <p class="hint">{t('insightsMatrixHint')}</p>
      <DataTable table={matrixTable(report.bands, 'bands')} showCaption={false} empty={t('insightsMatrixEmpty')} />
      <h3>{t('insightsDepartmentsTitle')}</h3>
      <DataTable table={matrixTable(report.departments, 'departments')} showCaption={false} empty={t('insightsMatrixEmpty')} />
    </section>
  );
}

/** The figure pair: leadership responsiveness and management taking part, big, with the table under it. */
export function LeadershipFigures({ report, csv = true }: { report: InsightsReport; csv?: boolean }) {
  const table = leadershipTable(report);
  return (
    <div class="leadership">
      <h3>{t('insightsLeadershipTitle')}</h3>
      <div class="figure-pair">
        {table.rows.map((row, r) => (
          <p key={r} class="big-figure">
            <span class="big">
              <CellContent kind="share" value={row[3] ?? null} />
            </span>
            <span class="what">{String(row[0])}</span>
            <span class="muted">
              {t('insightsOfTotal', textOf(row[1] ?? null), textOf(row[2] ?? null))}
              {r === 0 && typeof row[4] === 'number' ? ` · ${t('insightsMedianShort')} ` : ''}
              {r === 0 && typeof row[4] === 'number' ? <CellContent kind="hours" value={row[4]} /> : null}
            </span>
          </p>
        ))}
      </div>
      {csv ? (
        <>
          <details class="as-table">
            <summary>{t('insightsShowAsTable')}</summary>
            <DataTable table={table} csv={false} />
          </details>
          <CsvButton table={table} />
        </>
      ) : null}
    </div>
  );
}

const textOf = (value: Value) => valueText('count', value);
