// The cost bench's meter: counts what an action costs in Firestore operations and Cloud Functions,
// while the action runs through the project's own code against the emulators.
//
// - The client's one-shot reads and writes go through Firestore Lite (the outbox, the badge counts),
//   which talks REST over fetch(): the meter wraps fetch and counts from the requests and answers
//   (a batchGet bills one read per document asked, found or not; a query its documents, at least 1;
//   a commit one write or delete per write in it). Listeners (the full SDK, gRPC) are counted by
//   the code that runs them (thread-sync's observer, the people sync's return value).
// - The server side runs IN THIS PROCESS: the emulator's own background triggers are switched off
//   (the emulator hub's disableBackgroundTriggers), and for every document a write changed, the
//   meter runs the functions whose trigger matches it — read from the `__endpoint` of each function
//   functions/src/index.ts exports, so a new trigger is counted without touching the bench — with a
//   before/after change as the Functions runtime would deliver it. Their Admin SDK reads and writes
//   are counted by wrapping @google-cloud/firestore's document reader, query and commit (for the
//   functions' Firestore instance only), and their writes can trigger further functions in turn.
// - Each written document's stored size (storage-size.ts) before and after gives the bytes an action
//   adds; the `updatedAt` of evidence copies and profiles before and after tells whether
//   every reader's next people sync will read them.
// Over 250 lines on purpose: the client's and the server's counting must agree on one notion of a write.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { paths as firestorePaths } from '../../lib/core/paths';
import { ZERO, billedSeconds, type UnitCost } from './cost-model';
import { storedBytes, type CompositeIndex } from './storage-size';

/** A document snapshot of the Admin SDK (the shape the triggers are given). */
export interface AdminSnapshot {
  exists: boolean;
  id: string;
  ref: { path: string };
  updateTime?: { isEqual(other: unknown): boolean };
  data(): Record<string, unknown> | undefined;
  get(field: string): unknown;
}

interface Trigger {
  name: string;
  /** 'written' | 'created' | 'updated' | 'deleted' */
  kind: string;
  pattern: string[];
  run(event: unknown): unknown;
}

type Fn = { __endpoint?: { eventTrigger?: { eventType: string; eventFilterPathPatterns?: { document?: string } } }; run?: (event: unknown) => unknown };

/** The Firestore triggers among the exported functions, from their deployment metadata. */
export function firestoreTriggers(exported: Record<string, unknown>): Trigger[] {
  return Object.entries(exported).flatMap(([name, value]) => {
    const fn = value as Fn;
    const trigger = fn?.__endpoint?.eventTrigger;
    const document = trigger?.eventFilterPathPatterns?.document;
    if (!trigger || !document || typeof fn.run !== 'function') return [];
    const kind = /\.(written|created|updated|deleted)(\.|$)/.exec(trigger.eventType)?.[1];
    if (!kind) throw new Error(`${name}: unknown Firestore event type ${trigger.eventType}`);
    return [{ name, kind, pattern: document.split('/'), run: fn.run.bind(fn) }];
  });
}

/** The path parameters when `path` matches `pattern` ("pages/{pageId}"), else null. */
export function matchPath(pattern: string[], path: string): Record<string, string> | null {
  const ids = path.split('/');
  if (ids.length !== pattern.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < ids.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith('{') && p.endsWith('}')) params[p.slice(1, -1)] = ids[i]!;
    else if (p !== ids[i]) return null;
  }
  return params;
}

const docPath = (name: string) => name.slice(name.indexOf('/documents/') + '/documents/'.length);

/** The Admin SDK classes the meter wraps: loaded from functions/node_modules, the copy the functions use. */
interface AdminFirestoreModule {
  Firestore: new (settings: { projectId: string }) => AdminFirestore;
}
interface AdminFirestore {
  getAll(...refs: unknown[]): Promise<AdminSnapshot[]>;
  doc(path: string): unknown;
  collection(path: string): unknown;
  terminate(): Promise<void>;
}

export class Meter {
  /** The action being measured; null: nothing is counted. */
  private current: UnitCost | null = null;
  /** Trigger events waiting to run, in order. */
  private queue: Array<{ trigger: Trigger; event: unknown }> = [];
  /** The newest snapshot seen of each document (by path): the "before" of a transaction's write. */
  private seen = new Map<string, AdminSnapshot>();
  private readonly restore: Array<() => void> = [];
  /** Paths of the evidence copies and profiles whose `updatedAt` moved, in order (what the people feeds read). */
  readonly changes: string[] = [];
  /** Failures inside the wrappers (they must not be swallowed by the code under test). */
  readonly errors: unknown[] = [];
  private readonly reader: AdminFirestore;

