// firebase/firestore.rules: moderation (issue 17; lib/core/moderation/model.ts). Proves, each
// denial next to its legitimate path:
//   - no client hides (or un-hides) a comment any more, not even a moderator or an administrator:
//     that is the callable `moderate`'s (tests/integration/moderation.test.ts); the owner link of an
//     anonymous comment stays unreadable to moderators;
//   - reports: one per person and comment (a second is an update: denied), exact keys, a reason of
//     the list, text ≤ 500 and required for 'other', only of a live comment, never of one's own
//     (named or anonymous); read by the reporter and the section's moderators only; never changed;
//   - the queue: read by moderators whose scope covers the item's section, a scoped moderator's
//     query must pin sectionKey; nobody writes it; hiddenTexts: nobody reads or writes them;
//   - pre-moderation: where a section pre-moderates a kind of post, a comment of that kind is
//     refused and the held post accepted (same validation, no counter, owner link for an anonymous
//     one, the page created at 0 when new); elsewhere a held post is refused; held posts read by
//     their writer and the section's moderators only; nobody changes them;
//   - mentions on new comments and held posts (≤ 10 strings of ≤ 128 characters);
//   - "this helped" by the section's community manager too.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  increment,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
  writeBatch,
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import { MAX_REPORT_TEXT } from '../../lib/core/moderation/model';
import { MAX_MENTIONS } from '../../lib/core/notifications/model';
import type { Premoderation } from '../../lib/core/moderation/model';
import { ANNA, BRAM, CHANTAL } from '../helpers/fixtures';
import { rolloutOf, restEdit, sectionEdit } from '../helpers/rollout-edits';
import {
  addRateMove,
  commentPath,
  dbAs,
  dbAsModerator,
  dbNonMember,
  newComment,
  newId,
  pageIdOf,
  PAGE_ID,
  PAGE_TITLE,
  PAGE_URL,
  pagePath,
  PAST,
  postComment,
  readStored,
  seed,
  seedPageWithOneComment,
  seedProfiles,
  startRulesEnv,
  storedComment,
  storedPage,
} from '../helpers/rules-env';

let env: RulesTestEnvironment;

const chantal = () => dbAsModerator(env, CHANTAL.uid);
const anna = () => dbAs(env, ANNA.uid);
const bram = () => dbAs(env, BRAM.uid);
/** Iris, a moderator of the listed sections only. */
const scoped = (...sections: string[]) => dbAs(env, 'iris-uid', { roles: { moderator: sections } });
const admin = () => dbAs(env, 'admin-uid', { roles: { admin: true } });

beforeAll(async () => {
  // A project of its own: the Functions emulator's report and hold triggers run for the default
  // project and would file queue items into the documents these tests count.
  env = await startRulesEnv('demo-prikbord-moderation');
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seedProfiles(env);
  await seed(env, {
    [`profiles/${CHANTAL.uid}`]: { displayName: CHANTAL.displayName, department: CHANTAL.department },
  });
});

const stored = (path: string) => readStored(env, path);

/**
 * Stores rollout as changeRollout does: PAGE_URL (…/ict/helpdesk.html) is in section ICT, with
 * `premoderation` there; the rest of the intranet on, without pre-moderation.
 */
function seedRollout(premoderation: Premoderation = 'off'): Promise<void> {
  const origin = new URL(PAGE_URL).origin;
  const r = rolloutOf(restEdit('on'), sectionEdit('ICT', { prefixes: [`${origin}/ict/`], ...(premoderation === 'off' ? {} : { premoderation }) }));
  return seed(env, { 'config/rollout': { rest: r.rest, sections: r.sections, groups: {}, index: r.index, updatedAt: Timestamp.now() } });
}

/** Anna's anonymous comment a1 (with its owner link) on a page with count 1. */
function seedAnonymousByAnna(): Promise<void> {
  const { authorUid: _uid, authorName: _name, ...rest } = storedComment(ANNA);
  return seed(env, {
    [commentPath('a1')]: { ...rest, anonymous: true },
    [`commentOwners/a1`]: { uid: ANNA.uid, pageId: PAGE_ID, createdAt: PAST },
    [pagePath()]: storedPage(1, 'a1'),
  });
}

// ---------- hiding is the server's ----------

