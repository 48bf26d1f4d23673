// Who answers whom (hierarchy bands, top-level departments) and how leaders take part.
//
// From the summaries' answers: named replies by known people to someone else's comment. An
// anonymous asker belongs to no group: their threads count in no column. A cell (replies from one
// group to another) is shown when ≥ k different people replied; a column's reply rate when its
// top-level comments come from ≥ k different people; its median time when ≥ k threads by ≥ k
// different askers were answered.
import { ANONYMOUS } from './model';
import type { Figure, InsightPerson, Leadership, PageActivity, ReplyMatrix } from './model';
import { isLeader } from './levels';
import { figure, medianHours, share, volume } from './suppress';

type Pages = Record<string, PageActivity>;

/** The matrix over `axis`; `groupOf` gives a person's column (−1: none). */
export function replyMatrix(axis: string[], groupOf: (person: number) => number, scope: Pages, k: number): ReplyMatrix {
  const counts = axis.map(() => axis.map(() => 0));
  const repliers = axis.map(() => axis.map(() => new Set<number>()));
  const startAuthors = axis.map(() => new Set<number>());
  const starts = axis.map(() => new Set<string>());
  const answered = axis.map(() => new Set<string>());
  const firsts = axis.map(() => new Map<string, { seconds: number; asker: number }>());

  for (const [pageId, page] of Object.entries(scope)) {
    for (const s of page.starts) {
      const g = s.by === ANONYMOUS ? -1 : groupOf(s.by);
      if (g < 0) continue;
      startAuthors[g]!.add(s.by);
      starts[g]!.add(`${pageId}\n${s.id}`);
    }
    for (const a of page.answers) {
      if (a.to === ANONYMOUS) continue;
      const to = groupOf(a.to);
      if (to < 0) continue;
      const key = `${pageId}\n${a.parentId}`;
      answered[to]!.add(key);
      const first = firsts[to]!.get(key);
      if (!first || a.seconds < first.seconds) firsts[to]!.set(key, { seconds: a.seconds, asker: a.to });
      const from = groupOf(a.from);
      if (from < 0) continue;
      counts[from]![to]!++;
      repliers[from]![to]!.add(a.from);
    }
  }

  const replies: Figure[][] = counts.map((row, f) => row.map((count, t) => volume(count, repliers[f]![t]!.size, k)));
  const replyRate = axis.map((_, t) => {
    if (startAuthors[t]!.size < k) return null;
    const got = [...starts[t]!].filter((key) => answered[t]!.has(key)).length;
    return share(got, starts[t]!.size);
  });
  const medians = axis.map((_, t) => {
    const values = [...firsts[t]!.values()];
    if (new Set(values.map((v) => v.asker)).size < k) return null;
    return medianHours(
      values.map((v) => v.seconds),
      k,
    );
  });
  return { axis, replies, replyRate, medianHours: medians };
}

/**
 * Leaders in threads. Leaders: active people with the leader role or in the management band.
 * Taking part: read, liked or wrote anywhere this period. Shown together, leaders and leaders
 * taking part also tell how many did not take part, so takingPart is shown only when it and that
 * difference are each 0 or ≥ k (and leaders itself is shown).
 */
export function leadership(scope: Pages, all: Pages, people: InsightPerson[], k: number): Leadership {
  const leader = people.map((p) => isLeader(p));
  let questions = 0;
  let leaderAnswered = 0;
  const seconds: number[] = [];
  for (const page of Object.values(scope)) {
    if (!page.writers.some((i) => leader[i])) continue;
    for (const s of page.starts) {
      if (!s.question) continue;
      questions++;
      const byLeaders = page.answers.filter((a) => a.parentId === s.id && leader[a.from]);
      if (byLeaders.length === 0) continue;
      leaderAnswered++;
      seconds.push(Math.min(...byLeaders.map((a) => a.seconds)));
    }
  }
  const leaders = new Set(people.flatMap((p, i) => (p.active && leader[i] ? [i] : [])));
  const taking = new Set<number>();
  for (const page of Object.values(all)) for (const i of [...page.readers, ...page.likers, ...page.writers]) if (leaders.has(i)) taking.add(i);
  const shownLeaders = figure(leaders.size, k);
  const notTaking = leaders.size - taking.size;
  const takingPart = shownLeaders !== null && figure(taking.size, k) !== null && figure(notTaking, k) !== null ? taking.size : null;
  return {
    questions: figure(questions, k),
    leaderAnswered: figure(leaderAnswered, k),
    medianHours: medianHours(seconds, k),
    leaders: shownLeaders,
    leadersTakingPart: takingPart,
  };
}
