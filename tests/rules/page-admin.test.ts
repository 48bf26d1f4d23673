// firebase/firestore.rules for page identity management and announcements (the comms console's
// Pages section). Only the server (functions/src/pages.ts, Admin SDK) writes a page's `aliasOf`,
// `aliasUrl` and `announcement`: every role × every way a client could try is denied — a member, a
// moderator, a leader, comms and an administrator alike (their way is the changePage function,
// proved in tests/integration/page-admin.test.ts). The legitimate client paths around them still
// work: commenting on and liking a page with an announcement. An alias takes no comment or like
// (its thread lives on the page it stands for). The page entries of the audit log are read by comms
// and administrators only, and written by nobody; and a comms advisor still reads nothing personal:
// not the owner links that a merge rebinds, not anyone's rate window.
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
  updateDoc,
  where,
  writeBatch,
  type Firestore,
} from 'firebase/firestore';
import type { Roles } from '../../lib/core/membership';
import { ANNA, BRAM } from '../helpers/fixtures';
import {
  commentPath,
  dbAs,
  newId,
  PAGE_ID,
  PAGE_TITLE,
  PAGE_URL,
  pageIdOf,
  pagePath,
  PAST,
  postComment,
  ratePath,
  readStored,
  seed,
  seedProfiles,
  startRulesEnv,
  storedComment,
  storedPage,
} from '../helpers/rules-env';

let env: RulesTestEnvironment;

beforeAll(async () => {
  env = await startRulesEnv();
});
afterAll(async () => {
  await env.cleanup();
});

const OLD_URL = 'http://intranet.lindeveen.local/ict/oude-helpdesk.html';
const OLD_ID = pageIdOf(OLD_URL);
const ANNOUNCEMENT = { text: 'Vragen over de nieuwe verlofregeling? Stel ze hier', byUid: 'anna-uid', byName: 'Anna de Vries', at: PAST };

/** Every role a token can carry, and a plain member; each is refused every server-only page field. */
const ROLES: Array<[string, Roles]> = [
  ['a member', {}],
  ['a moderator', { moderator: true }],
  ['a leader', { leader: true }],
  ['an ambassador', { ambassador: true }],
  ['a community manager', { communityManager: ['ICT'] }],
  ['comms', { comms: true }],
  ['an administrator', { admin: true }],
];
const as = (roles: Roles, uid = BRAM.uid): Firestore => dbAs(env, uid, { roles });

beforeEach(async () => {
  await env.clearFirestore();
  await seedProfiles(env);
  await seed(env, {
    [commentPath('c1')]: storedComment(ANNA),
    [pagePath()]: storedPage(1, 'c1'),
    // The old address, already an alias of the page (as the changePage function leaves it).
    [pagePath(OLD_ID)]: { url: OLD_URL, title: '', commentCount: 0, likeCount: 0, updatedAt: PAST, aliasOf: PAGE_ID, aliasUrl: PAGE_URL },
  });
});

describe.each(ROLES)('%s writing the server-only page fields', (_name, roles) => {
  it('cannot make a page an alias, re-point or remove an alias', async () => {
    const db = as(roles);
    await assertFails(updateDoc(doc(db, pagePath()), { aliasOf: OLD_ID, aliasUrl: OLD_URL, updatedAt: serverTimestamp() }));
    await assertFails(updateDoc(doc(db, pagePath(OLD_ID)), { aliasOf: pageIdOf('http://intranet.lindeveen.local/x'), updatedAt: serverTimestamp() }));
    await assertFails(updateDoc(doc(db, pagePath(OLD_ID)), { aliasOf: null, updatedAt: serverTimestamp() }));
  });

  it('cannot pin, change or remove an announcement', async () => {
    const db = as(roles);
    await assertFails(updateDoc(doc(db, pagePath()), { announcement: { ...ANNOUNCEMENT, at: serverTimestamp() }, updatedAt: serverTimestamp() }));
    await seed(env, { [pagePath()]: storedPage(1, 'c1', { announcement: ANNOUNCEMENT }) });
    await assertFails(updateDoc(doc(db, pagePath()), { 'announcement.text': 'Iets anders', updatedAt: serverTimestamp() }));
    await assertFails(setDoc(doc(db, pagePath()), { ...storedPage(1, 'c1'), updatedAt: serverTimestamp() }));
  });

  it('cannot create a page that is an alias or carries an announcement, even with its first comment', async () => {
    const db = as(roles, ANNA.uid);
    const otherUrl = 'http://intranet.lindeveen.local/hr/nieuw.html';
    const otherId = pageIdOf(otherUrl);
    const post = (extra: Record<string, unknown>) =>
      postComment(db, ANNA, { commentId: newId('n1'), pageId: otherId, page: { url: otherUrl, title: 'Nieuw', ...extra } });
    await assertFails(post({ aliasOf: PAGE_ID, aliasUrl: PAGE_URL }));
    await assertFails(post({ announcement: { text: 'Hoi', byUid: ANNA.uid, byName: ANNA.displayName, at: serverTimestamp() } }));
    await assertSucceeds(post({}));
  });

  it('cannot write audit entries about pages, nor rebind an owner link', async () => {
    const db = as(roles, ANNA.uid);
    await assertFails(setDoc(doc(db, 'audit/forged'), { kind: 'pages', action: 'merge', at: serverTimestamp() }));
    await seed(env, { 'commentOwners/a1': { uid: ANNA.uid, pageId: PAGE_ID, createdAt: PAST } });
    // Not even the author herself: the link is bound to its page, and only the server moves it with its comment.
    await assertFails(updateDoc(doc(db, 'commentOwners/a1'), { pageId: OLD_ID }));
  });
});

