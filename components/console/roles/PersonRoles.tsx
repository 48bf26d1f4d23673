// One person's roles: what they hold, and for administrators a revoke button per role (per section)
// and a form to grant one, each confirmed before it is sent. The result — or why nothing was
// changed — is announced in a live region and focused, so keyboard and screen-reader users land on
// it; after "Cancel" focus returns to the button that asked.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../../lib/any/i18n';
import { parseSections, type ChangeRoleResponse } from '../../../lib/core/console';
import type { RoleName } from '../../../lib/core/directory-roles';
import type { Roles } from '../../../lib/core/membership';
import { parseRoleChange, planRoleChange, RoleChangeError } from '../../../lib/core/role-change';
import type { PersonRow } from '../../../lib/core/rows';
import type { RoleChangeFailure } from '../../../lib/data/console/roles';
import { useConsole } from '../console-services';
import { CONSOLE_ROLES, heldRoles, roleDescription, roleName, roleWithSections } from './role-text';

export interface PersonRolesProps {
  person: PersonRow;
  /** Administrators change roles; comms only sees them. */
  manage: boolean;
  me: string | null;
  /** Sections to offer for moderator and community manager. */
  suggestions: string[];
  /** Changes with every choice of this person: focus comes to their heading. */
  focusToken: number;
  onChanged(uid: string, after: Roles): void;
}

interface Pending {
  action: 'grant' | 'revoke';
  role: RoleName;
  sections: string[];
  /** The button that asked: focus goes back there on cancel. */
  opener: HTMLElement | null;
}

const PROBLEM_MESSAGES: Record<RoleChangeFailure, MessageKey> = {
  'invalid-request': 'consoleProblemFailed',
  'invalid-role': 'consoleProblemFailed',
  'invalid-section': 'consoleProblemSection',
  'sections-not-allowed': 'consoleProblemFailed',
  'sections-required': 'consoleProblemSectionsRequired',
  'granted-everywhere': 'consoleProblemEverywhere',
  'last-admin': 'consoleProblemLastAdmin',
  'not-in-directory': 'consoleProblemNotInDirectory',
  'not-admin': 'consoleProblemNotAdmin',
  offline: 'consoleProblemOffline',
  'signed-out': 'consoleProblemSignedOut',
  failed: 'consoleProblemFailed',
};

const SECTIONED = (role: RoleName | null) => role === 'moderator' || role === 'community_manager';

