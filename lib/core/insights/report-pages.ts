// The report's tables of places: sections, top and quiet pages, open questions and answer times.
//
// "comments" in a row is every post: top-level comments and replies, named and anonymous. A volume
// is shown only when the distinct people behind it are ≥ k: the writers, with all anonymous posts as
// one more "person" (so anonymous posts never make a volume look like more people than it is).
import type { AnswerTime, Day, Figure, InsightPerson, OpenQuestion, PageActivity, PageRow, QuestionsState, SectionRow } from './model';
import { dayOf } from './plan';
import { activityOf, cohortFunnel, rawFunnel } from './report-funnel';
import { maySeeSection, sectionMode } from './report-scope';
import type { SectionLookup } from './report-scope';
import type { Rollout } from '../rollout';
import { figure, medianHours, volume } from './suppress';

export const TOP_PAGES = 10;
export const QUIET_PAGES = 20;
export const MAX_UNANSWERED = 100;

export type Pages = Record<string, PageActivity>;

const posts = (page: PageActivity) => page.comments + page.replies;
/** The people behind a page's posts: its writers, and every anonymous post as one. */
const postPeople = (page: PageActivity) => page.writers.length + (page.anonymous > 0 ? 1 : 0);

/** The rollout's sections (by name, then id) and then the rest (null). */
export function sectionIds(rollout: Rollout): (string | null)[] {
  const ids = Object.keys(rollout.sections).sort((a, b) => {
    const [x, y] = [rollout.sections[a]!.name, rollout.sections[b]!.name];
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : 1;
  });
  return [...ids, null];
}

/** A section's name; the rest has none here (the console names it in the reader's language). */
const sectionName = (rollout: Rollout, id: string | null) => (id === null ? '' : (rollout.sections[id]?.name ?? id));

export function sectionRows(pages: Pages, people: InsightPerson[], rollout: Rollout, sections: SectionLookup, k: number): SectionRow[] {
  return sectionIds(rollout).map((id) => {
    const mine = Object.values(pages).filter((p) => sections.of(p.url) === id);
    const members = new Set<number>();
    people.forEach((p, i) => {
      if (p.active && maySeeSection(rollout, id, { uid: p.uid, departmentPath: p.departmentPath })) members.add(i);
    });
    const funnel = cohortFunnel(rawFunnel(members, activityOf(mine)), k);
    const writers = new Set(mine.flatMap((p) => p.writers));
    const anonymous = mine.some((p) => p.anonymous > 0) ? 1 : 0;
    const likers = new Set(mine.flatMap((p) => p.likers));
    const sum = (f: (p: PageActivity) => number) => mine.reduce((n, p) => n + f(p), 0);
    return {
      id,
      name: sectionName(rollout, id),
      mode: sectionMode(rollout, id),
      funnel,
      comments: volume(sum(posts), writers.size + anonymous, k),
      likes: volume(
        sum((p) => p.likes),
        likers.size,
        k,
      ),
    };
  });
}

export function pageRow(pageId: string, page: PageActivity, section: string | null, k: number): PageRow {
  return {
    pageId,
    url: page.url,
    title: page.title,
    section,
    readers: figure(page.readers.length, k),
    writers: figure(page.writers.length, k),
    comments: volume(posts(page), postPeople(page), k),
    likes: volume(page.likes, page.likers.length, k),
  };
}

/** The most read pages in scope (then the most commented), at most TOP_PAGES. */
export function topPages(scope: Pages, sections: SectionLookup, k: number): PageRow[] {
  return Object.entries(scope)
    .sort(([a, x], [b, y]) => y.readers.length - x.readers.length || posts(y) - posts(x) || (a < b ? -1 : 1))
    .slice(0, TOP_PAGES)
    .map(([id, page]) => pageRow(id, page, sections.of(page.url), k));
}

const active = (p: PageActivity) => p.readers.length + p.likers.length + p.writers.length + posts(p) + p.likes > 0;

/**
 * Pages in scope where the layer shows that had activity before (the previous period) or appear in
 * this period's summaries, but nothing happened in this period; the most read before first. Pages
 * nobody ever touched are in no summary, so they cannot be listed.
 */
export function quietPages(
  current: Pages,
  previous: Pages,
  inScope: (id: string, url: string) => boolean,
  rollout: Rollout,
  sections: SectionLookup,
  k: number,
): PageRow[] {
  const known = new Map<string, PageActivity>();
  for (const [id, page] of Object.entries(previous)) known.set(id, page);
  for (const [id, page] of Object.entries(current)) if (!known.has(id)) known.set(id, page);
  const readBefore = (id: string) => previous[id]?.readers.length ?? 0;
  return [...known.entries()]
    .filter(([id, page]) => inScope(id, page.url) && sectionMode(rollout, sections.of(page.url)) !== 'off')
    .filter(([id]) => !current[id] || !active(current[id]))
    .sort(([a], [b]) => readBefore(b) - readBefore(a) || (a < b ? -1 : 1))
    .slice(0, QUIET_PAGES)
    .map(([id, page]) =>
      pageRow(id, current[id] ?? { ...page, readers: [], likers: [], writers: [], comments: 0, replies: 0, anonymous: 0, likes: 0 }, sections.of(page.url), k),
    );
}

/** Open questions in scope without a reply or "this helped" for longer than `afterHours`, oldest first (no author: never). */
export function unanswered(
  questions: QuestionsState,
  inScope: (id: string, url: string) => boolean,
  sections: SectionLookup,
  afterHours: number,
  now: number,
): OpenQuestion[] {
  const before = now - afterHours * 3600 * 1000;
  return questions.open
    .filter((q) => q.askedAt <= before && inScope(q.pageId, q.url))
    .sort((a, b) => a.askedAt - b.askedAt)
    .slice(0, MAX_UNANSWERED)
    .map((q) => ({
      pageId: q.pageId,
      commentId: q.commentId,
      url: q.url,
      title: q.title,
      section: sections.of(q.url),
      askedAt: q.askedAt,
      excerpt: q.excerpt,
    }));
}

/** Per section and the rest: questions asked in the period, how many got an answer, and the median time to it. */
export function answerTimes(questions: QuestionsState, from: Day, to: Day, rollout: Rollout, sections: SectionLookup, k: number): AnswerTime[] {
  const inPeriod = (at: number) => {
    const day = dayOf(at);
    return day >= from && day <= to;
  };
  const open = questions.open.filter((q) => inPeriod(q.askedAt));
  const answered = questions.answered.filter((q) => inPeriod(q.askedAt));
  return sectionIds(rollout).map((id) => {
    const mine = answered.filter((q) => sections.of(q.url) === id);
    const asked = mine.length + open.filter((q) => sections.of(q.url) === id).length;
    const seconds = mine.map((q) => Math.max(0, q.answeredAt - q.askedAt) / 1000);
    return { section: id, name: sectionName(rollout, id), questions: figure(asked, k), answered: figure(mine.length, k), medianHours: medianHours(seconds, k) };
  });
}

/** Anonymous posts in scope: shown when there are ≥ k (a few would say too much about a few people). */
export function anonymousPosts(scope: Pages, k: number): Figure {
  return figure(
    Object.values(scope).reduce((n, p) => n + p.anonymous, 0),
    k,
  );
}