  constructor(
    private readonly fnDb: object,
    private readonly triggers: Trigger[],
    private readonly composites: CompositeIndex[],
    root: string,
  ) {
    const require = createRequire(join(root, 'functions/package.json'));
    const mod = require('@google-cloud/firestore') as AdminFirestoreModule;
    if (!(fnDb instanceof mod.Firestore))
      throw new Error("the functions' Firestore is not functions/node_modules' @google-cloud/firestore: the meter would count nothing");
    this.reader = new mod.Firestore({ projectId: process.env.GCLOUD_PROJECT ?? 'demo-prikbord' });
    this.wrapAdmin(require);
    this.wrapFetch();
  }

  /** Measures `action`: what it costs, with every function it triggers run to the end. */
  async measure(action: () => Promise<unknown>): Promise<UnitCost> {
    const cost: UnitCost = { ...ZERO };
    this.current = cost;
    try {
      await action();
      await this.drain();
    } finally {
      this.current = null;
    }
    if (this.errors.length > 0) throw this.errors[0];
    return cost;
  }

  /** Adds to the action under way what was counted elsewhere (listener reads, full-SDK writes). */
  add(part: Partial<UnitCost>): void {
    if (!this.current) return;
    for (const [k, v] of Object.entries(part)) this.current[k as keyof UnitCost] += v;
  }

  /** The handler of an exported function (what the Functions runtime calls), for running it directly. */
  static handler(fn: unknown): (event: unknown) => Promise<unknown> {
    const run = (fn as { run?: unknown }).run;
    if (typeof run !== 'function') throw new Error('this function has no handler to run');
    return async (event) => run.call(fn, event);
  }

  /** Runs a function directly (a blocking function at sign-in), counted as one invocation. */
  async invoke(run: () => unknown): Promise<void> {
    const started = performance.now();
    await run();
    this.add({ invocations: 1, fnSeconds: billedSeconds(performance.now() - started) });
  }

  /** Every document of a collection, read with the meter's own Firestore instance (never counted). */
  async collection(path: string): Promise<AdminSnapshot[]> {
    return (await (this.reader.collection(path) as { get(): Promise<{ docs: AdminSnapshot[] }> }).get()).docs;
  }

  /** Snapshots of documents by path, read with a Firestore instance of its own (never counted). */
  async snapshots(paths: string[]): Promise<AdminSnapshot[]> {
    if (paths.length === 0) return [];
    const snaps = await this.reader.getAll(...paths.map((p) => this.reader.doc(p)));
    for (const s of snaps) this.seen.set(s.ref.path, s);
    return snaps;
  }

  /**
   * Records that the documents at `paths` were written (before → after): their stored bytes, the
   * people-sync changes, and the trigger events they cause. `before` comes from a read just before
   * the write, or from the last snapshot seen (the write of a transaction that read the document).
   */
  async written(paths: string[], before: Array<AdminSnapshot | undefined>): Promise<void> {
    const after = await this.snapshots(paths);
    paths.forEach((path, i) => {
      const was = before[i];
      const now = after[i]!;
      if (was === undefined) this.errors.push(new Error(`${path} was written, but the meter never saw it before: its change is unknown`));
      const existed = was?.exists ?? false;
      if (!existed && !now.exists) return; // a delete of nothing
      if (existed && now.exists && was?.updateTime && now.updateTime && was.updateTime.isEqual(now.updateTime)) return; // unchanged
      this.add({ bytes: storedBytes(path, now.data(), this.composites) - storedBytes(path, was?.data(), this.composites) });
      const moved = (s: AdminSnapshot | undefined) => (s?.exists ? s.get('updatedAt') : undefined) as { isEqual?(o: unknown): boolean } | undefined;
      const a = moved(was);
      const b = moved(now);
      const updatedAtMoved = b !== undefined && !(a?.isEqual?.(b) ?? false);
      // What the browsers' change feeds read (lib/core/people-sync-plan.ts): evidence copies and profiles.
      if (updatedAtMoved && path.startsWith(`${firestorePaths.evidence()}/`)) this.add({ expertiseChanges: 1 });
      if (updatedAtMoved && path.startsWith(`${firestorePaths.profiles()}/`)) this.add({ profileChanges: 1 });
      if (updatedAtMoved) this.changes.push(path);
      const kind = !existed ? 'created' : !now.exists ? 'deleted' : 'updated';
      for (const trigger of this.triggers) {
        if (trigger.kind !== 'written' && trigger.kind !== kind) continue;
        const params = matchPath(trigger.pattern, path);
        // As the Functions SDK hands them over: a created (deleted) trigger gets the snapshot itself, a written or updated one the change.
        const data = trigger.kind === 'created' ? now : trigger.kind === 'deleted' ? was : { before: was, after: now };
        if (params) this.queue.push({ trigger, event: { params, data, document: path } });
      }
    });
  }

