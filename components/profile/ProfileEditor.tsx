// The signed-in employee's own directory profile: job title, location, languages, "ask me about"
// skills and the opt-out from suggestions. Skills are normalised here and checked again by the rules.
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
  const [jobTitle, setJobTitle] = useState(person.jobTitle);
  const [location, setLocation] = useState(person.location);
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
          jobTitle: jobTitle.trim().slice(0, 80),
          location: location.trim().slice(0, 80),
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
      <p class="muted">
        {person.displayName} · {person.departmentPath.join(' › ')}
      </p>
      <label for="profile-job">{t('profileJobTitle')}</label>
      <input id="profile-job" maxLength={80} value={jobTitle} onInput={(e) => setJobTitle(e.currentTarget.value)} />
      <label for="profile-location">{t('profileLocation')}</label>
      <input id="profile-location" maxLength={80} value={location} onInput={(e) => setLocation(e.currentTarget.value)} />
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
