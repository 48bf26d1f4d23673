// `npm run bench cost`: what a month of Prikbord costs an organisation of 18,000 employees with
// KPN's social-intranet activity, in Firestore and Cloud Functions list prices.
//
// Method: a sample of a few hundred actions (cost-sample.ts) runs through the project's own code
// against the emulators, with the server's functions run in this process so their work is counted
// too (cost-meter.ts); each kind of action gets a measured unit cost (reads, writes, deletes,
// invocations, function reads/writes, stored bytes, and whether it changes what every reader's
// people sync reads). The month multiplies them by the month's actions and models what does not
// grow linearly (thread visits, the people delta sync), with every assumption a named constant in
// cost-model.ts. The result is printed per kind of action and written as figures.
// Over 250 lines on purpose: the tables and the figures say the same month, side by side.
import { functionsParamsIntoEnv } from '../org/functions-env';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setLogLevel } from 'firebase/firestore';
import { DIRECTORY_SHARD_COUNT } from '../../lib/core/directory-shards';
import { paths } from '../../lib/core/paths';
import { peopleToSync } from '../../lib/core/people-sync-plan';
import { Meter, firestoreTriggers } from './cost-meter';
import {
  ACTIVITY,
  LABELS,
  ORG,
  PAGES,
  PRICES,
  extrapolate,
  meanCost,
  perThousand,
  priceMonth,
  type Activity,
  type ExpertiseSync,
  type Measured,
  type Pages,
  type Month,
  type VisitCost,
} from './cost-model';
import { runSample, type SampleResult } from './cost-sample';
import type { BenchSection, Figure } from './figures';
import { documentBytes, storedBytes, type CompositeIndex } from './storage-size';
import { loadRealRules } from './thread-seed';
import { backgroundTriggers } from './emulator-hub';

/** How the panel syncs the expertise index (lib/core/people-sync-plan.ts): also outside the people view, or only there. */
const EXPERTISE_SYNC: ExpertiseSync = peopleToSync('reader', false).includes('expertise') ? 'every-session' : 'people-view';

function compositeIndexes(root: string): CompositeIndex[] {
  const file = JSON.parse(readFileSync(join(root, 'firebase/firestore.indexes.json'), 'utf8')) as {
    indexes: Array<{ collectionGroup: string; fields: Array<{ fieldPath: string }> }>;
  };
  return file.indexes.map((i) => ({ collectionGroup: i.collectionGroup, fields: i.fields.map((f) => f.fieldPath) }));
}

/** Thread visit costs from the sampled visits: reads per comment document, and the reads besides them. */
export function visitCost(visits: SampleResult['visits']): VisitCost & { firstVisits: number; revisits: number } {
  const firsts = visits.filter((v) => v.first);
  const revisits = visits.filter((v) => !v.first);
  if (firsts.length === 0 || revisits.length === 0) throw new Error(`the sample needs first visits and revisits (has ${firsts.length} and ${revisits.length})`);
  const needed = visits.reduce((s, v) => s + v.expectedDocs, 0);
  const perDoc = needed > 0 ? visits.reduce((s, v) => s + v.commentDocs, 0) / needed : 1;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return {
    perDoc,
    // A revisit's expected documents include the cursor's own comment, which the model counts as overhead.
    firstOverhead: mean(firsts.map((v) => v.reads - perDoc * v.expectedDocs)),
    revisitOverhead: mean(revisits.map((v) => v.reads - perDoc * (v.expectedDocs - 1))),
    firstVisits: firsts.length,
    revisits: revisits.length,
  };
}

/**
 * From the emulator's documents at the end of the sample: stored bytes (with index entries) per
 * person of a profile, a directory entry and a shard entry, and per expertise document and evidence
 * copy; and the document bytes alone (the estimate of what a read sends) of a comment, a page, a
 * profile, an evidence copy and a person's row in a shard.
 */