  /** Runs the queued trigger events (and those their writes queue) one by one. */
  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      const started = performance.now();
      await next.trigger.run(next.event);
      this.add({ invocations: 1, fnSeconds: billedSeconds(performance.now() - started) });
    }
  }

  /** Counts the Lite client's REST calls to the Firestore emulator (not the owner's: the bench's own setup). */
  private wrapFetch(): void {
    const original = globalThis.fetch;
    const host = process.env.FIRESTORE_EMULATOR_HOST;
    globalThis.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const headers = new Headers(init?.headers);
      if (!this.current || !host || !url.includes(host) || headers.get('Authorization') === 'Bearer owner') return original(input, init);
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
      const rpc = new URL(url).pathname.split(':').pop(); // …/documents:commit?key=… → commit
      if (rpc === 'commit') {
        const writes = (body.writes ?? []) as Array<{ update?: { name: string }; delete?: string }>;
        const paths = writes.map((w) => docPath(w.update?.name ?? w.delete ?? ''));
        const before = await this.snapshots(paths);
        const response = await original(input, init);
        if (response.ok) {
          this.add({ writes: writes.filter((w) => !w.delete).length, deletes: writes.filter((w) => w.delete).length });
          await this.written(paths, before);
        }
        return response;
      }
      const response = await original(input, init);
      if (response.ok && (rpc === 'batchGet' || rpc === 'runQuery')) {
        const rows = (await response.clone().json()) as Array<{ found?: unknown; missing?: unknown; document?: unknown }>;
        const docs = rpc === 'batchGet' ? rows.filter((r) => r.found || r.missing).length : rows.filter((r) => r.document).length;
        this.add({ reads: rpc === 'runQuery' ? Math.max(1, docs) : docs });
      } else if (response.ok && rpc === 'runAggregationQuery') {
        this.add({ reads: 1 });
      }
      return response;
    };
    this.restore.push(() => (globalThis.fetch = original));
  }

  /** Counts the functions' Admin SDK reads, writes and deletes, and feeds their writes back as trigger events. */
  private wrapAdmin(require: NodeRequire): void {
    // The patched methods keep their own `this` (the SDK object); the meter is reached through these.
    const fnDb = this.fnDb;
    const seen = this.seen;
    const add = (part: Partial<UnitCost>) => this.add(part);
    const measuring = () => this.current !== null;
    const snapshots = (paths: string[]) => this.snapshots(paths);
    const written = (paths: string[], before: Array<AdminSnapshot | undefined>) =>
      this.written(paths, before).catch((error: unknown) => this.errors.push(error));
    const base = '@google-cloud/firestore/build/src';
    const { DocumentReader } = require(`${base}/document-reader`) as { DocumentReader: { prototype: Record<string, unknown> } };
    const { Query } = require(`${base}/reference/query`) as { Query: { prototype: Record<string, unknown> } };
    const { Firestore } = require('@google-cloud/firestore') as { Firestore: { prototype: Record<string, unknown> } };
    const patch = (proto: Record<string, unknown>, method: string, wrap: (original: (...args: unknown[]) => Promise<unknown>) => unknown) => {
      const original = proto[method] as (...args: unknown[]) => Promise<unknown>;
      if (typeof original !== 'function') throw new Error(`@google-cloud/firestore has no ${method} to count: update the cost meter`);
      proto[method] = wrap(original);
      this.restore.push(() => (proto[method] = original));
    };
    patch(
      DocumentReader.prototype,
      '_get',
      (original) =>
        async function (this: { firestore: unknown }, ...args: unknown[]) {
          const out = (await original.apply(this, args)) as { result: AdminSnapshot[] };
          if (this.firestore === fnDb) {
            add({ fnReads: out.result.length });
            for (const s of out.result) seen.set(s.ref.path, s);
          }
          return out;
        },
    );
    patch(
      Query.prototype,
      '_get',
      (original) =>
        async function (this: { _firestore: unknown }, ...args: unknown[]) {
          const out = (await original.apply(this, args)) as { result: { size: number; docs: AdminSnapshot[] } };
          if (this._firestore === fnDb) {
            add({ fnReads: Math.max(1, out.result.size) });
            for (const s of out.result.docs) seen.set(s.ref.path, s);
          }
          return out;
        },
    );
    patch(
      Firestore.prototype,
      'request',
      (original) =>
        async function (
          this: unknown,
          method: unknown,
          request: { writes?: Array<{ update?: { name: string }; delete?: string }>; transaction?: unknown },
          ...rest: unknown[]
        ) {
          if (this !== fnDb || method !== 'commit' || !measuring()) return original.call(this, method, request, ...rest);
          const writes = request.writes ?? [];
          const paths = writes.map((w) => docPath(w.update?.name ?? w.delete ?? ''));
          // A transaction read what it writes (the documents are locked now): its "before" is that read.
          const before = request.transaction ? paths.map((p) => seen.get(p)) : await snapshots(paths);
          const result = await original.call(this, method, request, ...rest);
          add({ fnWrites: writes.filter((w) => !w.delete).length, fnDeletes: writes.filter((w) => w.delete).length });
          await written(paths, before);
          return result;
        },
    );
  }

  /** Stops counting: the wrapped functions are restored. */
  async close(): Promise<void> {
    for (const undo of this.restore.splice(0).reverse()) undo();
    await this.reader.terminate();
  }
}
