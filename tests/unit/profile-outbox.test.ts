// The own profile through the outbox (lib/data/people/save-profile.ts and the 'profile' operation):
// saved on this device at once and queued; one queued change per person (a second save rewrites
// it); settled when the server has it; refused: the row back to what the server has, the edit
// kept on the queued item; undone: gone, the row as the server has it.
import { describe, expect, it } from 'vitest';
import type { OutboxItem, PersonRow } from '../../lib/core/rows';
import { profileSubject, refuseItem, settleItem } from '../../lib/data/outbox/operations';
import { discardProfileChange, queueProfileChange } from '../../lib/data/people/save-profile';
import { freshDb } from '../helpers/fake-db';

const anna: PersonRow = {
  uid: 'uid-anna',
  displayName: 'Anna de Vries',
  departmentPath: ['Bestuur en staf', 'Communicatie'],
  jobTitle: 'Communicatieadviseur',
  location: 'Stadhuis',
  languages: ['nl'],
  skills: ['intranet'],
  optOut: false,
  updatedAt: 1,
};
const edit = { languages: ['nl', 'en'], skills: ['intranet', 'huisstijl'], optOut: true };

async function setup() {
  const db = freshDb();
  await db.people.put(anna);
  return db;
}

const items = (db: Awaited<ReturnType<typeof setup>>) => db.outbox.where('subject').equals(profileSubject(anna.uid)).toArray();
const inFlight = (item: OutboxItem): OutboxItem => ({ ...item, state: 'sending', maybeSent: true });

describe('saving the own profile through the outbox', () => {
  it('is kept on this device at once and queued, with what the server had for a rollback', async () => {
    const db = await setup();
    await queueProfileChange(db, anna.uid, edit, 5);
    expect(await db.people.get(anna.uid)).toMatchObject({ ...edit, displayName: 'Anna de Vries', updatedAt: 5 });
    const [item] = await items(db);
    expect(item).toMatchObject({
      uid: anna.uid,
      state: 'pending',
      op: { kind: 'profile', uid: anna.uid, fields: edit, previous: { languages: ['nl'], skills: ['intranet'], optOut: false } },
    });
  });

  it('a second save before sending rewrites the queued change (one per person), keeping the first rollback', async () => {
    const db = await setup();
    await queueProfileChange(db, anna.uid, edit);
    await queueProfileChange(db, anna.uid, { ...edit, skills: ['vpn'] });
    const queued = await items(db);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.op).toMatchObject({ fields: { skills: ['vpn'] }, previous: { skills: ['intranet'] } });
  });

  it('settled: gone from the outbox, the row keeps the new fields', async () => {
    const db = await setup();
    await queueProfileChange(db, anna.uid, edit);
    await settleItem(db, inFlight((await items(db))[0]!));
    expect(await items(db)).toEqual([]);
    expect(await db.people.get(anna.uid)).toMatchObject(edit);
  });

  it('refused: the row goes back to what the server has, the edit stays on the refused item; saving again retries it', async () => {
    const db = await setup();
    await queueProfileChange(db, anna.uid, edit);
    await refuseItem(db, inFlight((await items(db))[0]!), 'refusedByRules');
    expect(await db.people.get(anna.uid)).toMatchObject({ languages: ['nl'], skills: ['intranet'], optOut: false });
    const [refused] = await items(db);
    expect(refused).toMatchObject({ state: 'refused', refusal: 'refusedByRules', op: { fields: edit } });
    await queueProfileChange(db, anna.uid, { ...edit, skills: ['huisstijl'] });
    const [again] = await items(db);
    expect(again).toMatchObject({ state: 'pending', seq: refused!.seq, op: { fields: { skills: ['huisstijl'] } } });
  });

  it('undone after a refusal: nothing queued, the row as the server has it', async () => {
    const db = await setup();
    await queueProfileChange(db, anna.uid, edit);
    await refuseItem(db, inFlight((await items(db))[0]!), 'refusedByRules');
    await discardProfileChange(db, anna.uid);
    expect(await items(db)).toEqual([]);
    expect(await db.people.get(anna.uid)).toMatchObject({ languages: ['nl'], skills: ['intranet'], optOut: false });
  });

  it('without a profile row (the server has not made it yet) nothing is queued', async () => {
    const db = freshDb();
    await queueProfileChange(db, anna.uid, edit);
    expect(await db.outbox.count()).toBe(0);
  });
});
