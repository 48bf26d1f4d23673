// The side panel app: sign-in, then the thread of the page in the target tab.
// Reads everything from Dexie (instant, offline); writes go through the outbox.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { collection, doc, getDoc, getDocs, onSnapshotsInSync, query, where } from 'firebase/firestore';
import { Composer } from '../../components/thread/Composer';
import { DraftsContext, draftKey, type DraftStore } from '../../components/thread/drafts-context';
import type { ThreadActions } from '../../components/thread/CommentItem';
import { SignInForm } from '../../components/session/SignInForm';
import { LikeControl } from '../../components/thread/LikeControl';
import { ReaderContext, type Reader } from '../../components/thread/reader-context';
import { SyncStatus } from '../../components/shared/SyncStatus';
import { Thread } from '../../components/thread/Thread';
import { loadProfile, onAuthStateChanged, rememberedUser, rememberUser, signInWithPassword, signOut, type User } from '../../lib/data/session/auth';
import { buildThread, visibleCount } from '../../lib/core/comment-tree';
import type { PrikbordDb } from '../../lib/data/db';
import type { FirebaseServices } from '../../lib/data/firebase/full-client';
import { t } from '../../lib/any/i18n';
import type { Message } from '../../lib/any/messages';
import {
  deleteComment,
  discardRefused,
  dismissLikeRefusal,
  editComment,
  hideComment,
  markHelpful,
  postComment,
  retryRefused,
  setLike,
} from '../../lib/data/outbox/commands';
import type { OrgConfig } from '../../lib/any/org-config';
import { likeKey } from '../../lib/core/schema';
import type { PersonRow as Profile } from '../../lib/core/rows';
import { watchTargetPage, type TargetPage } from '../../lib/data/target-page';
import { forgetOtherPeople, syncThread } from '../../lib/data/thread/thread-sync';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { PeopleView } from '../../components/people/PeopleView';
import { ProfileEditor } from '../../components/profile/ProfileEditor';
import { usePeople } from '../../components/people/use-people';
import { PeopleContext, PersonLookupContext } from '../../components/people/people-context';

export interface AppProps {
  db: PrikbordDb;
  fb: FirebaseServices;
  config: OrgConfig;
}

