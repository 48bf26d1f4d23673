// The background's message router (entrypoints/background/router.ts): what reaches a handler, and what is dropped.
import { describe, expect, it } from 'vitest';
import { messageRouter, type HandlerMap, type TabSender } from '../../../entrypoints/background/router';
import type { Message, SenderInfo } from '../../../lib/any/messages';
import { contentScript, EXT, extensionPage, pageA } from './fakes';

/** A router whose handlers record what they were given; page:report answers later, the others not at all. */
function recordingRouter() {
  const handled: Array<{ message: Message; sender: TabSender | SenderInfo }> = [];
  let answer: ((reply: { counts: null; mode: 'on'; signedIn: true }) => void) | undefined;
  const handlers: HandlerMap = {
    'page:report': {
      from: 'content script',
      handle(message, sender, respond) {
        handled.push({ message, sender });
        answer = respond;
        return 'answers later';
      },
    },
    'panel:open': { from: 'content script', handle: (message, sender) => void handled.push({ message, sender }) },
    'auth:changed': { from: 'extension page', handle: (message, sender) => void handled.push({ message, sender }) },
  };
  const replies: unknown[] = [];
  const listener = messageRouter(EXT, handlers);
  const send = (raw: unknown, sender: SenderInfo) => listener(raw, sender, (reply) => replies.push(reply));
  return { handled, replies, send, answer: (reply: { counts: null; mode: 'on'; signedIn: true }) => answer!(reply) };
}

describe('the background message router', () => {
  it('hands a content script’s message to its handler, with the tab and frame that sent it', () => {
    const router = recordingRouter();
    router.send({ type: 'page:report', page: pageA }, contentScript(7, 3));
    expect(router.handled).toEqual([{ message: { type: 'page:report', page: pageA }, sender: { tabId: 7, frameId: 3 } }]);
  });

  it('hands an extension page’s message to its handler', () => {
    const router = recordingRouter();
    router.send({ type: 'auth:changed', uid: 'uid-anna' }, extensionPage);
    expect(router.handled).toEqual([{ message: { type: 'auth:changed', uid: 'uid-anna' }, sender: extensionPage }]);
  });

  it('gives the handler the parsed message, not what was sent', () => {
    const router = recordingRouter();
    router.send({ type: 'page:report', page: pageA, extra: 'x' }, contentScript(7));
    expect(router.handled[0]!.message).toEqual({ type: 'page:report', page: pageA });
  });

  it.each([
    ['a malformed message', { type: 'page:report', page: { ...pageA, pageId: '../x' } }],
    ['an unknown type', { type: 'page:delete' }],
    ['no object at all', 'panel:open'],
  ])('drops %s', (_, raw) => {
    const router = recordingRouter();
    expect(router.send(raw, contentScript(7))).toBe(false);
    expect(router.handled).toEqual([]);
  });

  it('drops a valid message the background has no handler for (page:count is for content scripts)', () => {
    const router = recordingRouter();
    expect(router.send({ type: 'page:count', pageId: pageA.pageId, counts: null }, extensionPage)).toBe(false);
    expect(router.handled).toEqual([]);
  });

  it('drops a page:report from an extension page', () => {
    const router = recordingRouter();
    expect(router.send({ type: 'page:report', page: pageA }, extensionPage)).toBe(false);
    expect(router.handled).toEqual([]);
  });

  it('drops an auth:changed from a content script', () => {
    const router = recordingRouter();
    expect(router.send({ type: 'auth:changed', uid: null }, contentScript(7))).toBe(false);
    expect(router.handled).toEqual([]);
  });

  it('drops messages from another extension, and from a sender without a tab or frame', () => {
    const router = recordingRouter();
    router.send({ type: 'panel:open' }, { ...contentScript(7), id: 'another-extension' });
    router.send({ type: 'auth:changed', uid: null }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' });
    router.send({ type: 'panel:open' }, { id: EXT, frameId: 0 });
    router.send({ type: 'panel:open' }, { id: EXT, tab: { id: 7 } });
    expect(router.handled).toEqual([]);
  });

  it('returns true only when the handler answers later, and passes that answer on', () => {
    const router = recordingRouter();
    expect(router.send({ type: 'panel:open' }, contentScript(7))).toBe(false);
    expect(router.send({ type: 'page:report', page: pageA }, contentScript(7))).toBe(true);
    expect(router.replies).toEqual([]);
    router.answer({ counts: null, mode: 'on', signedIn: true });
    expect(router.replies).toEqual([{ counts: null, mode: 'on', signedIn: true }]);
  });

  it('runs the handler before the listener returns', () => {
    const router = recordingRouter();
    router.send({ type: 'panel:open' }, contentScript(7));
    // No await in between: the handler ran inside the listener's own turn.
    expect(router.handled).toHaveLength(1);
  });
});
