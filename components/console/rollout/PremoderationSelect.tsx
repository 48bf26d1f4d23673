// Pre-moderation of a section (or the rest of the intranet): off, anonymous posts only, or every
// post waits for a moderator first (lib/core/moderation/model.ts Premoderation). Saved with the
// section through changeRollout like its other settings; the rules and the panel follow it.
import { t, type MessageKey } from '../../../lib/any/i18n';
import { PREMODERATION_MODES, type Premoderation } from '../../../lib/core/moderation/model';

const LABELS: Record<Premoderation, MessageKey> = {
  off: 'modPremoderation_off',
  anonymous: 'modPremoderation_anonymous',
  all: 'modPremoderation_all',
};

/** The setting in words, for the sections' summaries. */
export function premoderationText(mode: Premoderation): string {
  return t(LABELS[mode]);
}

export function PremoderationSelect({
  id,
  value,
  disabled,
  onChange,
}: {
  id: string;
  value: Premoderation;
  disabled?: boolean;
  onChange(mode: Premoderation): void;
}) {
  return (
    <div class="field premoderation">
      <label for={`${id}-premoderation`}>{t('modPremoderationLabel')}</label>
      <select
        id={`${id}-premoderation`}
        value={value}
        disabled={disabled}
        aria-describedby={`${id}-premoderation-hint`}
        onChange={(event) => onChange(event.currentTarget.value as Premoderation)}
      >
        {PREMODERATION_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {t(LABELS[mode])}
          </option>
        ))}
      </select>
      <p id={`${id}-premoderation-hint`} class="hint">
        {t('modPremoderationHint')}
      </p>
    </div>
  );
}