function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function App({ db, fb, config }: AppProps) {
  // Until Auth reports (it asks the network first), the person last signed in here (lib/data/session/auth.ts).
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [remembered] = useState(rememberedUser);
  const known = user === undefined ? (remembered ?? undefined) : user;
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  const [target, setTarget] = useState<TargetPage | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const now = useNow();
  const online = useOnline();
  const page = target?.page ?? null;
  const uid = known?.uid ?? null;
  // Firestore work waits for Auth itself: a listener started before Auth has reported could be
  // sent unauthenticated and refused by the rules.
  const authUid = user?.uid ?? null;
  const [view, setView] = useState<'thread' | 'people' | 'profile'>('thread');
  const people = usePeople(db, fb.firestore, authUid);
  const peopleByUid = useMemo(() => new Map(people.people.map((p) => [p.uid, p])), [people.people]);

  useEffect(
    () =>
      onAuthStateChanged(fb.auth, (next) => {
        setUser(next);
        rememberUser(next);
        // The background keeps its own session for launcher counts: tell it to reload.
        const message: Message = { type: 'auth:changed', uid: next?.uid ?? null };
        void browser.runtime.sendMessage(message).catch(() => undefined);
      }),
    [],
  );
  useEffect(() => watchTargetPage(setTarget), []);

  useEffect(() => {
    setProfile(undefined);
    if (!authUid) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    // Unreachable and not cached yet (first sign-in offline): try again until it loads.
    const attempt = () =>
      loadProfile(fb.firestore, db, authUid).then(
        (loaded) => live && setProfile(loaded),
        () => live && (timer = setTimeout(attempt, 5000)),
      );
    void attempt();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [authUid]);

  // Another person on this browser profile must not inherit the last one's anonymous posts.
  const [forgotten, setForgotten] = useState<string | null>(null);
  useEffect(() => {
    if (uid) void forgetOtherPeople(db, uid).then(() => setForgotten(uid), console.error);
  }, [uid]);

  // Mirror the page's thread into Dexie while it is on screen and someone is signed in.
  useEffect(() => {
    setLoadError(null);
    if (!authUid || !page || forgotten !== authUid) return;
    return syncThread(fb.firestore, db, page, authUid, (error) => setLoadError(String((error as { code?: string }).code ?? error)));
  }, [authUid, page?.pageId, forgotten]);

  // Moderators may hide comments. Unknown (offline) means no: the rules decide in the end anyway.
  const [moderator, setModerator] = useState(false);
  useEffect(() => {
    setModerator(false);
    if (!authUid) return;
    let live = true;
    getDoc(doc(fb.firestore, 'moderators', authUid)).then(
      (snap) => live && setModerator(snap.exists()),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [authUid]);

  // The background worker sends the outbox (lib/data/outbox/worker.ts); the panel only nudges it: after
  // a change, when the browser is back online, and when this panel's listeners are back in sync
  // with the server after an outage (then without waiting out the backoff).
  const kickOutbox = (now = false) => {
    const message: Message = { type: 'outbox:kick', now };
    void browser.runtime.sendMessage(message).catch(() => undefined);
  };
  useEffect(() => {
    if (!uid) return;
    kickOutbox();
    const onOnline = () => kickOutbox(true);
    addEventListener('online', onOnline);
    // Snapshots flowing again mean the server answers: whatever waits may go now (at most every 5 s).
    let nudged = 0;
    const stopInSync = onSnapshotsInSync(fb.firestore, () => {
      if (Date.now() - nudged < 5000) return;
      nudged = Date.now();
      void db.outbox
        .filter((item) => item.uid === uid && item.state !== 'refused')
        .count()
        .then((waiting) => waiting > 0 && kickOutbox(true));
    });
    return () => {
      removeEventListener('online', onOnline);
      stopInSync();
    };
  }, [uid]);

  const rows = useLiveQuery(() => (page ? db.comments.where('pageId').equals(page.pageId).toArray() : []), [page?.pageId], []);
  const pageRow = useLiveQuery(() => (page ? db.pages.get(page.pageId) : undefined), [page?.pageId], undefined);
  const myLikes = useLiveQuery(
    () => (page && uid ? db.likes.where('[pageId+uid]').equals([page.pageId, uid]).toArray() : []),
    [page?.pageId, uid],
    [],
  );
  const myOwned = useLiveQuery(
    () => (page && uid ? db.owned.where('[pageId+uid]').equals([page.pageId, uid]).toArray() : []),
    [page?.pageId, uid],
    [],
  );
  const marks = useLiveQuery(() => (page ? db.helpful.where('pageId').equals(page.pageId).toArray() : []), [page?.pageId], []);
  const reader: Reader = useMemo(
    () => ({
      me: uid,
      owned: new Set(myOwned.map((row) => row.commentId)),
      likes: new Map(myLikes.map((row) => [row.targetId, row])),
      moderator,
      anonymousPosting: config.anonymousPosting,
      helpful: new Set(marks.map((mark) => mark.replyId)),
    }),
    [uid, myOwned, myLikes, moderator, marks],
  );
  const queue = useLiveQuery(() => (uid ? db.outbox.filter((item) => item.uid === uid && item.state !== 'refused').toArray() : []), [uid], []);
  const nodes = useMemo(() => buildThread(rows), [rows]);

  // Tell the background the page's count, for the toolbar badge and the in-page launcher.
  const serverCount = pageRow?.commentCount;
  const serverLikes = pageRow?.likeCount ?? 0;
  useEffect(() => {
    if (!page || serverCount === null || serverCount === undefined) return;
    const message: Message = { type: 'count:changed', pageId: page.pageId, counts: { comments: serverCount, likes: serverLikes } };
    void browser.runtime.sendMessage(message).catch(() => undefined);
  }, [page?.pageId, serverCount, serverLikes]);

  const drafts: DraftStore = useMemo(
    () => ({
      load: async (key) => (await db.drafts.get(key))?.text,
      save: async (key, text) => void (text ? await db.drafts.put({ key, text, updatedAt: Date.now() }) : await db.drafts.delete(key)),
      clear: (key) => db.drafts.delete(key),
    }),
    [],
  );

  const actions: ThreadActions | null = useMemo(() => {
    if (!uid || !profile || !page) return null;
    const author = { uid, displayName: profile.displayName };
    const after = <T,>(result: T) => {
      kickOutbox();
      return result;
    };
    const facts = { url: page.url, title: page.title };
    return {
      post: async (parentId, text, { anonymous }) =>
        after(await postComment(db, author, { pageId: page.pageId, parentId, text, anonymous, page: facts })),
      edit: async (comment, text) => after(await editComment(db, uid, comment.id, text)),
      remove: async (comment) => after(await deleteComment(db, uid, comment.id)),
      hide: async (comment) => after(await hideComment(db, uid, comment.id)),
      markHelpful: async (reply) => after(await markHelpful(db, uid, reply)),
      retry: async (comment) => after(await retryRefused(db, comment.id)),
      discard: (comment) => discardRefused(db, comment.id),
      like: async (targetId, active) => after(await setLike(db, uid, { pageId: page.pageId, targetId, page: facts }, active)),
      dismissLikeRefusal: (targetId) => dismissLikeRefusal(db, likeKey(page.pageId, targetId, uid)),
      likedBy: async (targetId) => {
        const likes = collection(fb.firestore, 'pages', page.pageId, 'likes');
        const snap = await getDocs(query(likes, where('targetId', '==', targetId), where('active', '==', true)));
        return snap.docs.map((d) => String(d.get('name'))).sort((a, b) => a.localeCompare(b));
      },
    };
  }, [uid, profile, page]);

  if (known === undefined) return <main class="panel" aria-busy="true" />;

  if (known === null) {
    return (
      <main class="panel">
        <SignInForm
          onSignIn={async (email, password) => {
            const error = await signInWithPassword(fb.auth, email, password);
            return error ? t(error.key, error.code) : null;
          }}
        />
      </main>
    );
  }

  const count = visibleCount(rows);
  const personLookup = (uid: string) => peopleByUid.get(uid);
  return (
    <ReaderContext.Provider value={reader}>
    <DraftsContext.Provider value={drafts}>
      <PeopleContext.Provider value={people.people}>
      <PersonLookupContext.Provider value={personLookup}>
      <main class="panel">
        <header class="panel-header">
          <p class="who">
            {t('signedInAs', profile?.displayName ?? known.email ?? '')}{' '}
            <button type="button" class="link" onClick={() => void signOut(fb.auth)}>
              {t('signOut')}
            </button>
          </p>
        </header>
        <nav class="views" aria-label={t('viewsLabel')}>
          {(['thread', 'people', 'profile'] as const).map((v) => (
            <button
              key={v}
              type="button"
              class={view === v ? '' : 'secondary'}
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {t(v === 'thread' ? 'viewThread' : v === 'people' ? 'viewPeople' : 'viewProfile')}
            </button>
          ))}
        </nav>
        {view === 'people' ? (
          <PeopleView
            people={people.people}
            evidence={people.evidence}
            me={uid}
            page={page ? { pageId: page.pageId, text: [page.title, ...rows.filter((r) => !r.deleted).map((r) => r.text)].join('\n') } : null}
          />
        ) : view === 'profile' ? (
          people.mine ? <ProfileEditor key={people.mine.uid} person={people.mine} onSave={people.save} /> : <p class="notice">{t('noProfile')}</p>
        ) : target === undefined ? null : !page ? (
          <section class="not-intranet">
            <h1>{t('notIntranet')}</h1>
            <p>{t('notIntranetHint')}</p>
          </section>
        ) : (
          <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page.title}</h1>
            <p class="count" aria-live="polite">
              {count === 1 ? t('commentsCountOne') : t('commentsCount', count)}
            </p>
            <div class="page-likes">
              <p class="question">{t('pageLikesQuestion')}</p>
              <LikeControl
                targetId="page"
                serverCount={pageRow?.likeCount ?? 0}
                label={(likes) => t('likeThisPage', likes)}
                actions={actions}
              />
            </div>
            {loadError && (
              <p class="error" role="alert">
                {t('loadError', loadError)}
              </p>
            )}
            {profile === null && <p class="notice">{t('noProfile')}</p>}
            {actions && (
              <Composer
                id="new-comment"
                label={t('composerLabel')}
                submitLabel={t('post')}
                draftKey={draftKey({ pageId: page.pageId, parentId: null })}
                offerAnonymous
                onSubmit={(text, options) => actions.post(null, text, options)}
              />
            )}
            <Thread nodes={nodes} now={now} actions={actions} />
          </section>
        )}
        <SyncStatus online={online} queue={queue} now={now} onRetryNow={() => kickOutbox(true)} />
      </main>
      </PersonLookupContext.Provider>
      </PeopleContext.Provider>
    </DraftsContext.Provider>
    </ReaderContext.Provider>
  );
}
