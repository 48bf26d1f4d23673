// Expertise evidence in the directory shards (lib/core/shard-evidence.ts): what of a person's
// evidence goes into their shard (the cap), that a shard stays under Firestore's 1 MiB with
// everyone at the cap, reading a shard's evidence defensively, and what a changed shard does to the
// local evidence table.
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, shardBytes, shardIdOf, type ShardSnapshot } from '../../lib/core/directory-shards';
import type { EvidencePage } from '../../lib/core/rows';
import {
  evidenceFromShard,
  personEvidenceBytes,
  planShardEvidence,
  sameShardEvidence,
  SHARD_EVIDENCE_BYTES,
  SHARD_EVIDENCE_PAGES,
  SHARD_EVIDENCE_TERMS,
  SHARD_TERM_LENGTH,
  SHARD_TITLE_LENGTH,
  shardEvidenceOf,
} from '../../lib/core/shard-evidence';
import { entry, fullestShardAt50k, largest, uids } from '../helpers/directory-entries';

const page = (pageId: string, figures: Partial<EvidencePage> = {}): EvidencePage => ({
  pageId,
  title: `Titel ${pageId}`,
  terms: ['vpn', 'verbinding'],
  answers: 1,
  likes: 0,
  helpful: 0,
  ...figures,
});

/** A page with every field as long as it can be, in characters of 4 bytes (outside the BMP). */
const widest = (pageId: string): EvidencePage => ({
  pageId: pageId.padEnd(64, 'x'),
  title: '🙂'.repeat(300),
  terms: Array.from({ length: 40 }, () => '🙂'.repeat(60)),
  answers: 1e9,
  likes: 1e9,
  helpful: 1e9,
});

/** A realistic page at the cap: a 40-character title and eight 10-letter terms. */
const typical = (pageId: string): EvidencePage =>
  page(pageId, {
    title: 'Veelgestelde vragen over thuiswerken.....'.slice(0, 40),
    terms: Array.from({ length: 8 }, (_, i) => `onderwerp${i}`.slice(0, 10)),
    answers: 12,
    likes: 40,
    helpful: 3,
  });

