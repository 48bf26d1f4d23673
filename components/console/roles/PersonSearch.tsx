// Finding a person in the directory copy: a search field and the people it finds, each a button
// that opens their roles. Tab or the arrow keys move through the results.
import { useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/any/i18n';
import { findPeople } from '../../../lib/core/console';
import type { PersonRow } from '../../../lib/core/rows';
import { rolesText } from './role-text';

export interface PersonSearchProps {
  people: PersonRow[];
  selected: string | null;
  onSelect(uid: string): void;
  /** The field's id, when a page has more than one search (pilot groups: members, control group, ambassadors). */
  fieldId?: string;
  /** The field's label, when it searches for something else than roles. */
  label?: string;
  /** The text before anything is typed. */
  start?: string;
}

/** Moves focus to the next (+1) or previous (−1) result button, from `from` (the field: before the first). */
function moveFocus(list: HTMLElement | null, from: Element | null, step: 1 | -1): boolean {
  const buttons = [...(list?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  if (buttons.length === 0) return false;
  const at = buttons.indexOf(from as HTMLButtonElement);
  const next = at < 0 ? (step === 1 ? 0 : -1) : at + step;
  if (next < 0 || next >= buttons.length) return false;
  buttons[next]!.focus();
  return true;
}

export function PersonSearch({ people, selected, onSelect, fieldId = 'person-search-field', label, start }: PersonSearchProps) {
  const [query, setQuery] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const found = useMemo(() => findPeople(people, query), [people, query]);
  const arrows = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (moveFocus(list.current, document.activeElement, event.key === 'ArrowDown' ? 1 : -1)) event.preventDefault();
  };
  return (
    <div class="person-search">
      <label for={fieldId}>{label ?? t('consoleSearchLabel')}</label>
      <input
        id={fieldId}
        type="search"
        autocomplete="off"
        spellcheck={false}
        aria-describedby={`${fieldId}-hint`}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={arrows}
      />
      <p id={`${fieldId}-hint`} class="hint">
        {people.length === 0 ? t('consoleDirectoryLoading') : t('consoleSearchHint', people.length)}
      </p>
      <p class="visually-hidden" role="status">
        {query.trim() === '' ? '' : found.length === 0 ? t('consoleSearchNone', query.trim()) : t('consoleSearchCount', found.length)}
      </p>
      {query.trim() === '' ? (
        <p class="empty">{start ?? t('consoleSearchStart')}</p>
      ) : found.length === 0 ? (
        <p class="empty">{t('consoleSearchNone', query.trim())}</p>
      ) : (
        <ul class="search-results" ref={list} aria-label={t('consoleSearchResults')} onKeyDown={arrows}>
          {found.map((person) => (
            <li key={person.uid}>
              <button type="button" class="result" aria-pressed={person.uid === selected} onClick={() => onSelect(person.uid)}>
                <span class="name">{person.displayName}</span>
                <span class="meta">{[person.jobTitle, person.departmentPath.at(-1)].filter(Boolean).join(' · ')}</span>
                <span class="roles">{rolesText(person.roles)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
