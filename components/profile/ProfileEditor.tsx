// The signed-in employee's own profile: the directory's facts about them (job title, location,
// department) shown read-only — the organisation's directory is their source, and only the server
// writes them — and what is theirs to say: languages, "ask me about" skills and the opt-out from
// suggestions. Skills are normalised here and checked again by the rules.
import { useState } from 'preact/hooks';
import { normalizeSkills } from '../../lib/core/expertise';
import { t } from '../../lib/any/i18n';
import type { PersonRow } from '../../lib/core/rows';

export interface ProfileEditorProps {
  person: PersonRow;
  onSave(next: PersonRow): Promise<string | null>;
}

const splitList = (text: string) => text.split(/[,;\n]/);

export function ProfileEditor({ person, onSave }: ProfileEditorProps) {
  const [languages, setLanguages] = useState(person.languages.join(', '));
  const [skills, setSkills] = useState(person.skills.join(', '));
  const [optOut, setOptOut] = useState(person.optOut);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      class="profile-editor"
      aria-labelledby="profile-title"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const next: PersonRow = {
          ...person,
          languages: normalizeSkills(splitList(languages))
            .map((l) => l.slice(0, 20))
            .slice(0, 8),
          skills: normalizeSkills(splitList(skills)),
          optOut,
        };
        const error = await onSave(next);
        setSkills(next.skills.join(', '));
        setStatus(error ? { error: true, text: t('profileSaveFailed', error) } : { error: false, text: t('profileSaved') });
        setBusy(false);
      }}
    >
      <h2 id="profile-title">{t('profileTitle')}</h2>
      <p class="muted">{person.displayName}</p>
      <dl class="directory-facts">
        <dt>{t('profileJobTitle')}</dt>
        <dd id="profile-job">{person.jobTitle || '—'}</dd>
        <dt>{t('profileLocation')}</dt>
        <dd id="profile-location">{person.location || '—'}</dd>
        <dt>{t('profileDepartment')}</dt>
        <dd id="profile-department">{person.departmentPath.join(' › ') || '—'}</dd>
      </dl>
      <p id="profile-directory-note" class="hint">
        {t('profileFromDirectory')}
      </p>
      <label for="profile-languages">{t('profileLanguages')}</label>
      <input id="profile-languages" value={languages} onInput={(e) => setLanguages(e.currentTarget.value)} aria-describedby="profile-list-hint" />
      <label for="profile-skills">{t('profileSkills')}</label>
      <textarea id="profile-skills" value={skills} onInput={(e) => setSkills(e.currentTarget.value)} aria-describedby="profile-list-hint" />
      <p id="profile-list-hint" class="hint">
        {t('profileSkillsHint')}
      </p>
      <label class="checkbox">
        <input type="checkbox" checked={optOut} onChange={(e) => setOptOut(e.currentTarget.checked)} /> {t('profileOptOut')}
      </label>
      <p class="hint">{t('profileOptOutHint')}</p>
      <button type="submit" disabled={busy}>
        {t('profileSave')}
      </button>
      {status && (
        <p class={status.error ? 'error' : 'notice'} role="status">
          {status.text}
        </p>
      )}
    </form>
  );
}
