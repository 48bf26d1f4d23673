// Moderation end to end under the Auth + Firestore + Functions emulators, with the real SDK (rules
// and all): employees post through the outbox and report with the panel's write; the report and
// hold triggers (functions/src/moderation/) keep the queue; moderators decide through the callable
// `moderate`. Proves: a report files its comment in the queue (by reason), a second report and a
// report of one's own are refused; A's claim refuses B until released; a hide shows the comment as
// moderated with its reason, keeps the text server-side only, moves the page counter and the
// timeline, and a restore undoes it; the anonymous author of a hidden post gets the note in their
// inbox while nothing the moderator can read (queue item, history, answers, errors) names them;
// held posts (pre-moderation) are approved into the thread or rejected; and the refusals:
// deletedByAuthor, outsideSections, notModerator, notFound, reasonRequired, alreadyDecided.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collection, doc, getDoc, getDocs, increment, query, serverTimestamp, setDoc, where, writeBatch, type Firestore } from 'firebase/firestore';
import { db as server } from '../../functions/src/admin';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import type { ModerateRequest, ReportReason } from '../../lib/core/moderation/model';
import { paths } from '../../lib/core/paths';
import { newCommentId } from '../../lib/core/schema';
import type { Rollout } from '../../lib/core/rollout';
import { REST_SECTION_KEY } from '../../lib/core/timeline';
import { consoleFunctions } from '../../lib/data/console/roles';
import { moderateCaller, type ModerateOutcome } from '../../lib/data/moderation/moderate-call';
import { deleteComment, postComment } from '../../lib/data/outbox/commands';
import { firestoreSender } from '../../lib/data/outbox/remote-operations';
import { waitFor } from '../../scripts/poll';
import { seedDemo } from '../../scripts/seed';
import { resetRateWindow } from '../helpers/emulator-admin';
import { flushAll, signedInClient } from '../helpers/emulator-clients';
import { freshDb } from '../helpers/fake-db';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';
import { pageMaker, TEST_ORIGIN, type TestPage, type TestPerson } from '../helpers/fresh-page';
import { rolloutOf, restEdit, sectionEdit } from '../helpers/rollout-edits';

interface Person extends TestPerson {
  moderate(request: ModerateRequest): Promise<ModerateOutcome>;
}

const freshPage = pageMaker('moderatie', { folder: 'test', title: 'Moderatie' });

const author = (p: Person) => ({ uid: p.uid, displayName: p.name });

async function post(p: Person, page: TestPage, text: string, anonymous = false, parentId: string | null = null): Promise<string> {
  const { id } = await postComment(p.db, author(p), { pageId: page.pageId, parentId, text, anonymous, page });
  expect(
    await flushAll(
      p.db,
      p.uid,
      firestoreSender(p.client.lite, () => author(p)),
    ),
  ).toMatchObject({ status: 'idle' });
  expect(await p.db.outbox.count()).toBe(0);
  return id!;
}

/** A report as the panel writes it (reports/{pageId}_{commentId}_{uid}). */
function report(p: Person, page: TestPage, commentId: string, reason: ReportReason, text = ''): Promise<void> {
  return setDoc(doc(p.client.firestore, paths.report(page.pageId, commentId, p.uid)), {
    pageId: page.pageId,
    commentId,
    uid: p.uid,
    reason,
    text,
    createdAt: serverTimestamp(),
  });
}

/** A held post as the client writes it where the section pre-moderates it: post, owner link (anonymous), rate window, page at 0. */
async function hold(p: Person, page: TestPage, commentId: string, text: string, anonymous: boolean): Promise<void> {
  const fs: Firestore = p.client.firestore;
  const batch = writeBatch(fs);
  const at = serverTimestamp();
  const base = { pageId: page.pageId, parentId: null, text, createdAt: at, updatedAt: at, editedAt: null, deleted: false, likeCount: 0 };
  batch.set(doc(fs, paths.heldPost(page.pageId, commentId)), anonymous ? { ...base, anonymous: true } : { ...base, authorUid: p.uid, authorName: p.name });
  if (anonymous) batch.set(doc(fs, paths.commentOwner(commentId)), { uid: p.uid, pageId: page.pageId, createdAt: at });
  batch.set(doc(fs, `rate/${p.uid}`), { windowStart: at, count: 1, last: `${page.pageId}/${commentId}` });
  batch.set(
    doc(fs, paths.page(page.pageId)),
    // increment(0): 0 on a new page, unchanged on an existing one (a held post moves no counter).
    { url: page.url, title: page.title, commentCount: increment(0), likeCount: increment(0), lastCommentId: commentId, updatedAt: at },
    { merge: true },
  );
  await batch.commit();
}

