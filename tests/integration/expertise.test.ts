// Expertise evidence built by the Functions triggers (functions/src/expertise.ts), under the Auth +
// Firestore + Functions emulators: employees ask, answer, mark and like through the outbox with
// the real SDK (rules and all), the triggers roll it up into expertise/{uid}, and the panel's
// ranking (lib/core/expertise.ts, fed by the people delta sync) reorders the experts.
// Two experts declare the same skill ("Inkoop"): Vera Kok (also "Aanbesteding", an inkoopadviseur)
// ranks first on words alone, until Mila Peters' answer helps someone.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db as server } from '../../functions/src/admin';
import { expertiseOnHelpful, expertiseOnLike, refreshEvidence } from '../../functions/src/expertise';
import { ExpertIndex } from '../../lib/core/expertise';
import { paths } from '../../lib/core/paths';
import type { EvidencePage } from '../../lib/core/rows';
import type { PrikbordDb } from '../../lib/data/db';
import { deleteComment, markHelpful, postComment, setLike } from '../../lib/data/outbox/commands';
import { firestoreSender } from '../../lib/data/outbox/remote-operations';
import { syncPeople } from '../../lib/data/people/people-sync';
import { waitFor } from '../../scripts/poll';
import { seedDemo } from '../../scripts/seed';
import { flushAll, signedInClient, type Client } from '../helpers/emulator-clients';
import { freshDb } from '../helpers/fake-db';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';

/** The Admin SDK's document snapshot (firebase-admin lives in functions/node_modules only). */
type DocumentSnapshot = Awaited<ReturnType<ReturnType<typeof server.doc>['get']>>;

interface Person {
  client: Client;
  db: PrikbordDb;
  uid: string;
  name: string;
}

interface Page {
  pageId: string;
  url: string;
  title: string;
}

let pages = 0;
/** A page of its own for each test. */
function freshPage(title = 'Inkoop: regels en formulieren'): Page {
  pages += 1;
  const url = `http://127.0.0.1:8101/inkoop/${pages}.html`;
  // The page id is the hash of its url (lib/any/page-identity.ts pageIdFor): the rules check it.
  return { pageId: `p_${createHash('sha256').update(url).digest('hex').slice(0, 24)}`, url, title };
}

const author = (p: Person) => ({ uid: p.uid, displayName: p.name });

async function flush(p: Person): Promise<void> {
  const sender = firestoreSender(p.client.lite, () => author(p));
  expect(await flushAll(p.db, p.uid, sender)).toMatchObject({ status: 'idle' });
}

async function post(p: Person, page: Page, parentId: string | null, text: string, anonymous = false): Promise<string> {
  const { id } = await postComment(p.db, author(p), { pageId: page.pageId, parentId, text, anonymous, page });
  await flush(p);
  return id!;
}

/** The asker marks a reply "this helped" (the reply's row as the replier's browser has it). */
async function mark(asker: Person, replier: Person, replyId: string): Promise<void> {
  await markHelpful(asker.db, asker.uid, (await replier.db.comments.get(replyId))!);
  await flush(asker);
}

async function like(p: Person, page: Page, targetId: string, active: boolean): Promise<void> {
  await setLike(p.db, p.uid, { pageId: page.pageId, targetId, page }, active);
  await flush(p);
}

/** The person's evidence for the page as the server holds it. */
async function entry(uid: string, pageId: string): Promise<EvidencePage | undefined> {
  const pages = (await server.collection(paths.expertise()).doc(uid).get()).get('pages') as EvidencePage[] | undefined;
  return pages?.find((p) => p.pageId === pageId);
}

/** Waits (bounded) until the triggers have brought the entry to these figures; null: until there is no entry. */
async function entryBecomes(uid: string, pageId: string, figures: Partial<EvidencePage> | null, what: string): Promise<EvidencePage> {
  const found = await waitFor(
    async () => {
      const e = await entry(uid, pageId);
      if (figures === null) return e === undefined && ({} as EvidencePage);
      return e !== undefined && Object.entries(figures).every(([key, value]) => e[key as keyof EvidencePage] === value) && e;
    },
    { what, timeoutMs: 20_000, intervalMs: 100 },
  );
  return found;
}

