// The side panel while enterprise policy has switched Prikbord off (the `disabled` policy): one
// plain message instead of the app, and nothing started behind it (no Firebase, no sync). The
// panel returns to the app by itself when IT switches it on again (entrypoints/sidepanel/main.tsx).
import { t } from '../../lib/any/i18n';
import type { PolicyOutcome } from '../../lib/any/managed-policy';
import { PolicyDetails } from './PolicyDetails';

export function SwitchedOff({ outcome }: { outcome: PolicyOutcome | null }) {
  return (
    <main class="panel switched-off">
      <section aria-labelledby="switched-off-title">
        <h1 id="switched-off-title">{t('switchedOffTitle')}</h1>
        <p>{t('switchedOffText')}</p>
      </section>
      <PolicyDetails outcome={outcome} />
    </main>
  );
}