/** The old client-side hide: tombstone + moderated, page counter −1 naming the comment. */
function clientHide(db: Firestore, commentId: string) {
  const batch = writeBatch(db);
  batch.update(doc(db, commentPath(commentId)), { deleted: true, text: '', moderated: true, updatedAt: serverTimestamp() });
  batch.update(doc(db, pagePath()), { commentCount: increment(-1), lastCommentId: commentId, updatedAt: serverTimestamp() });
  return batch.commit();
}

describe('no client hides a comment: only the callable `moderate` does', () => {
  it('denies a moderator, an administrator and the author the old hide batch', async () => {
    await seedPageWithOneComment(env);
    await assertFails(clientHide(chantal(), 'c1'));
    await assertFails(clientHide(admin(), 'c1'));
    await assertFails(clientHide(anna(), 'c1'));
    expect(await stored(commentPath('c1'))).toMatchObject({ deleted: false });
    expect((await stored(pagePath()))?.commentCount).toBe(1);
  });

  it('denies un-hiding a hidden comment, and any change to it', async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA, { deleted: true, text: '', moderated: true, moderationReason: 'attack' }),
      [pagePath()]: storedPage(0, 'c1'),
    });
    for (const db of [chantal(), anna()]) {
      await assertFails(updateDoc(doc(db, commentPath('c1')), { deleted: false, text: 'terug', updatedAt: serverTimestamp() }));
      await assertFails(updateDoc(doc(db, commentPath('c1')), { moderationReason: 'spam', updatedAt: serverTimestamp() }));
    }
  });

  it('the author still soft-deletes their own comment, without setting moderated', async () => {
    await seedPageWithOneComment(env);
    await assertFails(clientHide(anna(), 'c1'));
    const db = anna();
    const batch = writeBatch(db);
    batch.update(doc(db, commentPath('c1')), { deleted: true, text: '', updatedAt: serverTimestamp() });
    batch.update(doc(db, pagePath()), { commentCount: increment(-1), lastCommentId: 'c1', updatedAt: serverTimestamp() });
    await assertSucceeds(batch.commit());
  });

  it('denies a moderator the owner link of an anonymous comment', async () => {
    await seedAnonymousByAnna();
    await assertFails(getDoc(doc(chantal(), 'commentOwners/a1')));
    await assertFails(getDocs(query(collection(chantal(), 'commentOwners'), where('pageId', '==', PAGE_ID))));
  });

  it('a moderators/{uid} document grants nothing, and no client reads or writes it', async () => {
    await seedPageWithOneComment(env);
    await seed(env, { [`moderators/${BRAM.uid}`]: { since: PAST } });
    await assertFails(getDoc(doc(bram(), `moderators/${BRAM.uid}`)));
    await assertFails(setDoc(doc(bram(), `moderators/${BRAM.uid}`), { since: serverTimestamp() }));
    await assertFails(deleteDoc(doc(chantal(), `moderators/${BRAM.uid}`)));
  });
});

// ---------- reports ----------

const reportId = (commentId: string, uid: string, pageId = PAGE_ID) => `${pageId}_${commentId}_${uid}`;

/** A report as the panel writes it, by `uid` of `commentId`, with `overrides`. */
function report(db: Firestore, uid: string, commentId: string, overrides: DocumentData = {}, id = reportId(commentId, uid)) {
  return setDoc(doc(db, `reports/${id}`), {
    pageId: PAGE_ID,
    commentId,
    uid,
    reason: 'attack',
    text: '',
    createdAt: serverTimestamp(),
    ...overrides,
  });
}

