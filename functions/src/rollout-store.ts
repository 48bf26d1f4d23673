// Changing rollout on the server (the Admin SDK): the one code path behind the changeRollout
// function (rollout.ts) and the demo's seed. An edit (lib/core/rollout-edit.ts) is checked against
// the document as it is now, against the pages Prikbord has seen (a new pattern must match one)
// and against the directory (a pilot group must have members), then written together with its
// audit entry in one transaction: nothing half-saved, and two advisors saving at once cannot
// overwrite each other.
import { FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { rolloutAuditDoc, type AuditActor } from '../../lib/core/audit';
import { entryFromDoc } from '../../lib/core/directory';
import { paths } from '../../lib/core/paths';
import { inAudience, NO_ROLLOUT, rolloutFromDoc, type Audience, type Rollout } from '../../lib/core/rollout';
import { applyRolloutEdit, newPatterns, RolloutError, type RolloutEdit } from '../../lib/core/rollout-edit';

/** The request: one edit. The answer: the rollout as stored after it. */
export interface ChangeRolloutRequest {
  edit: RolloutEdit;
}

/** Whether any page Prikbord has seen is under `pattern` (a prefix ending in "/") or is it (a page). 1 read. */
async function matchesAPage(db: Firestore, tx: Transaction, pattern: string): Promise<boolean> {
  const pages = db.collection('pages');
  const query = pattern.endsWith('/') ? pages.where('url', '>=', pattern).where('url', '<', `${pattern}\uf8ff`) : pages.where('url', '==', pattern);
  return !(await tx.get(query.limit(1))).empty;
}

/**
 * How many active people of the directory are in `audience`. The directory is read whole (its
 * department paths and ids only): a pilot group is saved a few times in its life, and departments
 * include their sub-departments, which no single query can ask.
 */
async function countAudience(db: Firestore, audience: Audience): Promise<number> {
  if (audience.people.length + audience.departments.length === 0) return 0;
  const snap = await db.collection(paths.directory()).select('departmentPath', 'active', 'uid').get();
  return snap.docs.filter((d) => {
    const uid: unknown = d.get('uid');
    return (
      d.get('active') !== false &&
      inAudience(audience, { uid: typeof uid === 'string' ? uid : null, departmentPath: (d.get('departmentPath') as string[]) ?? [] })
    );
  }).length;
}

/**
 * The stored form: pilot dates as timestamps (the rules compare them with request.time). Written
 * as Dates, which Firestore stores as timestamps: the seed calls this with the Admin SDK of the
 * project's root, whose Timestamp class is not this package's.
 */
function toDoc(rollout: Rollout) {
  const groups = Object.fromEntries(Object.entries(rollout.groups).map(([id, g]) => [id, { ...g, fromAt: new Date(g.fromAt), untilAt: new Date(g.untilAt) }]));
  return { rest: rollout.rest, sections: rollout.sections, groups, index: rollout.index, updatedAt: FieldValue.serverTimestamp() };
}

const asRecord = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' ? (value as Record<string, unknown>) : null);

/** Applies one edit for `actor` (already checked to be comms or an administrator). Returns the stored rollout. */
export async function changeRolloutAs(db: Firestore, edit: RolloutEdit, actor: AuditActor): Promise<Rollout> {
  // The directory is read outside the transaction (it may be large and is not what we lock).
  if (edit.op === 'group') {
    if ((await countAudience(db, edit.group.members)) === 0) throw new RolloutError('group-no-members', edit.group.name);
  }
  return db.runTransaction(async (tx) => {
    const ref = db.doc(paths.rollout());
    const snap = await tx.get(ref);
    const before = snap.exists ? rolloutFromDoc(snap.data() ?? {}) : NO_ROLLOUT;
    for (const pattern of newPatterns(before, edit)) if (!(await matchesAPage(db, tx, pattern))) throw new RolloutError('pattern-matches-nothing', pattern);
    const applied = applyRolloutEdit(before, edit);
    const name = (thing: unknown) => (asRecord(thing)?.name as string | undefined) ?? applied.id ?? '';
    tx.set(ref, toDoc(applied.rollout));
    tx.create(db.collection(paths.audit()).doc(), {
      ...rolloutAuditDoc({
        action: edit.op,
        actor,
        subject: applied.id === null ? null : { id: applied.id, name: name(applied.after ?? applied.before) },
        before: asRecord(applied.before),
        after: asRecord(applied.after),
      }),
      at: FieldValue.serverTimestamp(),
    });
    return applied.rollout;
  });
}

/** The caller's directory entry, when it is active and says comms or administrator (the token could be an hour old). */
export async function commsCaller(db: Firestore, uid: string): Promise<AuditActor | null> {
  const found = await db.collection(paths.directory()).where('uid', '==', uid).limit(5).get();
  const entry = found.docs.map((d) => entryFromDoc(d.id, d.data())).find((e) => e.active && (e.roles.comms || e.roles.admin));
  return entry ? { uid, name: entry.displayName, via: 'console' } : null;
}