/** An anonymous comment straight into the thread, as the client writes it (comment, owner link, rate window, counter +1). */
async function postAnonymouslyInThread(p: Person, page: TestPage, commentId: string): Promise<void> {
  const fs = p.client.firestore;
  const batch = writeBatch(fs);
  const at = serverTimestamp();
  batch.set(doc(fs, paths.comment(page.pageId, commentId)), {
    pageId: page.pageId,
    parentId: null,
    text: 'Anoniem, direct in de draad?',
    anonymous: true,
    createdAt: at,
    updatedAt: at,
    editedAt: null,
    deleted: false,
    likeCount: 0,
  });
  batch.set(doc(fs, paths.commentOwner(commentId)), { uid: p.uid, pageId: page.pageId, createdAt: at });
  batch.set(doc(fs, `rate/${p.uid}`), { windowStart: at, count: 1, last: `${page.pageId}/${commentId}` });
  batch.set(doc(fs, paths.page(page.pageId)), { commentCount: increment(1), lastCommentId: commentId, updatedAt: at }, { merge: true });
  await batch.commit();
}

/** The comment id the page's timeline entry shows as its latest. */
const latestOf = async (page: TestPage) => ((await stored(paths.timelineEntry(page.pageId)))?.latest as { commentId?: string } | null | undefined)?.commentId;

const queueId = (page: TestPage, commentId: string) => `${page.pageId}_${commentId}`;
const stored = async (path: string) => (await server.doc(path).get()).data();

/** Waits until the triggers made the queue item satisfy `ok`. */
function itemBecomes(page: TestPage, commentId: string, ok: (item: Record<string, unknown>) => boolean, what: string) {
  return waitFor(
    async () => {
      const item = await stored(paths.queueItem(page.pageId, commentId));
      return item && ok(item) && item;
    },
    { what, timeoutMs: 45_000, intervalMs: 100 },
  );
}

const refusal = (outcome: ModerateOutcome) => (outcome.ok ? 'ok' : outcome.problem);

