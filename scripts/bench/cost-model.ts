// What a month of Prikbord costs an organisation: the pure arithmetic behind the bench section
// `cost` (scripts/bench/cost.ts). That section measures what ONE action of each kind costs, through
// the project's own code against the emulators; this module says how many actions of each kind a
// month has (the assumptions, each a named constant with where it comes from), extrapolates the
// costs that do not grow linearly with the actions (thread visits, the people delta sync), and
// prices the month. No Firebase, no clock: tests/unit/cost-model.test.ts checks the arithmetic.
//
// The organisation: 18,000 employees with the activity KPN reported for its social intranet, about
// 6,500 active readers, 3,000 reacting or liking and 1,750 creating content a month (the figures
// the issue "Deploy it for your organisation" quotes). We take them as nested groups: every creator
// also reacts, every reactor also reads. Everything else (how often, how long, how many pages) is
// our assumption, stated below; change a constant and rerun to see what it does.
//
// Over 250 lines on purpose: the assumptions, the models and the prices are read together.
import { PEOPLE_RESYNC_MS, REBUILD_AFTER_CHANGES } from '../../lib/core/people-sync-plan';

/** The organisation and its activity per month. */
export const ORG = {
  /** The example organisation. */
  employees: 18_000,
  /** KPN: about 6,500 active readers a month (the issue). Everyone with the extension signed in who reads. */
  readers: 6_500,
  /** KPN: about 3,000 reacting or liking a month (the issue). */
  reactors: 3_000,
  /** KPN: about 1,750 creating content a month (the issue). */
  creators: 1_750,
} as const;

/** Our assumptions about a month's activity (not KPN's): each says why it has its value. */
export const ACTIVITY = {
  /** Working days in a month (52 × 5 − holidays, / 12). Activity happens on these days. */
  workingDays: 21,
  /** Hours of a working day over which the day's activity spreads. */
  workingHours: 8,
  /** Intranet pages an active reader opens per working day (each asks the badge count; our guess for an active intranet user). */
  pageViewsPerDay: 5,
  /** Days a month an active reader opens the side panel (a reader is active when they read; not every day). */
  panelSessions: 8,
  /** Minutes the panel stays open per session (the people delta sync repeats every 5 minutes while it is open). */
  panelMinutes: 60,
  /** Share of panel sessions in which the reader also opens the people view (expert lookup, directory). */
  peopleViewShare: 0.25,
  /** Minutes the people view is shown in such a session. */
  peopleViewMinutes: 5,
  /** Threads a reader has shown in the panel per month (page visits with the panel open). */
  threadVisits: 20,
  /** Likes per reactor per month. */
  likesPerReactor: 8,
  /** Of those likes, the share on a comment (the rest like the page itself). */
  likesOnComments: 0.6,
  /** Likes taken back again, per like. */
  unlikesPerLike: 0.05,
  /** Comments and replies per creator per month. */
  commentsPerCreator: 4,
  /** Of those, the share that answers someone else's question (a reply). */
  replyShare: 0.5,
  /** Of the top-level comments, the share posted anonymously (where the organisation allows it). */
  anonymousShare: 0.05,
  /** "This helped" marks per reply. */
  marksPerReply: 0.2,
  /** Sign-ins per active reader per month: the session persists (Firebase Auth refresh token), so a sign-in is a new browser, a sign-out or a password change. */
  signInsPerReader: 1,
  /** Share of active readers who edit their own profile (skills, languages) in a month. */
  profileEditShare: 0.05,
  /** Share of active readers who sign in for the very first time in a month (new colleagues, newcomers to Prikbord). */
  newMemberShare: 0.02,
  /** Share of active readers whose browser syncs the directory from scratch in a month (new colleague, new laptop, reinstall). */
  firstSyncShare: 0.05,
  /** Directory imports per month (a weekly HR export). */
  directoryImports: 4,
  /** Share of employees whose directory entry changes in a month (joiners, leavers, moves): each rewrites a profile. */
  hrChangeShare: 0.02,
  /**
   * People with expertise evidence (expertise/{uid} and its copy evidence/{uid}: someone answered or
   * got likes): about the creators. Their copies are what the evidence feed reads.
   */
  expertiseHolders: ORG.creators,
  /** Storage is priced as it stands after this many months of the activity above (it only grows: comments are never deleted). */
  storedMonths: 12,
} as const;

