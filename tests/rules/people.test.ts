// firebase/firestore.rules for the people directory and expert lookup: directoryShards/{shardId}
// (server-written snapshots of the directory and everyone's capped evidence, for a first sync),
// evidence/{uid} (the capped evidence members read: the evidence feed), expertise/{uid} (the
// server's own full record: no client reads or writes it), directoryState/* (the rebuild's state:
// server only) and pages/{pageId}/helpful/{replyId} ("this helped", by the asker only, never on one's own reply).
// The profile's fields: profiles.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  documentId,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  Timestamp,
  type DocumentData,
} from 'firebase/firestore';
import { ANNA, BRAM } from '../helpers/fixtures';
import { commentPath, dbAs, dbSignedOut, PAGE_ID, seed, startRulesEnv, storedComment } from '../helpers/rules-env';

let env: RulesTestEnvironment;
const CAROL = { uid: 'carol-uid', displayName: 'Carol Wit' };

beforeAll(async () => {
  env = await startRulesEnv();
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
});

describe('directory snapshots', () => {
  const shard = { people: [{ uid: ANNA.uid, displayName: ANNA.displayName }], updatedAt: Timestamp.now() };

  it('allows a member to read a shard', async () => {
    await seed(env, { 'directoryShards/0': shard });
    await assertSucceeds(getDoc(doc(dbAs(env, BRAM.uid), 'directoryShards/0')));
  });

  it('denies writing a shard, even one’s own entry in it', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), 'directoryShards/0'), shard));
    await seed(env, { 'directoryShards/0': shard });
    await assertFails(updateDoc(doc(dbAs(env, ANNA.uid), 'directoryShards/0'), { updatedAt: serverTimestamp() }));
    await assertFails(deleteDoc(doc(dbAs(env, ANNA.uid), 'directoryShards/0')));
  });

  it('lets a member read the directory feed (profiles changed after a cursor); denies it signed out', async () => {
    await seed(env, { [`profiles/${ANNA.uid}`]: { displayName: ANNA.displayName, updatedAt: Timestamp.now() } });
    const feed = (db: ReturnType<typeof dbSignedOut>) =>
      getDocs(query(collection(db, 'profiles'), orderBy('updatedAt'), orderBy(documentId()), startAfter(Timestamp.fromMillis(0)), limit(200)));
    expect((await assertSucceeds(feed(dbAs(env, BRAM.uid)))).size).toBe(1);
    await assertFails(feed(dbSignedOut(env)));
  });

  it('denies reading the directory itself and the membership lists (server only)', async () => {
    await seed(env, {
      'directory/E0107': { email: 'anna@lindeveen.nl', active: true, roles: {} },
      'config/membership': { allow: ['gast@example.org'], deny: [] },
    });
    await assertFails(getDoc(doc(dbAs(env, ANNA.uid), 'directory/E0107')));
    await assertFails(getDoc(doc(dbAs(env, ANNA.uid, { roles: { admin: true } }), 'config/membership')));
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), 'directory/E0107'), { email: 'anna@lindeveen.nl', active: true, roles: { admin: true } }));
  });
});

