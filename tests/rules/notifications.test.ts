// firebase/firestore.rules: notifications. Proves: an inbox (`inboxes/{uid}`) and its items are read
// by their owner alone (get and query; not another member, not a moderator or administrator, not
// a non-member); nobody writes an item, not even its owner (create, delete, text, count), except
// marking it read (read false → true with updatedAt = now, never back to unread, never a past or
// future time); the owner sets only readThrough and seenAt on the summary, each to the request's
// time, and never the unread count; follows are the owner's alone (read, write, size limits,
// strings only); a comment may carry `mentions` (≤ 10 uids) on create, never added by an edit.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, Timestamp, updateDoc } from 'firebase/firestore';
import { ANNA, BRAM, CHANTAL } from '../helpers/fixtures';
import { commentPath, dbAs, dbNonMember, newId, PAST, postComment, seed, seedPageWithOneComment, seedProfiles, startRulesEnv } from '../helpers/rules-env';

let env: RulesTestEnvironment;

// A project of its own: the Functions emulator's triggers (fan-out, recount) run for the default
// project only, and would rewrite what these tests seed.
beforeAll(async () => {
  env = await startRulesEnv('demo-prikbord-notify-rules');
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seedProfiles(env);
  await seed(env, {
    [`inboxes/${ANNA.uid}`]: { unread: 1, latestAt: PAST },
    [`inboxes/${ANNA.uid}/items/reply_c2`]: item(),
    [`follows/${ANNA.uid}`]: { pages: ['p1'], sections: [], updatedAt: PAST },
  });
});

function item(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'reply',
    pageId: 'p1',
    url: 'http://intranet.lindeveen.local/ict/helpdesk.html',
    title: 'ICT-helpdesk',
    commentId: 'c2',
    actor: { uid: BRAM.uid, name: BRAM.displayName },
    excerpt: 'Antwoord',
    count: 1,
    createdAt: PAST,
    updatedAt: PAST,
    read: false,
    ...overrides,
  };
}

const anna = () => dbAs(env, ANNA.uid);
const bram = () => dbAs(env, BRAM.uid);
const ITEM = `inboxes/${ANNA.uid}/items/reply_c2`;

describe('inbox items', () => {
  it('lets the owner get and query their items', async () => {
    await assertSucceeds(getDoc(doc(anna(), ITEM)));
    await assertSucceeds(getDocs(collection(anna(), `inboxes/${ANNA.uid}/items`)));
  });

  it("denies another member, a moderator, an administrator and a non-member someone's items", async () => {
    await assertFails(getDoc(doc(bram(), ITEM)));
    await assertFails(getDocs(collection(bram(), `inboxes/${ANNA.uid}/items`)));
    await assertFails(getDoc(doc(dbAs(env, CHANTAL.uid, { roles: { moderator: true, admin: true, comms: true } }), ITEM)));
    await assertFails(getDoc(doc(dbNonMember(env, ANNA.uid), ITEM)));
  });

  it('lets the owner mark an item read (false → true, updatedAt now) and nothing else', async () => {
    await assertFails(updateDoc(doc(anna(), ITEM), { read: true, updatedAt: PAST }));
    await assertFails(updateDoc(doc(anna(), ITEM), { read: true, updatedAt: serverTimestamp(), excerpt: 'anders' }));
    await assertFails(updateDoc(doc(anna(), ITEM), { read: true, updatedAt: serverTimestamp(), count: 0 }));
    await assertSucceeds(updateDoc(doc(anna(), ITEM), { read: true, updatedAt: serverTimestamp() }));
  });

  it('denies marking an item unread again, or "read" with a non-boolean', async () => {
    await assertFails(updateDoc(doc(anna(), ITEM), { read: 'yes', updatedAt: serverTimestamp() }));
    await seed(env, { [ITEM]: item({ read: true }) });
    await assertFails(updateDoc(doc(anna(), ITEM), { read: false, updatedAt: serverTimestamp() }));
  });

  it('denies anyone marking someone else’s item read', async () => {
    await assertFails(updateDoc(doc(bram(), ITEM), { read: true, updatedAt: serverTimestamp() }));
  });

  it('lets nobody create or delete an item, not even its owner or an administrator', async () => {
    await assertFails(setDoc(doc(anna(), `inboxes/${ANNA.uid}/items/reply_x`), item()));
    await assertFails(setDoc(doc(bram(), `inboxes/${ANNA.uid}/items/reply_x`), item()));
    await assertFails(setDoc(doc(dbAs(env, CHANTAL.uid, { roles: { admin: true } }), `inboxes/${ANNA.uid}/items/reply_x`), item()));
    await assertFails(deleteDoc(doc(anna(), ITEM)));
  });
});

