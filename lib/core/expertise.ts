// Expert lookup: "wie weet iets van …? / who knows about …?" — the ONE module that decides who is
// suggested, in what order, and why. Pure (no Firebase, no Dexie): the side panel feeds it the
// people and evidence rows synced into Dexie; tests/unit/expertise.test.ts reads as its spec.
//
// Ranking, in words:
//  1. Text match (MiniSearch, BM25 with fuzzy + prefix) over three fields: declared skills (boost 3),
//     the topic terms of pages where the person helped (boost 2), job title (boost 1). Dutch and
//     English are folded the same way (lib/core/terms.ts): lower case, accents stripped, compounds
//     split on hyphens and a few common word endings removed ("verbinding"/"verbindingen").
//  2. The text score is multiplied by an activity factor: 1 + 0.15·ln(1+likes) + 0.3·helpful marks,
//     so two people declaring the same skill are ordered by what they actually helped with.
//  3. People who opted out are never returned (they stay in the directory).
//  4. Each result carries its reasons: the declared skills that matched, the pages where the person
//     answered questions on the topic, likes and "this helped" marks.
// Only evidence attributed to a named author reaches this module (anonymous comments carry no
// authorUid, so they can never count toward anybody; the roll-up is built by functions/src/expertise.ts).
import MiniSearch from 'minisearch';
import type { EvidencePage, EvidenceRow, PersonRow } from './rows';
import { foldTerm, termsOf, tokenize } from './terms';

export const MAX_SKILLS = 20;
export const MAX_SKILL_LENGTH = 40;

export type Reason =
  | { kind: 'declared'; skills: string[] }
  | { kind: 'answered'; count: number; pages: string[] }
  | { kind: 'likes'; count: number }
  | { kind: 'helpful'; count: number }
  | { kind: 'thisPage'; count: number };

export interface Expert {
  person: PersonRow;
  score: number;
  reasons: Reason[];
}

// ---------- text folding (Dutch + English): lib/core/terms.ts, shared with the server ----------

export { foldTerm, termsOf, tokenize } from './terms';

/** A declared skill as stored: trimmed, inner whitespace collapsed, no markup characters, ≤ 40 chars. '' when nothing is left. */
export function normalizeSkill(raw: string): string {
  return raw
    .replace(/[<>{}]|\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SKILL_LENGTH)
    .trim();
}

/** Normalises a list of skills: each normalised, empties and case-insensitive duplicates dropped, at most 20. */
export function normalizeSkills(raw: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const skill of raw.map(normalizeSkill)) {
    const key = skill.toLowerCase();
    if (!skill || seen.has(key)) continue;
    seen.add(key);
    out.push(skill);
    if (out.length === MAX_SKILLS) break;
  }
  return out;
}

// ---------- the index ----------

interface IndexDoc {
  /** Position in ExpertIndex.entries (a number: an array index is much cheaper than a lookup by uid for thousands of hits). */
  id: number;
  skills: string;
  evidence: string;
  jobTitle: string;
}

/** How far a misspelt word may be from an indexed one: none for 1–2 letters, 1 up to 6, else 2. */
function fuzzyDistance(term: string): number {
  if (term.length <= 2) return 0;
  return term.length <= 6 ? 1 : 2;
}

/**
 * What a page is about, for `ExpertIndex.forPage`: its title, its headings (h1–h3, as its content
 * script reports them), then its thread. In that order on purpose: forPage reads the first 40
 * distinct words, and a page's own headings say more about it than a long thread's chatter.
 */
export function pageTopicText(title: string, headings: readonly string[], thread: readonly string[]): string {
  return [title, ...headings, ...thread].join('\n');
}

export class ExpertIndex {
  private readonly search = new MiniSearch<IndexDoc>({
    fields: ['skills', 'evidence', 'jobTitle'],
    tokenize,
    processTerm: (term) => foldTerm(term) || null,
    searchOptions: {
      boost: { skills: 3, evidence: 2, jobTitle: 1 },
      combineWith: 'OR',
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => fuzzyDistance(term),
    },
  });
  /** Every indexed person with their evidence pages and each page's folded terms (made once: ranking checks them for every hit). */
  private readonly entries: Array<{ person: PersonRow; pages: EvidencePage[]; pageTerms: Set<string>[] }> = [];
  private readonly idOf = new Map<string, number>();
  private readonly evidence = new Map<string, EvidenceRow>();
  /** Folded terms of a declared skill, by skill text (skills repeat across people). */
  private readonly skillTerms = new Map<string, string[]>();

  constructor(people: PersonRow[], evidence: EvidenceRow[]) {
    for (const row of evidence) this.evidence.set(row.uid, row);
    const docs: IndexDoc[] = [];
    for (const person of people) {
      // Opted-out people are not even indexed: no query can surface them.
      if (person.optOut) continue;
      const pages = this.evidence.get(person.uid)?.pages ?? [];
      const id = this.entries.length;
      this.entries.push({ person, pages, pageTerms: pages.map((p) => new Set(termsOf(`${p.title} ${p.terms.join(' ')}`))) });
      this.idOf.set(person.uid, id);
      docs.push({
        id,
        skills: person.skills.join(' · '),
        evidence: pages.flatMap((p) => [p.title, ...p.terms]).join(' '),
        jobTitle: person.jobTitle,
      });
    }
    this.search.addAll(docs);
  }

  get size(): number {
    return this.search.documentCount;
  }