/** How attention and discussion spread over the intranet's pages (for the thread visits). */
export const PAGES = {
  /** Pages that get panel visits or comments in a month (news, policies, forms): our guess. */
  count: 3_000,
  /**
   * Popularity of page p ∝ p^-alpha (Zipf-like). Web requests follow Zipf-like laws with alpha
   * 0.64–0.83 (Breslau et al., "Web caching and Zipf-like distributions", INFOCOM 1999); 0.8 is the
   * heavy end. Comments follow the same popularity as visits.
   */
  zipfAlpha: 0.8,
  /** Months of earlier comments a thread holds when the month starts (news is discussed while it is new). */
  historyMonths: 2,
} as const;

type Numbers<T> = { readonly [K in keyof T]: number };
/** The assumption sets as plain numbers (so a variant can change one). */
export type Org = Numbers<typeof ORG>;
export type Activity = Numbers<typeof ACTIVITY>;
export type Pages = Numbers<typeof PAGES>;

/** Prices: list prices, USD, as we know them; CHECK them before relying on the result (no internet here). */
export const PRICES = {
  date: '2025-06',
  region: 'europe-west1 (Belgium)',
  source:
    'cloud.google.com/firestore/pricing (Standard edition, regional location) and cloud.google.com/functions/pricing → Cloud Run functions (2nd gen, Tier 1, request-based billing)',
  firestore: {
    /** USD per 100,000 document reads / writes / deletes; USD per GiB stored per month. */
    readsPer100k: 0.03,
    writesPer100k: 0.09,
    deletesPer100k: 0.01,
    storagePerGiBMonth: 0.15,
    /** Free quota: per day (reads, writes, deletes) and stored data; the (default) database only. */
    freeReadsPerDay: 50_000,
    freeWritesPerDay: 20_000,
    freeDeletesPerDay: 20_000,
    freeStorageGiB: 1,
  },
  functions: {
    perMillionInvocations: 0.4,
    perVcpuSecond: 0.000024,
    perGiBSecond: 0.0000025,
    /** Free per month, per billing account. */
    freeInvocations: 2_000_000,
    freeVcpuSeconds: 180_000,
    freeGiBSeconds: 360_000,
    /** firebase-functions 2nd gen defaults (nothing in functions/src overrides them): 1 vCPU, 256 MiB. */
    vcpu: 1,
    memoryGiB: 0.25,
    /** Cloud Run bills a request's time rounded up to 100 ms. */
    billingQuantumSeconds: 0.1,
  },
  network: {
    /**
     * What a client outside Google Cloud receives is internet egress (cloud.google.com/vpc/network-pricing,
     * Premium Tier from Europe, first TiB, as we know it); Firestore's free quota includes 10 GiB a month.
     * Functions read Firestore in the same region: no egress.
     */
    egressPerGiB: 0.12,
    freeEgressGiB: 10,
  },
  /** EUR per USD (ECB reference rate, mid 2025, about 1.16 USD for 1 EUR): a named rate, check it too. */
  eurPerUsd: 0.86,
} as const;

/** What one action of a kind costs, measured (averages over the sample). */
export interface UnitCost {
  /** Document reads the client is billed for (an empty query bills 1). */
  reads: number;
  writes: number;
  deletes: number;
  /** Cloud Functions invocations the action causes (triggers and blocking functions). */
  invocations: number;
  /** What those functions read, write and delete. */
  fnReads: number;
  fnWrites: number;
  fnDeletes: number;
  /** Billed function time, seconds (each invocation rounded up to the billing quantum). */
  fnSeconds: number;
  /** Bytes the action adds to storage (documents and their automatic index entries). */
  bytes: number;
  /** Evidence copies (evidence/{uid}) whose `updatedAt` moved: every reader's next evidence feed reads them. */
  expertiseChanges: number;
  /** Profiles whose `updatedAt` moved: every reader's next directory feed reads them. */
  profileChanges: number;
}

