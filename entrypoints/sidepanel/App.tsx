// The side panel app: routing only. Signed out → the organisation's sign-in; signed in → the
// discussion of the page in the target tab, the timeline ("What's happening"; also what a tab that
// is no intranet page shows), the people directory, or the person's own profile.
// Session, page thread, drafts, outbox nudges and badge counts live in services and hooks
// (components/app, components/thread, lib/data) that any extension page can reuse.
import { useSignal } from '@preact/signals';
import { useCallback, useMemo } from 'preact/hooks';
import { PanelHeader } from '../../components/app/PanelHeader';
import { useServices } from '../../components/app/services';
import { useOutboxQueue } from '../../components/app/use-outbox-queue';
import { useTargetPage } from '../../components/app/use-target-page';
import { useNow, useOnline } from '../../components/hooks/use-clock';
import { PeopleContext, PersonLookupContext } from '../../components/people/people-context';
import { PeopleView } from '../../components/people/PeopleView';
import { usePeople } from '../../components/people/use-people';
import { ProfileEditor } from '../../components/profile/ProfileEditor';
import { NotMemberOfOrganisation } from '../../components/session/NotMember';
import { SignIn } from '../../components/session/SignIn';
import { SyncStatus } from '../../components/common/SyncStatus';
import { DraftsContext } from '../../components/thread/drafts-context';
import { ThreadView } from '../../components/thread/ThreadView';
import { ErrorPageNotice } from '../../components/thread/ErrorPageNotice';
import { useRollout } from '../../components/app/use-rollout';
import { accessFor, pilotAmbassadors } from '../../lib/core/rollout';
import { usePageThread, type AccessAt } from '../../components/thread/use-page-thread';
import type { CommentRow } from '../../lib/core/rows';
import { t } from '../../lib/any/i18n';
import type { PageIdentity } from '../../lib/any/page-identity';
import { dexieDrafts } from '../../lib/data/drafts';
import { consoleAccess } from '../../lib/core/console';
import { pageTopicText } from '../../lib/core/expertise';
import { openConsole } from '../../lib/data/console/open-console';
import type { Person } from '../../lib/data/session/session';
import { MyRecord } from '../../components/profile/MyRecord';
import { OpenQuestionsView } from '../../components/questions/OpenQuestionsView';
import { TimelineView } from '../../components/timeline/TimelineView';
import { useTimeline } from '../../components/timeline/use-timeline';
import type { TimelineRow } from '../../lib/core/rows';
import { openThreadPage } from '../../lib/data/timeline/open-thread';
import { premoderationAt } from '../../lib/core/moderation/premoderation';
import { useInbox } from '../../components/notifications/use-inbox';
import { FollowControls, InboxBell, InboxView } from '../../components/notifications/InboxView';
import { useLinkedComment, usePreviousVisit } from '../../components/notifications/use-linked-comment';
import { commentLink } from '../../lib/any/comment-link';
import { sectionKeyFor } from '../../lib/core/timeline';
import type { InboxRow } from '../../lib/core/notifications/model';
import { MentionAudienceContext } from '../../components/thread/mention-audience';

const VIEWS = [
  { id: 'thread', label: 'viewThread' },
  { id: 'timeline', label: 'viewTimeline' },
  { id: 'people', label: 'viewPeople' },
  { id: 'profile', label: 'viewProfile' },
  { id: 'questions', label: 'viewQuestions' },
] as const;
/** 'inbox': the notifications, opened by the bell. */
type View = (typeof VIEWS)[number]['id'] | 'inbox';

export function App() {
  const { session } = useServices();
  const person = session.person.value;
  const membership = session.membership.value;
  if (person === undefined) return <main class="panel" aria-busy="true" />;
  if (person === null) {
    return (
      <main class="panel">
        <SignIn provider={session.provider} lapsed={session.lapsed.value} />
      </main>
    );
  }
  if (membership?.member === false) {
    return (
      <main class="panel">
        <NotMemberOfOrganisation email={person.email ?? ''} reason={membership.reason} />
      </main>
    );
  }
  return <SignedInPanel person={person} />;
}

