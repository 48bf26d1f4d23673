// firebase/firestore.rules: the moderator's hide, by the role in the token (`roles.moderator`).
// Proves: a moderator hides anyone's comment, named or anonymous (deleted, text wiped, `moderated`,
// page counter −1 naming it) without reading commentOwners; nobody else may set `moderated`; a
// moderator cannot edit, cannot hide without (or with a forged) counter; only `roles.moderator:
// true` (or admin) grants it everywhere, a list of sections only there — the old moderators/{uid} documents grant nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  increment,
  serverTimestamp,
  setDoc,
  updateDoc,
  writeBatch,
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import { ANNA, BRAM, CHANTAL } from '../helpers/fixtures';
import {
  commentPath,
  dbAs,
  dbAsModerator,
  dbNonMember,
  PAGE_ID,
  pagePath,
  PAST,
  seed,
  seedPageWithOneComment,
  seedProfiles,
  readStored,
  startRulesEnv,
  storedComment,
  storedPage,
} from '../helpers/rules-env';

let env: RulesTestEnvironment;

const chantal = () => dbAsModerator(env, CHANTAL.uid);
const anna = () => dbAs(env, ANNA.uid);
const bram = () => dbAs(env, BRAM.uid);

beforeAll(async () => {
  env = await startRulesEnv();
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

/** Anna's anonymous comment a1 (with its owner link) on a page with count 1. */
function seedAnonymousByAnna(): Promise<void> {
  const { authorUid: _uid, authorName: _name, ...rest } = storedComment(ANNA);
  return seed(env, {
    [commentPath('a1')]: { ...rest, anonymous: true },
    [`commentOwners/a1`]: { uid: ANNA.uid, pageId: PAGE_ID, createdAt: PAST },
    [pagePath()]: storedPage(1, 'a1'),
  });
}

/** A hide as the client writes it: tombstone + moderated, page counter −1 naming the comment. */
function hide(db: Firestore, commentId: string, comment: DocumentData = {}, countBy: number | null = -1) {
  const batch = writeBatch(db);
  batch.update(doc(db, commentPath(commentId)), { deleted: true, text: '', moderated: true, updatedAt: serverTimestamp(), ...comment });
  if (countBy !== null) {
    batch.update(doc(db, pagePath()), { commentCount: increment(countBy), lastCommentId: commentId, updatedAt: serverTimestamp() });
  }
  return batch.commit();
}

const stored = (path: string) => readStored(env, path);

describe('a moderator hides a comment', () => {
  it('allows hiding someone else’s named comment, counter −1', async () => {
    await seedPageWithOneComment(env);
    await assertSucceeds(hide(chantal(), 'c1'));
    expect(await stored(commentPath('c1'))).toMatchObject({ deleted: true, text: '', moderated: true, authorUid: ANNA.uid });
    expect((await stored(pagePath()))?.commentCount).toBe(0);
  });

  it('allows hiding an anonymous comment; the batch reads no owner link', async () => {
    await seedAnonymousByAnna();
    await assertSucceeds(hide(chantal(), 'a1'));
    expect(await stored(commentPath('a1'))).toMatchObject({ deleted: true, text: '', moderated: true, anonymous: true });
  });

  it('denies a moderator the owner link of the anonymous comment', async () => {
    await seedAnonymousByAnna();
    await assertFails(getDoc(doc(chantal(), 'commentOwners/a1')));
  });
});

describe('a hide that is not one', () => {
  it('denies a non-moderator setting moderated on someone else’s comment', async () => {
    await seedPageWithOneComment(env);
    await assertFails(hide(bram(), 'c1'));
  });

  it('denies the author setting moderated on their own comment (a soft delete has no such field)', async () => {
    await seedPageWithOneComment(env);
    await assertFails(hide(anna(), 'c1'));
  });

  it('denies a moderator editing the text instead of hiding', async () => {
    await seedPageWithOneComment(env);
    await assertFails(updateDoc(doc(chantal(), commentPath('c1')), { text: 'Aangepast', editedAt: serverTimestamp(), updatedAt: serverTimestamp() }));
  });

  it('denies a moderator hide that keeps the text', async () => {
    await seedPageWithOneComment(env);
    await assertFails(hide(chantal(), 'c1', { text: 'nog leesbaar' }));
  });

  it('denies a moderator hide without the counter', async () => {
    await seedPageWithOneComment(env);
    await assertFails(hide(chantal(), 'c1', {}, null));
  });

  it('denies a moderator hide that moves the counter by −2', async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA),
      [commentPath('c2')]: storedComment(BRAM),
      [pagePath()]: storedPage(2, 'c2'),
    });
    await assertFails(hide(chantal(), 'c1', {}, -2));
  });

  it('denies hiding a comment that is already deleted', async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA, { deleted: true, text: '' }),
      [commentPath('c2')]: storedComment(BRAM),
      [pagePath()]: storedPage(1, 'c2'),
    });
    await assertFails(hide(chantal(), 'c1'));
  });
});

describe('the moderator role comes from the token (roles.moderator), not from a document', () => {
  beforeEach(() => seedPageWithOneComment(env));

  it('allows an administrator (roles.admin) to hide, as canModerate() says', async () => {
    await assertSucceeds(hide(dbAs(env, BRAM.uid, { roles: { admin: true } }), 'c1'));
  });

  it('denies a moderator of listed sections on a page in no section (tests/rules/rollout.test.ts: in their section)', async () => {
    await assertFails(hide(dbAs(env, BRAM.uid, { roles: { moderator: ['ict'] } }), 'c1'));
  });

  it('denies a role that is not exactly true (a string "true")', async () => {
    await assertFails(hide(dbAs(env, BRAM.uid, { roles: { moderator: 'true' } }), 'c1'));
  });

  it('denies a non-member whose token claims the moderator role', async () => {
    await assertFails(hide(dbNonMember(env, BRAM.uid, { roles: { moderator: true } }), 'c1'));
  });

  it('a moderators/{uid} document grants nothing any more', async () => {
    await seed(env, { [`moderators/${BRAM.uid}`]: { since: PAST } });
    await assertFails(hide(bram(), 'c1'));
  });

  it('nobody reads or writes moderators/{uid} from a client', async () => {
    await seed(env, { [`moderators/${CHANTAL.uid}`]: { since: PAST } });
    await assertFails(getDoc(doc(chantal(), `moderators/${CHANTAL.uid}`)));
    await assertFails(getDocs(collection(chantal(), 'moderators')));
    await assertFails(setDoc(doc(bram(), `moderators/${BRAM.uid}`), { since: serverTimestamp() }));
    await assertFails(deleteDoc(doc(chantal(), `moderators/${CHANTAL.uid}`)));
  });
});