describe('expertise evidence', () => {
  const pages = [{ pageId: PAGE_ID, title: 'ICT-helpdesk', terms: ['vpn'], answers: 3, likes: 7, helpful: 2 }];
  const evidence = { pages, pageIds: [PAGE_ID], updatedAt: Timestamp.now() };

  it('lets a member read a colleague’s evidence copy, and the evidence feed query (the legitimate path)', async () => {
    // A colleague no other test writes comments as: the Functions emulator's expertise triggers,
    // still finishing other files' writes, would rewrite Anna's copy from her (absent) comments.
    const colleague = 'colleague-with-evidence';
    await seed(env, { [`evidence/${colleague}`]: { pages, updatedAt: Timestamp.now() } });
    const copy = await assertSucceeds(getDoc(doc(dbAs(env, BRAM.uid), `evidence/${colleague}`)));
    expect(copy.get('pages')).toEqual(pages);
    const feed = await assertSucceeds(
      getDocs(query(collection(dbAs(env, BRAM.uid), 'evidence'), orderBy('updatedAt'), orderBy(documentId()), startAfter(Timestamp.fromMillis(0)), limit(200))),
    );
    expect(feed.docs.map((d) => d.id)).toContain(colleague);
  });

  it('denies the evidence copies to anyone signed out, and writing them to everyone, even one’s own', async () => {
    await seed(env, { [`evidence/${ANNA.uid}`]: { pages, updatedAt: Timestamp.now() } });
    await assertFails(getDoc(doc(dbSignedOut(env), `evidence/${ANNA.uid}`)));
    await assertFails(getDocs(collection(dbSignedOut(env), 'evidence')));
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), `evidence/${ANNA.uid}`), { pages, updatedAt: serverTimestamp() }));
    await assertFails(updateDoc(doc(dbAs(env, ANNA.uid), `evidence/${ANNA.uid}`), { pages: [], updatedAt: serverTimestamp() }));
    await assertFails(deleteDoc(doc(dbAs(env, BRAM.uid), `evidence/${ANNA.uid}`)));
    await assertFails(setDoc(doc(dbAs(env, BRAM.uid, { roles: { admin: true } }), `evidence/${BRAM.uid}`), { pages, updatedAt: serverTimestamp() }));
  });

  it('denies the shards’ rebuild state (its lease and coverage) to every client, administrators too', async () => {
    await seed(env, { 'directoryState/shards': { coveredAt: Timestamp.now(), shardIds: ['00'] } });
    await assertFails(getDoc(doc(dbAs(env, BRAM.uid, { roles: { admin: true } }), 'directoryState/shards')));
    await assertFails(setDoc(doc(dbAs(env, BRAM.uid, { roles: { admin: true } }), 'directoryState/shards'), { leaseUntil: Timestamp.now() }));
  });

  it('lets a member read everyone’s evidence in the directory shards (the first sync’s path)', async () => {
    await seed(env, {
      'directoryShards/0': { people: [{ uid: ANNA.uid, displayName: ANNA.displayName }], evidence: { [ANNA.uid]: pages }, updatedAt: Timestamp.now() },
    });
    const shard = await assertSucceeds(getDoc(doc(dbAs(env, BRAM.uid), 'directoryShards/0')));
    expect(shard.get('evidence')).toEqual({ [ANNA.uid]: pages });
  });

  it('denies a member reading expertise/* (the server’s record): by id, by query, even their own', async () => {
    await seed(env, { [`expertise/${ANNA.uid}`]: evidence });
    await assertFails(getDoc(doc(dbAs(env, BRAM.uid), `expertise/${ANNA.uid}`)));
    await assertFails(getDoc(doc(dbAs(env, ANNA.uid), `expertise/${ANNA.uid}`)));
    await assertFails(getDocs(collection(dbAs(env, BRAM.uid), 'expertise')));
    await assertFails(getDocs(query(collection(dbAs(env, BRAM.uid), 'expertise'), where('pageIds', 'array-contains', PAGE_ID))));
    await assertFails(getDoc(doc(dbAs(env, BRAM.uid, { roles: { admin: true } }), `expertise/${ANNA.uid}`)));
  });

  it('denies reading evidence when signed out, in the shards or in expertise/*', async () => {
    await seed(env, { [`expertise/${ANNA.uid}`]: evidence, 'directoryShards/0': { people: [], evidence: { [ANNA.uid]: pages }, updatedAt: Timestamp.now() } });
    await assertFails(getDoc(doc(dbSignedOut(env), `expertise/${ANNA.uid}`)));
    await assertFails(getDoc(doc(dbSignedOut(env), 'directoryShards/0')));
  });

  it("denies writing someone else's evidence", async () => {
    await assertFails(setDoc(doc(dbAs(env, BRAM.uid), `expertise/${ANNA.uid}`), evidence));
  });

  it('denies writing, changing or deleting even your own evidence, in expertise/* or in a shard', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), `expertise/${ANNA.uid}`), evidence));
    await seed(env, { [`expertise/${ANNA.uid}`]: evidence, 'directoryShards/0': { people: [], evidence: {}, updatedAt: Timestamp.now() } });
    await assertFails(updateDoc(doc(dbAs(env, ANNA.uid), `expertise/${ANNA.uid}`), { updatedAt: serverTimestamp() }));
    await assertFails(deleteDoc(doc(dbAs(env, ANNA.uid), `expertise/${ANNA.uid}`)));
    await assertFails(
      setDoc(doc(dbAs(env, ANNA.uid), 'directoryShards/0'), { evidence: { [ANNA.uid]: pages }, updatedAt: serverTimestamp() }, { merge: true }),
    );
  });
});