function SignedInPanel({ person }: { person: Person }) {
  const { db, link, session } = useServices();
  const view = useSignal<View>('thread');
  const target = useTargetPage();
  const now = useNow();
  const online = useOnline();
  // The expertise index is synced only while the people view shows it (lib/core/people-sync-plan.ts).
  const people = usePeople(session.authUid.value, view.value === 'people');
  const queue = useOutboxQueue(person.uid);
  const drafts = useMemo(() => dexieDrafts(db, person.uid), [person.uid]);
  const peopleByUid = useMemo(() => new Map(people.people.map((p) => [p.uid, p])), [people.people]);
  const profile = session.profile.value;
  const page = target?.page ?? null;
  // An intranet error page (a stale link's 404): no thread, and no timeline in its place either.
  const errorStatus = target?.errorStatus ?? null;
  // The page's thread stays in sync (and its counts reach the badge) whichever view is shown: the
  // people view suggests experts from its words too.
  // What rollout gives this person on this page (the worker's cached copy at once, then live).
  const rollout = useRollout();
  const minute = Math.floor(now / 60_000);
  const accessAt = useCallback<AccessAt>(
    (url) => (rollout && profile !== undefined ? accessFor(rollout, url, { uid: person.uid, departmentPath: profile?.departmentPath ?? [] }, now) : null),
    [rollout, profile, person.uid, minute],
  );
  const ambassadors = useMemo(() => (rollout ? pilotAmbassadors(rollout, now) : new Set<string>()), [rollout, Math.floor(now / 3_600_000)]);
  const premoderation = useCallback((url: string) => (rollout ? premoderationAt(rollout, url) : 'off'), [rollout]);
  const thread = usePageThread(page, accessAt, ambassadors, premoderation);
  const access = thread.access;

  // Notifications: live while the panel is open; the bell opens them, an item opens its comment.
  const inbox = useInbox(person.uid);
  const linked = useLinkedComment(target?.tabId ?? null, page?.pageId ?? null);
  const newSince = usePreviousVisit(person.uid, thread.page?.pageId ?? null);
  const openItem = (row: InboxRow, url?: string) => {
    inbox.markRead(row);
    const to = url ?? row.url;
    if (!to) return;
    view.value = 'thread';
    const commentId = url ? null : row.commentId;
    if (commentId) linked.set(row.pageId, commentId);
    void openThreadPage(commentId ? commentLink(to, commentId) : to, { tabId: target?.tabId ?? null, intranet: !!page }).catch(console.error);
  };
  const shownPage = thread.page ?? page;
  const mentionAudience = useMemo(
    () => ({
      self: person.uid,
      canSee: (uid: string) => {
        const other = peopleByUid.get(uid);
        if (!rollout || !shownPage || !other) return true;
        return accessFor(rollout, shownPage.url, { uid, departmentPath: other.departmentPath }, now).mode !== 'off';
      },
    }),
    [person.uid, peopleByUid, rollout, shownPage?.url, minute],
  );
  const sectionKey = rollout && shownPage ? sectionKeyFor(rollout, shownPage.url) : null;
  const follow =
    shownPage && sectionKey ? (
      <FollowControls inbox={inbox} pageId={shownPage.pageId} sectionKey={sectionKey} sectionName={rollout?.sections[sectionKey]?.name ?? ''} />
    ) : null;

  // The timeline is synced while it shows: its own view, or in place of a thread on a tab that is
  // no intranet page (the toolbar button opens the panel there too).
  const notIntranet = target !== undefined && !page && errorStatus === null;
  const timelineShown = view.value === 'timeline' || (view.value === 'thread' && notIntranet);
  const rolloutPerson = useMemo(
    () => (profile !== undefined ? { uid: person.uid, departmentPath: profile?.departmentPath ?? [] } : null),
    [person.uid, profile?.departmentPath.join(' > ')],
  );
  const timeline = useTimeline(rollout, rolloutPerson, now, timelineShown);
  const openEntry = (row: TimelineRow) => {
    view.value = 'thread';
    void openThreadPage(row.url, { tabId: target?.tabId ?? null, intranet: !!page }).catch(console.error);
  };
  const timelineView = (
    <TimelineView
      timeline={timeline}
      now={now}
      online={online}
      myDepartment={profile?.departmentPath ?? []}
      directory={peopleByUid}
      onOpen={openEntry}
      notIntranet={notIntranet}
      followed={inbox.follows}
    />
  );

  // Community managers get the open questions of the sections they look after.
  const managed = session.roles.value.communityManager ?? [];
  const views = managed.length > 0 ? VIEWS : VIEWS.filter((v) => v.id !== 'questions');

  let body;
  if (view.value === 'inbox') {
    body = <InboxView inbox={inbox} now={now} onOpen={openItem} />;
  } else if (view.value === 'questions' && managed.length > 0) {
    body = <OpenQuestionsView sections={managed} now={now} />;
  } else if (view.value === 'timeline') {
    body = timelineView;
  } else if (view.value === 'people') {
    body = (
      <PeopleTab
        page={access?.features.experts && access.mode !== 'off' ? page : null}
        headings={target?.headings ?? []}
        rows={thread.rows}
        people={people}
        me={person.uid}
      />
    );
  } else if (view.value === 'profile') {
    body = (
      <>
        {people.mine ? (
          <ProfileEditor key={people.mine.uid} person={people.mine} change={people.change} onSave={people.save} onUndo={people.undo} />
        ) : (
          <p class="notice">{t('noProfile')}</p>
        )}
        <MyRecord uid={person.uid} now={now} />
      </>
    );
  } else if (target === undefined) {
    body = null;
  } else if (errorStatus !== null) {
    body = <ErrorPageNotice status={errorStatus} />;
  } else if (!page) {
    body = timelineView;
  } else {
    body = (
      <ThreadView
        page={thread.page ?? page}
        thread={thread}
        now={now}
        noProfile={profile === null}
        access={access}
        focusId={linked.commentIdFor(thread.page?.pageId ?? page.pageId)}
        newSince={newSince}
        follow={follow}
      />
    );
  }

  return (
    <MentionAudienceContext.Provider value={mentionAudience}>
      <DraftsContext.Provider value={drafts}>
        <PeopleContext.Provider value={people.people}>
          <PersonLookupContext.Provider value={(uid) => peopleByUid.get(uid)}>
            <main class="panel">
              <PanelHeader
                name={profile?.displayName ?? person.email ?? ''}
                onSignOut={() => void session.provider.signOut()}
                views={views}
                current={view.value}
                onView={(next) => (view.value = next)}
                onOpenConsole={consoleAccess(session.roles.value) ? () => void openConsole() : undefined}
                bell={
                  <InboxBell
                    unread={inbox.unread}
                    pressed={view.value === 'inbox'}
                    onClick={() => (view.value = view.value === 'inbox' ? 'thread' : 'inbox')}
                  />
                }
              />
              {body}
              <SyncStatus online={online} queue={queue} now={now} onRetryNow={() => link.kickOutbox(true)} />
            </main>
          </PersonLookupContext.Provider>
        </PeopleContext.Provider>
      </DraftsContext.Provider>
    </MentionAudienceContext.Provider>
  );
}

/** The directory, with experts for the page in the target tab (its title, headings and thread as the topic). */
function PeopleTab({
  page,
  headings,
  rows,
  people,
  me,
}: {
  page: PageIdentity | null;
  headings: string[];
  rows: CommentRow[];
  people: ReturnType<typeof usePeople>;
  me: string;
}) {
  const topic = page
    ? {
        pageId: page.pageId,
        text: pageTopicText(
          page.title,
          headings,
          rows.filter((r) => !r.deleted).map((r) => r.text),
        ),
      }
    : null;
  return <PeopleView people={people.people} evidence={people.evidence} me={me} page={topic} />;
}
