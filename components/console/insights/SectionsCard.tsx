// Sections: each part of the intranet as rollout has it (and the rest), with its setting, funnel,
// comments and likes in the period.
import { t } from '../../../lib/any/i18n';
import type { InsightsReport } from '../../../lib/core/insights/model';
import { DataTable } from './DataTable';
import { sectionsTable } from './tables';

export function SectionsCard({ report }: { report: InsightsReport }) {
  return (
    <section class="card insights-card" aria-labelledby="insights-sections-title">
      <h2 id="insights-sections-title">{t('insightsSectionsTitle')}</h2>
      <DataTable table={sectionsTable(report)} showCaption={false} empty={t('insightsSectionsEmpty')} />
    </section>
  );
}