  /** People ranked for a free-text question. Empty when nothing matches (the UI then suggests the directory). */
  find(query: string, limit = 10): Expert[] {
    if (termsOf(query).length === 0) return [];
    return this.rank(this.search.search(query), null, limit);
  }

  /** People to ask about the page on screen, from its own terms; evidence on this very page counts extra. */
  forPage(pageId: string, pageText: string, limit = 5): Expert[] {
    // The page's distinct words (not yet folded: MiniSearch folds them as it folds the index).
    const words = [...new Set(tokenize(pageText).filter((w) => foldTerm(w)))].slice(0, 40);
    const hits = words.length > 0 ? this.search.search(words.join(' ')) : [];
    // Helpers on this very page are candidates even when no term matched.
    const seen = new Set(hits.map((h) => h.id as number));
    for (const [uid, row] of this.evidence) {
      const id = this.idOf.get(uid);
      if (id !== undefined && !seen.has(id) && row.pages.some((p) => p.pageId === pageId && p.answers > 0))
        hits.push({ id, score: 0, terms: [], queryTerms: [], match: {} });
    }
    return this.rank(hits, pageId, limit);
  }

  private termsOfSkill(skill: string): string[] {
    let terms = this.skillTerms.get(skill);
    if (!terms) this.skillTerms.set(skill, (terms = termsOf(skill)));
    return terms;
  }

  // Scores every hit (cheap: page terms were folded at build), then gives reasons to the `limit`
  // best only. At 50,000 people a common word hits thousands; the reasons are for the few shown.
  private rank(hits: ReturnType<MiniSearch['search']>, pageId: string | null, limit: number): Expert[] {
    const scored: Array<{ person: PersonRow; hit: (typeof hits)[number]; score: number; relevant: EvidencePage[]; here: number }> = [];
    for (const hit of hits) {
      const entry = this.entries[hit.id as number];
      if (!entry) continue;
      const { person, pages, pageTerms } = entry;
      const relevant = pages.length === 0 ? pages : pages.filter((p, i) => p.pageId === pageId || hit.terms.some((t) => pageTerms[i]!.has(t)));
      const likes = relevant.reduce((n, p) => n + p.likes, 0);
      const helpful = relevant.reduce((n, p) => n + p.helpful, 0);
      const here = pageId ? pages.filter((p) => p.pageId === pageId).reduce((n, p) => n + p.answers, 0) : 0;
      const activity = 1 + 0.15 * Math.log1p(likes) + 0.3 * helpful;
      const score = (hit.score + here * 5) * activity;
      if (score > 0) scored.push({ person, hit, score, relevant, here });
    }
    return topByScore(scored, limit).map(({ person, hit, score, relevant, here }) => {
      const matchedTerms = new Set(hit.terms);
      const fields = (term: string) => (hit.match as Record<string, string[]>)[term] ?? [];
      const declared = person.skills.filter((skill) => this.termsOfSkill(skill).some((t) => matchedTerms.has(t) && fields(t).includes('skills')));
      const answers = relevant.reduce((n, p) => n + p.answers, 0);
      const helpful = relevant.reduce((n, p) => n + p.helpful, 0);
      const likes = relevant.reduce((n, p) => n + p.likes, 0);
      const reasons: Reason[] = [];
      if (declared.length > 0) reasons.push({ kind: 'declared', skills: declared });
      if (here > 0) reasons.push({ kind: 'thisPage', count: here });
      if (answers > 0) reasons.push({ kind: 'answered', count: answers, pages: [...new Set(relevant.filter((p) => p.answers > 0).map((p) => p.title))] });
      if (helpful > 0) reasons.push({ kind: 'helpful', count: helpful });
      if (likes > 0) reasons.push({ kind: 'likes', count: likes });
      return { person, score, reasons };
    });
  }
}

/**
 * The `limit` best by score, ties by name: the same as sorting them all, without sorting thousands
 * of hits by name (the scores alone are sorted to find the cut, then only those at or above it).
 */
function topByScore<T extends { score: number; person: PersonRow }>(items: T[], limit: number): T[] {
  if (items.length > limit && limit > 0) {
    const cut = Float64Array.from(items, (i) => i.score).sort()[items.length - limit]!;
    items = items.filter((i) => i.score >= cut);
  }
  return items.sort((a, b) => b.score - a.score || byName.compare(a.person.displayName, b.person.displayName)).slice(0, limit);
}
const byName = new Intl.Collator();

// ---------- directory ----------

export interface DepartmentNode {
  name: string;
  path: string[];
  members: PersonRow[];
  children: DepartmentNode[];
}

/** The department tree with its members (everyone, opted out or not), sorted by name. */
export function departmentTree(people: PersonRow[]): DepartmentNode[] {
  const root: DepartmentNode = { name: '', path: [], members: [], children: [] };
  for (const person of people) {
    let node = root;
    for (const name of person.departmentPath) {
      let child = node.children.find((c) => c.name === name);
      if (!child) node.children.push((child = { name, path: [...node.path, name], members: [], children: [] }));
      node = child;
    }
    node.members.push(person);
  }
  const sort = (node: DepartmentNode) => {
    node.children.sort((a, b) => a.name.localeCompare(b.name));
    node.members.sort((a, b) => a.displayName.localeCompare(b.displayName));
    node.children.forEach(sort);
  };
  sort(root);
  return root.children;
}