describe('the legitimate paths around them', () => {
  it('a member comments on and likes a page that carries an announcement (its keys are allowed, unchanged)', async () => {
    await seed(env, { [pagePath()]: storedPage(1, 'c1', { announcement: ANNOUNCEMENT }) });
    await assertSucceeds(postComment(dbAs(env, BRAM.uid), BRAM, { commentId: newId('c2'), pageFacts: false }));
    const db = dbAs(env, BRAM.uid);
    const batch = writeBatch(db);
    batch.set(doc(db, `pages/${PAGE_ID}/likes/page_${BRAM.uid}`), {
      targetId: 'page',
      uid: BRAM.uid,
      name: BRAM.displayName,
      active: true,
      updatedAt: serverTimestamp(),
    });
    batch.update(doc(db, pagePath()), { likeCount: increment(1), lastLikeId: `page_${BRAM.uid}`, updatedAt: serverTimestamp() });
    await assertSucceeds(batch.commit());
    expect(await readStored(env, pagePath())).toMatchObject({ commentCount: 2, likeCount: 1, announcement: { text: ANNOUNCEMENT.text } });
  });

  it('every member reads the alias and the announcement (the panel follows them)', async () => {
    await seed(env, { [pagePath()]: storedPage(1, 'c1', { announcement: ANNOUNCEMENT }) });
    expect((await assertSucceeds(getDoc(doc(dbAs(env, BRAM.uid), pagePath(OLD_ID))))).get('aliasOf')).toBe(PAGE_ID);
    expect((await assertSucceeds(getDoc(doc(dbAs(env, BRAM.uid), pagePath())))).get('announcement.text')).toBe(ANNOUNCEMENT.text);
  });
});

describe('an alias takes no comment or like', () => {
  it('refuses a comment on the old address (a panel that has not heard of the alias yet)', async () => {
    const db = dbAs(env, BRAM.uid);
    await assertFails(postComment(db, BRAM, { commentId: newId('o1'), pageId: OLD_ID, pageFacts: false }));
    await assertFails(postComment(db, BRAM, { commentId: newId('o2'), pageId: OLD_ID, page: { url: OLD_URL, title: PAGE_TITLE } }));
  });

  it('refuses a like of the old address itself', async () => {
    const db = dbAs(env, BRAM.uid);
    const batch = writeBatch(db);
    batch.set(doc(db, `pages/${OLD_ID}/likes/page_${BRAM.uid}`), {
      targetId: 'page',
      uid: BRAM.uid,
      name: BRAM.displayName,
      active: true,
      updatedAt: serverTimestamp(),
    });
    batch.update(doc(db, pagePath(OLD_ID)), { likeCount: increment(1), lastLikeId: `page_${BRAM.uid}`, updatedAt: serverTimestamp() });
    await assertFails(batch.commit());
  });

  it('nobody deletes an alias page document', async () => {
    await assertFails(deleteDoc(doc(as({ admin: true }), pagePath(OLD_ID))));
  });
});

describe('page entries in the audit log, and what comms still cannot read', () => {
  const ENTRY = {
    kind: 'pages',
    action: 'merge',
    actor: { uid: 'anna-uid', name: 'Anna de Vries', via: 'console' },
    target: { kind: 'page', pageId: OLD_ID, url: OLD_URL, title: '' },
    other: { kind: 'page', pageId: PAGE_ID, url: PAGE_URL, title: PAGE_TITLE },
    before: { aliasOf: null, announcement: null, comments: 1, likes: 0 },
    after: { aliasOf: PAGE_ID, announcement: null, comments: 0, likes: 0 },
    at: PAST,
  };

  beforeEach(() =>
    seed(env, {
      'audit/p1': ENTRY,
      'commentOwners/a1': { uid: ANNA.uid, pageId: PAGE_ID, createdAt: PAST },
      [ratePath(ANNA.uid)]: { windowStart: PAST, count: 1, last: `${PAGE_ID}/a1` },
    }),
  );

  it.each(ROLES)('%s: reads them only as comms or administrator; nobody edits or deletes one', async (_name, roles) => {
    const db = as(roles);
    const reads = roles.comms || roles.admin;
    await (reads ? assertSucceeds : assertFails)(getDoc(doc(db, 'audit/p1')));
    await (reads ? assertSucceeds : assertFails)(getDocs(query(collection(db, 'audit'), where('kind', '==', 'pages'))));
    await assertFails(updateDoc(doc(db, 'audit/p1'), { 'after.comments': 9 }));
    await assertFails(deleteDoc(doc(db, 'audit/p1')));
  });

  it.each(ROLES.filter(([, r]) => r.comms || r.admin))('%s reads no owner link (not by id, not by page) and no rate window', async (_name, roles) => {
    const db = as(roles);
    await assertFails(getDoc(doc(db, 'commentOwners/a1')));
    await assertFails(getDocs(query(collection(db, 'commentOwners'), where('pageId', '==', PAGE_ID))));
    await assertFails(getDoc(doc(db, ratePath(ANNA.uid))));
    await assertFails(getDocs(collection(db, 'rate')));
  });
});
