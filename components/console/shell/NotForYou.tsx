// console.html opened by someone without a comms or administrator role (a bookmark, a shared link):
// what the console is, where their own Prikbord is, and whom to ask. The rules refuse them the
// console's data anyway; this says so plainly instead of showing empty or failing screens.
import { t } from '../../../lib/any/i18n';
import type { PersonRow } from '../../../lib/core/rows';

export interface NotForYouProps {
  orgName: string;
  /** The directory copy, to name the administrators (empty while it loads). */
  people: PersonRow[];
  onSignOut(): void;
}

export function NotForYou({ orgName, people, onSignOut }: NotForYouProps) {
  const admins = people
    .filter((p) => p.active !== false && p.roles?.admin)
    .map((p) => p.displayName)
    .sort((a, b) => a.localeCompare(b));
  return (
    <main class="console-gate">
      <p class="brand">{t('consoleTitle')}</p>
      <section class="not-for-you" aria-labelledby="not-for-you-title">
        <h1 id="not-for-you-title">{t('consoleNotForYouTitle')}</h1>
        <p>{t('consoleNotForYouBody', orgName)}</p>
        <p>{admins.length > 0 ? t('consoleNotForYouAskNamed', admins.join(', ')) : t('consoleNotForYouAsk')}</p>
        <button type="button" class="secondary" onClick={onSignOut}>
          {t('signOut')}
        </button>
      </section>
    </main>
  );
}
