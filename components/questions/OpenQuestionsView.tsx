// A community manager's open questions: in the sections they look after, the questions nobody has
// answered yet (no reply, no "this helped"), oldest first, each a link to its page. The list comes
// from the insights rollup, so an answer given in the last hour may still show; the thread says.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/any/i18n';
import { watchOpenQuestions, type SectionQuestions } from '../../lib/data/insights/open-questions';
import { useServices } from '../app/services';
import { RelativeTime } from '../common/RelativeTime';

export function OpenQuestionsView({ sections, now }: { sections: string[]; now: number }) {
  const { fb } = useServices();
  const [lists, setLists] = useState<SectionQuestions[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = sections.join('\n');
  useEffect(() => watchOpenQuestions(fb.firestore, sections, setLists, setError), [key]);

  return (
    <section class="open-questions" aria-labelledby="open-questions-title">
      <h1 id="open-questions-title">{t('openQuestionsTitle')}</h1>
      <p class="hint">{t('openQuestionsHint')}</p>
      {error ? (
        <p class="notice" role="alert">
          {t('openQuestionsError')}
        </p>
      ) : null}
      {lists?.map((list) => (
        <section key={list.section} aria-labelledby={`oq-${list.section}`}>
          <h2 id={`oq-${list.section}`}>{t('openQuestionsSection', list.section)}</h2>
          {list.questions.length === 0 ? (
            <p class="empty">{t('openQuestionsNone')}</p>
          ) : (
            <ol class="question-list">
              {list.questions.map((q) => (
                <li key={q.commentId}>
                  <a href={q.url} target="_blank" rel="noopener noreferrer" title={t('linkOpensNewTab')}>
                    {q.title || q.url}
                  </a>
                  <blockquote>{q.excerpt}</blockquote>
                  <p class="meta">
                    {t('openQuestionsAsked')} <RelativeTime at={q.askedAt} now={now} />
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </section>
  );
}
