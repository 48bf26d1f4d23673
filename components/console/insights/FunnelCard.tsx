// The funnel of the chosen cohort: in scope → readers → reactors → contributors, each with its
// share of the people in scope, the previous period and the change, and the 90-9-1 rule of thumb
// beside it. Drawn from the same definition as its table and CSV (tables.ts funnelTable).
import { t } from '../../../lib/any/i18n';
import type { CohortFunnel } from '../../../lib/core/insights/model';
import { CsvButton } from './CsvButton';
import { CellContent, DataTable } from './DataTable';
import { cohortText } from './figures';
import { funnelTable } from './tables';

export function FunnelCard({ cohort }: { cohort: CohortFunnel }) {
  const table = funnelTable(cohort);
  const belowThreshold = cohort.funnel.inScope === null;
  return (
    <section class="card insights-card" aria-labelledby="insights-funnel-title">
      <h2 id="insights-funnel-title">{t('insightsFunnelTitle', cohortText(cohort))}</h2>
      {belowThreshold ? <p class="note">{t('insightsGroupBelowK')}</p> : null}
      <ol class="funnel">
        {table.rows.map((row, r) => {
          const [step, people, ofScope, previous, , changed, reference] = row;
          return (
            <li key={r} class="funnel-step">
              <span class="funnel-name">{String(step)}</span>
              <span class="funnel-bar" aria-hidden="true">
                <span style={{ width: typeof ofScope === 'number' ? `${Math.min(100, Math.max(0.5, ofScope * 100))}%` : '0' }} />
              </span>
              <span class="funnel-people">
                <CellContent kind="count" value={people ?? null} />
              </span>
              <span class="funnel-share">
                {r === 0 ? null : (
                  <>
                    <CellContent kind="share" value={ofScope ?? null} /> <span class="muted">{t('insightsOfScopeShort')}</span>
                  </>
                )}
              </span>
              <span class="funnel-previous">
                {t('insightsPreviousShort')} <CellContent kind="count" value={previous ?? null} /> <CellContent kind="change" value={changed ?? null} />
              </span>
              <span class="funnel-reference">
                {r === 0 ? null : (
                  <>
                    <span class="muted">{t('insightsReferenceShort')}</span> <CellContent kind="share" value={reference ?? null} />
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <p class="hint">{t('insightsNinetyNineOneNote')}</p>
      <details class="as-table">
        <summary>{t('insightsShowAsTable')}</summary>
        <DataTable table={table} csv={false} />
      </details>
      <CsvButton table={table} />
    </section>
  );
}
