// Saving the signed-in person's own profile fields. Side panel.
//
// Only skills, languages and optOut are the person's own (firebase/firestore.rules): the identity
// fields — name, department, job title, location, manager, roles — come from the organisation's
// directory and are written by the server alone, so they are never sent from here.
//
// The panel saves through the outbox, like every other change (lib/data/outbox/): the row in the
// people table changes at once, the change is queued, and the background worker sends it when it
// can (the outbox's 'profile' operation writes what `profileUpdate` describes). So saving works
// offline, shows as pending until the server has it, and a refusal keeps the edit beside the row.
import { doc, serverTimestamp, updateDoc, type Firestore } from 'firebase/firestore';
import { initialState } from '../../core/outbox-states';
import { paths } from '../../core/paths';
import type { OutboxItem, PersonRow, ProfileFields } from '../../core/rows';
import type { PrikbordDb } from '../db';
import { discardItems, stateAfter, unsentItems } from '../outbox/items';
import { profileSubject } from '../outbox/operations';

/** The own profile's own fields as written to Firestore (updatedAt = server time: the sync cursor). */
export function profileUpdate(next: ProfileFields) {
  return {
    languages: next.languages,
    skills: next.skills,
    optOut: next.optOut,
    updatedAt: serverTimestamp(),
  };
}

const fieldsOf = (row: ProfileFields): ProfileFields => ({ languages: [...row.languages], skills: [...row.skills], optOut: row.optOut });

/**
 * Queues a change of the own profile (kicking the outbox is the caller's). A change the server has
 * not seen yet (pending, or refused) is rewritten instead of queueing another, keeping what the
 * server had as the rollback. Nothing happens without a row (no profile yet: the server makes it).
 */
export async function queueProfileChange(db: PrikbordDb, uid: string, fields: ProfileFields, now = Date.now()): Promise<void> {
  const subject = profileSubject(uid);
  await db.transaction('rw', db.people, db.outbox, async () => {
    const row = await db.people.get(uid);
    if (!row) return;
    const unsent = (await unsentItems(db, subject)).find((item) => item.op.kind === 'profile');
    if (unsent?.seq !== undefined && unsent.op.kind === 'profile') {
      await db.outbox.put({ ...unsent, ...stateAfter(unsent, { type: 'rewritten' }), op: { ...unsent.op, fields: fieldsOf(fields) } });
    } else {
      const item: OutboxItem = {
        subject,
        uid,
        op: { kind: 'profile', uid, fields: fieldsOf(fields), previous: fieldsOf(row) },
        ...initialState(),
        createdAt: now,
      };
      await db.outbox.add(item);
    }
    await db.people.update(uid, { ...fieldsOf(fields), updatedAt: now });
  });
}

/** Gives up a refused (or still unsent) profile change: the row goes back to what the server has. */
export async function discardProfileChange(db: PrikbordDb, uid: string): Promise<void> {
  await db.transaction('rw', db.people, db.outbox, async () => {
    const unsent = await unsentItems(db, profileSubject(uid));
    const first = unsent.find((item) => item.op.kind === 'profile');
    await discardItems(db, unsent);
    if (first?.op.kind === 'profile') await db.people.update(uid, { ...first.op.previous });
  });
}

/**
 * Writes the own profile straight to Firestore, without the outbox: for the bench's cost sample
 * and tests that need the server to have it at once. The panel uses queueProfileChange.
 * Resolves to an error code, or null when saved.
 */
export async function saveOwnProfile(fs: Firestore, db: PrikbordDb, next: PersonRow): Promise<string | null> {
  try {
    await updateDoc(doc(fs, paths.profile(next.uid)), profileUpdate(next));
    await db.people.put({ ...next, updatedAt: Date.now() });
    return null;
  } catch (error) {
    return String((error as { code?: string }).code ?? error);
  }
}