describe('"this helped" marks', () => {
  const helpfulPath = (replyId = 'r1') => `pages/${PAGE_ID}/helpful/${replyId}`;
  // `by` documents who writes the mark in each test; the mark itself never records it.
  const mark = (_by: string, overrides: DocumentData = {}) => ({ replyId: 'r1', parentId: 'q1', createdAt: serverTimestamp(), ...overrides });

  // Anna asks q1, Bram answers r1. Anonymous question q2 is owned by Carol; Bram answers it with r2.
  beforeEach(async () => {
    await seed(env, {
      [commentPath('q1')]: storedComment(ANNA),
      [commentPath('r1')]: storedComment(BRAM, { parentId: 'q1' }),
      [commentPath('r1own')]: storedComment(ANNA, { parentId: 'q1' }),
      [commentPath('q2')]: {
        pageId: PAGE_ID,
        parentId: null,
        text: 'Anoniem: hoe zit het met …?',
        anonymous: true,
        likeCount: 0,
        createdAt: Timestamp.now(),
        updatedAt: Timestamp.now(),
        editedAt: null,
        deleted: false,
      },
      [commentPath('r2')]: storedComment(BRAM, { parentId: 'q2' }),
      [`commentOwners/q2`]: { uid: CAROL.uid, pageId: PAGE_ID, createdAt: Timestamp.now() },
    });
  });

  it('allows the asker to mark a reply to their question', async () => {
    await assertSucceeds(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath()), mark(ANNA.uid)));
  });

  it('allows the owner of an anonymous question to mark a reply to it', async () => {
    await assertSucceeds(setDoc(doc(dbAs(env, CAROL.uid), helpfulPath('r2')), mark(CAROL.uid, { replyId: 'r2', parentId: 'q2' })));
  });

  it('denies someone other than the anonymous question’s owner', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath('r2')), mark(ANNA.uid, { replyId: 'r2', parentId: 'q2' })));
  });

  it('denies someone who did not ask (even the one who answered)', async () => {
    await assertFails(setDoc(doc(dbAs(env, BRAM.uid), helpfulPath()), mark(BRAM.uid)));
    await assertFails(setDoc(doc(dbAs(env, CAROL.uid), helpfulPath()), mark(CAROL.uid)));
  });

  it('denies a mark that names who made it (it would unmask an anonymous asker)', async () => {
    await assertFails(setDoc(doc(dbAs(env, CAROL.uid), helpfulPath('r2')), mark(CAROL.uid, { replyId: 'r2', parentId: 'q2', markedBy: CAROL.uid })));
  });

  it('a mark on an anonymous question tells other readers nothing about who asked', async () => {
    await setDoc(doc(dbAs(env, CAROL.uid), helpfulPath('r2')), mark(CAROL.uid, { replyId: 'r2', parentId: 'q2' }));
    const stored = (await getDoc(doc(dbAs(env, BRAM.uid), helpfulPath('r2')))).data();
    expect(Object.keys(stored ?? {}).sort()).toEqual(['createdAt', 'parentId', 'replyId']);
    expect(JSON.stringify(stored)).not.toContain(CAROL.uid);
  });

  it('denies marking your own reply', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath('r1own')), mark(ANNA.uid, { replyId: 'r1own' })));
  });

  it('denies a mark naming another parent than the reply’s', async () => {
    await assertFails(setDoc(doc(dbAs(env, CAROL.uid), helpfulPath('r1')), mark(CAROL.uid, { parentId: 'q2' })));
  });

  it('denies a mark whose id is not the reply id', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath('r2')), mark(ANNA.uid)));
  });

  it('denies marking a reply that does not exist', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath('nope')), mark(ANNA.uid, { replyId: 'nope' })));
  });

  it('denies extra fields and a client-chosen time', async () => {
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath()), mark(ANNA.uid, { weight: 10 })));
    await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath()), mark(ANNA.uid, { createdAt: Timestamp.now() })));
  });

  it('denies marking when signed out', async () => {
    await assertFails(setDoc(doc(dbSignedOut(env), helpfulPath()), mark(ANNA.uid)));
  });

  describe('never on one’s own reply, named or anonymous', () => {
    const anonymous = (parentId: string) => ({
      pageId: PAGE_ID,
      parentId,
      text: 'Anoniem antwoord',
      anonymous: true,
      likeCount: 0,
      createdAt: Timestamp.now(),
      updatedAt: Timestamp.now(),
      editedAt: null,
      deleted: false,
    });

    // Anna answers her own named question q1 anonymously (ra); Carol answers her own anonymous
    // question q2 anonymously (rc); Bram answers Anna's q1 anonymously (rb).
    beforeEach(() =>
      seed(env, {
        [commentPath('ra')]: anonymous('q1'),
        [`commentOwners/ra`]: { uid: ANNA.uid, pageId: PAGE_ID, createdAt: Timestamp.now() },
        [commentPath('rc')]: anonymous('q2'),
        [`commentOwners/rc`]: { uid: CAROL.uid, pageId: PAGE_ID, createdAt: Timestamp.now() },
        [commentPath('rb')]: anonymous('q1'),
        [`commentOwners/rb`]: { uid: BRAM.uid, pageId: PAGE_ID, createdAt: Timestamp.now() },
      }),
    );

    it('denies the asker marking her own anonymous reply to her named question', async () => {
      await assertFails(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath('ra')), mark(ANNA.uid, { replyId: 'ra', parentId: 'q1' })));
    });

    it('denies an anonymous asker marking her own anonymous reply', async () => {
      await assertFails(setDoc(doc(dbAs(env, CAROL.uid), helpfulPath('rc')), mark(CAROL.uid, { replyId: 'rc', parentId: 'q2' })));
    });

    it('allows the asker to mark someone else’s anonymous reply', async () => {
      await assertSucceeds(setDoc(doc(dbAs(env, ANNA.uid), helpfulPath('rb')), mark(ANNA.uid, { replyId: 'rb', parentId: 'q1' })));
    });

    it('denies an anonymous asker whose owner link names another page', async () => {
      await seed(env, { [`commentOwners/q2`]: { uid: CAROL.uid, pageId: 'p_other', createdAt: Timestamp.now() } });
      await assertFails(setDoc(doc(dbAs(env, CAROL.uid), helpfulPath('r2')), mark(CAROL.uid, { replyId: 'r2', parentId: 'q2' })));
    });
  });

  it('allows the asker to take the mark back, nobody else', async () => {
    await seed(env, { [helpfulPath()]: { replyId: 'r1', parentId: 'q1', createdAt: Timestamp.now() } });
    await assertFails(deleteDoc(doc(dbAs(env, BRAM.uid), helpfulPath())));
    await assertFails(updateDoc(doc(dbAs(env, ANNA.uid), helpfulPath()), { parentId: 'q2' }));
    await assertSucceeds(deleteDoc(doc(dbAs(env, ANNA.uid), helpfulPath())));
  });

  it('allows signed-in users to read marks', async () => {
    await seed(env, { [helpfulPath()]: { replyId: 'r1', parentId: 'q1', createdAt: Timestamp.now() } });
    await assertSucceeds(getDoc(doc(dbAs(env, CAROL.uid), helpfulPath())));
    await assertFails(getDoc(doc(dbSignedOut(env), helpfulPath())));
  });
});