describe('reporting a comment', () => {
  beforeEach(() => seedPageWithOneComment(env));

  it('allows a colleague to report it once, with a reason', async () => {
    await assertSucceeds(report(bram(), BRAM.uid, 'c1'));
    expect(await stored(`reports/${reportId('c1', BRAM.uid)}`)).toMatchObject({ reason: 'attack', uid: BRAM.uid });
  });

  it('denies a second report by the same person (the same document: an update)', async () => {
    await assertSucceeds(report(bram(), BRAM.uid, 'c1'));
    await assertFails(report(bram(), BRAM.uid, 'c1', { reason: 'spam' }));
    await assertFails(updateDoc(doc(bram(), `reports/${reportId('c1', BRAM.uid)}`), { text: 'toch anders' }));
    await assertFails(deleteDoc(doc(bram(), `reports/${reportId('c1', BRAM.uid)}`)));
  });

  it('denies reporting one’s own named comment', async () => {
    await assertFails(report(anna(), ANNA.uid, 'c1'));
  });

  it('denies reporting one’s own anonymous comment; a colleague may report it', async () => {
    await seedAnonymousByAnna();
    await assertFails(report(anna(), ANNA.uid, 'a1'));
    await assertSucceeds(report(bram(), BRAM.uid, 'a1'));
  });

  it('every reason of the list; another one denied', async () => {
    for (const [i, reason] of ['attack', 'private', 'spam', 'offTopic'].entries()) {
      await assertSucceeds(report(dbAs(env, `r${i}-uid`), `r${i}-uid`, 'c1', { reason }));
    }
    await assertFails(report(bram(), BRAM.uid, 'c1', { reason: 'rude' }));
  });

  it("'other' needs text; text at most MAX_REPORT_TEXT characters", async () => {
    await assertFails(report(bram(), BRAM.uid, 'c1', { reason: 'other', text: '' }));
    await assertFails(report(bram(), BRAM.uid, 'c1', { reason: 'other', text: '   ' }));
    await assertFails(report(bram(), BRAM.uid, 'c1', { reason: 'spam', text: 'x'.repeat(MAX_REPORT_TEXT + 1) }));
    await assertSucceeds(report(bram(), BRAM.uid, 'c1', { reason: 'other', text: 'x'.repeat(MAX_REPORT_TEXT) }));
  });

  it('denies a report in someone else’s name, under another id, or with extra keys', async () => {
    await assertFails(report(bram(), CHANTAL.uid, 'c1', {}, reportId('c1', CHANTAL.uid)));
    await assertFails(report(bram(), BRAM.uid, 'c1', {}, `${PAGE_ID}_c1_${BRAM.uid}_2`));
    await assertFails(report(bram(), BRAM.uid, 'c1', { authorUid: ANNA.uid }));
    await assertFails(report(bram(), BRAM.uid, 'c1', { createdAt: PAST }));
  });

  it('denies reporting a deleted, hidden or missing comment', async () => {
    await seed(env, {
      [commentPath('c2')]: storedComment(ANNA, { deleted: true, text: '' }),
      [commentPath('c3')]: storedComment(ANNA, { deleted: true, text: '', moderated: true, moderationReason: 'spam' }),
    });
    await assertFails(report(bram(), BRAM.uid, 'c2'));
    await assertFails(report(bram(), BRAM.uid, 'c3'));
    await assertFails(report(bram(), BRAM.uid, 'nope'));
  });

  it('a non-member reports nothing', async () => {
    await assertFails(report(dbNonMember(env, BRAM.uid), BRAM.uid, 'c1'));
  });
});

describe('who reads a report', () => {
  const path = `reports/${reportId('c1', BRAM.uid)}`;
  beforeEach(async () => {
    await seedPageWithOneComment(env);
    await seedRollout();
    await seed(env, { [path]: { pageId: PAGE_ID, commentId: 'c1', uid: BRAM.uid, reason: 'attack', text: '', createdAt: PAST } });
  });

  it('the reporter (get, or a query on their own uid)', async () => {
    await assertSucceeds(getDoc(doc(bram(), path)));
    await assertSucceeds(getDocs(query(collection(bram(), 'reports'), where('uid', '==', BRAM.uid))));
  });

  it('the moderators of the page’s section, an administrator, a moderator everywhere', async () => {
    await assertSucceeds(getDoc(doc(scoped('ICT'), path)));
    await assertSucceeds(getDoc(doc(admin(), path)));
    await assertSucceeds(getDocs(query(collection(chantal(), 'reports'), where('pageId', '==', PAGE_ID), where('commentId', '==', 'c1'))));
  });

  it('not the author, another colleague, or a moderator of another section', async () => {
    await assertFails(getDoc(doc(anna(), path)));
    await assertFails(getDoc(doc(dbAs(env, 'kees-uid'), path)));
    await assertFails(getDoc(doc(scoped('HR'), path)));
    await assertFails(getDocs(query(collection(anna(), 'reports'), where('commentId', '==', 'c1'))));
  });
});

