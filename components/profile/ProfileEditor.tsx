// The signed-in employee's own profile: the directory's facts about them (job title, location,
// department) shown read-only — the organisation's directory is their source, and only the server
// writes them — and what is theirs to say: languages, "ask me about" skills and the opt-out from
// suggestions. Skills are normalised here and checked again by the rules.
//
// Saving goes through the outbox like every other change (lib/data/people/save-profile.ts): it is
// kept on this device at once and shown as waiting until the server has it, so it works offline;
// a refusal is shown translated, with the edit kept in the form, to fix and save again or undo.
import { useState } from 'preact/hooks';
import { normalizeSkills } from '../../lib/core/expertise';
import { t } from '../../lib/any/i18n';
import type { PersonRow, ProfileFields } from '../../lib/core/rows';

export interface ProfileEditorProps {
  person: PersonRow;
  /** The change the server does not have yet, if any (the form starts from it, so an edit is never lost). */
  change?: { fields: ProfileFields; previous: ProfileFields; refusal: string | null } | null;
  onSave(fields: ProfileFields): Promise<void>;
  /** Gives up a refused change (the server's profile again). */
  onUndo?(): Promise<void>;
}

const splitList = (text: string) => text.split(/[,;\n]/);

export function ProfileEditor({ person, change = null, onSave, onUndo }: ProfileEditorProps) {
  const start = change?.fields ?? person;
  const [languages, setLanguages] = useState(start.languages.join(', '));
  const [skills, setSkills] = useState(start.skills.join(', '));
  const [optOut, setOptOut] = useState(start.optOut);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const refusal = change?.refusal ?? null;

  return (
    <form
      class="profile-editor"
      aria-labelledby="profile-title"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const next: ProfileFields = {
          languages: normalizeSkills(splitList(languages))
            .map((l) => l.slice(0, 20))
            .slice(0, 8),
          skills: normalizeSkills(splitList(skills)),
          optOut,
        };
        await onSave(next);
        setSkills(next.skills.join(', '));
        setSaved(true);
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
      {refusal ? (
        <div class="error" role="alert" id="profile-refused">
          <p>{t('profileRefused')}</p>
          {onUndo && (
            <button
              type="button"
              class="secondary"
              onClick={async () => {
                const back = change!.previous;
                await onUndo();
                setLanguages(back.languages.join(', '));
                setSkills(back.skills.join(', '));
                setOptOut(back.optOut);
                setSaved(false);
              }}
            >
              {t('profileUndo')}
            </button>
          )}
        </div>
      ) : change ? (
        <p class="notice pending" role="status" id="profile-pending">
          {t('profilePending')}
        </p>
      ) : (
        saved && (
          <p class="notice" role="status">
            {t('profileSaved')}
          </p>
        )
      )}
    </form>
  );
}