describe('the cap: what of a person’s evidence goes into their shard', () => {
  it(`keeps the ${SHARD_EVIDENCE_PAGES} strongest pages, strongest first: marks, then answers, then likes`, () => {
    const pages = [page('likes9', { likes: 9 }), page('helped', { helpful: 1 }), page('answers3', { answers: 3 }), ...'abcdef'.split('').map((id) => page(id))];
    const kept = shardEvidenceOf(pages);
    expect(kept).toHaveLength(SHARD_EVIDENCE_PAGES);
    expect(kept.map((p) => p.pageId)).toEqual(['helped', 'answers3', 'likes9', 'a', 'b']);
  });

  it(`keeps ${SHARD_EVIDENCE_TERMS} terms a page (the most frequent come first), each at most ${SHARD_TERM_LENGTH} characters, and titles of at most ${SHARD_TITLE_LENGTH}`, () => {
    const [kept] = shardEvidenceOf([page('p', { title: 'T'.repeat(300), terms: ['x'.repeat(50), ...'abcdefghijkl'.split('')] })]);
    expect(kept!.title).toHaveLength(SHARD_TITLE_LENGTH);
    expect(kept!.terms).toEqual(['x'.repeat(SHARD_TERM_LENGTH), ...'abcdefg'.split('')]);
  });

  it('never cuts a character in half', () => {
    const [kept] = shardEvidenceOf([page('p', { title: '🙂'.repeat(100), terms: ['🙂'.repeat(30)] })]);
    expect(Array.from(kept!.title)).toHaveLength(SHARD_TITLE_LENGTH);
    expect(kept!.title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(Array.from(kept!.terms[0]!)).toHaveLength(SHARD_TERM_LENGTH);
  });

  it(`takes at most ${SHARD_EVIDENCE_BYTES} bytes a person, dropping the weakest pages, and always keeps the strongest`, () => {
    const wide = Array.from({ length: 8 }, (_, i) => widest(`p${i}`));
    const kept = shardEvidenceOf(wide);
    expect(kept).toHaveLength(1); // one widest page alone takes nearly the whole allowance
    expect(personEvidenceBytes(uids(1)[0]!, kept) - 29).toBeLessThanOrEqual(SHARD_EVIDENCE_BYTES); // less the uid key (28 + 1)
    const fiveTypical = shardEvidenceOf(Array.from({ length: 9 }, (_, i) => typical(`p_${String(i).padStart(24, '0')}`)));
    expect(fiveTypical).toHaveLength(SHARD_EVIDENCE_PAGES); // realistic pages all fit
  });

  it('changes nothing a reader ranks by below the cap', () => {
    const pages = [page('a', { helpful: 1, likes: 2 }), page('b', { answers: 2 })];
    expect(shardEvidenceOf(pages)).toEqual(pages);
    expect(shardEvidenceOf([])).toEqual([]);
  });
});

describe('size: a shard stays under Firestore’s 1 MiB with everyone at the cap', () => {
  // More than the fullest shard at 50,000 people ever holds (fewer than 260: directory-shards.test.ts).
  const crowded = () => {
    const id = shardIdOf(fullestShardAt50k()[0]!);
    return uids(100_000, 13)
      .filter((uid) => shardIdOf(uid) === id)
      .slice(0, 260);
  };

  it('260 people, every directory field at its limit and every person’s evidence at the byte cap', () => {
    const people = crowded();
    expect(people).toHaveLength(260);
    const evidence = new Map(people.map((uid) => [uid, shardEvidenceOf(Array.from({ length: 8 }, (_, i) => widest(`p${i}`)))]));
    const bytes = shardBytes(shardIdOf(people[0]!), people.map(largest), evidence);
    expect(bytes).toBeLessThan(MAX_DOCUMENT_BYTES * 0.85);
    expect(bytes).toBeGreaterThan(MAX_DOCUMENT_BYTES * 0.75); // about 810 KB: the case measured is the real worst one
  });

  it('260 people with typical directory rows, everyone at the page cap with realistic pages: about a third', () => {
    const people = crowded();
    const evidence = new Map(people.map((uid) => [uid, shardEvidenceOf(Array.from({ length: 9 }, (_, i) => typical(`p_${String(i).padStart(24, '0')}`)))]));
    expect([...evidence.values()].every((pages) => pages.length === SHARD_EVIDENCE_PAGES)).toBe(true);
    const bytes = shardBytes(
      shardIdOf(people[0]!),
      people.map((uid) => entry(uid)),
      evidence,
    );
    expect(bytes).toBeLessThan(MAX_DOCUMENT_BYTES * 0.4); // about 350 KB
  });
});

describe('reading a shard’s evidence', () => {
  it('reads uid → pages, counters defensively, at most the cap, and leaves out people without pages', () => {
    const read = evidenceFromShard({
      people: [],
      evidence: {
        a: [{ pageId: 'p1', title: 'ICT-helpdesk', terms: ['vpn'], answers: 2, likes: -3 }],
        b: [],
        c: 'not a list',
        d: Array.from({ length: 9 }, (_, i) => page(`p${i}`)),
      },
    });
    expect([...read.keys()]).toEqual(['a', 'd']);
    expect(read.get('a')).toEqual([{ pageId: 'p1', title: 'ICT-helpdesk', terms: ['vpn'], answers: 2, likes: 0, helpful: 0 }]);
    expect(read.get('d')).toHaveLength(SHARD_EVIDENCE_PAGES);
  });

  it('reads a shard without evidence (or with nonsense there) as none', () => {
    expect(evidenceFromShard({ people: [] }).size).toBe(0);
    expect(evidenceFromShard({ evidence: ['a'] }).size).toBe(0);
    expect(evidenceFromShard({ evidence: null }).size).toBe(0);
  });

  it('tells an unchanged entry from a changed one (the functions then write nothing)', () => {
    expect(sameShardEvidence([page('a')], [page('a')])).toBe(true);
    expect(sameShardEvidence(undefined, [])).toBe(true);
    expect(sameShardEvidence([page('a')], [page('a', { likes: 1 })])).toBe(false);
    expect(sameShardEvidence(undefined, [page('a')])).toBe(false);
  });
});

describe('applying changed shards to the local evidence table', () => {
  const [a, sameShard, otherShard] = (() => {
    const all = uids(3000, 3);
    const first = all[0]!;
    return [first, all.find((u) => u !== first && shardIdOf(u) === shardIdOf(first))!, all.find((u) => shardIdOf(u) !== shardIdOf(first))!];
  })();
  const shard = (evidence: Array<[string, EvidencePage[]]>, updatedAt = 100): ShardSnapshot => ({
    id: shardIdOf(a),
    updatedAt,
    people: [],
    evidence: new Map(evidence),
  });

  it('puts every person’s evidence as of the shard’s time', () => {
    expect(planShardEvidence([shard([[a, [page('p1')]]])], [])).toEqual({ put: [{ uid: a, pages: [page('p1')], updatedAt: 100 }], remove: [] });
  });

  it('removes the evidence of people of a changed shard it no longer holds, and only of that shard', () => {
    const { remove } = planShardEvidence([shard([[a, [page('p1')]]])], [a, sameShard, otherShard]);
    expect(remove).toEqual([sameShard]);
  });
});
