// Small steps on outbox items that the commands, the operation registry and the flusher share:
// every state change goes through the state machine (lib/core/outbox-states.ts), so these are
// the only places that turn its answer into stored fields or deletions.
import type { PrikbordDb } from '../db';
import { neverSent, transition, type OutboxEvent, type OutboxItemState } from '../../core/outbox-states';
import type { OutboxItem } from '../../core/rows';

/** The state fields after `event`; throws if the move is not allowed, or if it removes the item. */
export function stateAfter(item: OutboxItemState, event: OutboxEvent): OutboxItemState {
  const next = transition(item, event);
  if (!('to' in next)) throw new Error(`outbox: '${event.type}' removes the item`);
  return next.to;
}

/** Items of one subject that the server does not have (never sent, or refused), so they can still be rewritten. */
export async function unsentItems(db: PrikbordDb, subject: string): Promise<OutboxItem[]> {
  const items = await db.outbox.where('subject').equals(subject).toArray();
  return items.filter(neverSent);
}

/** Drops items the server never saw (checked by the state machine: a sent change cannot be taken back). */
export async function discardItems(db: PrikbordDb, items: OutboxItem[]): Promise<void> {
  for (const item of items) transition(item, { type: 'discarded' });
  await db.outbox.bulkDelete(items.map((item) => item.seq!));
}
