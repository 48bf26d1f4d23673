// The monthly report: one printable page for the chosen period, for a management meeting or the
// comms team's files. Printed with the browser's own print (Save as PDF makes the PDF); on screen
// it is not shown, in print it is the only thing shown (style.css, @media print). Its figures come
// from the same table definitions as the screen and the CSV.
import { t } from '../../../lib/any/i18n';
import type { InsightsReport } from '../../../lib/core/insights/model';
import { DataTable } from './DataTable';
import { countText, momentText, numberText, periodText } from './figures';
import { answerTimesTable, chosenCohort, funnelTable, topPagesTable } from './tables';
import { trendLabel } from './TrendCard';
import { TrendChart, weeksWithData } from './TrendChart';
import { LeadershipFigures } from './WhoAnswersWhom';

export function MonthlyReport({ report, orgName, scope }: { report: InsightsReport; orgName: string; scope: string }) {
  const cohort = chosenCohort(report);
  return (
    <article class="monthly-report print-only" aria-labelledby="monthly-report-title">
      <header>
        <h2 id="monthly-report-title">{t('insightsReportTitle', orgName)}</h2>
        <p class="report-period">
          {periodText(report.query.from, report.query.to)} · {scope} · {t('insightsComparedWith', periodText(report.previousFrom, report.previousTo))}
        </p>
      </header>
      <div class="report-grid">
        <section>
          <h3>{t('insightsReportFunnel')}</h3>
          {cohort ? <DataTable table={funnelTable(cohort)} csv={false} showCaption={false} /> : null}
        </section>
        <section>
          <h3>{t('insightsReportTrend')}</h3>
          {weeksWithData(report) >= 2 ? (
            <TrendChart report={report} width={340} height={170} label={trendLabel(report)} />
          ) : (
            <p class="note">{t('insightsTrendTooShort', weeksWithData(report))}</p>
          )}
        </section>
        <section>
          <h3>{t('insightsTopPagesTitle')}</h3>
          <DataTable table={topPagesTable(report)} csv={false} showCaption={false} limit={5} empty={t('insightsPagesEmpty')} />
        </section>
        <section>
          <h3>{t('insightsQuestionsTitle')}</h3>
          <p>
            <strong>{t('insightsReportUnanswered', report.unanswered.length, report.query.unansweredAfterHours)}</strong>
          </p>
          <DataTable table={answerTimesTable(report)} csv={false} showCaption={false} empty={t('insightsAnswerTimesEmpty')} />
        </section>
        <section>
          <h3>{t('insightsTopicsTitle')}</h3>
          {report.topics.length === 0 ? (
            <p class="empty">{t('insightsTopicsEmpty')}</p>
          ) : (
            <ul class="report-topics">
              {report.topics.slice(0, 8).map((topic) => (
                <li key={topic.term}>
                  <span lang={topic.lang}>{topic.term}</span> <span class="muted">({t('insightsTopicPeople', numberText(topic.people))})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <LeadershipFigures report={report} csv={false} />
          <p>{t('insightsAnonymousPosts', countText(report.anonymousPosts))}</p>
        </section>
      </div>
      <footer>
        <p>{t('insightsPrivacyLine')}</p>
        <p class="muted">{t('insightsReportMade', momentText(report.generatedAt))}</p>
      </footer>
    </article>
  );
}