export const ZERO: UnitCost = {
  reads: 0,
  writes: 0,
  deletes: 0,
  invocations: 0,
  fnReads: 0,
  fnWrites: 0,
  fnDeletes: 0,
  fnSeconds: 0,
  bytes: 0,
  expertiseChanges: 0,
  profileChanges: 0,
};

/** The field-wise mean of measured costs (ZERO for none). */
export function meanCost(costs: UnitCost[]): UnitCost {
  if (costs.length === 0) return { ...ZERO };
  const sum = costs.reduce((acc, c) => addCost(acc, c), { ...ZERO });
  return scaleCost(sum, 1 / costs.length);
}

export function addCost(a: UnitCost, b: UnitCost): UnitCost {
  return Object.fromEntries(Object.keys(ZERO).map((k) => [k, a[k as keyof UnitCost] + b[k as keyof UnitCost]])) as unknown as UnitCost;
}

export function scaleCost(a: UnitCost, factor: number): UnitCost {
  return Object.fromEntries(Object.keys(ZERO).map((k) => [k, a[k as keyof UnitCost] * factor])) as unknown as UnitCost;
}

/** Billed seconds of one invocation that ran `ms` milliseconds: rounded up to the quantum, at least one quantum. */
export function billedSeconds(ms: number, quantum: number = PRICES.functions.billingQuantumSeconds): number {
  return Math.max(1, Math.ceil(ms / 1000 / quantum - 1e-9)) * quantum;
}

// ---------- how many actions a month has ----------

/** How the panel's people sync treats the expertise index: synced whenever the panel is open, or only while the people view shows it. */
export type ExpertiseSync = 'every-session' | 'people-view';

/** Actions per month of the kinds whose cost is linear in their number. */
export function monthlyActions(org: Org = ORG, a: Activity = ACTIVITY): Record<string, number> {
  const likes = org.reactors * a.likesPerReactor;
  const comments = org.creators * a.commentsPerCreator;
  const replies = comments * a.replyShare;
  const topLevel = comments - replies;
  return {
    badge: org.readers * a.pageViewsPerDay * a.workingDays,
    panel: org.readers * a.panelSessions,
    'like-comment': likes * a.likesOnComments,
    'like-page': likes * (1 - a.likesOnComments),
    unlike: likes * a.unlikesPerLike,
    comment: topLevel * (1 - a.anonymousShare),
    anonymous: topLevel * a.anonymousShare,
    reply: replies,
    helpful: replies * a.marksPerReply,
    'sign-in': org.readers * a.signInsPerReader,
    'profile-edit': org.readers * a.profileEditShare,
    'hr-change': org.employees * a.hrChangeShare,
    'sign-up': org.readers * a.newMemberShare,
    'first-sync': org.readers * a.firstSyncShare,
  };
}

// ---------- thread visits ----------

/** Zipf-like popularity weights of `n` pages (summing to 1), most popular first. */
export function zipfWeights(n: number, alpha: number): number[] {
  const raw = Array.from({ length: n }, (_, i) => (i + 1) ** -alpha);
  const total = raw.reduce((s, x) => s + x, 0);
  return raw.map((x) => x / total);
}

/** P(k) for k = 0…n successes of probability w. */
export function binomial(n: number, w: number): number[] {
  if (w >= 1) return Array.from({ length: n + 1 }, (_, k) => (k === n ? 1 : 0));
  const out: number[] = [];
  let p = (1 - w) ** n;
  for (let k = 0; k <= n; k++) {
    out.push(p);
    p = (p * (n - k) * w) / ((k + 1) * (1 - w));
  }
  return out;
}

