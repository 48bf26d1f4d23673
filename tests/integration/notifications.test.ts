// Notifications end to end under the Auth + Firestore + Functions emulators: employees post through
// the real outbox (rules and all), the fan-out triggers (functions/src/notifications/) write
// inboxes, the recount keeps `inboxes/{uid}`. Proves: a reply to an anonymous comment reaches its
// author's inbox, and nothing another person can read (the item is the author's alone, the comment,
// the timeline entry, the replier's own inbox) ties the author to it; a mention reaches the person
// and, for someone rollout keeps off the page, becomes 'mentionUnseen' for the writer instead;
// follow activity is one item per page whose count grows, and starts again once read; "this
// helped" reaches the reply's author; mark-all-read (readThrough) recounts to 0; the weekly digest
// reaches a follower away for a week with the followed section's new thread, and not a daily user.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { doc, getDoc, serverTimestamp, setDoc } from 'firebase/firestore';
import { db as server } from '../../functions/src/admin';
import { runDigests } from '../../functions/src/notifications/digest';
import { paths } from '../../lib/core/paths';
import { NO_ROLLOUT, type Features, type Rollout } from '../../lib/core/rollout';
import { applyRolloutEdit } from '../../lib/core/rollout-edit';
import { isoWeek } from '../../lib/core/notifications/fanout';
import { postComment } from '../../lib/data/outbox/commands';
import { firestoreSender } from '../../lib/data/outbox/remote-operations';
import { markAllRead, markItemRead } from '../../lib/data/notifications/inbox-actions';
import { setFollow } from '../../lib/data/notifications/follows';
import { waitFor } from '../../scripts/poll';
import { seedDemo } from '../../scripts/seed';
import { resetRateWindow } from '../helpers/emulator-admin';
import { flushAll, signedInClient } from '../helpers/emulator-clients';
import { freshDb } from '../helpers/fake-db';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';
import { closePeople, pageMaker, TEST_ORIGIN, type TestPage, type TestPerson } from '../helpers/fresh-page';

type Person = TestPerson;

const freshPage = pageMaker('meldingen', { folder: 'nieuws', title: 'Meldingen' });

const author = (p: Person) => ({ uid: p.uid, displayName: p.name });

async function post(p: Person, page: TestPage, text: string, options: { anonymous?: boolean; parentId?: string; mentions?: string[] } = {}): Promise<string> {
  const { id } = await postComment(p.db, author(p), {
    pageId: page.pageId,
    parentId: options.parentId ?? null,
    text,
    anonymous: options.anonymous,
    mentions: options.mentions,
    page,
  });
  expect(
    await flushAll(
      p.db,
      p.uid,
      firestoreSender(p.client.lite, () => author(p)),
    ),
  ).toMatchObject({ status: 'idle' });
  return id!;
}

const item = async (uid: string, itemId: string) => (await server.doc(paths.inboxItem(uid, itemId)).get()).data();
const summary = async (uid: string) => (await server.doc(paths.inbox(uid)).get()).data();

function itemBecomes(uid: string, itemId: string, ok: (d: Record<string, unknown>) => boolean, what: string) {
  return waitFor(
    async () => {
      const d = await item(uid, itemId);
      return d && ok(d) && d;
    },
    { what, timeoutMs: 45_000, intervalMs: 150 },
  );
}
function unreadBecomes(uid: string, n: number, what: string) {
  return waitFor(async () => (await summary(uid))?.unread === n, { what, timeoutMs: 45_000, intervalMs: 150 });
}

/** Every item in a person's inbox, whole, as text. */
async function wholeInbox(uid: string): Promise<string> {
  const snap = await server.collection(paths.inboxItems(uid)).get();
  return JSON.stringify(snap.docs.map((d) => ({ id: d.id, ...d.data() })));
}

const ALL: Features = { comments: true, likes: true, anonymous: true, experts: true };

