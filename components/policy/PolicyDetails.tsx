// What the organisation's IT department set for this installation by enterprise policy, and what
// of it Prikbord ignored and why (lib/any/managed-policy.ts): a disclosure at the foot of the side
// panel, so whoever checks a roll-out sees which values came from policy without developer tools.
// Shown only when policy set or tried to set something.
import { t } from '../../lib/any/i18n';
import type { PolicyOutcome } from '../../lib/any/managed-policy';
import { whyIgnored } from '../../lib/any/policy-text';

export function PolicyDetails({ outcome }: { outcome: PolicyOutcome | null }) {
  if (!outcome || (outcome.applied.length === 0 && outcome.ignored.length === 0)) return null;
  return (
    <details class="policy-details">
      <summary>{t('policySummary')}</summary>
      {outcome.applied.length > 0 && (
        <>
          <h2 id="policy-applied">{t('policyApplied')}</h2>
          <dl aria-labelledby="policy-applied">
            {outcome.applied.map((item) => (
              <div key={item.key}>
                <dt>
                  <code>{item.key}</code>
                </dt>
                <dd>
                  <code>{item.value}</code>
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {outcome.ignored.length > 0 && (
        <>
          <h2 id="policy-ignored">{t('policyIgnoredHeading')}</h2>
          <ul aria-labelledby="policy-ignored" class="policy-ignored">
            {outcome.ignored.map((item, i) => (
              <li key={i}>
                <code>{item.key}</code> = <code>{item.value}</code>: {whyIgnored(item, outcome.config)}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