/** What a thread visit reads, as measured: overhead + one read per comment document delivered. */
export interface VisitCost {
  /** First visit (this browser holds nothing of the page): reads besides the thread's comments. */
  firstOverhead: number;
  /** Revisit: reads besides the comment documents changed since the last visit. */
  revisitOverhead: number;
  /** Reads per comment document delivered (1 when the listener reads only what it must). */
  perDoc: number;
}

/**
 * Reads of one reader's thread visits in a month, in expectation. The reader makes `visits` visits
 * to pages drawn by popularity; a page's k visits fall at uniform times. The first visit reads the
 * whole thread as it is then (history + the month's comments so far: on average 1/(k+1) of them);
 * each later visit reads the comment documents changed since the visit before (new comments, and
 * comments whose like counter moved), between the first and the last visit (k−1)/(k+1) of the
 * month's changes. Conservative: a reader's browser is taken to hold none of a page at the month's
 * start, and a document changed twice between two visits is counted twice.
 */
export function threadVisitReads(
  o: { pages: number; alpha: number; visits: number; commentsPerMonth: number; commentChangesPerMonth: number; historyMonths: number },
  cost: VisitCost,
): { firstVisits: number; revisits: number; reads: number; docs: number } {
  let firstVisits = 0;
  let revisits = 0;
  let docs = 0;
  for (const w of zipfWeights(o.pages, o.alpha)) {
    const comments = o.commentsPerMonth * w;
    const changes = (o.commentsPerMonth + o.commentChangesPerMonth) * w;
    const history = o.historyMonths * comments;
    binomial(o.visits, w).forEach((p, k) => {
      if (k === 0) return;
      firstVisits += p;
      revisits += p * (k - 1);
      docs += p * (history + comments / (k + 1) + (changes * (k - 1)) / (k + 1));
    });
  }
  return { firstVisits, revisits, docs, reads: firstVisits * cost.firstOverhead + revisits * cost.revisitOverhead + docs * cost.perDoc };
}

// ---------- the people delta sync ----------

/** Distinct documents among `changes` changes spread uniformly over `holders` documents (expected occupancy). */
export function distinctChanged(changes: number, holders: number): number {
  if (holders <= 0 || changes <= 0) return 0;
  return holders * (1 - Math.exp(-changes / holders));
}

/**
 * Reads one reader's delta syncs of one collection (directory shards, or expertise documents) bill
 * in a month, and the documents they bring. The reader syncs `sessions` times a month at the start
 * of a session and then every `everyMinutes` while it lasts `minutes`. Changes arrive uniformly
 * over the working hours. A sync reads each document changed since the last one once (distinct
 * documents, of `holders`), and an empty answer still bills one read: E[max(1, N)] = μ + e^−μ for
 * N ~ Poisson(μ).
 */
export function deltaSync(o: {
  sessions: number;
  minutes: number;
  everyMinutes: number;
  changesPerMonth: number;
  holders: number;
  workingDays: number;
  workingHours: number;
}): { reads: number; docs: number } {
  if (o.sessions <= 0) return { reads: 0, docs: 0 };
  const monthMinutes = o.workingDays * o.workingHours * 60;
  const perMinute = o.changesPerMonth / monthMinutes;
  // Syncs at the session's start and every `everyMinutes` strictly before it ends.
  const repeats = Math.max(0, Math.ceil(o.minutes / o.everyMinutes) - 1);
  const gapMinutes = Math.max(0, monthMinutes / o.sessions - repeats * o.everyMinutes);
  const atOpen = distinctChanged(perMinute * gapMinutes, o.holders);
  const mean = perMinute * o.everyMinutes;
  return {
    reads: o.sessions * (Math.max(1, atOpen) + repeats * (mean + Math.exp(-mean))),
    docs: o.sessions * (atOpen + repeats * mean),
  };
}

