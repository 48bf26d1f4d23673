// Pages: the most active pages of the period and the quiet ones (much read, little said), each a
// link that opens the page in a new tab.
import { t } from '../../../lib/any/i18n';
import type { InsightsReport } from '../../../lib/core/insights/model';
import { DataTable } from './DataTable';
import { quietPagesTable, topPagesTable } from './tables';

export function PagesCard({ report }: { report: InsightsReport }) {
  return (
    <section class="card insights-card" aria-labelledby="insights-pages-title">
      <h2 id="insights-pages-title">{t('insightsPagesTitle')}</h2>
      <h3>{t('insightsTopPagesTitle')}</h3>
      <DataTable table={topPagesTable(report)} showCaption={false} empty={t('insightsPagesEmpty')} />
      <h3>{t('insightsQuietPagesTitle')}</h3>
      <p class="hint">{t('insightsQuietPagesHint')}</p>
      <DataTable table={quietPagesTable(report)} showCaption={false} empty={t('insightsPagesEmpty')} />
    </section>
  );
}
