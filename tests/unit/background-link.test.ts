// What extension pages tell the background (lib/data/background-link.ts): typed messages that
// parse on the other side, and a link that never throws when the worker is not listening.
import { describe, expect, it } from 'vitest';
import { parseMessage, type Message } from '../../lib/any/messages';
import { backgroundLink } from '../../lib/data/background-link';

describe('the background link', () => {
  it('sends messages the background accepts', () => {
    const sent: Message[] = [];
    const link = backgroundLink(async (m) => void sent.push(m));
    link.kickOutbox();
    link.kickOutbox(true);
    link.reportCounts('p_0123456789abcdef01234567', { comments: 3, likes: 1 });
    link.announceAuth('uid-anna');
    link.announceAuth(null);
    expect(sent.map(parseMessage)).toEqual([
      { type: 'outbox:kick', now: false },
      { type: 'outbox:kick', now: true },
      { type: 'count:changed', pageId: 'p_0123456789abcdef01234567', counts: { comments: 3, likes: 1 } },
      { type: 'auth:changed', uid: 'uid-anna' },
      { type: 'auth:changed', uid: null },
    ]);
  });

  it('swallows a worker that is not there (every message is a hint, never the only copy)', async () => {
    const link = backgroundLink(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    expect(() => link.kickOutbox()).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0)); // no unhandled rejection either
  });
});