/** The reads of deltaSync. */
export const deltaSyncReads = (o: Parameters<typeof deltaSync>[0]) => deltaSync(o).reads;

/** Directory shards populated by `people` people hashed over `shards` shards (expected; also: shards touched by that many distinct people's changes). */
export function populatedShards(people: number, shards: number): number {
  return shards * (1 - (1 - 1 / shards) ** people);
}

// ---------- prices ----------

export interface MonthTotals {
  reads: number;
  writes: number;
  deletes: number;
  /** GiB stored (what the month's storage bill is for). */
  storedGiB: number;
  /** GiB the clients receive (documents read, estimated from their sizes). */
  egressGiB: number;
  invocations: number;
  fnSeconds: number;
}

export interface MonthPrice {
  firestore: { reads: number; writes: number; deletes: number; storage: number; egress: number };
  functions: { invocations: number; cpu: number; memory: number };
  usd: number;
  eur: number;
}

/**
 * The month's bill in USD and EUR. With `freeTier`, the daily free operations are taken off each
 * working day's share (activity on `workingDays` days; the quota of the other days goes unused),
 * the free GiB off storage and egress, and the monthly Functions free tier off invocations and compute.
 */
export function priceMonth(t: MonthTotals, freeTier: boolean, prices = PRICES, workingDays: number = ACTIVITY.workingDays): MonthPrice {
  const f = prices.firestore;
  const fn = prices.functions;
  const daily = (total: number, freePerDay: number) => (freeTier ? workingDays * Math.max(0, total / workingDays - freePerDay) : total);
  const free = (total: number, allowance: number) => (freeTier ? Math.max(0, total - allowance) : total);
  const vcpuSeconds = t.fnSeconds * fn.vcpu;
  const gibSeconds = t.fnSeconds * fn.memoryGiB;
  const firestore = {
    reads: (daily(t.reads, f.freeReadsPerDay) / 100_000) * f.readsPer100k,
    writes: (daily(t.writes, f.freeWritesPerDay) / 100_000) * f.writesPer100k,
    deletes: (daily(t.deletes, f.freeDeletesPerDay) / 100_000) * f.deletesPer100k,
    storage: free(t.storedGiB, f.freeStorageGiB) * f.storagePerGiBMonth,
    egress: free(t.egressGiB, prices.network.freeEgressGiB) * prices.network.egressPerGiB,
  };
  const functions = {
    invocations: (free(t.invocations, fn.freeInvocations) / 1_000_000) * fn.perMillionInvocations,
    cpu: free(vcpuSeconds, fn.freeVcpuSeconds) * fn.perVcpuSecond,
    memory: free(gibSeconds, fn.freeGiBSeconds) * fn.perGiBSecond,
  };
  const usd = [...Object.values(firestore), ...Object.values(functions)].reduce((s, x) => s + x, 0);
  return { firestore, functions, usd, eur: usd * prices.eurPerUsd };
}

/** EUR per 1,000 employees. */
export const perThousand = (eur: number, employees: number = ORG.employees) => (eur / employees) * 1000;

/** A cost at list prices with no free tier (for one kind's share of the bill), in EUR. */
export function eurOf(c: Pick<UnitCost, 'reads' | 'writes' | 'deletes' | 'invocations' | 'fnSeconds'>, prices = PRICES): number {
  return priceMonth(
    { reads: c.reads, writes: c.writes, deletes: c.deletes, storedGiB: 0, egressGiB: 0, invocations: c.invocations, fnSeconds: c.fnSeconds },
    false,
    prices,
  ).eur;
}

// ---------- the month ----------

