import { describe, expect, it } from 'vitest';
import { isFromContentScript, isFromExtensionPage, parseIdentifyAnswer, parseMessage } from '../../lib/any/messages';

const page = { pageId: 'p_0123456789abcdef01234567', url: 'http://127.0.0.1:8101/', title: 'Lindenet' };
const EXT = 'abcdefghijklmnopabcdefghijklmnop';

describe('parseMessage', () => {
  it('accepts a well-formed page report', () => {
    expect(parseMessage({ type: 'page:report', page })).toEqual({ type: 'page:report', page });
  });

  it.each([
    ['no type', { page }],
    ['an unknown type', { type: 'page:delete' }],
    ['a malformed page id', { type: 'page:report', page: { ...page, pageId: '../../x' } }],
    ['a javascript: url', { type: 'page:report', page: { ...page, url: 'javascript:alert(1)' } }],
    ['an overlong title', { type: 'page:report', page: { ...page, title: 'x'.repeat(301) } }],
    ['a negative count', { type: 'count:changed', pageId: page.pageId, counts: { comments: -1, likes: 0 } }],
    ['a fractional count', { type: 'page:count', pageId: page.pageId, counts: { comments: 1, likes: 1.5 } }],
    ['counts without likes', { type: 'count:changed', pageId: page.pageId, counts: { comments: 1 } }],
    ['an error page with a success status', { type: 'page:error', status: 200 }],
    ['an error page without a status', { type: 'page:error' }],
    ['a string', 'panel:open'],
    ['null', null],
  ])('rejects %s', (_, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });
});

describe('page counts', () => {
  it('carries comment and like counts, keeping no extra fields', () => {
    expect(parseMessage({ type: 'count:changed', pageId: page.pageId, counts: { comments: 3, likes: 5, extra: 'x' } })).toEqual({
      type: 'count:changed',
      pageId: page.pageId,
      counts: { comments: 3, likes: 5 },
    });
    expect(parseMessage({ type: 'page:count', pageId: page.pageId, counts: null })).toEqual({ type: 'page:count', pageId: page.pageId, counts: null });
  });
});

describe('sender checks', () => {
  it('accepts our content script in a tab’s top frame', () => {
    expect(isFromContentScript({ id: EXT, tab: { id: 4 }, frameId: 0, url: 'http://127.0.0.1:8101/' }, EXT)).toBe(true);
  });

  it('accepts our content script in a sub-frame (a frameset’s content frame reports its page)', () => {
    expect(isFromContentScript({ id: EXT, tab: { id: 4 }, frameId: 3 }, EXT)).toBe(true);
  });

  it('rejects a sender without a tab or frame (not a content script)', () => {
    expect(isFromContentScript({ id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` }, EXT)).toBe(false);
  });

  it('rejects another extension', () => {
    expect(isFromContentScript({ id: 'other', tab: { id: 4 }, frameId: 0 }, EXT)).toBe(false);
  });

  it('accepts our own extension page, also when opened in a tab', () => {
    expect(isFromExtensionPage({ id: EXT, tab: { id: 9 }, url: `chrome-extension://${EXT}/sidepanel.html?tabId=4` }, EXT)).toBe(true);
  });

  it('does not take a content script for an extension page', () => {
    expect(isFromExtensionPage({ id: EXT, tab: { id: 4 }, frameId: 0, url: 'http://127.0.0.1:8101/' }, EXT)).toBe(false);
  });
});

describe('auth:changed', () => {
  it('carries the new uid, or null after signing out', () => {
    expect(parseMessage({ type: 'auth:changed', uid: 'abc' })).toEqual({ type: 'auth:changed', uid: 'abc' });
    expect(parseMessage({ type: 'auth:changed', uid: null })).toEqual({ type: 'auth:changed', uid: null });
  });

  it('rejects a missing or absurd uid', () => {
    expect(parseMessage({ type: 'auth:changed' })).toBeNull();
    expect(parseMessage({ type: 'auth:changed', uid: 'x'.repeat(129) })).toBeNull();
  });
});

describe('headings and error pages', () => {
  it('a page report carries its headings; ill-formed headings are dropped, the report kept', () => {
    expect(parseMessage({ type: 'page:report', page, headings: ['Verlof', 'Ziekte'] })).toEqual({ type: 'page:report', page, headings: ['Verlof', 'Ziekte'] });
    expect(parseMessage({ type: 'page:report', page, headings: ['x'.repeat(121)] })).toEqual({ type: 'page:report', page });
    expect(parseMessage({ type: 'page:report', page, headings: Array(13).fill('h') })).toEqual({ type: 'page:report', page });
    expect(parseMessage({ type: 'page:report', page, headings: [3] })).toEqual({ type: 'page:report', page });
  });

  it('an error page is reported with its HTTP status', () => {
    expect(parseMessage({ type: 'page:error', status: 404 })).toEqual({ type: 'page:error', status: 404 });
  });

  it('the answer to page:identify: a page with its headings (nothing else kept), or an error page', () => {
    expect(parseIdentifyAnswer({ ...page, headings: ['Verlof'], extra: 1 })).toEqual({ page, headings: ['Verlof'] });
    expect(parseIdentifyAnswer(page)).toEqual({ page, headings: [] });
    expect(parseIdentifyAnswer({ errorStatus: 500 })).toEqual({ errorStatus: 500 });
    expect(parseIdentifyAnswer({ errorStatus: 302 })).toBeNull();
    expect(parseIdentifyAnswer(undefined)).toBeNull();
  });
});
