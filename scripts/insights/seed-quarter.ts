// The demo's quarter of activity, so Insights shows something real: 360 more colleagues of Gemeente
// Lindeveen (profiles only: they never sign in) and 90 days of their reading, liking and writing on
// the demo intranet (scripts/insights/simulate.ts), inside the demo's rollout: the HR pages only
// since the HR pilot began, written on by the pilot, read along by others, never seen by its control
// group. Written as the real documents (reading events, comments, likes, "this helped" marks, page
// counters in step), then rolled up by the server's own rollup, and the reading events past the
// retention period deleted, as the hourly schedule would have done.
// Only types from the root package: the writes go through the functions package's Admin SDK, whose
// Timestamp and FieldValue classes are not the root package's (Dates are accepted by both).
import type { Firestore, WriteBatch } from 'firebase-admin/firestore';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { normalizeUrl, pageIdFor } from '../../lib/any/page-identity';
import { paths } from '../../lib/core/paths';
import { dayOf } from '../../lib/core/insights/plan';
import { likeId } from '../../lib/core/schema';
import { DEMO_PORTS } from '../../demo/ports';
import { simulateActivity, simulatePeople, type SimAccess, type SimPage, type SimPerson } from './simulate';

const INTRANET = `http://127.0.0.1:${DEMO_PORTS.intranet}`;
const DAY_MS = 86_400_000;

/** The demo intranet's pages the simulated colleagues visit, with how much attention each draws. */
const PAGES: { path: string; title: string; topic: SimPage['topic']; weight: number }[] = [
  { path: '/', title: 'Lindenet — intranet Gemeente Lindeveen', topic: 'general', weight: 3 },
  { path: '/ict/helpdesk.html', title: 'ICT-helpdesk', topic: 'ict', weight: 4 },
  { path: '/hr/verlofregeling.html', title: 'Verlofregeling', topic: 'hr', weight: 4 },
  { path: '/beleid/informatiebeveiliging.html', title: 'Informatiebeveiligingsbeleid Gemeente Lindeveen 2025', topic: 'policy', weight: 1.5 },
  { path: '/nieuws/2026-11-personeelsfeest.html', title: 'Personeelsfeest 2026: winteravond in De Oude Veiling', topic: 'news', weight: 3 },
  { path: '/afdelingen/communicatie.html', title: 'Afdeling Communicatie', topic: 'general', weight: 0.7 },
  { path: '/telefoonlijst.html', title: 'Telefoonlijst Gemeente Lindeveen', topic: 'general', weight: 1 },
  { path: '/en/welcome.html', title: 'Welcome to Lindeveen — information for new colleagues', topic: 'english', weight: 0.8 },
];

/** Where the demo's 360 simulated colleagues work (weights: roughly a municipality of 400). */
const DEPARTMENTS = [
  { path: ['Bedrijfsvoering', 'HR'], weight: 30 },
  { path: ['Bedrijfsvoering', 'Financiën'], weight: 28 },
  { path: ['Bedrijfsvoering', 'ICT', 'Servicedesk'], weight: 25 },
  { path: ['Bedrijfsvoering', 'ICT', 'Netwerk en infrastructuur'], weight: 15 },
  { path: ['Bestuur en staf', 'Communicatie'], weight: 12 },
  { path: ['Bestuur en staf', 'Juridische zaken'], weight: 14 },
  { path: ['Dienstverlening', 'Publiekszaken', 'Burgerzaken'], weight: 45 },
  { path: ['Dienstverlening', 'Publiekszaken', 'Vergunningen'], weight: 30 },
  { path: ['Dienstverlening', 'Sociaal domein'], weight: 70 },
  { path: ['Ruimte', 'Openbare ruimte'], weight: 60 },
  { path: ['Ruimte', 'Ruimtelijke ordening'], weight: 31 },
];

const under = (path: string[], top: string[]) => top.every((part, i) => path[i] === part);

/** The pages with their ids, as the extension identifies them. */
export async function demoPages(): Promise<SimPage[]> {
  return Promise.all(
    PAGES.map(async (p) => {
      const url = normalizeUrl(`${INTRANET}${p.path}`, BUILD_ORG_CONFIG.sites[0]!);
      return { pageId: await pageIdFor(url), url, title: p.title, topic: p.topic, weight: p.weight };
    }),
  );
}

/** The demo's rollout as the simulated colleagues lived it (scripts/seed.ts seedPilot): HR's pilot began 14 days ago. */
export function demoAccess(pilotStart: string) {
  return (person: SimPerson, page: SimPage, day: string): SimAccess => {
    if (page.topic !== 'hr') return 'on';
    if (day < pilotStart) return 'off';
    if (under(person.departmentPath, ['Bedrijfsvoering', 'Financiën'])) return 'off';
    return under(person.departmentPath, ['Bedrijfsvoering', 'HR']) ? 'on' : 'read';
  };
}

async function inBatches(db: Firestore, writes: ((batch: WriteBatch) => void)[]): Promise<void> {
  for (let i = 0; i < writes.length; i += 400) {
    const batch = db.batch();
    for (const write of writes.slice(i, i + 400)) write(batch);
    await batch.commit();
  }
}

