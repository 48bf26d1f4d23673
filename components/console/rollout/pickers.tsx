// Choosing who: departments from the directory's tree (a filter and a list of checkboxes, each
// named with its whole path for screen readers) and people (the Roles view's search, the chosen
// ones listed with a remove button each). Used by pilot groups (members, control group,
// ambassadors) and the Sections preview.
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../../lib/any/i18n';
import type { Department } from '../../../lib/core/rollout-console';
import type { PersonRow } from '../../../lib/core/rows';
import { PersonSearch } from '../roles/PersonSearch';

export interface DepartmentPickerProps {
  id: string;
  legend: string;
  departments: Department[];
  chosen: string[];
  onChange(chosen: string[]): void;
}

export function DepartmentPicker({ id, legend, departments, chosen, onChange }: DepartmentPickerProps) {
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLocaleLowerCase();
  // A department that is chosen stays in the list whatever the filter, so it can be unticked.
  const shown = useMemo(
    () => departments.filter((d) => q === '' || d.path.toLocaleLowerCase().includes(q) || chosen.includes(d.path)),
    [departments, q, chosen.join('\n')],
  );
  const toggle = (path: string, on: boolean) => onChange(on ? [...chosen, path] : chosen.filter((c) => c !== path));
  return (
    <fieldset class="picker">
      <legend>{legend}</legend>
      <label for={`${id}-filter`}>{t('consoleGroupsDepartmentFilter')}</label>
      <input id={`${id}-filter`} type="search" autocomplete="off" value={filter} onInput={(event) => setFilter(event.currentTarget.value)} />
      {departments.length === 0 ? (
        <p class="empty">{t('consoleDirectoryLoading')}</p>
      ) : shown.length === 0 ? (
        <p class="empty">{t('consoleGroupsNoDepartment', filter.trim())}</p>
      ) : (
        <ul class="department-list">
          {shown.map((d) => (
            <li key={d.path} style={{ paddingLeft: `${d.depth * 1.2}rem` }}>
              <input
                type="checkbox"
                id={`${id}-${d.path}`}
                checked={chosen.includes(d.path)}
                onChange={(event) => toggle(d.path, event.currentTarget.checked)}
              />
              <label for={`${id}-${d.path}`}>
                {d.depth > 0 ? (
                  // Filtered, the tree's indentation is gone: the parents show, else only screen readers hear them.
                  <span class={q === '' ? 'visually-hidden' : 'muted'}>{d.path.split(' > ').slice(0, -1).join(' › ')} › </span>
                ) : null}
                {d.name} <span class="count">{t('consoleGroupsPeopleCount', d.people)}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

export interface PeoplePickerProps {
  id: string;
  legend: string;
  hint?: string;
  people: PersonRow[];
  nameOf(uid: string): string;
  /** Uids. */
  chosen: string[];
  onChange(chosen: string[]): void;
}

export function PeoplePicker({ id, legend, hint, people, nameOf, chosen, onChange }: PeoplePickerProps) {
  const add = (uid: string) => {
    if (!chosen.includes(uid)) onChange([...chosen, uid]);
  };
  return (
    <fieldset class="picker">
      <legend>{legend}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      {chosen.length === 0 ? (
        <p class="empty">{t('consoleGroupsNobodyChosen')}</p>
      ) : (
        <ul class="chosen" aria-label={t('consoleGroupsChosen', legend)}>
          {chosen.map((pid) => (
            <li key={pid}>
              {nameOf(pid)}{' '}
              <button
                type="button"
                class="link"
                aria-label={t('consoleGroupsRemovePerson', nameOf(pid))}
                onClick={() => onChange(chosen.filter((c) => c !== pid))}
              >
                {t('consoleGroupsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PersonSearch people={people} selected={null} onSelect={add} fieldId={id} label={t('consoleGroupsAddPerson')} start={t('consoleGroupsSearchStart')} />
    </fieldset>
  );
}
