// Questions: the ones still unanswered after the chosen number of hours, oldest first (how long
// they have waited, where, the start of the question, the page), and per section how long a first
// answer takes (the median). Comms and community managers can read these threads anyway; the
// excerpt only saves them the search.
import { t } from '../../../lib/any/i18n';
import type { InsightsReport } from '../../../lib/core/insights/model';
import { DataTable } from './DataTable';
import { answerTimesTable, unansweredTable } from './tables';

export function QuestionsCard({ report }: { report: InsightsReport }) {
  return (
    <section class="card insights-card" aria-labelledby="insights-questions-title">
      <h2 id="insights-questions-title">{t('insightsQuestionsTitle')}</h2>
      <h3>{t('insightsUnansweredTitle', report.unanswered.length)}</h3>
      <DataTable table={unansweredTable(report)} showCaption={false} empty={t('insightsUnansweredEmpty', report.query.unansweredAfterHours)} />
      <h3>{t('insightsAnswerTimesTitle')}</h3>
      <DataTable table={answerTimesTable(report)} showCaption={false} empty={t('insightsAnswerTimesEmpty')} />
    </section>
  );
}