export function PersonRoles({ person, manage, me, suggestions, focusToken, onChanged }: PersonRolesProps) {
  const { roles: api } = useConsole();
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const [role, setRole] = useState<RoleName | null>(null);
  const [sectionsText, setSectionsText] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const held = heldRoles(person.roles);

  useEffect(() => heading.current?.focus(), [focusToken]);
  useEffect(() => {
    if (pending) confirmButton.current?.focus();
  }, [pending]);

  const say = (ok: boolean, text: string) => {
    setMessage({ ok, text });
    // After the live region has its text: focus it, so the keyboard continues from the result.
    setTimeout(() => result.current?.focus(), 0);
  };

  const ask = (action: 'grant' | 'revoke', asked: RoleName, sections: string[], opener: HTMLElement | null) => {
    try {
      // The same checks the server makes (it makes them again): a mistake is explained before anything is sent.
      planRoleChange(person.roles ?? {}, parseRoleChange(action, asked, sections), Number.POSITIVE_INFINITY);
    } catch (error) {
      if (error instanceof RoleChangeError) return say(false, t(PROBLEM_MESSAGES[error.code]));
      throw error;
    }
    setMessage(null);
    setPending({ action, role: asked, sections, opener });
  };

  const grant = (event: Event) => {
    event.preventDefault();
    if (!role) return say(false, t('consoleChooseRole'));
    ask('grant', role, SECTIONED(role) ? parseSections(sectionsText) : [], (event as SubmitEvent).submitter ?? null);
  };

  const cancel = () => {
    const opener = pending?.opener;
    setPending(null);
    setTimeout(() => (opener?.isConnected ? opener : heading.current)?.focus(), 0);
  };

  const confirm = async () => {
    if (!pending || busy) return;
    setBusy(true);
    const { action, role: changed, sections } = pending;
    const outcome = await api.change({ uid: person.uid, action, role: changed, sections });
    setBusy(false);
    setPending(null);
    if (!outcome.ok) return say(false, `${t(PROBLEM_MESSAGES[outcome.problem])} ${t('consoleNothingChanged')}`);
    onChanged(person.uid, outcome.result.after);
    if (action === 'grant') {
      setRole(null);
      setSectionsText('');
    }
    say(true, resultText(person, action, changed, sections, outcome.result, me));
  };

  const label = (p: Pending) => roleWithSections(p.role, p.role === 'moderator' && p.sections.length === 0 ? true : p.sections);

  return (
    <section class="person-roles" aria-labelledby="person-roles-title">
      <h3 id="person-roles-title" ref={heading} tabIndex={-1}>
        {person.displayName}
      </h3>
      <p class="meta">{[person.jobTitle, person.departmentPath.join(' › ')].filter(Boolean).join(' · ')}</p>

      <h4>{t('consoleCurrentRoles')}</h4>
      {held.length === 0 ? (
        <p class="empty">{t('consoleNoRolesYet', person.displayName)}</p>
      ) : (
        <ul class="held-roles">
          {held.map((item) => (
            <li key={`${item.role}:${item.section ?? ''}`}>
              <span class="role">{item.label}</span>
              {manage ? (
                <button
                  type="button"
                  class="secondary"
                  disabled={busy}
                  aria-label={t('consoleRevokeLabel', item.label, person.displayName)}
                  onClick={(event) => ask('revoke', item.role, item.section ? [item.section] : [], event.currentTarget)}
                >
                  {t('consoleRevoke')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {manage ? (
        <form class="grant" onSubmit={grant}>
          <fieldset>
            <legend>{t('consoleGrantLegend')}</legend>
            {CONSOLE_ROLES.map((name) => (
              <div class="choice" key={name}>
                <input
                  type="radio"
                  name="grant-role"
                  id={`grant-${name}`}
                  value={name}
                  checked={role === name}
                  aria-describedby={`grant-${name}-hint`}
                  onChange={() => setRole(name)}
                />
                <label for={`grant-${name}`}>{roleName(name)}</label>
                <p id={`grant-${name}-hint`} class="hint">
                  {roleDescription(name)}
                </p>
              </div>
            ))}
          </fieldset>
          {SECTIONED(role) ? (
            <div class="sections">
              <label for="grant-sections">{role === 'moderator' ? t('consoleSectionsModerator') : t('consoleSectionsCommunityManager')}</label>
              <input
                id="grant-sections"
                list="grant-section-suggestions"
                autocomplete="off"
                aria-describedby="grant-sections-hint"
                value={sectionsText}
                onInput={(event) => setSectionsText(event.currentTarget.value)}
              />
              <p id="grant-sections-hint" class="hint">
                {t('consoleSectionsHint', suggestions.slice(0, 4).join(', ') || 'HR, ICT')}
              </p>
              <datalist id="grant-section-suggestions">
                {suggestions.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </div>
          ) : null}
          <button type="submit" disabled={busy}>
            {t('consoleGrantButton')}
          </button>
        </form>
      ) : null}

      {pending ? (
        <div class="confirm-change" role="group" aria-labelledby="confirm-change-text">
          <p id="confirm-change-text">
            {pending.action === 'grant'
              ? t('consoleConfirmGrant', person.displayName, label(pending))
              : t('consoleConfirmRevoke', label(pending), person.displayName)}
            {pending.action === 'revoke' && pending.role === 'admin' && person.uid === me ? ` ${t('consoleConfirmOwnAdmin')}` : ''}
          </p>
          <div class="actions">
            <button type="button" ref={confirmButton} class={pending.action === 'revoke' ? 'danger' : ''} disabled={busy} onClick={() => void confirm()}>
              {busy ? t('consoleSaving') : pending.action === 'grant' ? t('consoleConfirmYesGrant') : t('consoleConfirmYesRevoke')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={cancel}>
              {t('consoleCancel')}
            </button>
          </div>
        </div>
      ) : null}

      <p ref={result} tabIndex={-1} role="status" class={message ? (message.ok ? 'change-result ok' : 'change-result error') : 'change-result'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}

/** The sentence after a change: what it is now, and when it takes effect. */
function resultText(person: PersonRow, action: 'grant' | 'revoke', role: RoleName, sections: string[], result: ChangeRoleResponse, me: string | null): string {
  if (!result.changed) return t('consoleNoChange', person.displayName);
  const label = roleWithSections(role, role === 'moderator' && sections.length === 0 ? true : sections);
  const done = action === 'grant' ? t('consoleGranted', person.displayName, label) : t('consoleRevoked', person.displayName, label);
  const when =
    result.token === 'failed'
      ? t('consoleTokenFailed')
      : result.token === 'no-account'
        ? t('consoleTakesEffectFirstSignIn')
        : person.uid === me
          ? t('consoleTakesEffectYou')
          : t('consoleTakesEffect');
  return `${done} ${when}`;
}