describe('moderation through reports, the queue and `moderate`', { timeout: 120_000 }, () => {
  let anna: Person; // writes, named and anonymously
  let bram: Person; // reports
  let daan: Person; // reports too
  let chantal: Person; // moderator everywhere
  let farid: Person; // moderator of ICT only
  let rachida: Person; // administrator (moderates too)
  const everyone = () => [anna, bram, daan, chantal, farid, rachida];
  let rollout: Rollout;

  beforeAll(async () => {
    await seedDemo({ threads: false });
    [anna, bram, daan, chantal, farid, rachida] = (await Promise.all(
      ['anna', 'bram', 'daan', 'chantal', 'farid', 'rachida'].map(async (key) => {
        const { email, displayName } = demoEmployee(key);
        const client = await signedInClient(email, DEMO_PASSWORD);
        const call = moderateCaller(consoleFunctions(client.app, BUILD_ORG_CONFIG.firebase));
        return { key, client, db: freshDb(), uid: client.uid, name: displayName, moderate: call };
      }),
    )) as [Person, Person, Person, Person, Person, Person];
    // ICT's pages pre-moderate anonymous posts; the rest of the intranet (test/) does not.
    rollout = rolloutOf(restEdit('on'), sectionEdit('ICT', { prefixes: [`${TEST_ORIGIN}/ict/`], premoderation: 'anonymous' }));
    await server.doc(paths.rollout()).set({ rest: rollout.rest, sections: rollout.sections, groups: {}, index: rollout.index, updatedAt: new Date() });
    // A first report's item, waited for here, drains triggers a previous test file left queued.
    const warmUp = freshPage();
    const id = await post(anna, warmUp, 'Even kijken of de wachtrij wakker is');
    await report(bram, warmUp, id, 'spam');
    await waitFor(async () => (await server.doc(paths.queueItem(warmUp.pageId, id)).get()).exists, {
      what: 'the triggers to catch up',
      timeoutMs: 150_000,
      intervalMs: 250,
    });
  }, 200_000);

  afterEach(async () => {
    await Promise.all(everyone().map((p) => resetRateWindow(p.uid)));
  });

  afterAll(async () => {
    await server.doc(paths.rollout()).delete();
    for (const p of everyone()) {
      await p?.client.close();
      await p?.db.delete();
    }
  });

  it('a report files the comment in the queue by reason; reporting twice or one’s own is refused', async () => {
    const page = freshPage();
    const id = await post(anna, page, 'Wie heeft de vergaderzaal weer niet opgeruimd? Typisch Communicatie.');
    await report(bram, page, id, 'attack');
    await report(daan, page, id, 'other', 'Dit is een sneer naar een hele afdeling.');
    const item = await itemBecomes(page, id, (i) => i.reportCount === 2, 'the item with two reports');
    expect(item).toMatchObject({
      pageId: page.pageId,
      commentId: id,
      url: page.url,
      sectionKey: REST_SECTION_KEY,
      reasons: { attack: 1, other: 1 },
      authorName: anna.name,
      anonymous: false,
      held: false,
      status: 'open',
      claim: null,
      history: [],
    });
    await expect(report(bram, page, id, 'spam')).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(report(anna, page, id, 'spam')).rejects.toMatchObject({ code: 'permission-denied' });
    // The moderators read it (Chantal everywhere); Farid moderates ICT only: not this page.
    await getDoc(doc(chantal.client.firestore, paths.queueItem(page.pageId, id)));
    await expect(getDoc(doc(farid.client.firestore, paths.queueItem(page.pageId, id)))).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(getDoc(doc(bram.client.firestore, paths.queueItem(page.pageId, id)))).rejects.toMatchObject({ code: 'permission-denied' });
    // Who reported: for moderators (and the reporter) only, never the author.
    const reports = await getDocs(
      query(collection(chantal.client.firestore, paths.reports()), where('pageId', '==', page.pageId), where('commentId', '==', id)),
    );
    expect(reports.docs.map((d) => d.get('uid')).sort()).toEqual([bram.uid, daan.uid].sort());
    await expect(
      getDocs(query(collection(anna.client.firestore, paths.reports()), where('pageId', '==', page.pageId), where('commentId', '==', id))),
    ).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('claimed by A, B is refused (also a decision) until A releases', async () => {
    const page = freshPage();
    const id = await post(anna, page, 'Koop allemaal mijn zelfgemaakte kaarsen, link in bio!');
    await report(bram, page, id, 'spam');
    await itemBecomes(page, id, (i) => i.reportCount === 1, 'the item');
    const claimed = await chantal.moderate({ queueId: queueId(page, id), action: 'claim' });
    expect(claimed).toMatchObject({ ok: true, result: { status: 'open', claim: { uid: chantal.uid, name: chantal.name } } });
    expect(await rachida.moderate({ queueId: queueId(page, id), action: 'claim' })).toEqual({ ok: false, problem: 'claimedByOther', claimedBy: chantal.name });
    expect(refusal(await rachida.moderate({ queueId: queueId(page, id), action: 'keep' }))).toBe('claimedByOther');
    expect((await stored(paths.comment(page.pageId, id)))?.deleted).toBe(false);
    expect(await chantal.moderate({ queueId: queueId(page, id), action: 'release' })).toMatchObject({ ok: true, result: { claim: null } });
    expect(await rachida.moderate({ queueId: queueId(page, id), action: 'keep' })).toMatchObject({ ok: true, result: { status: 'kept', claim: null } });
    // A new report opens a kept item again.
    await report(daan, page, id, 'spam');
    await itemBecomes(page, id, (i) => i.reportCount === 2 && i.status === 'open', 'the item open again');
  });

  it('hide with a reason: moderated with its reason, text server-side only, counter and timeline follow; restore undoes it', async () => {
    const page = freshPage();
    const first = await post(bram, page, 'Wanneer gaat de kantine weer open?');
    const rude = await post(anna, page, 'Wie dat nog niet weet, moet gewoon beter opletten, sukkel.');
    await waitFor(async () => (await latestOf(page)) === rude, { what: 'the timeline entry', timeoutMs: 45_000 });
    await report(bram, page, rude, 'attack');
    await itemBecomes(page, rude, (i) => i.reportCount === 1, 'the item');

    const hidden = await chantal.moderate({ queueId: queueId(page, rude), action: 'hide', reason: 'attack' });
    expect(hidden).toMatchObject({ ok: true, result: { status: 'hidden', claim: null } });
    // Readers see the mark and the reason, not the text (read as a colleague, through the rules).
    const seen = (await getDoc(doc(bram.client.firestore, paths.comment(page.pageId, rude)))).data();
    expect(seen).toMatchObject({ deleted: true, moderated: true, moderationReason: 'attack', text: '' });
    expect((await stored(paths.hiddenText(page.pageId, rude)))?.text).toBe('Wie dat nog niet weet, moet gewoon beter opletten, sukkel.');
    await expect(getDoc(doc(chantal.client.firestore, paths.hiddenText(page.pageId, rude)))).rejects.toMatchObject({ code: 'permission-denied' });
    expect((await stored(paths.page(page.pageId)))?.commentCount).toBe(1);
    await waitFor(async () => (await latestOf(page)) === first, { what: 'the timeline back at the first', timeoutMs: 45_000 });
    const item = await stored(paths.queueItem(page.pageId, rude));
    expect(item).toMatchObject({ status: 'hidden', history: [{ action: 'hide', by: { uid: chantal.uid, name: chantal.name }, reason: 'attack' }] });
    const audit = await server.collection(paths.audit()).where('kind', '==', 'moderation').get();
    const entry = audit.docs.map((d) => d.data()).find((d) => d.target?.commentId === rude);
    expect(entry).toMatchObject({ action: 'hide', actor: { uid: chantal.uid, name: chantal.name }, reason: 'attack' });
    // A hidden comment is hidden once; it cannot be reported any more.
    expect(refusal(await chantal.moderate({ queueId: queueId(page, rude), action: 'hide', reason: 'spam' }))).toBe('alreadyDecided');
    await expect(report(daan, page, rude, 'spam')).rejects.toMatchObject({ code: 'permission-denied' });

    expect(await chantal.moderate({ queueId: queueId(page, rude), action: 'restore' })).toMatchObject({ ok: true, result: { status: 'restored' } });
    const back = await stored(paths.comment(page.pageId, rude));
    expect(back).toMatchObject({ deleted: false, text: 'Wie dat nog niet weet, moet gewoon beter opletten, sukkel.' });
    expect(back).not.toHaveProperty('moderated');
    expect(back).not.toHaveProperty('moderationReason');
    expect(await stored(paths.hiddenText(page.pageId, rude))).toBeUndefined();
    expect((await stored(paths.page(page.pageId)))?.commentCount).toBe(2);
    await waitFor(async () => (await latestOf(page)) === rude, { what: 'the timeline with it again', timeoutMs: 45_000 });
  });

  it('the anonymous author gets the decision and the note in their inbox; nothing the moderator reads names them', async () => {
    const page = freshPage();
    const id = await post(anna, page, 'Mijn leidinggevende Bram Jansen woont op de Kerkstraat 12, kom maar langs.', true);
    await report(bram, page, id, 'private');
    await itemBecomes(page, id, (i) => i.reportCount === 1, 'the item');
    const answers: unknown[] = [];
    answers.push(await chantal.moderate({ queueId: queueId(page, id), action: 'claim' }));
    answers.push(await chantal.moderate({ queueId: queueId(page, id), action: 'hide', reason: 'private', note: 'Adressen van collega’s horen hier niet.' }));
    answers.push(await chantal.moderate({ queueId: queueId(page, id), action: 'note', note: 'Je mag het zonder adres opnieuw plaatsen.' }));
    answers.push(await chantal.moderate({ queueId: queueId(page, id), action: 'hide', reason: 'private' })); // refused: alreadyDecided
    answers.push(await farid.moderate({ queueId: queueId(page, id), action: 'keep' })); // refused: outsideSections
    expect(answers.map((a) => refusal(a as ModerateOutcome))).toEqual(['ok', 'ok', 'ok', 'alreadyDecided', 'outsideSections']);

    // Anna's inbox: the hide with its note, then the note; no moderator named.
    const inbox = await waitFor(
      async () => {
        const items = await server.collection(paths.inboxItems(anna.uid)).where('kind', '==', 'moderation').where('pageId', '==', page.pageId).get();
        return items.size === 2 && items.docs.map((d) => d.data());
      },
      { what: "two moderation items in Anna's inbox", timeoutMs: 20_000 },
    );
    expect(inbox.find((i) => i.outcome === 'hidden')).toMatchObject({
      commentId: id,
      pageId: page.pageId,
      actor: null,
      reason: 'private',
      excerpt: 'Adressen van collega’s horen hier niet.',
      read: false,
    });
    expect(inbox.find((i) => i.outcome === 'note')).toMatchObject({ actor: null, excerpt: 'Je mag het zonder adres opnieuw plaatsen.' });
    expect(JSON.stringify(inbox)).not.toContain(chantal.name);

    // What Chantal can read: the queue item and its history (through the rules), every answer and error.
    const item = (await getDoc(doc(chantal.client.firestore, paths.queueItem(page.pageId, id)))).data();
    expect(item).toMatchObject({ anonymous: true, authorName: null, status: 'hidden' });
    const { email, personId } = demoEmployee('anna');
    const readable = JSON.stringify({ item, answers });
    for (const trace of [anna.uid, anna.name, email, personId, 'Anna']) expect(readable).not.toContain(trace);
    // Nor anyone's inbox but her own.
    await expect(getDocs(collection(chantal.client.firestore, paths.inboxItems(anna.uid)))).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('pre-moderation: an anonymous post on ICT waits; approve puts it in the thread, reject removes it', async () => {
    const page = freshPage('ict');
    await post(bram, page, 'Named posts go straight in on ICT.'); // the page exists, count 1
    // Straight into the thread is refused; held is how it goes.
    await expect(postAnonymouslyInThread(anna, page, newCommentId())).rejects.toMatchObject({ code: 'permission-denied' });
    const waiting = newCommentId();
    const rejected = newCommentId();
    await hold(anna, page, waiting, 'Worden de oude laptops nog vervangen dit jaar?', true);
    await resetRateWindow(anna.uid);
    await hold(anna, page, rejected, 'Dit is reclame voor mijn webshop.', true);
    const item = await itemBecomes(page, waiting, (i) => i.held === true, 'the held item');
    expect(item).toMatchObject({ held: true, anonymous: true, authorName: null, sectionKey: 'ICT', reportCount: 0, status: 'open' });
    // The author sees their held post (through the owner link); a colleague does not.
    await getDoc(doc(anna.client.firestore, paths.heldPost(page.pageId, waiting)));
    await expect(getDoc(doc(bram.client.firestore, paths.heldPost(page.pageId, waiting)))).rejects.toMatchObject({ code: 'permission-denied' });

    // Farid moderates ICT: he approves one and rejects the other.
    const heldAt = (await stored(paths.heldPost(page.pageId, waiting)))?.createdAt;
    expect(await farid.moderate({ queueId: queueId(page, waiting), action: 'approve' })).toMatchObject({ ok: true, result: { status: 'approved' } });
    const comment = await stored(paths.comment(page.pageId, waiting));
    expect(comment).toMatchObject({ anonymous: true, text: 'Worden de oude laptops nog vervangen dit jaar?', deleted: false });
    expect(comment).not.toHaveProperty('authorUid');
    expect(comment?.createdAt).toEqual(heldAt);
    expect(await stored(paths.heldPost(page.pageId, waiting))).toBeUndefined();
    expect((await stored(paths.page(page.pageId)))?.commentCount).toBe(2);
    expect(await stored(paths.queueItem(page.pageId, waiting))).toMatchObject({ status: 'approved', held: false });
    // The author still owns it (the owner link carried over).
    expect((await getDoc(doc(anna.client.firestore, paths.commentOwner(waiting)))).data()).toMatchObject({ uid: anna.uid, pageId: page.pageId });

    await itemBecomes(page, rejected, (i) => i.held === true, 'the second held item');
    expect(await farid.moderate({ queueId: queueId(page, rejected), action: 'reject', note: 'Geen reclame graag.' })).toMatchObject({
      ok: true,
      result: { status: 'rejected' },
    });
    expect(await stored(paths.heldPost(page.pageId, rejected))).toBeUndefined();
    expect(await stored(paths.comment(page.pageId, rejected))).toBeUndefined();
    expect((await stored(paths.page(page.pageId)))?.commentCount).toBe(2);
    expect(refusal(await farid.moderate({ queueId: queueId(page, rejected), action: 'approve' }))).toBe('notFound');
    const outcomes = await waitFor(
      async () => {
        const items = await server.collection(paths.inboxItems(anna.uid)).where('kind', '==', 'moderation').where('pageId', '==', page.pageId).get();
        return items.size === 2 && items.docs.map((d) => d.get('outcome') as string).sort();
      },
      { what: "Anna's inbox told of both", timeoutMs: 20_000 },
    );
    expect(outcomes).toEqual(['approved', 'rejected']);
  });

  it('refusals: deleted by the author, outside one’s sections, not a moderator, not found, no reason', async () => {
    const page = freshPage();
    const id = await post(anna, page, 'Dit haal ik zo zelf weer weg.');
    await report(bram, page, id, 'offTopic');
    await itemBecomes(page, id, (i) => i.reportCount === 1, 'the item');
    expect(refusal(await chantal.moderate({ queueId: queueId(page, id), action: 'hide' }))).toBe('reasonRequired');
    expect(refusal(await farid.moderate({ queueId: queueId(page, id), action: 'hide', reason: 'offTopic' }))).toBe('outsideSections');
    expect(refusal(await bram.moderate({ queueId: queueId(page, id), action: 'hide', reason: 'offTopic' }))).toBe('notModerator');
    expect(refusal(await chantal.moderate({ queueId: queueId(page, 'NoSuchComment000000'), action: 'keep' }))).toBe('notFound');

    await deleteComment(anna.db, anna.uid, id);
    await flushAll(
      anna.db,
      anna.uid,
      firestoreSender(anna.client.lite, () => author(anna)),
    );
    expect((await stored(paths.comment(page.pageId, id)))?.deleted).toBe(true);
    expect(refusal(await chantal.moderate({ queueId: queueId(page, id), action: 'hide', reason: 'offTopic' }))).toBe('deletedByAuthor');
    expect(refusal(await chantal.moderate({ queueId: queueId(page, id), action: 'restore' }))).toBe('deletedByAuthor');
    expect(await stored(paths.comment(page.pageId, id))).toMatchObject({ deleted: true, text: '' });
    expect((await stored(paths.page(page.pageId)))?.commentCount).toBe(0);

    // Farid on his own section's comment: allowed.
    const ict = freshPage('ict');
    const named = await post(bram, ict, 'Het wachtwoordbeleid is echt onwerkbaar.');
    expect(await farid.moderate({ queueId: queueId(ict, named), action: 'keep' })).toMatchObject({ ok: true, result: { status: 'kept' } });
  });

  it('"this helped" by the section’s community manager answers the question: it leaves openQuestions at once', async () => {
    const eva = demoEmployee('eva'); // community manager of ICT
    const client = await signedInClient(eva.email, DEMO_PASSWORD);
    try {
      const page = freshPage('ict');
      const question = await post(bram, page, 'Hoe zet ik de VPN aan op mijn nieuwe laptop?');
      const answer = await post(daan, page, 'Via het softwarecentrum: LindeConnect 4.2 installeren.', false, question);
      // As the hourly rollup publishes it (functions/src/insights/rollup.ts).
      const open = { pageId: page.pageId, url: page.url, title: page.title, section: 'ICT', askedAt: Date.now(), excerpt: 'Hoe zet ik de VPN aan' };
      await server.doc(paths.openQuestions('ICT')).set({
        section: 'ICT',
        questions: [
          { ...open, commentId: question },
          { ...open, commentId: 'other' },
        ],
        updatedAt: 1,
      });
      // Farid moderates ICT but is no community manager there, and did not ask: refused.
      const mark = (fs: Firestore) =>
        setDoc(doc(fs, `pages/${page.pageId}/helpful/${answer}`), { replyId: answer, parentId: question, createdAt: serverTimestamp() });
      await expect(mark(farid.client.firestore)).rejects.toMatchObject({ code: 'permission-denied' });
      await mark(client.firestore);
      const left = await waitFor(
        async () => {
          const questions = (await stored(paths.openQuestions('ICT')))?.questions as Array<{ commentId: string }>;
          return questions.length === 1 && questions;
        },
        { what: 'the question gone from openQuestions/ICT', timeoutMs: 20_000 },
      );
      expect(left.map((q) => q.commentId)).toEqual(['other']);
    } finally {
      await client.close();
    }
  });
});
