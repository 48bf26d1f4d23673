// What the panel shows for a tab on an intranet error page (a stale link's 404, a 500): no thread
// belongs there (the content script shows no launcher and reports no page), and saying so is
// clearer than an empty discussion or the timeline in its place.
import { t } from '../../lib/any/i18n';

export function ErrorPageNotice({ status }: { status: number }) {
  return (
    <section class="error-page" aria-labelledby="error-page-title">
      <h2 id="error-page-title">{t('errorPageTitle')}</h2>
      <p>{t('errorPageText', status)}</p>
    </section>
  );
}