/** What the sample measured: unit costs per kind, the thread visit costs, stored sizes. */
export interface Measured {
  /** Per kind of monthlyActions() but panel, hr-change and first-sync (derived below). */
  units: Record<string, UnitCost>;
  visit: VisitCost;
  /** Stored bytes (document + index entries): per person of a profile, a directory entry and a shard entry (people and evidence); per holder of an expertise document and of its copy. */
  storage: { profile: number; directoryEntry: number; shardEntry: number; expertiseDoc: number; evidenceDoc: number };
  /** Document bytes (no index entries), the estimate of what a read sends: a comment, a page, a profile, an evidence copy, one person's row in a shard (with their evidence). */
  wire: { comment: number; page: number; profile: number; evidenceDoc: number; shardPerPerson: number };
}

/** One kind of action in the month: how many, what they cost in total, their part of the bill. */
export interface Row {
  kind: string;
  label: string;
  actions: number;
  total: UnitCost;
  /** GiB its reads send to the browsers (an estimate from the documents' sizes). */
  egressGiB: number;
  /** EUR at list prices, no free tier: operations and egress. */
  eur: number;
  /** Share of the bill (no free tier). */
  share: number;
}

export const LABELS: Record<string, string> = {
  badge: 'badge count (page view)',
  panel: 'panel opened (profile, settings)',
  thread: 'thread visits',
  'sync-directory': 'people sync: directory feed',
  'sync-expertise': 'people sync: evidence feed',
  'shard-rebuild': 'directory shards rebuilt (scheduled)',
  'like-comment': 'like of a comment',
  'like-page': 'like of a page',
  unlike: 'unlike',
  comment: 'comment',
  anonymous: 'anonymous comment',
  reply: 'reply',
  helpful: '"this helped" mark',
  'sign-in': 'sign-in',
  'sign-up': 'first sign-in (sign-up)',
  'profile-edit': 'own profile edit',
  'hr-change': 'HR change (directory import)',
  'directory-import': 'directory import run (reads)',
  'first-sync': 'first people sync (new browser)',
  storage: 'storage',
};

/** Reads of one panel session besides the people sync: the own profile (getDoc) and the settings listener (config/settings), 1 each. */
export const PANEL_READS = 2;
/** The people sync repeats while the panel is open (components/people/use-people.ts): every 5 minutes. */
export const RESYNC_MINUTES = PEOPLE_RESYNC_MS / 60_000;

/**
 * A first sync reads the shards, then the feed of documents changed since they were built: the
 * server rebuilds them every REBUILD_AFTER_CHANGES changes, so a first sync at a random moment
 * finds half of that behind them (changes spread evenly; the bench people measures the worst case).
 */
export const FIRST_SYNC_FEED_DOCS = REBUILD_AFTER_CHANGES / 2;
/** The scheduled refresh (functions/src/directory-shards.ts): every 15 minutes, every day. */
export const REFRESH_RUNS_PER_MONTH = 4 * 24 * 30;
/**
 * Billed seconds of one rebuild of REBUILD_AFTER_CHANGES changes: reading those documents and the
 * shards they touch, writing the shards. An estimate (a few seconds of Admin SDK work, not measured
 * at this size); at these numbers the term is far below a cent either way.
 */
export const REBUILD_SECONDS = 5;

export interface Month {
  rows: Row[];
  totals: MonthTotals;
  /** EUR per month: list prices, and with the free tier. */
  eur: { list: number; free: number };
  perThousand: { list: number; free: number };
  dominant: Row;
  thread: ReturnType<typeof threadVisitReads>;
  /** Evidence copies and profiles changed per month (what every reader's feeds read). */
  changes: { expertise: number; profiles: number };
  /** GiB the clients receive per month, by kind. */
  egress: Record<string, number>;
}

