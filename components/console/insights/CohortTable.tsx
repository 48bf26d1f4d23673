// Groups compared: every cohort (everyone, departments, bands, pilot groups and their control
// groups) with its four figures now and in the previous period; each pilot beside its control
// group, as shares of their people in scope, so a pilot's effect shows against a comparable group.
import { t } from '../../../lib/any/i18n';
import type { InsightsReport } from '../../../lib/core/insights/model';
import { DataTable } from './DataTable';
import { cohortsTable, pilotPairs, pilotVsControlTable } from './tables';

export function CohortTable({ report }: { report: InsightsReport }) {
  const pairs = pilotPairs(report);
  const someBelowK = report.cohorts.some((c) => c.funnel.inScope === null);
  return (
    <section class="card insights-card" aria-labelledby="insights-cohorts-title">
      <h2 id="insights-cohorts-title">{t('insightsCohortsTitle')}</h2>
      {pairs.map(([pilot, control]) => (
        <div key={pilot.id} class="pilot-vs-control">
          <h3>{t('insightsPilotVsControlTitle', pilot.label)}</h3>
          <p class="hint">{t('insightsPilotVsControlHint')}</p>
          <DataTable table={pilotVsControlTable(pilot, control)} showCaption={false} />
        </div>
      ))}
      <h3>{t('insightsAllCohortsTitle')}</h3>
      <DataTable table={cohortsTable(report)} showCaption={false} />
      {someBelowK ? <p class="note">{t('insightsGroupsBelowKNote')}</p> : null}
    </section>
  );
}
