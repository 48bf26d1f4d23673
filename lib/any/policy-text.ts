// Enterprise policy in words, for the side panel's "settings from your organisation" and the
// worker's console: why a policy value was ignored, translated (public/_locales).
import { t } from './i18n';
import type { IgnoredPolicy } from './managed-policy';
import type { OrgConfig } from './org-config';

/** Why `item` was not used, as a translated clause ("must be true or false"). */
export function whyIgnored(item: IgnoredPolicy, config: OrgConfig): string {
  const key = `policyWhy_${item.reason}` as const;
  return item.reason === 'originOutside' ? t(key, (config.extension?.policyOrigins ?? []).join(', ')) : t(key);
}

/** One line for the console: which value, what it was, why it was ignored. */
export function ignoredLine(item: IgnoredPolicy, config: OrgConfig): string {
  return t('policyConsoleIgnored', item.key, item.value, whyIgnored(item, config));
}