/** Seeds the quarter with the functions' Admin SDK `db` and rolls it up; returns what it wrote. */
export async function seedQuarter(
  db: Firestore,
  options: { days?: number; now?: number } = {},
): Promise<{ people: number; comments: number; reads: number; likes: number }> {
  const now = options.now ?? Date.now();
  const days = options.days ?? 90;
  const people = simulatePeople(360, DEPARTMENTS, 2026);
  const pages = await demoPages();
  const from = dayOf(now - days * DAY_MS);
  const to = dayOf(now - DAY_MS);
  const facts = simulateActivity({ people, pages, from, to, seed: 11, canSee: demoAccess(dayOf(now - 14 * DAY_MS)), intensity: 1.5 });
  const byUid = new Map(people.map((p) => [p.uid, p]));
  const at = (ms: number) => new Date(ms);

  const writes: ((batch: WriteBatch) => void)[] = [];
  for (const p of people) {
    writes.push((b) =>
      b.set(db.doc(paths.profile(p.uid)), {
        displayName: p.displayName,
        email: `${p.uid}@lindeveen.nl`,
        department: p.departmentPath[p.departmentPath.length - 1]!,
        departmentPath: p.departmentPath,
        jobTitle: p.level === 4 ? 'Medewerker' : p.level === 3 ? 'Teamleider' : 'Afdelingshoofd',
        managerId: null,
        location: 'Stadskantoor',
        level: p.level,
        active: true,
        roles: p.leader ? { leader: true } : {},
        personId: null,
        languages: ['nl'],
        skills: [],
        optOut: false,
        updatedAt: at(now - days * DAY_MS),
      }),
    );
  }
  const counts = new Map<string, { comments: number; likes: number }>();
  const count = (pageId: string) => counts.get(pageId) ?? counts.set(pageId, { comments: 0, likes: 0 }).get(pageId)!;
  let comments = 0;
  let reads = 0;
  let likes = 0;
  for (const day of facts) {
    for (const r of day.reads)
      writes.push((b) =>
        b.create(db.collection(paths.insightEvents()).doc(), {
          uid: r.uid,
          pageId: r.pageId,
          url: r.url,
          title: pages.find((p) => p.pageId === r.pageId)!.title,
          at: at(r.at),
        }),
      );
    for (const c of day.comments) {
      const base = {
        pageId: c.pageId,
        parentId: c.parentId,
        text: c.text,
        createdAt: at(c.createdAt),
        updatedAt: at(c.createdAt),
        editedAt: null,
        deleted: false,
        likeCount: 0,
      };
      if (c.authorUid === null) {
        // Anonymous: no author on the comment; the owner link only its author can read, as the panel writes it.
        writes.push((b) => b.create(db.doc(paths.comment(c.pageId, c.id)), { ...base, anonymous: true }));
        writes.push((b) => b.create(db.doc(paths.commentOwner(c.id)), { uid: c.ownerUid!, pageId: c.pageId, createdAt: at(c.createdAt) }));
      } else {
        const author = byUid.get(c.authorUid)!;
        writes.push((b) => b.create(db.doc(paths.comment(c.pageId, c.id)), { ...base, authorUid: author.uid, authorName: author.displayName }));
      }
      count(c.pageId).comments += 1;
    }
    for (const l of day.likes) {
      const liker = byUid.get(l.uid)!;
      writes.push((b) =>
        b.set(db.doc(`${paths.likes(l.pageId)}/${likeId('page', l.uid)}`), {
          targetId: 'page',
          uid: l.uid,
          name: liker.displayName,
          active: true,
          updatedAt: at(l.at),
        }),
      );
      count(l.pageId).likes += 1;
    }
    for (const h of day.helpful)
      writes.push((b) => b.create(db.doc(paths.helpfulMark(h.pageId, h.replyId)), { replyId: h.replyId, parentId: h.parentId, createdAt: at(h.at) }));
    comments += day.comments.length;
    reads += day.reads.length;
    likes += day.likes.length;
  }
  // The page counters move with what was added (as the rules keep them), creating pages nobody wrote on yet.
  // Absolute counts from what the pages had (the functions' Admin SDK is not this package's: no FieldValue here).
  const pageDocs = await db.getAll(...[...counts.keys()].map((id) => db.doc(paths.page(id))));
  for (const doc of pageDocs) {
    const page = pages.find((p) => p.pageId === doc.id)!;
    const c = counts.get(doc.id)!;
    const commentCount = Number(doc.get('commentCount') ?? 0) + c.comments;
    const likeCount = Number(doc.get('likeCount') ?? 0) + c.likes;
    writes.push((b) =>
      b.set(db.doc(paths.page(doc.id)), { url: page.url, title: page.title, commentCount, likeCount, updatedAt: new Date(now) }, { merge: true }),
    );
  }
  await inBatches(db, writes);

  const { rollupDays, deleteOldEvents } = await import('../../functions/src/insights/rollup');
  await rollupDays(db, from, to, { now });
  await deleteOldEvents(db, now);
  return { people: people.length, comments, reads, likes };
}
