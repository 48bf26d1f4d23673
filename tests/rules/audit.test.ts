// firebase/firestore.rules: the audit log and what the comms console's people may read. Every role
// × every action on `audit/{id}`: comms and administrators read it (one entry, the newest first,
// a kind's entries); moderators (everywhere or of a section), community managers, ambassadors,
// leaders, plain members, non-members and signed-out visitors read nothing; nobody writes, edits
// or deletes an entry, administrators included (only the Admin SDK writes it). And a comms advisor
// (or an administrator) still reads nothing personal: no one else's owner links of anonymous
// comments, no one's rate window (raw activity), not the directory or the membership lists; and
// only the administrator changes the organisation's settings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type Firestore,
} from 'firebase/firestore';
import { paths } from '../../lib/core/paths';
import type { Roles } from '../../lib/core/membership';
import { ANNA, BRAM } from '../helpers/fixtures';
import {
  commentPath,
  dbAs,
  dbNonMember,
  dbSignedOut,
  PAGE_ID,
  pagePath,
  PAST,
  ratePath,
  readStored,
  seed,
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

/** An entry as functions/src/roles.ts writes it. */
const ENTRY = {
  kind: 'roles',
  action: 'grant',
  actor: { uid: 'rachida-uid', name: 'Rachida Bouzid', via: 'console' },
  target: { kind: 'person', uid: BRAM.uid, personId: 'LV1002', name: BRAM.displayName },
  role: 'ambassador',
  sections: [],
  before: {},
  after: { ambassador: true },
  at: PAST,
};

beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    'audit/e1': ENTRY,
    'audit/e2': { ...ENTRY, action: 'revoke', before: { ambassador: true }, after: {} },
    // Personal data the console's people must not read either.
    [`profiles/${ANNA.uid}`]: { displayName: ANNA.displayName, department: ANNA.department },
    [`profiles/${BRAM.uid}`]: { displayName: BRAM.displayName, department: BRAM.department },
    [pagePath()]: storedPage(1, 'a1'),
    [commentPath('a1')]: (({ authorUid: _u, authorName: _n, ...rest }) => ({ ...rest, anonymous: true }))(storedComment(ANNA)),
    'commentOwners/a1': { uid: ANNA.uid, pageId: PAGE_ID, createdAt: PAST },
    [ratePath(ANNA.uid)]: { windowStart: PAST, count: 1, last: `${PAGE_ID}/a1` },
    'directory/LV1001': { email: 'anna@lindeveen.nl', displayName: ANNA.displayName, roles: {}, active: true, uid: ANNA.uid },
    'config/membership': { allow: ['gast@example.org'], deny: [] },
  });
});

/** Everyone the console could meet, as the rules see them (`roles` in a member's token). */
const WHO: Array<{ who: string; db: () => Firestore; reads: boolean }> = [
  { who: 'an administrator', db: () => dbAs(env, 'rachida-uid', { roles: { admin: true } satisfies Roles }), reads: true },
  { who: 'a comms advisor', db: () => dbAs(env, 'anna-comms-uid', { roles: { comms: true } satisfies Roles }), reads: true },
  { who: 'a comms advisor who also moderates', db: () => dbAs(env, 'chantal-uid', { roles: { comms: true, moderator: true } satisfies Roles }), reads: true },
  { who: 'a moderator everywhere', db: () => dbAs(env, 'mod-uid', { roles: { moderator: true } satisfies Roles }), reads: false },
  { who: 'a moderator of a section', db: () => dbAs(env, 'mod-hr-uid', { roles: { moderator: ['HR'] } satisfies Roles }), reads: false },
  { who: 'a community manager', db: () => dbAs(env, 'gerda-uid', { roles: { communityManager: ['HR'] } satisfies Roles }), reads: false },
  { who: 'an ambassador', db: () => dbAs(env, BRAM.uid, { roles: { ambassador: true } satisfies Roles }), reads: false },
  { who: 'a leader', db: () => dbAs(env, 'mees-uid', { roles: { leader: true } satisfies Roles }), reads: false },
  { who: 'a member without roles', db: () => dbAs(env, ANNA.uid), reads: false },
  // A token that says comms but not member (made outside the sign-in functions): nothing.
  { who: 'a non-member whose token claims comms', db: () => dbNonMember(env, 'outsider-uid', { roles: { comms: true, admin: true } }), reads: false },
  { who: 'a signed-out visitor', db: () => dbSignedOut(env), reads: false },
];