// ---------- the queue ----------

describe('the moderation queue', () => {
  const item = (sectionKey: string, over: DocumentData = {}) => ({
    pageId: PAGE_ID,
    commentId: 'c1',
    url: PAGE_URL,
    title: PAGE_TITLE,
    sectionKey,
    excerpt: 'tekst',
    authorName: null,
    anonymous: true,
    held: false,
    reasons: { attack: 1 },
    reportCount: 1,
    latestAt: PAST,
    status: 'open',
    claim: null,
    history: [],
    updatedAt: PAST,
    ...over,
  });
  beforeEach(() =>
    seed(env, {
      'moderationQueue/ict1': item('ICT'),
      'moderationQueue/hr1': item('HR'),
      'moderationQueue/rest1': item('_rest'),
      'hiddenTexts/ict1': { text: 'de verborgen tekst' },
    }),
  );

  it('a moderator everywhere and an administrator read every item, unfiltered', async () => {
    for (const db of [chantal(), admin()]) {
      expect((await assertSucceeds(getDocs(collection(db, 'moderationQueue')))).size).toBe(3);
    }
  });

  it('a scoped moderator reads their sections’ items: by get, or a query pinned to them', async () => {
    await assertSucceeds(getDoc(doc(scoped('ICT'), 'moderationQueue/ict1')));
    expect((await assertSucceeds(getDocs(query(collection(scoped('ICT'), 'moderationQueue'), where('sectionKey', '==', 'ICT'))))).size).toBe(1);
    const both = await assertSucceeds(getDocs(query(collection(scoped('ICT', 'HR'), 'moderationQueue'), where('sectionKey', 'in', ['ICT', 'HR']))));
    expect(both.size).toBe(2);
  });

  it('denies a scoped moderator another section, the rest, or a query that does not pin sectionKey', async () => {
    await assertFails(getDoc(doc(scoped('ICT'), 'moderationQueue/hr1')));
    await assertFails(getDoc(doc(scoped('ICT'), 'moderationQueue/rest1')));
    await assertFails(getDocs(collection(scoped('ICT'), 'moderationQueue')));
    await assertFails(getDocs(query(collection(scoped('ICT'), 'moderationQueue'), where('sectionKey', 'in', ['ICT', 'HR']))));
    await assertFails(getDocs(query(collection(scoped('ICT'), 'moderationQueue'), where('status', '==', 'open'))));
  });

  it('denies members, comms and community managers', async () => {
    for (const db of [anna(), dbAs(env, 'c-uid', { roles: { comms: true } }), dbAs(env, 'm-uid', { roles: { communityManager: ['ICT'] } })]) {
      await assertFails(getDoc(doc(db, 'moderationQueue/ict1')));
      await assertFails(getDocs(query(collection(db, 'moderationQueue'), where('sectionKey', '==', 'ICT'))));
    }
  });

  it('nobody writes an item, not even a moderator or an administrator (decisions go through `moderate`)', async () => {
    for (const db of [chantal(), admin(), scoped('ICT')]) {
      await assertFails(updateDoc(doc(db, 'moderationQueue/ict1'), { status: 'hidden' }));
      await assertFails(setDoc(doc(db, 'moderationQueue/new1'), item('ICT')));
      await assertFails(deleteDoc(doc(db, 'moderationQueue/ict1')));
    }
  });

  it('nobody reads or writes hiddenTexts', async () => {
    for (const db of [chantal(), admin(), anna()]) {
      await assertFails(getDoc(doc(db, 'hiddenTexts/ict1')));
      await assertFails(setDoc(doc(db, 'hiddenTexts/x'), { text: 'x' }));
    }
  });
});

// ---------- pre-moderation and held posts ----------

const heldPath = (commentId: string, pageId = PAGE_ID) => `pages/${pageId}/held/${commentId}`;

interface HoldOptions {
  commentId: string;
  anonymous?: boolean;
  comment?: DocumentData;
  /** 'merge': the page set with merge and counters moved by increment(countBy) (the client's write); 'none': the page untouched. */
  page?: 'merge' | 'none';
  countBy?: number;
  pageUrl?: string;
  rate?: boolean;
  owner?: boolean;
}