describe('the inbox summary', () => {
  const SUMMARY = `inboxes/${ANNA.uid}`;

  it('lets the owner read it, nobody else', async () => {
    await assertSucceeds(getDoc(doc(anna(), SUMMARY)));
    await assertFails(getDoc(doc(bram(), SUMMARY)));
    await assertFails(getDocs(collection(anna(), 'inboxes')));
  });

  it('lets the owner set readThrough and seenAt to now, nothing else', async () => {
    await assertSucceeds(updateDoc(doc(anna(), SUMMARY), { readThrough: serverTimestamp() }));
    await assertSucceeds(updateDoc(doc(anna(), SUMMARY), { seenAt: serverTimestamp() }));
    await assertFails(updateDoc(doc(anna(), SUMMARY), { readThrough: Timestamp.fromMillis(Date.now() + 86_400_000) }));
    await assertFails(updateDoc(doc(anna(), SUMMARY), { seenAt: PAST }));
    await assertFails(updateDoc(doc(anna(), SUMMARY), { unread: 0 }));
    await assertFails(updateDoc(doc(anna(), SUMMARY), { readThrough: serverTimestamp(), latestAt: serverTimestamp() }));
  });

  it('denies another member moving someone’s marks', async () => {
    await assertFails(updateDoc(doc(bram(), SUMMARY), { readThrough: serverTimestamp() }));
    await assertFails(setDoc(doc(bram(), `inboxes/${BRAM.uid}`), { unread: 0 }));
  });

  it('lets a person with no inbox yet create it with only their marks', async () => {
    await assertSucceeds(setDoc(doc(bram(), `inboxes/${BRAM.uid}`), { seenAt: serverTimestamp() }));
    await env.clearFirestore();
    await assertFails(setDoc(doc(bram(), `inboxes/${BRAM.uid}`), { seenAt: serverTimestamp(), unread: 0 }));
    await assertFails(setDoc(doc(bram(), `inboxes/${ANNA.uid}`), { seenAt: serverTimestamp() }));
  });
});

describe('follows', () => {
  const MINE = `follows/${ANNA.uid}`;
  const follows = (pages: unknown, sections: unknown = []) => ({ pages, sections, updatedAt: serverTimestamp() });

  it('lets the owner read and write their follows', async () => {
    await assertSucceeds(getDoc(doc(anna(), MINE)));
    await assertSucceeds(setDoc(doc(anna(), MINE), follows(['p1', 'p2'], ['ict', '_rest'])));
    await assertSucceeds(deleteDoc(doc(anna(), MINE)));
  });

  it('denies anyone else reading, listing or writing them', async () => {
    await assertFails(getDoc(doc(bram(), MINE)));
    await assertFails(getDocs(collection(bram(), 'follows')));
    await assertFails(setDoc(doc(bram(), MINE), follows(['p1'])));
    await assertFails(getDoc(doc(dbNonMember(env, ANNA.uid), MINE)));
  });

  it('holds at most 200 pages and 50 sections, strings only, with updatedAt now and no other field', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);
    await assertSucceeds(setDoc(doc(anna(), MINE), follows(many(200), many(50))));
    await assertFails(setDoc(doc(anna(), MINE), follows(many(201))));
    await assertFails(setDoc(doc(anna(), MINE), follows([], many(51))));
    await assertFails(setDoc(doc(anna(), MINE), follows([1, 2])));
    await assertFails(setDoc(doc(anna(), MINE), follows(['x'.repeat(101)])));
    await assertFails(setDoc(doc(anna(), MINE), { pages: [], sections: [], updatedAt: PAST }));
    await assertFails(setDoc(doc(anna(), MINE), { ...follows([]), note: 'x' }));
  });
});

describe('mentions on comments', () => {
  it('accepts up to 10 mentioned uids on a new comment, not 11 or non-strings', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => `u${i}`);
    await seedPageWithOneComment(env);
    await assertSucceeds(postComment(anna(), ANNA, { commentId: newId('m1'), comment: { mentions: [BRAM.uid] }, pageFacts: false }));
    await env.clearFirestore();
    await seedProfiles(env);
    await seedPageWithOneComment(env);
    await assertSucceeds(postComment(anna(), ANNA, { commentId: newId('m2'), comment: { mentions: ten }, pageFacts: false }));
    await env.clearFirestore();
    await seedProfiles(env);
    await seedPageWithOneComment(env);
    await assertFails(postComment(anna(), ANNA, { commentId: newId('m3'), comment: { mentions: [...ten, 'u10'] }, pageFacts: false }));
    await assertFails(postComment(anna(), ANNA, { commentId: newId('m4'), comment: { mentions: [42] }, pageFacts: false }));
  });

  it('denies adding mentions by an edit', async () => {
    await seedPageWithOneComment(env);
    await assertFails(
      updateDoc(doc(anna(), commentPath('c1')), { text: 'Nieuw', editedAt: serverTimestamp(), updatedAt: serverTimestamp(), mentions: [BRAM.uid] }),
    );
    await assertSucceeds(updateDoc(doc(anna(), commentPath('c1')), { text: 'Nieuw', editedAt: serverTimestamp(), updatedAt: serverTimestamp() }));
  });
});
