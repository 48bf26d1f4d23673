// Topics: the terms people wrote about in the period (more typical of this scope than of the whole
// intranet), each with how many different people used it. A term opens (click, Enter or Space) to
// the threads it comes from, as links that open the page in a new tab. Only terms used by at least
// K people come from the server, so a topic never points at one person.
import { useState } from 'preact/hooks';
import { t } from '../../../lib/any/i18n';
import type { InsightsReport } from '../../../lib/core/insights/model';
import { CsvButton } from './CsvButton';
import { numberText } from './figures';
import { topicsTable } from './tables';

export function TopicsList({ report }: { report: InsightsReport }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section class="card insights-card" aria-labelledby="insights-topics-title">
      <h2 id="insights-topics-title">{t('insightsTopicsTitle')}</h2>
      <p class="hint">{t('insightsTopicsHint')}</p>
      {report.topics.length === 0 ? (
        <p class="empty">{t('insightsTopicsEmpty')}</p>
      ) : (
        <ul class="topics">
          {report.topics.map((topic, i) => {
            const expanded = open === topic.term;
            const id = `topic-threads-${i}`;
            return (
              <li key={topic.term} class={expanded ? 'topic open' : 'topic'}>
                <button type="button" class="topic-term" aria-expanded={expanded} aria-controls={id} onClick={() => setOpen(expanded ? null : topic.term)}>
                  <span class="term" lang={topic.lang}>
                    {topic.term}
                  </span>{' '}
                  <span class="people">{t('insightsTopicPeople', numberText(topic.people))}</span>
                </button>
                <ul id={id} class="topic-threads" hidden={!expanded}>
                  {topic.pages.map((page) => (
                    <li key={page.pageId}>
                      <a href={page.url} target="_blank" rel="noopener noreferrer">
                        {page.title || page.url}
                      </a>{' '}
                      <span class="muted">{t('insightsTopicUses', numberText(page.uses))}</span>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
      {report.topics.length > 0 ? <CsvButton table={topicsTable(report)} /> : null}
    </section>
  );
}
