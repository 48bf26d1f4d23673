// The comms console: routing only. Signed out → the organisation's sign-in (the side panel's own);
// not a member → the side panel's explanation; signed in without a comms or administrator role →
// "not for you"; otherwise the console with the sections this person may use. What each section
// does lives in components/console/ (by feature) and lib/data/console/.
import { useServices } from '../../components/app/services';
import { AuditView } from '../../components/console/audit/AuditView';
import { InsightsView } from '../../components/console/insights/InsightsView';
import { ModerationView } from '../../components/console/moderation/ModerationView';
import { PagesView } from '../../components/console/pages/PagesView';
import { RolesView } from '../../components/console/roles/RolesView';
import { GroupsView } from '../../components/console/rollout/GroupsView';
import { SectionsView } from '../../components/console/rollout/SectionsView';
import { ConsoleShell } from '../../components/console/shell/ConsoleShell';
import { NotForYou } from '../../components/console/shell/NotForYou';
import { useConsoleSection, type ConsoleSection } from '../../components/console/shell/sections';
import { usePeople } from '../../components/people/use-people';
import { NotMemberOfOrganisation } from '../../components/session/NotMember';
import { SignIn } from '../../components/session/SignIn';
import { t } from '../../lib/any/i18n';
import { consoleAccess, type ConsoleAccess } from '../../lib/core/console';

export function App() {
  const { session } = useServices();
  const person = session.person.value;
  const membership = session.membership.value;
  if (person === null) {
    return (
      <main class="console-gate">
        <p class="brand">{t('consoleTitle')}</p>
        <SignIn provider={session.provider} />
      </main>
    );
  }
  // The console needs the roles in the token: wait for them (the side panel can show Dexie's copy before).
  if (person === undefined || membership === undefined) return <main class="console-gate" aria-busy="true" />;
  if (!membership.member) {
    return (
      <main class="console-gate">
        <NotMemberOfOrganisation email={person.email ?? ''} reason={membership.reason} />
      </main>
    );
  }
  const access = consoleAccess(session.roles.value);
  return access ? <SignedInConsole access={access} /> : <NotForYouPage />;
}

function NotForYouPage() {
  const { session, config } = useServices();
  const people = usePeople(session.authUid.value, false);
  return <NotForYou orgName={config.orgName} people={people.people} onSignOut={() => void session.provider.signOut()} />;
}

function SignedInConsole({ access }: { access: ConsoleAccess }) {
  const { session, config } = useServices();
  const people = usePeople(session.authUid.value, false);
  const sections: ConsoleSection[] = [
    ...(access.roles ? [{ id: 'roles', label: 'consoleNavRoles' } as const] : []),
    ...(access.rollout ? [{ id: 'sections', label: 'consoleRolloutNav' } as const, { id: 'groups', label: 'consoleGroupsNav' } as const] : []),
    ...(access.moderation ? [{ id: 'moderation', label: 'modNav' } as const] : []),
    ...(access.pages ? [{ id: 'pages', label: 'consoleNavPages' } as const] : []),
    ...(access.insights ? [{ id: 'insights', label: 'insightsNav' } as const] : []),
    ...(access.audit ? [{ id: 'audit', label: 'consoleNavAudit' } as const] : []),
  ];
  const current = useConsoleSection(sections);
  const me = session.profile.value;
  return (
    <ConsoleShell
      orgName={config.orgName}
      name={me?.displayName ?? session.person.value?.email ?? ''}
      onSignOut={() => void session.provider.signOut()}
      sections={sections}
      current={current}
    >
      {current === 'audit' ? (
        <AuditView />
      ) : current === 'sections' ? (
        <SectionsView people={people.people} />
      ) : current === 'groups' ? (
        <GroupsView people={people.people} />
      ) : current === 'insights' ? (
        <InsightsView orgName={config.orgName} />
      ) : current === 'moderation' && access.moderation ? (
        <ModerationView scope={access.moderation} me={session.authUid.value} />
      ) : current === 'pages' && access.pages ? (
        <PagesView access={access.pages} />
      ) : (
        <RolesView access={access} people={people.people} me={session.authUid.value} />
      )}
    </ConsoleShell>
  );
}