/** Writes a held post as a client does: the post, the owner link for an anonymous one, the rate window, and the page when asked. */
async function hold(db: Firestore, who: typeof ANNA, options: HoldOptions): Promise<void> {
  const url = options.pageUrl ?? PAGE_URL;
  const pageId = pageIdOf(url);
  const { authorUid: _uid, authorName: _name, ...anonymous } = newComment(who, { pageId });
  const post = options.anonymous ? { ...anonymous, anonymous: true } : newComment(who, { pageId });
  const batch = writeBatch(db);
  batch.set(doc(db, heldPath(options.commentId, pageId)), { ...post, ...options.comment });
  if (options.anonymous && options.owner !== false) {
    batch.set(doc(db, `commentOwners/${options.commentId}`), { uid: who.uid, pageId, createdAt: serverTimestamp() });
  }
  if (options.rate !== false) await addRateMove(db, batch, who.uid, `${pageId}/${options.commentId}`);
  if ((options.page ?? 'merge') === 'merge') {
    batch.set(
      doc(db, `pages/${pageId}`),
      {
        url,
        title: PAGE_TITLE,
        commentCount: increment(options.countBy ?? 0),
        likeCount: increment(0),
        lastCommentId: options.commentId,
        updatedAt: serverTimestamp(),
      },
      { merge: true },
    );
  }
  return batch.commit();
}

/** An anonymous comment straight into the thread, as the client does. */
async function postAnonymously(db: Firestore, who: typeof ANNA, commentId: string) {
  const { authorUid: _uid, authorName: _name, ...rest } = newComment(who);
  const batch = writeBatch(db);
  batch.set(doc(db, commentPath(commentId)), { ...rest, anonymous: true });
  batch.set(doc(db, `commentOwners/${commentId}`), { uid: who.uid, pageId: PAGE_ID, createdAt: serverTimestamp() });
  await addRateMove(db, batch, who.uid, `${PAGE_ID}/${commentId}`);
  batch.set(
    doc(db, pagePath()),
    { url: PAGE_URL, title: PAGE_TITLE, commentCount: increment(1), likeCount: increment(0), lastCommentId: commentId, updatedAt: serverTimestamp() },
    { merge: true },
  );
  return batch.commit();
}

describe("pre-moderation 'anonymous' in the page's section", () => {
  beforeEach(async () => {
    await seedPageWithOneComment(env);
    await seedRollout('anonymous');
  });

  it('a named comment goes straight into the thread', async () => {
    await assertSucceeds(postComment(anna(), ANNA, { commentId: newId('n1') }));
  });

  it('an anonymous comment is refused; the same post held is accepted, counter unchanged', async () => {
    await assertFails(postAnonymously(anna(), ANNA, newId('a2')));
    await assertSucceeds(hold(anna(), ANNA, { commentId: newId('a2'), anonymous: true }));
    expect(await stored(heldPath(newId('a2')))).toMatchObject({ anonymous: true, deleted: false });
    expect(await stored(heldPath(newId('a2')))).not.toHaveProperty('authorUid');
    expect((await stored(pagePath()))?.commentCount).toBe(1);
    expect(await stored(`commentOwners/${newId('a2')}`)).toMatchObject({ uid: ANNA.uid, pageId: PAGE_ID });
  });

  it('a held post without touching the page is accepted too', async () => {
    await assertSucceeds(hold(anna(), ANNA, { commentId: newId('a2'), anonymous: true, page: 'none' }));
  });

  it('denies a named held post (named posts are not pre-moderated here)', async () => {
    await assertFails(hold(anna(), ANNA, { commentId: newId('h1') }));
  });

  it('denies an anonymous held post without its owner link, or without the rate window', async () => {
    await assertFails(hold(anna(), ANNA, { commentId: newId('a2'), anonymous: true, owner: false }));
    await assertFails(hold(anna(), ANNA, { commentId: newId('a3'), anonymous: true, rate: false }));
  });

  it('denies a held post that moves the page counter', async () => {
    await assertFails(hold(anna(), ANNA, { commentId: newId('a2'), anonymous: true, countBy: 1 }));
  });
});

