// Reading the audit log (lib/core/audit.ts) for the comms console: the newest page live (a change
// made in the console shows at once), older pages on request. Entries are never edited or deleted,
// so every entry once seen is kept: when new entries push one out of the live page it stays shown,
// and the next older page starts after the oldest entry seen, so nothing is skipped between them.
// Reads only when the audit log is open: one page is 50 documents at most.
import {
  collection,
  getDocs,
  limit,
  onSnapshot,
  orderBy,
  query,
  startAfter,
  where,
  type Firestore,
  type Query,
  type QueryDocumentSnapshot,
} from 'firebase/firestore';
import { AUDIT_PAGE_SIZE, auditFromDoc, type AuditEntry, type AuditKind } from '../../core/audit';
import { paths } from '../../core/paths';

export interface AuditFeedState {
  /** Newest first. */
  entries: AuditEntry[];
  /** False until the server has answered once. */
  loaded: boolean;
  /** Whether there may be older entries than those shown. */
  hasOlder: boolean;
  /** 'denied': the rules refuse this person (not comms or administrator, or not yet in their token). */
  error: 'denied' | 'failed' | null;
}

export interface AuditFeed {
  /** Loads the next older page; resolves to how many entries it added. */
  loadOlder(): Promise<number>;
  stop(): void;
}

type Snap = QueryDocumentSnapshot;

const atOf = (snap: Snap) => (snap.get('at') as { toMillis?: () => number } | null)?.toMillis?.() ?? 0;
/** The log's order: newest first, then by id (descending, as Firestore breaks ties of a descending order). */
const newerFirst = (a: Snap, b: Snap) => atOf(b) - atOf(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Follows the audit log (of one kind, or all), calling `onState` with every change. */
export function auditFeed(fs: Firestore, kind: AuditKind | null, onState: (state: AuditFeedState) => void, pageSize = AUDIT_PAGE_SIZE): AuditFeed {
  const base: Query = kind
    ? query(collection(fs, paths.audit()), where('kind', '==', kind), orderBy('at', 'desc'))
    : query(collection(fs, paths.audit()), orderBy('at', 'desc'));
  const seen = new Map<string, Snap>();
  let state: AuditFeedState = { entries: [], loaded: false, hasOlder: false, error: null };
  let olderLoaded = false;
  let stopped = false;

  const publish = (patch: Partial<AuditFeedState>) => {
    if (stopped) return;
    const snaps = [...seen.values()].sort(newerFirst);
    const entries = snaps.map((s) => auditFromDoc(s.id, s.data())).filter((e): e is AuditEntry => e !== null);
    state = { ...state, ...patch, entries };
    onState(state);
  };
  const oldest = () => [...seen.values()].sort(newerFirst).at(-1);

  const unsubscribe = onSnapshot(
    query(base, limit(pageSize)),
    (snap) => {
      for (const doc of snap.docs) seen.set(doc.id, doc);
      // Until an older page is asked for, the live page says whether there is more.
      publish({ loaded: true, error: null, hasOlder: olderLoaded ? state.hasOlder : snap.size >= pageSize });
    },
    (error) => publish({ loaded: true, error: (error as { code?: string }).code === 'permission-denied' ? 'denied' : 'failed' }),
  );

  return {
    async loadOlder() {
      const after = oldest();
      if (!after) return 0;
      const snap = await getDocs(query(base, startAfter(after), limit(pageSize)));
      const before = seen.size;
      for (const doc of snap.docs) seen.set(doc.id, doc);
      olderLoaded = true;
      publish({ hasOlder: snap.size >= pageSize });
      return seen.size - before;
    },
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