describe('notifications kept by the Functions triggers', { timeout: 120_000 }, () => {
  let anna: Person;
  let bram: Person;
  let chantal: Person;

  beforeAll(async () => {
    await seedDemo({ threads: false });
    [anna, bram, chantal] = (await Promise.all(
      ['anna', 'bram', 'chantal'].map(async (key) => {
        const { email, displayName } = demoEmployee(key);
        const client = await signedInClient(email, DEMO_PASSWORD);
        return { key, client, db: freshDb(), uid: client.uid, name: displayName };
      }),
    )) as [Person, Person, Person];
    // Drain the Functions emulator's queue (earlier files' events) and start the workers: a first reply's item.
    const warm = freshPage();
    const q = await post(anna, warm, 'Wakker?');
    const r = await post(bram, warm, 'Ja', { parentId: q });
    await itemBecomes(anna.uid, `reply_${r}`, () => true, 'the warm-up reply');
  }, 240_000);

  afterEach(async () => {
    await Promise.all([anna, bram, chantal].map((p) => resetRateWindow(p.uid)));
  });

  afterAll(async () => {
    await server.doc(paths.rollout()).delete();
    await closePeople([anna, bram, chantal]);
  });

  it('a reply to an anonymous comment reaches its author, and nothing others read ties them to it', async () => {
    const page = freshPage();
    const question = await post(anna, page, 'Mag ik vragen hoe het zit met de reorganisatie?', { anonymous: true });
    const reply = await post(bram, page, 'Goede vraag, dat staat op de HR-pagina.', { parentId: question });
    const got = await itemBecomes(anna.uid, `reply_${reply}`, () => true, "the reply in the anonymous author's inbox");
    expect(got).toMatchObject({ kind: 'reply', pageId: page.pageId, commentId: reply, actor: { uid: bram.uid, name: bram.name }, read: false });
    // Only Anna reads her inbox: Bram's client is refused it.
    await expect(getDoc(doc(bram.client.firestore, paths.inboxItem(anna.uid, `reply_${reply}`)))).rejects.toMatchObject({ code: 'permission-denied' });
    // What others can read names nobody: the comment, the timeline entry, Bram's own inbox.
    const { email, personId } = demoEmployee('anna');
    const traces = [anna.uid, anna.name, email, personId];
    const readable = [
      JSON.stringify((await getDoc(doc(bram.client.firestore, paths.comment(page.pageId, question)))).data()),
      JSON.stringify((await server.doc(paths.timelineEntry(page.pageId)).get()).data() ?? {}),
      await wholeInbox(bram.uid),
    ];
    for (const text of readable) for (const trace of traces) expect(text).not.toContain(trace);
    // And Anna is not told about her own anonymous comment (no follow/mention item of it).
    expect(await item(anna.uid, `mention_${question}`)).toBeUndefined();
  });

  it('a reply by an anonymous writer names nobody in the item', async () => {
    const page = freshPage();
    const question = await post(bram, page, 'Wie heeft de sleutel van de fietsenstalling?');
    const reply = await post(anna, page, 'Die ligt bij de receptie.', { parentId: question, anonymous: true });
    const got = await itemBecomes(bram.uid, `reply_${reply}`, () => true, "the anonymous reply in Bram's inbox");
    expect(got.actor).toBeNull();
    const whole = JSON.stringify(got);
    for (const trace of [anna.uid, anna.name]) expect(whole).not.toContain(trace);
  });

  it('a mention reaches the person; one rollout keeps off the page is told to the writer instead', async () => {
    const page = freshPage();
    const id = await post(bram, page, `Zie je dit, @${chantal.name}?`, { mentions: [chantal.uid] });
    const got = await itemBecomes(chantal.uid, `mention_${id}`, () => true, "the mention in Chantal's inbox");
    expect(got).toMatchObject({ kind: 'mention', actor: { uid: bram.uid }, commentId: id });

    // A pilot section only Anna and Bram may see.
    let rollout: Rollout = applyRolloutEdit(NO_ROLLOUT, { op: 'rest', mode: 'on', features: ALL }).rollout;
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    rollout = applyRolloutEdit(rollout, {
      op: 'group',
      id: null,
      group: { name: 'Piloot', members: { people: [anna.uid, bram.uid], departments: [] }, from: day(-1), until: day(30), control: null, ambassadors: [] },
    }).rollout;
    const groupId = Object.keys(rollout.groups)[0]!;
    rollout = applyRolloutEdit(rollout, {
      op: 'section',
      id: null,
      section: {
        name: 'Piloot',
        kind: 'section',
        prefixes: [`${TEST_ORIGIN}/piloot/`],
        pages: [],
        mode: 'on',
        features: ALL,
        pilotGroups: [groupId],
        othersSee: 'off',
      },
    }).rollout;
    const groups = Object.fromEntries(Object.entries(rollout.groups).map(([k, g]) => [k, { ...g, fromAt: new Date(g.fromAt), untilAt: new Date(g.untilAt) }]));
    await server.doc(paths.rollout()).set({ rest: rollout.rest, sections: rollout.sections, groups, index: rollout.index, updatedAt: new Date() });
    try {
      const hidden = freshPage('piloot');
      const id2 = await post(bram, hidden, `@${chantal.name} en @${anna.name}, kijk even`, { mentions: [chantal.uid, anna.uid] });
      const unseen = await itemBecomes(bram.uid, `mentionUnseen_${id2}`, () => true, "Bram's mentionUnseen");
      expect(unseen).toMatchObject({ kind: 'mentionUnseen', unseen: [chantal.name], commentId: id2 });
      await itemBecomes(anna.uid, `mention_${id2}`, () => true, "Anna's mention on the pilot page");
      expect(await item(chantal.uid, `mention_${id2}`)).toBeUndefined();
    } finally {
      await server.doc(paths.rollout()).delete();
    }
  });

  it('following a page: one item whose count grows, started again once read', async () => {
    const page = freshPage();
    await setFollow(chantal.client.firestore, chantal.uid, 'pages', page.pageId, true);
    const a = await post(bram, page, 'Eerste');
    await itemBecomes(chantal.uid, `follow_${page.pageId}`, (d) => d.commentId === a, 'the follow item');
    const b = await post(anna, page, 'Tweede');
    const two = await itemBecomes(chantal.uid, `follow_${page.pageId}`, (d) => d.count === 2, 'the follow item at 2');
    expect(two).toMatchObject({ kind: 'follow', commentId: b, actor: { uid: anna.uid }, read: false });
    // Bram, the writer, follows nothing and gets nothing of his own comment.
    expect(await item(bram.uid, `follow_${page.pageId}`)).toBeUndefined();
    await markItemRead(chantal.client.firestore, chantal.uid, `follow_${page.pageId}`);
    const c = await post(bram, page, 'Derde');
    const again = await itemBecomes(chantal.uid, `follow_${page.pageId}`, (d) => d.commentId === c, 'the follow item started again');
    expect(again).toMatchObject({ count: 1, read: false });
    await setFollow(chantal.client.firestore, chantal.uid, 'pages', page.pageId, false);
  });

  it('"this helped" reaches the reply\'s author', async () => {
    const page = freshPage();
    const q = await post(anna, page, 'Hoe vraag ik verlof aan?');
    const r = await post(bram, page, 'Via het HR-portaal.', { parentId: q });
    await setDoc(doc(anna.client.firestore, paths.helpfulMark(page.pageId, r)), { replyId: r, parentId: q, createdAt: serverTimestamp() });
    const got = await itemBecomes(bram.uid, `helpful_${r}`, () => true, "the helpful item in Bram's inbox");
    expect(got).toMatchObject({ kind: 'helpful', commentId: r, actor: null });
  });

  it('mark all read (readThrough) recounts the unread to 0, and a later item counts again', async () => {
    await waitFor(async () => ((await summary(anna.uid))?.unread as number) > 0, { what: 'Anna has unread items', timeoutMs: 30_000 });
    await markAllRead(anna.client.firestore, anna.uid);
    await unreadBecomes(anna.uid, 0, 'the unread count back at 0');
    const page = freshPage();
    const q = await post(anna, page, 'Nog een vraag');
    const r = await post(bram, page, 'Nog een antwoord', { parentId: q });
    await itemBecomes(anna.uid, `reply_${r}`, () => true, 'a new reply');
    await unreadBecomes(anna.uid, 1, 'one unread again');
  });

  it("the weekly digest reaches a follower away a week with the section's new thread, not a daily user", async () => {
    const page = freshPage('digestsectie');
    await setFollow(chantal.client.firestore, chantal.uid, 'sections', '_rest', true);
    await setFollow(anna.client.firestore, anna.uid, 'sections', '_rest', true);
    const thread = await post(bram, page, 'Nieuw onderwerp voor de digest');
    await waitFor(async () => (await server.doc(paths.timelineEntry(page.pageId)).get()).get('latest')?.commentId === thread, {
      what: 'the timeline entry',
      timeoutMs: 45_000,
    });
    await server.doc(paths.inbox(chantal.uid)).set({ seenAt: new Date(Date.now() - 9 * 86_400_000) }, { merge: true });
    await server.doc(paths.inbox(anna.uid)).set({ seenAt: new Date() }, { merge: true });
    const now = Date.now();
    await runDigests(now);
    const digest = await item(chantal.uid, `digest_${isoWeek(now)}`);
    expect(digest).toMatchObject({ kind: 'digest', read: false });
    expect(digest!.digest).toEqual(expect.arrayContaining([expect.objectContaining({ pageId: page.pageId, newComments: 1, newThreads: 1 })]));
    expect(await item(anna.uid, `digest_${isoWeek(now)}`)).toBeUndefined();
    await setFollow(chantal.client.firestore, chantal.uid, 'sections', '_rest', false);
    await setFollow(anna.client.firestore, anna.uid, 'sections', '_rest', false);
  });
});