/** The month: every kind's actions × measured unit cost, the modelled reads, storage, and the bill. */
export function extrapolate(
  m: Measured,
  expertiseSync: ExpertiseSync,
  shardCount: number,
  org: Org = ORG,
  a: Activity = ACTIVITY,
  pages: Pages = PAGES,
  prices = PRICES,
): Month {
  const counts = monthlyActions(org, a);
  const unit = (kind: string): UnitCost => {
    const u = m.units[kind];
    if (!u) throw new Error(`no measured cost for ${kind}`);
    return u;
  };
  const shards = populatedShards(org.employees, shardCount);
  const edit = unit('profile-edit');
  const derived: Record<string, UnitCost> = {
    panel: { ...ZERO, reads: PANEL_READS },
    // The import writes the entry and the profile; a profile change runs what a profile edit runs (nothing since the shards are batched).
    'hr-change': {
      ...ZERO,
      writes: 2,
      invocations: edit.invocations,
      fnReads: edit.fnReads,
      fnWrites: edit.fnWrites,
      fnSeconds: edit.fnSeconds,
      profileChanges: edit.profileChanges,
    },
    // The shards (pages of 50: one more read for an empty last page is left out) and the feed behind them.
    'first-sync': { ...ZERO, reads: shards + FIRST_SYNC_FEED_DOCS },
  };
  const linear = Object.entries(counts).map(([kind, n]) => ({ kind, actions: n, total: scaleCost(derived[kind] ?? unit(kind), n) }));
  const changes = {
    expertise: linear.reduce((s, r) => s + r.total.expertiseChanges, 0),
    profiles: linear.reduce((s, r) => s + r.total.profileChanges, 0),
  };
  const thread = threadVisitReads(
    {
      pages: pages.count,
      alpha: pages.zipfAlpha,
      visits: a.threadVisits,
      commentsPerMonth: counts.comment! + counts.anonymous! + counts.reply!,
      commentChangesPerMonth: counts['like-comment']! + counts.unlike!,
      historyMonths: pages.historyMonths,
    },
    m.visit,
  );
  // The scheduled refresh: every run counts the changes (2 aggregations, billed 1 read each, and the
  // state document); every REBUILD_AFTER_CHANGES changes it reads them and the shards they touch,
  // rewrites those and moves every other shard's coveredAt (lease, state: 3 reads, 3 writes).
  const rebuilds = (changes.profiles + changes.expertise) / REBUILD_AFTER_CHANGES;
  const touched = populatedShards(REBUILD_AFTER_CHANGES, shardCount);
  const rebuildCost: UnitCost = {
    ...ZERO,
    invocations: REFRESH_RUNS_PER_MONTH,
    fnReads: REFRESH_RUNS_PER_MONTH * 3 + rebuilds * (REBUILD_AFTER_CHANGES + touched + 3),
    fnWrites: rebuilds * (shards + 3),
    fnSeconds: REFRESH_RUNS_PER_MONTH * billedSeconds(0, prices.functions.billingQuantumSeconds) + rebuilds * REBUILD_SECONDS,
  };
  const sync = (o: { sessions: number; minutes: number; changes: number; holders: number }) =>
    deltaSync({ ...o, changesPerMonth: o.changes, everyMinutes: RESYNC_MINUTES, workingDays: a.workingDays, workingHours: a.workingHours });
  const peopleView = expertiseSync === 'people-view';
  // The directory feed: each profile changed since the last sync, once (of all the employees').
  const directorySync = sync({ sessions: a.panelSessions, minutes: a.panelMinutes, changes: changes.profiles, holders: org.employees });
  const expertiseSessions = a.panelSessions * (peopleView ? a.peopleViewShare : 1);
  const expertiseDeltas = sync({
    sessions: expertiseSessions,
    minutes: peopleView ? a.peopleViewMinutes : a.panelMinutes,
    changes: changes.expertise,
    holders: a.expertiseHolders,
  });
  const modelled = [
    { kind: 'thread', actions: org.readers * a.threadVisits, total: { ...ZERO, reads: org.readers * thread.reads } },
    { kind: 'sync-directory', actions: org.readers * a.panelSessions, total: { ...ZERO, reads: org.readers * directorySync.reads } },
    { kind: 'sync-expertise', actions: org.readers * expertiseSessions, total: { ...ZERO, reads: org.readers * expertiseDeltas.reads } },
    // scripts/directory/import.ts reads the whole directory, every account's profile and the membership config each run.
    { kind: 'directory-import', actions: a.directoryImports, total: { ...ZERO, reads: a.directoryImports * (2 * org.employees + 1) } },
    { kind: 'shard-rebuild', actions: rebuilds, total: rebuildCost },
  ];

  // What the clients receive: the documents they read, by their size (an estimate of the bytes on the wire).
  const w = m.wire;
  const shardDoc = (org.employees / Math.max(1, shards)) * w.shardPerPerson;
  const egressBytes: Record<string, number> = {
    badge: counts.badge! * w.page,
    panel: counts.panel! * w.profile,
    thread: org.readers * (thread.docs * w.comment + (thread.firstVisits + thread.revisits) * w.page),
    'sync-directory': org.readers * directorySync.docs * w.profile,
    'sync-expertise': org.readers * expertiseDeltas.docs * w.evidenceDoc,
    'first-sync': counts['first-sync']! * (shards * shardDoc + FIRST_SYNC_FEED_DOCS * w.profile),
    'shard-rebuild': 0, // server to server, in the region
  };
  // The outbox's own reads (rate window, page) are small documents.
  for (const r of linear) egressBytes[r.kind] ??= r.total.reads * w.page;
  const egress = Object.fromEntries(Object.entries(egressBytes).map(([k, b]) => [k, b / 2 ** 30]));
  const egressGiB = Object.values(egress).reduce((x, y) => x + y, 0);

  const growth = [...linear, ...modelled].reduce((s, r) => s + r.total.bytes, 0);
  const base =
    org.employees * (m.storage.profile + m.storage.directoryEntry + m.storage.shardEntry) +
    a.expertiseHolders * (m.storage.expertiseDoc + m.storage.evidenceDoc);
  const storedGiB = (base + a.storedMonths * growth) / 2 ** 30;
  // Each kind's part of the bill: its operations, and the bytes its reads send to the browsers.
  const priced = [...linear, ...modelled].map((r) => ({
    ...r,
    label: LABELS[r.kind] ?? r.kind,
    egressGiB: egress[r.kind] ?? 0,
    eur: eurOf(monthTotalOf(r.total), prices) + (egress[r.kind] ?? 0) * prices.network.egressPerGiB * prices.eurPerUsd,
  }));
  const all = [
    ...priced,
    {
      kind: 'storage',
      label: LABELS.storage!,
      actions: 0,
      egressGiB: 0,
      total: { ...ZERO, bytes: growth },
      eur: storedGiB * prices.firestore.storagePerGiBMonth * prices.eurPerUsd,
    },
  ];
  const sum = all.reduce((s, r) => addCost(s, r.total), { ...ZERO });
  const totals: MonthTotals = {
    reads: sum.reads + sum.fnReads,
    writes: sum.writes + sum.fnWrites,
    deletes: sum.deletes + sum.fnDeletes,
    storedGiB,
    egressGiB,
    invocations: sum.invocations,
    fnSeconds: sum.fnSeconds,
  };
  const list = priceMonth(totals, false, prices, a.workingDays).eur;
  const free = priceMonth(totals, true, prices, a.workingDays).eur;
  const rows = all.map((r) => ({ ...r, share: r.eur / list })).sort((x, y) => y.eur - x.eur);
  return {
    rows,
    totals,
    eur: { list, free },
    perThousand: { list: perThousand(list, org.employees), free: perThousand(free, org.employees) },
    dominant: rows[0]!,
    thread,
    changes,
    egress,
  };
}

/** A kind's total as Firestore bills it: the client's and its functions' operations together. */
function monthTotalOf(c: UnitCost): Pick<UnitCost, 'reads' | 'writes' | 'deletes' | 'invocations' | 'fnSeconds'> {
  return { reads: c.reads + c.fnReads, writes: c.writes + c.fnWrites, deletes: c.deletes + c.fnDeletes, invocations: c.invocations, fnSeconds: c.fnSeconds };
}