describe.each(WHO)('the audit log, as $who', ({ db, reads }) => {
  const check = reads ? assertSucceeds : assertFails;

  it(reads ? 'reads an entry' : 'cannot read an entry', async () => {
    await check(getDoc(doc(db(), paths.auditEntry('e1'))));
  });

  it(reads ? 'lists the newest first, a page at a time' : 'cannot list it', async () => {
    const fs = db();
    await check(getDocs(query(collection(fs, paths.audit()), orderBy('at', 'desc'), limit(50))));
  });

  it(reads ? 'lists one kind of change' : 'cannot list one kind either', async () => {
    const fs = db();
    await check(getDocs(query(collection(fs, paths.audit()), where('kind', '==', 'roles'), orderBy('at', 'desc'), limit(50))));
  });

  it('cannot add an entry (with a fixed id or a new one)', async () => {
    const fs = db();
    await assertFails(setDoc(doc(fs, paths.auditEntry('forged')), { ...ENTRY, at: serverTimestamp() }));
    await assertFails(addDoc(collection(fs, paths.audit()), { ...ENTRY, at: serverTimestamp() }));
  });

  it('cannot edit or delete an entry', async () => {
    const fs = db();
    await assertFails(updateDoc(doc(fs, paths.auditEntry('e1')), { 'actor.name': 'Iemand anders' }));
    await assertFails(setDoc(doc(fs, paths.auditEntry('e1')), { ...ENTRY, after: {} }));
    await assertFails(deleteDoc(doc(fs, paths.auditEntry('e1'))));
    expect(await readStored(env, paths.auditEntry('e1'))).toMatchObject({ actor: { name: 'Rachida Bouzid' }, after: { ambassador: true } });
  });
});

describe.each(WHO.filter((w) => w.reads))('beyond the audit log, as $who: nothing personal, settings only as an administrator', ({ who, db }) => {
  const settings = who === 'an administrator';
  it("cannot read someone else's owner link of an anonymous comment, by get or by any query", async () => {
    const fs = db();
    await assertFails(getDoc(doc(fs, 'commentOwners/a1')));
    await assertFails(getDocs(collection(fs, 'commentOwners')));
    await assertFails(getDocs(query(collection(fs, 'commentOwners'), where('pageId', '==', PAGE_ID))));
    await assertFails(getDocs(query(collection(fs, 'commentOwners'), where('uid', '==', ANNA.uid))));
  });

  it("cannot read anyone's rate window (when someone posted), nor list them", async () => {
    const fs = db();
    await assertFails(getDoc(doc(fs, ratePath(ANNA.uid))));
    await assertFails(getDocs(collection(fs, 'rate')));
  });

  it('cannot read the directory or the membership lists (server only)', async () => {
    const fs = db();
    await assertFails(getDoc(doc(fs, 'directory/LV1001')));
    await assertFails(getDocs(collection(fs, paths.directory())));
    await assertFails(getDoc(doc(fs, paths.membershipConfig())));
  });

  it("cannot change anyone's roles or name on a profile (roles change only through the function)", async () => {
    const fs = db();
    await assertFails(updateDoc(doc(fs, paths.profile(BRAM.uid)), { roles: { ambassador: true }, updatedAt: serverTimestamp() }));
    await assertFails(updateDoc(doc(fs, paths.profile(ANNA.uid)), { displayName: 'Anna', updatedAt: serverTimestamp() }));
  });

  it(settings ? 'changes the settings (as an administrator)' : 'cannot change the settings, only read them like every member', async () => {
    const fs = db();
    const write = setDoc(doc(fs, paths.settings()), { anonymousPosting: false, updatedAt: serverTimestamp() });
    await (settings ? assertSucceeds(write) : assertFails(write));
    await assertSucceeds(getDoc(doc(fs, paths.settings())));
  });

  it('still reads what every member reads: an anonymous comment, without its author', async () => {
    const comment = await assertSucceeds(getDoc(doc(db(), commentPath('a1'))));
    expect(comment.data()).not.toHaveProperty('authorUid');
    expect(comment.data()).not.toHaveProperty('authorName');
  });
});