/** A Firestore write event as Cloud Functions delivers it (for replaying one, as a retry would). */
function writtenEvent<E>(id: string, params: Record<string, string>, before: Partial<DocumentSnapshot>, after: DocumentSnapshot): E {
  return {
    id,
    type: 'google.cloud.firestore.document.v1.written',
    source: 'test',
    specversion: '1.0',
    time: new Date().toISOString(),
    params,
    data: { before, after },
  } as E;
}
const ABSENT: Partial<DocumentSnapshot> = { exists: false, data: () => undefined, get: () => undefined };

describe('expertise evidence kept by the Functions triggers', { timeout: 60_000 }, () => {
  let anna: Person; // asks
  let mila: Person; // expert B: declares Inkoop, and answers
  let vera: Person; // expert A: declares Inkoop (and Aanbesteding)
  let bram: Person;
  let chantal: Person;

  beforeAll(async () => {
    await seedDemo({ threads: false });
    [anna, mila, vera, bram, chantal] = (await Promise.all(
      ['anna', 'mila', 'vera', 'bram', 'chantal'].map(async (key) => {
        const { email, displayName } = demoEmployee(key);
        const client = await signedInClient(email, DEMO_PASSWORD);
        return { client, db: freshDb(), uid: client.uid, name: displayName };
      }),
    )) as [Person, Person, Person, Person, Person];
  });

  afterAll(async () => {
    await Promise.all([anna, mila, vera, bram, chantal].filter(Boolean).map(async (p) => Promise.all([p.client.close(), p.db.delete()])));
    await seedDemo({ threads: false });
  });

  /** Who the panel suggests, in order, for a topic and for the page: the people and evidence rows as a browser syncs them. */
  async function ranking(page: Page, pageText: string, topic: string) {
    const rows = freshDb();
    try {
      await syncPeople(anna.client.firestore, rows);
      const index = new ExpertIndex(await rows.people.toArray(), await rows.evidence.toArray());
      return { topic: index.find(topic), page: index.forPage(page.pageId, pageText) };
    } finally {
      await rows.delete();
    }
  }
  const names = (experts: Array<{ person: { displayName: string } }>) => experts.map((e) => e.person.displayName);

  it('a new answer marked "this helped" moves its author above the other expert for the page’s topic', async () => {
    const page = freshPage();
    const questionText = 'Vanaf welk bedrag moet een inkoop via het inkoopteam?';
    const before = await ranking(page, `${page.title} ${questionText}`, 'inkoop');
    expect(names(before.topic).slice(0, 2)).toEqual([vera.name, mila.name]);
    expect(names(before.page).indexOf(vera.name)).toBeLessThan(names(before.page).indexOf(mila.name));

    const question = await post(anna, page, null, questionText);
    const answer = await post(mila, page, question, 'Vanaf 50.000 euro gaat een inkoop via het inkoopteam; daaronder vraag je zelf drie offertes.');
    await mark(anna, mila, answer);

    const evidence = await entryBecomes(mila.uid, page.pageId, { answers: 1, helpful: 1, likes: 0 }, "Mila's answer and Anna's mark in her evidence");
    expect(evidence.title).toBe(page.title);
    expect(evidence.terms).toContain('inkoop');
    // Asking is not evidence, and Vera did nothing here.
    expect(await entry(anna.uid, page.pageId)).toBeUndefined();
    expect(await entry(vera.uid, page.pageId)).toBeUndefined();

    const after = await ranking(page, `${page.title} ${questionText}`, 'inkoop');
    expect(names(after.topic).slice(0, 2)).toEqual([mila.name, vera.name]);
    expect(after.topic[0]!.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'helpful', count: 1 })]));
    expect(names(after.page)[0]).toBe(mila.name);
    expect(after.page[0]!.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'thisPage', count: 1 })]));
  });

  it('an anonymous reply, its mark and its likes move nobody, not even its author; a named answer to an anonymous question counts alike whoever asked', async () => {
    const page = freshPage();
    const question = await post(anna, page, null, 'Mag ik zelf een leverancier kiezen voor een inkoop onder de 10.000 euro?');
    const anonymousAnswer = await post(vera, page, question, 'Ja, met één offerte is dat genoeg.', true);
    await mark(anna, vera, anonymousAnswer);
    await like(bram, page, anonymousAnswer, true);
    await like(vera, page, anonymousAnswer, true); // its anonymous author likes it too (the rules refuse it)
    // Bram asks anonymously and answers his own question under his name; Chantal answers it too.
    // Not counting Bram's answer (the server could tell he asked) would tell every colleague who
    // reads the shards that he asked: both answers count the same.
    const anonymousQuestion = await post(bram, page, null, 'Hoe werkt het inkoopportaal eigenlijk?', true);
    await post(bram, page, anonymousQuestion, 'Al gevonden: via Lindenet, onder Inkoop.');
    await post(chantal, page, anonymousQuestion, 'Klopt, en de handleiding staat daar ook.');
    const chantals = await entryBecomes(chantal.uid, page.pageId, { answers: 1, likes: 0, helpful: 0 }, "Chantal's named answer in her evidence");
    const brams = await entryBecomes(bram.uid, page.pageId, { answers: 1, likes: 0, helpful: 0 }, "Bram's named answer in his evidence");
    expect({ ...brams, terms: [] }).toEqual({ ...chantals, terms: [] });

    for (const p of [anna, vera]) expect(await entry(p.uid, page.pageId)).toBeUndefined();
    // Even a refresh of the anonymous authors, whom the server could name, finds nothing to write.
    expect(await refreshEvidence(page.pageId, vera.uid)).toBe(false);
    expect(await refreshEvidence(page.pageId, bram.uid)).toBe(false);
    expect(await entry(vera.uid, page.pageId)).toBeUndefined();
    expect(await entry(bram.uid, page.pageId)).toEqual(brams);
  });

  it('a retried event counts once: the same mark and the same like delivered twice, and the mark written again', async () => {
    const page = freshPage();
    const question = await post(anna, page, null, 'Wie beoordeelt een inkoopaanvraag voor een nieuwe laptop?');
    const answer = await post(mila, page, question, 'Het inkoopteam, na akkoord van je leidinggevende.');
    await mark(anna, mila, answer);
    await like(bram, page, answer, true);
    await entryBecomes(mila.uid, page.pageId, { answers: 1, helpful: 1, likes: 1 }, "Mila's answer, mark and like in her evidence");
    const stored = await server.collection(paths.expertise()).doc(mila.uid).get();

    const markDoc = await server.doc(paths.helpfulMark(page.pageId, answer)).get();
    const likeDoc = await server.doc(paths.like(page.pageId, answer, bram.uid)).get();
    type MarkEvent = Parameters<typeof expertiseOnHelpful.run>[0];
    type LikeEvent = Parameters<typeof expertiseOnLike.run>[0];
    const markEvent = writtenEvent<MarkEvent>('retried-mark', { pageId: page.pageId, replyId: answer }, ABSENT, markDoc);
    const likeOff: Partial<DocumentSnapshot> = { exists: true, data: () => ({ ...likeDoc.data(), active: false }) };
    const likeEvent = writtenEvent<LikeEvent>('retried-like', { pageId: page.pageId, likeId: likeDoc.id }, likeOff, likeDoc);
    for (let delivery = 0; delivery < 2; delivery++) {
      await expertiseOnHelpful.run(markEvent);
      await expertiseOnLike.run(likeEvent);
    }
    // The server writing the same mark again (a new event for the same fact).
    await server.doc(paths.helpfulMark(page.pageId, answer)).set(markDoc.data()!);
    expect(await refreshEvidence(page.pageId, mila.uid)).toBe(false);

    const now = await server.collection(paths.expertise()).doc(mila.uid).get();
    expect(now.get('pages')).toEqual(stored.get('pages'));
    // updatedAt kept: readers' delta sync sees nothing new.
    expect(now.get('updatedAt').isEqual(stored.get('updatedAt'))).toBe(true);
    expect(await entry(mila.uid, page.pageId)).toMatchObject({ answers: 1, helpful: 1, likes: 1 });
  });

  it('likes follow likes and unlikes; liking one’s own answer is no evidence', async () => {
    const page = freshPage();
    const question = await post(anna, page, null, 'Moet ik voor een inkoop van drukwerk offertes opvragen?');
    const answer = await post(mila, page, question, 'Ja, vanaf 5.000 euro drie offertes; het inkoopteam helpt.');
    await entryBecomes(mila.uid, page.pageId, { answers: 1, likes: 0 }, "Mila's answer in her evidence");
    await like(bram, page, answer, true);
    await like(chantal, page, answer, true);
    await entryBecomes(mila.uid, page.pageId, { likes: 2 }, 'two likes');
    await like(bram, page, answer, false);
    await entryBecomes(mila.uid, page.pageId, { likes: 1 }, 'one like after Bram unliked');
    await like(mila, page, answer, true); // her own like: the counter says 2, the evidence still 1
    await like(chantal, page, answer, false);
    const last = await entryBecomes(mila.uid, page.pageId, { likes: 0 }, 'no likes after Chantal unliked, Mila’s own not counted');
    expect(last.answers).toBe(1);
    expect((await server.doc(paths.comment(page.pageId, answer)).get()).get('likeCount')).toBe(1);
  });

  it('likes and unlikes racing from four people end exact', async () => {
    const page = freshPage();
    const question = await post(anna, page, null, 'Wie tekent een inkooporder boven de 25.000 euro?');
    const answer = await post(mila, page, question, 'De budgethouder, en boven 100.000 euro de directeur.');
    const likers = [anna, vera, bram, chantal];
    await Promise.all(likers.map((p) => like(p, page, answer, true)));
    await entryBecomes(mila.uid, page.pageId, { answers: 1, likes: 4 }, 'four likes at once');
    await Promise.all(likers.slice(1).map((p) => like(p, page, answer, false)));
    await entryBecomes(mila.uid, page.pageId, { answers: 1, likes: 1 }, 'one like left after three unlikes at once');
  });

  it('a deleted answer stops counting: its answer, mark and likes', async () => {
    const page = freshPage();
    const question = await post(anna, page, null, 'Waar vind ik het formulier voor een inkoopaanvraag?');
    const answer = await post(mila, page, question, 'Op Lindenet onder Inkoop, formulier IA-1.');
    await mark(anna, mila, answer);
    await like(bram, page, answer, true);
    await entryBecomes(mila.uid, page.pageId, { answers: 1, helpful: 1, likes: 1 }, "Mila's answer in her evidence");
    await deleteComment(mila.db, mila.uid, answer);
    await flush(mila);
    await entryBecomes(mila.uid, page.pageId, null, "Mila's entry for the page gone after she deleted her answer");
  });

  it('a renamed page brings its new title to the evidence of those who helped there', async () => {
    const page = freshPage('Inkoop (oud)');
    const question = await post(anna, page, null, 'Geldt de inkoopregeling ook voor subsidies?');
    await post(mila, page, question, 'Nee, subsidies vallen onder de subsidieregeling.');
    await entryBecomes(mila.uid, page.pageId, { answers: 1, title: 'Inkoop (oud)' }, "Mila's answer under the old title");
    // A page's title is fixed when its document is created (the rules refuse a member's rename), so
    // only the server renames a page; the evidence follows it.
    await server.doc(paths.page(page.pageId)).update({ title: 'Inkoopregeling 2026' });
    const evidence = await entryBecomes(mila.uid, page.pageId, { answers: 1, title: 'Inkoopregeling 2026' }, "Mila's evidence under the new title");
    expect(evidence.terms).toContain('inkoopregel');
  });
});