async function sizes(meter: Meter, composites: CompositeIndex[]): Promise<Pick<Measured, 'storage' | 'wire'>> {
  const of = async (collection: string) => {
    const docs = await meter.collection(collection);
    const sum = (f: (path: string, data: Record<string, unknown>) => number) => docs.reduce((s, d) => s + f(d.ref.path, d.data() ?? {}), 0);
    return { docs, n: docs.length, stored: sum((p, d) => storedBytes(p, d, composites)), wire: sum(documentBytes) };
  };
  const [profiles, directory, shards, expertise, evidence, pages] = await Promise.all(
    [paths.profiles(), paths.directory(), paths.directoryShards(), paths.expertise(), paths.evidence(), 'pages'].map(of),
  );
  const comments = await Promise.all(pages!.docs.map((p) => of(paths.comments(p.id))));
  const inShards = shards!.docs.reduce((s, d) => s + ((d.get('people') as unknown[] | undefined)?.length ?? 0), 0);
  const per = (total: number, n: number) => (n > 0 ? total / n : 0);
  const commentCount = comments.reduce((s, c) => s + c.n, 0);
  return {
    storage: {
      profile: per(profiles!.stored, profiles!.n),
      directoryEntry: per(directory!.stored, directory!.n),
      shardEntry: per(shards!.stored, inShards),
      expertiseDoc: per(expertise!.stored, expertise!.n),
      evidenceDoc: per(evidence!.stored, evidence!.n),
    },
    wire: {
      comment: per(
        comments.reduce((s, c) => s + c.wire, 0),
        commentCount,
      ),
      page: per(pages!.wire, pages!.n),
      profile: per(profiles!.wire, profiles!.n),
      evidenceDoc: per(evidence!.wire, evidence!.n),
      shardPerPerson: per(shards!.wire, inShards),
    },
  };
}

const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const eur = (x: number) => `€${x < 10 ? fmt(x, 2) : fmt(x, 0)}`;

/** Which kinds send the most bytes to the browsers, largest first. */
function egressShares(month: Month): string {
  const total = month.totals.egressGiB || 1;
  return Object.entries(month.egress)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([kind, gib]) => `${LABELS[kind] ?? kind} ${fmt((gib / total) * 100, 0)}%`)
    .join(', ');
}