describe("pre-moderation 'all' in the page's section", () => {
  beforeEach(() => seedRollout('all'));

  it('denies a named comment; the held post is accepted, also as the first post of a new page (created at 0)', async () => {
    await assertFails(postComment(anna(), ANNA, { commentId: newId('n1') }));
    await assertSucceeds(hold(anna(), ANNA, { commentId: newId('h1') }));
    expect(await stored(pagePath())).toMatchObject({ commentCount: 0, likeCount: 0, lastCommentId: newId('h1') });
    await assertSucceeds(hold(bram(), BRAM, { commentId: newId('h2') }));
  });

  it('denies a held post in someone else’s name, with an id a comment already has, with a bad text or parent', async () => {
    await seedPageWithOneComment(env);
    await assertFails(hold(anna(), ANNA, { commentId: newId('h1'), comment: { authorUid: BRAM.uid, authorName: BRAM.displayName } }));
    await seed(env, { [commentPath(newId('c9'))]: storedComment(BRAM) });
    await assertFails(hold(anna(), ANNA, { commentId: newId('c9') }));
    await assertFails(hold(anna(), ANNA, { commentId: newId('h2'), comment: { text: '   ' } }));
    await assertFails(hold(anna(), ANNA, { commentId: newId('h3'), comment: { parentId: 'nope' } }));
    await assertSucceeds(hold(anna(), ANNA, { commentId: newId('h4'), comment: { parentId: 'c1' } }));
  });

  it('denies a page created by a held post with a count of 1', async () => {
    await assertFails(hold(anna(), ANNA, { commentId: newId('h1'), countBy: 1 }));
  });
});

describe('no pre-moderation', () => {
  it('denies a held post where the section does not pre-moderate, and on the rest of the intranet', async () => {
    await seedRollout('off');
    await assertFails(hold(anna(), ANNA, { commentId: newId('h1') }));
    await assertFails(hold(anna(), ANNA, { commentId: newId('a1'), anonymous: true }));
    await assertFails(hold(anna(), ANNA, { commentId: newId('h2'), pageUrl: 'http://intranet.lindeveen.local/nieuws/a.html' }));
  });

  it('without a rollout document nothing is pre-moderated', async () => {
    await assertFails(hold(anna(), ANNA, { commentId: newId('h1') }));
    await assertSucceeds(postComment(anna(), ANNA, { commentId: newId('n1') }));
  });
});

describe('who reads a held post', () => {
  beforeEach(async () => {
    await seedRollout('all');
    await seedPageWithOneComment(env);
    const { authorUid: _uid, authorName: _name, ...anonymous } = storedComment(ANNA);
    await seed(env, {
      [heldPath('h1')]: storedComment(ANNA),
      [heldPath('h2')]: { ...anonymous, anonymous: true },
      'commentOwners/h2': { uid: BRAM.uid, pageId: PAGE_ID, createdAt: PAST },
    });
  });

  it('its named writer: get, and a query on their own uid', async () => {
    await assertSucceeds(getDoc(doc(anna(), heldPath('h1'))));
    await assertSucceeds(getDocs(query(collection(anna(), pagePath(), 'held'), where('authorUid', '==', ANNA.uid))));
  });

  it('its anonymous writer through their owner link (get)', async () => {
    await assertSucceeds(getDoc(doc(bram(), 'commentOwners/h2')));
    await assertSucceeds(getDoc(doc(bram(), heldPath('h2'))));
  });

  it('the moderators of the section: get and list', async () => {
    for (const db of [scoped('ICT'), chantal(), admin()]) {
      await assertSucceeds(getDoc(doc(db, heldPath('h2'))));
      expect((await assertSucceeds(getDocs(collection(db, pagePath(), 'held')))).size).toBe(2);
    }
  });

  it('nobody else: a colleague, the anonymous post’s readers, a moderator of another section', async () => {
    const kees = dbAs(env, 'kees-uid');
    await assertFails(getDoc(doc(kees, heldPath('h1'))));
    await assertFails(getDoc(doc(anna(), heldPath('h2'))));
    await assertFails(getDoc(doc(scoped('HR'), heldPath('h1'))));
    await assertFails(getDocs(collection(kees, pagePath(), 'held')));
    await assertFails(getDocs(collection(bram(), pagePath(), 'held')));
    await assertFails(getDocs(query(collection(scoped('HR'), pagePath(), 'held'), where('authorUid', '==', ANNA.uid))));
  });

  it('nobody changes or deletes it from a client (approve and reject are `moderate`’s)', async () => {
    for (const db of [anna(), chantal(), admin()]) {
      await assertFails(updateDoc(doc(db, heldPath('h1')), { text: 'anders', updatedAt: serverTimestamp() }));
      await assertFails(deleteDoc(doc(db, heldPath('h1'))));
    }
  });
});

