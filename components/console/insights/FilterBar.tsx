// The Insights filter, as a form: the period (last 7, 28 or 90 days, or two dates), the part of the
// intranet, the cohort the funnel and trend follow, and after how many hours a question counts as
// unanswered. Choosing from a list applies at once; dates and hours apply with Enter or "Apply"
// (a half-typed date must not ask the server for a report). Every control has a visible label.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../lib/any/i18n';
import type { CohortFunnel } from '../../../lib/core/insights/model';
import { bandText, cohortText } from './figures';
import { MAX_HOURS, periodDays, periodProblem, PRESETS, type InsightsFilter, type Period, type Preset } from './insights-filter';

/** A cohort to choose (from the report, or from rollout before the report has come). */
export interface CohortChoice {
  id: string;
  kind: CohortFunnel['kind'];
  label: string;
}

export interface FilterBarProps {
  filter: InsightsFilter;
  today: string;
  onChange(filter: InsightsFilter): void;
  /** Sections of the rollout: id and name. */
  sections: Array<{ id: string; name: string }>;
  cohorts: CohortChoice[];
  decimalComma: boolean;
  onDecimalComma(on: boolean): void;
}

const ALL = '*all';
const REST = '*rest';
const CUSTOM = 'custom';

const GROUPS: Array<{ kinds: Array<CohortFunnel['kind']>; label: 'insightsKindDepartments' | 'insightsKindBands' | 'insightsKindPilots' }> = [
  { kinds: ['department'], label: 'insightsKindDepartments' },
  { kinds: ['band'], label: 'insightsKindBands' },
  { kinds: ['pilot', 'control'], label: 'insightsKindPilots' },
];

export function FilterBar({ filter, today, onChange, sections, cohorts, decimalComma, onDecimalComma }: FilterBarProps) {
  // The dates and hours as typed, applied on submit.
  const [draft, setDraft] = useState(() => ({ ...periodDays(filter.period, today), hours: String(filter.hours) }));
  useEffect(() => setDraft({ ...periodDays(filter.period, today), hours: String(filter.hours) }), [JSON.stringify(filter), today]);
  const custom = filter.period.preset === 'custom';
  const draftPeriod: Period = { preset: 'custom', from: draft.from, to: draft.to };
  const hours = Number(draft.hours);
  const hoursOk = Number.isInteger(hours) && hours >= 1 && hours <= MAX_HOURS;
  const problem = custom ? periodProblem(draftPeriod) : null;

  const submit = (event: Event) => {
    event.preventDefault();
    if (problem || !hoursOk) return;
    onChange({ ...filter, period: custom ? draftPeriod : filter.period, hours });
  };
  const choosePeriod = (value: string) => {
    // Custom starts from the dates the preset showed, so the two date fields are never empty.
    onChange({ ...filter, period: value === CUSTOM ? { preset: 'custom', ...periodDays(filter.period, today) } : { preset: Number(value) as Preset } });
  };
  const chooseScope = (value: string) => onChange({ ...filter, section: value === ALL ? null : value === REST ? '' : value });

  return (
    <form class="insights-filters" aria-labelledby="insights-filters-title" onSubmit={submit}>
      <h2 id="insights-filters-title" class="visually-hidden">
        {t('insightsFiltersTitle')}
      </h2>
      <div class="field">
        <label for="insights-period">{t('insightsPeriod')}</label>
        <select id="insights-period" value={custom ? CUSTOM : String(filter.period.preset)} onChange={(e) => choosePeriod(e.currentTarget.value)}>
          {PRESETS.map((days) => (
            <option key={days} value={String(days)}>
              {t('insightsLastDays', days)}
            </option>
          ))}
          <option value={CUSTOM}>{t('insightsCustomPeriod')}</option>
        </select>
      </div>
      {custom ? (
        <>
          <div class="field">
            <label for="insights-from">{t('insightsFrom')}</label>
            <input id="insights-from" type="date" value={draft.from} max={today} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          </div>
          <div class="field">
            <label for="insights-to">{t('insightsTo')}</label>
            <input id="insights-to" type="date" value={draft.to} max={today} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          </div>
        </>
      ) : null}
      <div class="field">
        <label for="insights-scope">{t('insightsScope')}</label>
        <select
          id="insights-scope"
          value={filter.section === null ? ALL : filter.section === '' ? REST : filter.section}
          onChange={(e) => chooseScope(e.currentTarget.value)}
        >
          <option value={ALL}>{t('insightsScopeAll')}</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          <option value={REST}>{t('insightsScopeRest')}</option>
        </select>
      </div>
      <div class="field">
        <label for="insights-cohort">{t('insightsCohortPicker')}</label>
        <select id="insights-cohort" value={filter.cohort} onChange={(e) => onChange({ ...filter, cohort: e.currentTarget.value })}>
          <option value="all">{t('insightsCohortAll')}</option>
          {GROUPS.map((group) => {
            const inGroup = cohorts.filter((c) => group.kinds.includes(c.kind));
            return inGroup.length === 0 ? null : (
              <optgroup key={group.label} label={t(group.label)}>
                {inGroup.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.kind === 'band' ? bandText(c.label) : cohortText(c)}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </div>
      <div class="field">
        <label for="insights-hours">{t('insightsUnansweredAfter')}</label>
        <input
          id="insights-hours"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_HOURS}
          step={1}
          value={draft.hours}
          aria-invalid={!hoursOk}
          aria-describedby="insights-hours-unit"
          onInput={(e) => setDraft({ ...draft, hours: e.currentTarget.value })}
        />{' '}
        <span id="insights-hours-unit" class="muted">
          {t('insightsHoursUnit')}
        </span>
      </div>
      <div class="field apply">
        <button type="submit" disabled={!!problem || !hoursOk}>
          {t('insightsApply')}
        </button>
      </div>
      <div class="field csv-option">
        <input id="insights-decimal-comma" type="checkbox" checked={decimalComma} onChange={(e) => onDecimalComma(e.currentTarget.checked)} />
        <label for="insights-decimal-comma">{t('insightsDecimalComma')}</label>
      </div>
      {problem || !hoursOk ? (
        <p class="error filter-problem" role="alert">
          {problem === 'dates-reversed'
            ? t('insightsDatesReversed')
            : problem === 'dates-missing'
              ? t('insightsDatesMissing')
              : t('insightsHoursInvalid', MAX_HOURS)}
        </p>
      ) : null}
    </form>
  );
}
