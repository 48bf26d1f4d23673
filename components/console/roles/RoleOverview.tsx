// Who has which role, in one table: a row per role (per section for moderators of some sections
// and community managers), each name a button that opens the person's roles.
import { t } from '../../../lib/any/i18n';
import type { RoleGroup } from '../../../lib/core/console';
import type { PersonRow } from '../../../lib/core/rows';
import { roleWithSections } from './role-text';

export interface RoleOverviewProps {
  groups: RoleGroup<PersonRow>[];
  /** The directory copy is still empty (first sync). */
  loading: boolean;
  onSelect(uid: string): void;
}

export function RoleOverview({ groups, loading, onSelect }: RoleOverviewProps) {
  if (loading) return <p class="empty">{t('consoleDirectoryLoading')}</p>;
  const admins = groups.find((g) => g.role === 'admin')?.people ?? [];
  return (
    <>
      <table class="role-overview">
        <caption class="visually-hidden">{t('consoleOverviewTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consoleOverviewRole')}</th>
            <th scope="col">{t('consoleOverviewPeople')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={`${group.role}:${group.section ?? ''}`}>
              <th scope="row">{roleWithSections(group.role, group.section ? [group.section] : group.role === 'moderator' ? true : undefined)}</th>
              <td>
                {group.people.length === 0 ? (
                  <span class="muted">{t('consoleOverviewNobody')}</span>
                ) : (
                  <ul class="names">
                    {group.people.map((person) => (
                      <li key={person.uid}>
                        <button type="button" class="link" onClick={() => onSelect(person.uid)}>
                          {person.displayName}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {admins.length === 1 ? <p class="hint">{t('consoleOneAdmin', admins[0]!.displayName)}</p> : null}
    </>
  );
}