// ---------- mentions ----------

describe('mentions on a new comment', () => {
  beforeEach(() => seedPageWithOneComment(env));

  it('named, anonymous and held posts may carry up to MAX_MENTIONS uids', async () => {
    const mentions = Array.from({ length: MAX_MENTIONS }, (_, i) => `uid-${i}`);
    await assertSucceeds(postComment(anna(), ANNA, { commentId: newId('m1'), comment: { mentions } }));
    const { authorUid: _uid, authorName: _name, ...rest } = newComment(BRAM);
    const db = bram();
    const batch = writeBatch(db);
    batch.set(doc(db, commentPath(newId('m2'))), { ...rest, anonymous: true, mentions: [ANNA.uid] });
    batch.set(doc(db, `commentOwners/${newId('m2')}`), { uid: BRAM.uid, pageId: PAGE_ID, createdAt: serverTimestamp() });
    await addRateMove(db, batch, BRAM.uid, `${PAGE_ID}/${newId('m2')}`);
    batch.update(doc(db, pagePath()), { commentCount: increment(1), lastCommentId: newId('m2'), updatedAt: serverTimestamp() });
    await assertSucceeds(batch.commit());
    await seedRollout('all');
    await assertSucceeds(hold(dbAs(env, CHANTAL.uid), CHANTAL, { commentId: newId('m3'), comment: { mentions: [ANNA.uid] } }));
  });

  it('denies more than MAX_MENTIONS, a non-string, an empty or over-long entry', async () => {
    const many = Array.from({ length: MAX_MENTIONS + 1 }, (_, i) => `uid-${i}`);
    await assertFails(postComment(anna(), ANNA, { commentId: newId('m1'), comment: { mentions: many } }));
    await assertFails(postComment(anna(), ANNA, { commentId: newId('m2'), comment: { mentions: [42] } }));
    await assertFails(postComment(anna(), ANNA, { commentId: newId('m3'), comment: { mentions: [''] } }));
    await assertFails(postComment(anna(), ANNA, { commentId: newId('m4'), comment: { mentions: ['x'.repeat(129)] } }));
    await assertFails(postComment(anna(), ANNA, { commentId: newId('m5'), comment: { mentions: 'bram' } }));
  });
});

// ---------- "this helped" by the section's community manager ----------

describe('"this helped" by the community manager of the page’s section', () => {
  const mark = (db: Firestore) => setDoc(doc(db, `${pagePath()}/helpful/r1`), { replyId: 'r1', parentId: 'c1', createdAt: serverTimestamp() });
  beforeEach(async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA),
      [commentPath('r1')]: storedComment(BRAM, { parentId: 'c1' }),
      [pagePath()]: storedPage(2, 'r1'),
    });
  });

  it('marks (and unmarks) the answer to someone else’s question in their section', async () => {
    await seedRollout();
    const iris = dbAs(env, 'iris-uid', { roles: { communityManager: ['ICT'] } });
    await assertSucceeds(mark(iris));
    await assertSucceeds(deleteDoc(doc(iris, `${pagePath()}/helpful/r1`)));
  });

  it('a community manager of the rest marks on a page no section covers', async () => {
    await assertSucceeds(mark(dbAs(env, 'iris-uid', { roles: { communityManager: ['_rest'] } })));
  });

  it('denies a community manager of another section, and a colleague who did not ask', async () => {
    await seedRollout();
    await assertFails(mark(dbAs(env, 'iris-uid', { roles: { communityManager: ['HR'] } })));
    await assertFails(mark(dbAs(env, 'kees-uid')));
  });

  it('denies a community manager marking their own reply', async () => {
    await seedRollout();
    await assertFails(mark(dbAs(env, BRAM.uid, { roles: { communityManager: ['ICT'] } })));
  });
});
