// Roles: find a person in the directory, see their roles, and (administrators) grant or revoke
// one; next to it, who has which role. The directory is this browser's copy (the people table the
// side panel syncs too), so search is instant and costs no reads; a change goes through the
// server's function, whose answer is shown at once, before the directory copy catches up.
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../../lib/any/i18n';
import { roleHolders, sectionSuggestions, type ConsoleAccess } from '../../../lib/core/console';
import type { Roles } from '../../../lib/core/membership';
import type { PersonRow } from '../../../lib/core/rows';
import { PersonRoles } from './PersonRoles';
import { PersonSearch } from './PersonSearch';
import { RoleOverview } from './RoleOverview';

export interface RolesViewProps {
  access: ConsoleAccess;
  /** The directory copy (the people table). */
  people: PersonRow[];
  /** The signed-in person's uid. */
  me: string | null;
}

/** A change the server confirmed, shown until the directory copy has caught up with it. */
interface Confirmed {
  roles: Roles;
  /** The person's roles in the directory copy when the change was made: once those move, the copy is newer. */
  copyWas: string;
}

export function RolesView({ access, people, me }: RolesViewProps) {
  // Each choice of a person counts, so choosing the one already shown still brings focus to them.
  const [selection, setSelection] = useState<{ uid: string | null; n: number }>({ uid: null, n: 0 });
  const selected = selection.uid;
  const select = (uid: string) => setSelection(({ n }) => ({ uid, n: n + 1 }));
  const [confirmed, setConfirmed] = useState<ReadonlyMap<string, Confirmed>>(new Map());
  const shown = useMemo(
    () =>
      people.map((p) => {
        const mine = confirmed.get(p.uid);
        return mine && JSON.stringify(p.roles ?? {}) === mine.copyWas ? { ...p, roles: mine.roles } : p;
      }),
    [people, confirmed],
  );
  const groups = useMemo(() => roleHolders(shown), [shown]);
  const suggestions = useMemo(() => sectionSuggestions(shown), [shown]);
  const person = selected ? shown.find((p) => p.uid === selected) : undefined;
  const admins = groups.find((g) => g.role === 'admin')?.people ?? [];
  const manage = access.roles === 'manage';

  const onChanged = (uid: string, after: Roles) => {
    const copy = people.find((p) => p.uid === uid);
    setConfirmed((map) => new Map(map).set(uid, { roles: after, copyWas: JSON.stringify(copy?.roles ?? {}) }));
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('consoleNavRoles')}</h1>
      <p class="intro">
        {manage
          ? t('consoleRolesIntroManage')
          : admins.length > 0
            ? t('consoleRolesIntroViewNamed', admins.map((a) => a.displayName).join(', '))
            : t('consoleRolesIntroView')}
      </p>
      <div class="roles-layout">
        <section class="card" aria-labelledby="find-person-title">
          <h2 id="find-person-title">{t('consoleFindPerson')}</h2>
          <PersonSearch people={shown} selected={selected} onSelect={select} />
          {person ? (
            <PersonRoles key={person.uid} focusToken={selection.n} person={person} manage={manage} me={me} suggestions={suggestions} onChanged={onChanged} />
          ) : null}
        </section>
        <section class="card" aria-labelledby="role-overview-title">
          <h2 id="role-overview-title">{t('consoleOverviewTitle')}</h2>
          <RoleOverview groups={groups} loading={people.length === 0} onSelect={select} />
        </section>
      </div>
    </>
  );
}
