// When the background's outbox sender (lib/data/outbox/worker.ts) is woken: at every start of the
// worker (whatever woke it, send what a previous life or a closed panel left), by its retry
// alarm (alarms wake a stopped worker; timers do not survive one), and by the side panel:
// outbox:kick (changes are waiting) and auth:changed (someone else signed in, or out).
//
// auth:changed arrives every time a panel opens, with the session it sees. Only a change of uid
// drops the worker's session and runner and re-reads the counts of all open tabs; the last uid
// seen is kept in session storage, so a restarted worker does not take every panel for a change.
import { RETRY_ALARM } from '../../lib/data/outbox/worker';
import type { HandlerMap } from './router';
import type { SessionArea } from './tab-pages';

/** What is woken (the OutboxWorker from startOutboxWorker satisfies it). */
export interface Outbox {
  /** Sends what waits; `now` first brings backed-off items forward. */
  kick(now?: boolean): Promise<void>;
  /** Drops the session and runner of the person who was signed in. */
  reset(): Promise<void>;
}

/** The alarm calls used here (chrome.alarms satisfies it). */
export interface AlarmsApi {
  create(name: string, info: { when: number }): Promise<void>;
  clear(name: string): Promise<boolean>;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

/** The outbox's retry schedule as alarms: `at` sets the retry alarm for then, null clears it. */
export function retryAlarm(alarms: AlarmsApi): (at: number | null) => void {
  return (at) => void (at === null ? alarms.clear(RETRY_ALARM) : alarms.create(RETRY_ALARM, { when: at })).catch(console.error);
}

/** Kicks the outbox now (the worker just started) and whenever the retry alarm fires. */
export function wakeOutbox(outbox: Outbox, alarms: AlarmsApi): void {
  void outbox.kick().catch(console.error);
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void outbox.kick().catch(console.error);
  });
}

/** The session-storage key of the uid the worker last reset for. */
const LAST_UID = 'countsUid';

/** outbox:kick and auth:changed from an extension page; `counts.refreshAll` re-reads the open tabs' counts. */
export function outboxHandlers(
  outbox: Outbox,
  session: SessionArea,
  counts: { refreshAll(): Promise<void> },
): Pick<HandlerMap, 'outbox:kick' | 'auth:changed'> {
  return {
    'outbox:kick': {
      from: 'extension page',
      handle(message) {
        void outbox.kick(message.now).catch(console.error);
      },
    },
    'auth:changed': {
      from: 'extension page',
      handle(message) {
        void (async () => {
          if ((await session.get(LAST_UID))[LAST_UID] === message.uid) return;
          await session.set({ [LAST_UID]: message.uid });
          await outbox.reset();
          void outbox.kick().catch(console.error);
          await counts.refreshAll();
        })().catch(console.error);
      },
    },
  };
}
