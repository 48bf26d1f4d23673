// The panel's hook onto the people directory: syncs the directory and the expertise evidence into
// Dexie (when the panel opens and every 5 minutes; the evidence feed only while the people view is
// shown: lib/core/people-sync-plan.ts says why), reads them back live, and saves the own profile
// through the outbox (lib/data/people/save-profile.ts), with its change while the server lacks it.
import { useEffect } from 'preact/hooks';
import { PEOPLE_RESYNC_MS, peopleToSync } from '../../lib/core/people-sync-plan';
import type { EvidenceRow, OutboxItem, PersonRow, ProfileFields } from '../../lib/core/rows';
import { profileSubject } from '../../lib/data/outbox/operations';
import { syncPeople } from '../../lib/data/people/people-sync';
import { discardProfileChange, queueProfileChange } from '../../lib/data/people/save-profile';
import { useServices } from '../app/services';
import { useLiveQuery } from '../hooks/use-live-query';

export interface PeopleState {
  people: PersonRow[];
  evidence: EvidenceRow[];
  mine: PersonRow | undefined;
  /** The own profile's change the server does not have yet (queued, being sent, or refused), if any. */
  change: ProfileChange | null;
  /** Saves the own profile's fields: at once on this device, sent by the outbox. */
  save(fields: ProfileFields): Promise<void>;
  /** Gives up the change the server does not have (after a refusal): back to what it has. */
  undo(): Promise<void>;
}

/** A queued change of the own profile, as the editor shows it. */
export interface ProfileChange {
  fields: ProfileFields;
  previous: ProfileFields;
  /** The translated reason's key when refused; null while it waits or is being sent. */
  refusal: string | null;
}

function changeOf(items: OutboxItem[]): ProfileChange | null {
  const item = items.find((i) => i.op.kind === 'profile');
  if (!item || item.op.kind !== 'profile') return null;
  return { fields: item.op.fields, previous: item.op.previous, refusal: item.state === 'refused' ? (item.refusal ?? 'refusedByRules') : null };
}

/** Runs `sync` now and every PEOPLE_RESYNC_MS; returns the effect's cleanup. */
function repeat(name: string, sync: () => Promise<unknown>): () => void {
  const run = () => void sync().catch((error) => console.warn(`${name} sync`, error));
  run();
  const timer = setInterval(run, PEOPLE_RESYNC_MS);
  return () => clearInterval(timer);
}

/**
 * The directory for the signed-in person `uid` (null: nothing is synced or read); the expertise
 * index is kept in sync only while `peopleViewShown` (its evidence is read there alone).
 */
export function usePeople(uid: string | null, peopleViewShown: boolean): PeopleState {
  const { db, fb, link } = useServices();
  const wanted = peopleToSync(uid, peopleViewShown);
  const directory = wanted.includes('directory');
  const expertise = wanted.includes('expertise');
  // One sync for both feeds (a first sync's shards bring both); showing the people view syncs at once.
  useEffect(() => (directory ? repeat('people', () => syncPeople(fb.firestore, db, { evidence: expertise })) : undefined), [uid, directory, expertise]);
  const people = useLiveQuery(() => (uid ? db.people.toArray() : []), [uid], [] as PersonRow[]);
  const evidence = useLiveQuery(() => (uid ? db.evidence.toArray() : []), [uid], [] as EvidenceRow[]);
  const mine = people.find((p) => p.uid === uid);
  const queued = useLiveQuery(() => (uid ? db.outbox.where('subject').equals(profileSubject(uid)).toArray() : []), [uid], [] as OutboxItem[]);
  return {
    people,
    evidence,
    mine,
    change: changeOf(queued),
    async save(fields) {
      if (!uid) return;
      await queueProfileChange(db, uid, fields);
      link.kickOutbox();
    },
    undo: () => (uid ? discardProfileChange(db, uid) : Promise.resolve()),
  };
}
