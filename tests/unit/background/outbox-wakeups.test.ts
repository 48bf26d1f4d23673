// When the background's outbox sender is woken (entrypoints/background/outbox-wakeups.ts).
import { describe, expect, it } from 'vitest';
import { outboxHandlers, retryAlarm, wakeOutbox, type AlarmsApi, type Outbox } from '../../../entrypoints/background/outbox-wakeups';
import { messageRouter } from '../../../entrypoints/background/router';
import { RETRY_ALARM } from '../../../lib/data/outbox/worker';
import type { SenderInfo } from '../../../lib/any/messages';
import { contentScript, EXT, extensionPage, FakeEvent, FakeSessionArea, settle } from './fakes';

/** The outbox worker, the counts and the alarms, all recording into one log. */
function setup() {
  const log: string[] = [];
  const outbox: Outbox = {
    async kick(now) {
      log.push(now ? 'kick now' : 'kick');
    },
    async reset() {
      log.push('reset');
    },
  };
  const counts = {
    async refreshAll() {
      log.push('refresh all tabs');
    },
  };
  const onAlarm = new FakeEvent<[{ name: string }]>();
  const alarms: AlarmsApi = {
    async create(name, { when }) {
      log.push(`alarm ${name} at ${when}`);
    },
    async clear(name) {
      log.push(`clear ${name}`);
      return true;
    },
    onAlarm,
  };
  const session = new FakeSessionArea();
  const listener = messageRouter(EXT, outboxHandlers(outbox, session, counts));
  const send = (raw: unknown, sender: SenderInfo) => listener(raw, sender, () => undefined);
  return { log, outbox, alarms, onAlarm, session, send };
}

describe('waking the outbox', () => {
  it('kicks the outbox as soon as the worker starts', () => {
    const { log, outbox, alarms } = setup();
    wakeOutbox(outbox, alarms);
    expect(log).toEqual(['kick']);
  });

  it('kicks the outbox when its retry alarm fires, and not for other alarms', () => {
    const { log, outbox, alarms, onAlarm } = setup();
    wakeOutbox(outbox, alarms);
    onAlarm.fire({ name: 'something-else' });
    onAlarm.fire({ name: RETRY_ALARM });
    expect(log).toEqual(['kick', 'kick']);
  });

  it('sets the retry alarm for the time the outbox asks, and clears it when nothing waits', async () => {
    const { log, alarms } = setup();
    const schedule = retryAlarm(alarms);
    schedule(1234);
    schedule(null);
    await settle();
    expect(log).toEqual([`alarm ${RETRY_ALARM} at 1234`, `clear ${RETRY_ALARM}`]);
  });

  it('outbox:kick from the panel kicks the outbox, bringing backed-off items forward when asked', () => {
    const { log, send } = setup();
    expect(send({ type: 'outbox:kick', now: false }, extensionPage)).toBe(false);
    send({ type: 'outbox:kick', now: true }, extensionPage);
    expect(log).toEqual(['kick', 'kick now']);
  });

  it('drops an outbox:kick from a content script', () => {
    const { log, send } = setup();
    send({ type: 'outbox:kick', now: true }, contentScript(7));
    expect(log).toEqual([]);
  });
});

describe('auth:changed', () => {
  it('auth:changed with a new uid resets the outbox, kicks it, then refreshes the counts of all open tabs', async () => {
    const { log, send } = setup();
    expect(send({ type: 'auth:changed', uid: 'uid-anna' }, extensionPage)).toBe(false);
    await settle();
    expect(log).toEqual(['reset', 'kick', 'refresh all tabs']);
  });

  it('auth:changed with the same uid does not reset the outbox', async () => {
    const { log, send } = setup();
    send({ type: 'auth:changed', uid: 'uid-anna' }, extensionPage);
    await settle();
    log.length = 0;
    send({ type: 'auth:changed', uid: 'uid-anna' }, extensionPage); // another panel opened
    await settle();
    expect(log).toEqual([]);
  });

  it('takes signing out (no uid) after a sign-in as a change', async () => {
    const { log, send } = setup();
    send({ type: 'auth:changed', uid: 'uid-anna' }, extensionPage);
    await settle();
    log.length = 0;
    send({ type: 'auth:changed', uid: null }, extensionPage);
    await settle();
    expect(log).toEqual(['reset', 'kick', 'refresh all tabs']);
  });

  it('remembers the uid in session storage, so a restarted worker does not take the next panel for a change', async () => {
    const first = setup();
    first.send({ type: 'auth:changed', uid: 'uid-anna' }, extensionPage);
    await settle();

    const restarted = setup();
    for (const [key, value] of first.session.items) restarted.session.items.set(key, value);
    restarted.send({ type: 'auth:changed', uid: 'uid-anna' }, extensionPage);
    await settle();
    expect(restarted.log).toEqual([]);
  });

  it('drops an auth:changed from a content script', async () => {
    const { log, send } = setup();
    send({ type: 'auth:changed', uid: 'uid-mallory' }, contentScript(7));
    await settle();
    expect(log).toEqual([]);
  });
});