/** The month per kind of action, as a plain-text table. */
export function monthTable(month: Month): string {
  const header = [
    'kind of action',
    'actions/mo',
    'reads/act',
    'writes/act',
    'invoc/act',
    'fn r+w/act',
    'bytes/act',
    'reads/mo',
    'writes/mo',
    'deletes/mo',
    'invoc/mo',
    'GiB out/mo',
    '€/mo',
    'share',
  ];
  const rows = month.rows.map((r) => {
    const per = (x: number) => (r.actions > 0 ? fmt(x / r.actions, 1) : '');
    const t = r.total;
    return [
      r.label,
      r.actions > 0 ? fmt(r.actions) : '',
      per(t.reads),
      per(t.writes + t.deletes),
      per(t.invocations),
      per(t.fnReads + t.fnWrites + t.fnDeletes),
      per(t.bytes),
      fmt(t.reads + t.fnReads),
      fmt(t.writes + t.fnWrites),
      fmt(t.deletes + t.fnDeletes),
      fmt(t.invocations),
      r.egressGiB > 0 ? fmt(r.egressGiB, 1) : '',
      eur(r.eur),
      `${fmt(r.share * 100, 1)}%`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The month again with one assumption changed at a time: how much the answer hangs on each. */
export function sensitivity(measured: Measured, expertiseSync: ExpertiseSync): string {
  const variants: Array<[string, Partial<Activity>, Partial<Pages>]> = [
    ['as assumed', {}, {}],
    ['panel open all working day (480 min a session)', { panelMinutes: 480 }, {}],
    ['twice the panel sessions (16 a month)', { panelSessions: 16 }, {}],
    ['People view in half the sessions', { peopleViewShare: 0.5 }, {}],
    [
      'half the directory changes (edits, HR, newcomers)',
      { profileEditShare: ACTIVITY.profileEditShare / 2, hrChangeShare: ACTIVITY.hrChangeShare / 2, newMemberShare: ACTIVITY.newMemberShare / 2 },
      {},
    ],
    ['twice the likes and comments', { likesPerReactor: 2 * ACTIVITY.likesPerReactor, commentsPerCreator: 2 * ACTIVITY.commentsPerCreator }, {}],
    ['3× the people with expertise documents', { expertiseHolders: 3 * ACTIVITY.expertiseHolders }, {}],
    ['threads hold no earlier months', {}, { historyMonths: 0 }],
    ['threads hold 6 earlier months', {}, { historyMonths: 6 }],
    ['attention spread evenly (Zipf alpha 0)', {}, { zipfAlpha: 0 }],
  ];
  const rows = variants.map(([name, activity, pages]) => {
    const m = extrapolate(measured, expertiseSync, DIRECTORY_SHARD_COUNT, ORG, { ...ACTIVITY, ...activity }, { ...PAGES, ...pages });
    return [name, eur(m.eur.list), eur(m.perThousand.list), `${m.dominant.label} (${fmt(m.dominant.share * 100, 0)}%)`];
  });
  const header = ['assumption changed', '€/month', '€ per 1,000', 'largest share'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const cost: BenchSection = {
  id: 'cost',
  needsEmulators: true,
  async run({ quick, root }) {
    setLogLevel('silent');
    await loadRealRules(root);
    // The functions' code, run in this process; importing it initialises their Admin SDK (emulators only).
    // Their parameters (member domains, region, …) come from the organisation file, as in the emulator.
    functionsParamsIntoEnv(BUILD_ORG_CONFIG);
    const fns = await import('../../functions/src/index');
    const { db } = await import('../../functions/src/admin');
    const expertise = await import('../../functions/src/expertise');
    const composites = compositeIndexes(root);
    await backgroundTriggers(false);
    const meter = new Meter(db, firestoreTriggers(fns), composites, root);
    let sample: SampleResult;
    let measuredSizes: Pick<Measured, 'storage' | 'wire'>;
    try {
      const shards = await import('../../functions/src/directory-shards');
      sample = await runSample(quick, meter, Meter.handler(fns.membershipAtSignIn), Meter.handler(fns.membershipAtSignUp), expertise.refreshEvidence, () =>
        shards.rebuildDirectoryShards(db),
      );
      measuredSizes = await sizes(meter, composites);
    } finally {
      await meter.close();
      await backgroundTriggers(true);
    }

    const kinds = ['badge', 'like-comment', 'like-page', 'unlike', 'comment', 'anonymous', 'reply', 'helpful', 'sign-in', 'sign-up', 'profile-edit'];
    const missing = kinds.filter((k) => !sample.costs.has(k));
    if (missing.length > 0) throw new Error(`not sampled: ${missing.join(', ')}`);
    const units = Object.fromEntries(kinds.map((k) => [k, meanCost(sample.costs.get(k)!)]));
    const visit = visitCost(sample.visits);
    const measured: Measured = { units, visit, ...measuredSizes };
    const month = extrapolate(measured, EXPERTISE_SYNC, DIRECTORY_SHARD_COUNT);
    const other = extrapolate(measured, EXPERTISE_SYNC === 'people-view' ? 'every-session' : 'people-view', DIRECTORY_SHARD_COUNT);
    const syncModel =
      sample.peopleSyncs.reduce((s, x) => s + x.reads, 0) /
      Math.max(
        1,
        sample.peopleSyncs.reduce((s, x) => s + x.expected, 0),
      );
    const opsOnly = priceMonth({ ...month.totals, egressGiB: 0 }, false).eur;
    const actions = [...sample.costs.values()].reduce((s, list) => s + list.length, 0) + sample.visits.length + sample.peopleSyncs.length;

    console.log(
      [
        '',
        `What it costs: ${fmt(ORG.employees)} employees, ${fmt(ORG.readers)} active readers, ${fmt(ORG.reactors)} reacting, ${fmt(ORG.creators)} creating a month (KPN's ratios).`,
        `Prices: ${PRICES.region}, list prices of ${PRICES.date} (${PRICES.source}); $1 = €${PRICES.eurPerUsd}. CHECK them: they were not fetched.`,
        `Measured from ${actions} actions through the project's code against the emulators${quick ? ' (quick mode: a small sample)' : ''}; the rest is cost-model.ts's assumptions.`,
        '',
        monthTable(month),
        '',
        `Month: ${fmt(month.totals.reads)} reads, ${fmt(month.totals.writes)} writes, ${fmt(month.totals.deletes)} deletes, ${fmt(month.totals.invocations)} invocations, ${fmt(month.totals.storedGiB, 2)} GiB stored after ${ACTIVITY.storedMonths} months, ${fmt(month.totals.egressGiB, 0)} GiB sent to the browsers (${egressShares(month)}).`,
        `Document sizes (measured, bytes): comment ${fmt(measured.wire.comment)}, page ${fmt(measured.wire.page)}, profile ${fmt(measured.wire.profile)}, evidence copy ${fmt(measured.wire.evidenceDoc)}, a person's row in a shard ${fmt(measured.wire.shardPerPerson)} (a shard of ${fmt(ORG.employees / DIRECTORY_SHARD_COUNT)} people: ${fmt((measured.wire.shardPerPerson * ORG.employees) / DIRECTORY_SHARD_COUNT / 1024)} KB).`,
        `Changes every reader's people feeds read: ${fmt(month.changes.expertise)} evidence copies and ${fmt(month.changes.profiles)} profiles a month.`,
        `Without the network egress estimate: ${eur(opsOnly)} a month (${eur(perThousand(opsOnly))} per 1,000).`,
        `Bill: ${eur(month.eur.list)} a month at list prices (${eur(month.perThousand.list)} per 1,000 employees); with the free tier ${eur(month.eur.free)} (${eur(month.perThousand.free)} per 1,000).`,
        `Largest share: ${month.dominant.label}, ${fmt(month.dominant.share * 100, 0)}% of the bill.`,
        EXPERTISE_SYNC === 'people-view'
          ? `The expertise index is synced only while the People view is shown; synced at every panel session (as before) the month would be ${eur(other.eur.list)} (${eur(other.perThousand.list)} per 1,000).`
          : `Synced only while the People view is shown, the expertise index would make the month ${eur(other.eur.list)} (${eur(other.perThousand.list)} per 1,000).`,
        '',
        sensitivity(measured, EXPERTISE_SYNC),
        '',
      ].join('\n'),
    );

    const section = 'cost';
    const priceNote = `${PRICES.region} list prices of ${PRICES.date}, $1 = €${PRICES.eurPerUsd} (check them)`;
    const figures: Figure[] = [
      {
        section,
        name: 'cost per 1,000 employees per month (list prices)',
        value: month.perThousand.list,
        unit: '€',
        budget: { max: 1 },
        note: `< €1 per 1,000 employees per month; operations, storage and egress (estimate), no free tier; ${priceNote}`,
      },
      {
        section,
        name: 'cost per 1,000 employees per month, operations and storage only',
        value: perThousand(opsOnly),
        unit: '€',
        note: 'list prices, without the network egress estimate',
      },
      {
        section,
        name: 'cost per 1,000 employees per month (with the free tier)',
        value: month.perThousand.free,
        unit: '€',
        note: 'Firestore daily free quota, Functions monthly free tier',
      },
      {
        section,
        name: `whole organisation (${fmt(ORG.employees)}) per month, list prices`,
        value: month.eur.list,
        unit: '€',
        note: `with the free tier: ${eur(month.eur.free)}`,
      },
      { section, name: 'document reads per month', value: Math.round(month.totals.reads), unit: 'reads', note: 'clients and functions' },
      { section, name: 'document writes per month', value: Math.round(month.totals.writes), unit: 'writes' },
      { section, name: 'document deletes per month', value: Math.round(month.totals.deletes), unit: 'deletes' },
      { section, name: 'function invocations per month', value: Math.round(month.totals.invocations), unit: 'count' },
      { section, name: `stored after ${ACTIVITY.storedMonths} months`, value: month.totals.storedGiB, unit: 'GiB', note: 'documents and index entries' },
      { section, name: 'sent to the browsers per month (estimate)', value: month.totals.egressGiB, unit: 'GiB', note: egressShares(month) },
      {
        section,
        name: `largest share: ${month.dominant.label}`,
        value: month.dominant.share * 100,
        unit: '%',
        note: `${eur(month.dominant.eur)} of ${eur(month.eur.list)} a month`,
      },
      {
        section,
        name: `with expertise synced ${EXPERTISE_SYNC === 'people-view' ? 'whenever the panel is open (as before)' : 'only in the people view'}`,
        value: other.perThousand.list,
        unit: '€',
        note: `per 1,000 employees per month, list prices (this branch: ${eur(month.perThousand.list)})`,
      },
      ...month.rows.map((r): Figure => ({
        section,
        name: `${r.label}: per month`,
        value: r.eur,
        unit: '€',
        note: `${fmt(r.share * 100, 1)}%; ${r.actions > 0 ? `${fmt(r.actions)} actions, ` : ''}${fmt(r.total.reads + r.total.fnReads)} reads, ${fmt(r.total.writes + r.total.fnWrites)} writes, ${fmt(r.total.invocations)} invocations`,
      })),
      {
        section,
        name: 'thread visit: reads per comment document needed',
        value: visit.perDoc,
        unit: 'reads',
        note: `${visit.firstVisits} first visits (+${fmt(visit.firstOverhead, 1)} reads each), ${visit.revisits} revisits (+${fmt(visit.revisitOverhead, 1)}); model: ${fmt(month.thread.docs)} documents a reader a month`,
      },
      {
        section,
        name: 'people delta sync: reads billed / modelled',
        value: syncModel,
        unit: 'ratio',
        note: `${sample.peopleSyncs.length} syncs; model: max(1, documents changed since the last sync) per collection`,
      },
      {
        section,
        name: 'token refresh runs the sign-in function',
        value: sample.refreshRanSignIn ? 1 : 0,
        unit: 'count',
        budget: { max: 0 },
        note: 'emulator check: a forced ID token refresh vs a sign-in (the control)',
      },
    ];
    return figures;
  },
};
