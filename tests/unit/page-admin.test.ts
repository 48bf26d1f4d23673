// The pure rules of page identity management and announcements (lib/core/page-admin.ts): which
// requests are well formed, who may make them, when an alias, merge or move is refused (a loop, a
// page into itself, an unknown page, an alias of an alias, an address with a thread of its own),
// and how the console reads and searches page documents and the audit log reads page entries.
import { describe, expect, it } from 'vitest';
import { auditFromDoc, pagesAuditDoc } from '../../lib/core/audit';
import {
  ANNOUNCEMENT_MAX,
  announcementFromDoc,
  announcementText,
  checkAliasTarget,
  findPages,
  mayChangePage,
  PageChangeError,
  pageListingFromDoc,
  parseChangePage,
  unfinishedMove,
  urlProblem,
  type PageFacts,
} from '../../lib/core/page-admin';
import type { Roles } from '../../lib/core/membership';
import { intranetUrl } from '../../lib/data/console/pages';
import { pageIdFor } from '../../lib/any/page-identity';

const A = 'p_aaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'p_bbbbbbbbbbbbbbbbbbbbbbbb';
const C = 'p_cccccccccccccccccccccccc';

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PageChangeError) return error.code;
    throw error;
  }
  return null;
};

const facts = (pageId: string, extra: Partial<PageFacts> = {}): PageFacts => ({
  pageId,
  url: `http://intranet/${pageId}`,
  title: pageId,
  commentCount: 0,
  likeCount: 0,
  aliasOf: null,
  ...extra,
});

describe('reading a request (parseChangePage)', () => {
  it('accepts each action with its fields', () => {
    expect(parseChangePage({ action: 'alias', pageId: B, url: 'http://intranet/oud' })).toEqual({ action: 'alias', pageId: B, url: 'http://intranet/oud' });
    expect(parseChangePage({ action: 'merge', pageId: A, into: B })).toEqual({ action: 'merge', pageId: A, into: B });
    expect(parseChangePage({ action: 'move', pageId: A, url: 'https://intranet/nieuw' })).toEqual({ action: 'move', pageId: A, url: 'https://intranet/nieuw' });
    expect(parseChangePage({ action: 'announce', pageId: A, text: '  Vragen? Stel ze hier \r\n ' })).toEqual({
      action: 'announce',
      pageId: A,
      text: 'Vragen? Stel ze hier',
    });
    expect(parseChangePage({ action: 'unannounce', pageId: A })).toEqual({ action: 'unannounce', pageId: A });
    expect(parseChangePage({ action: 'unalias', pageId: A })).toEqual({ action: 'unalias', pageId: A });
  });

  it('refuses unknown actions, bad page ids and bad addresses', () => {
    expect(problem(() => parseChangePage({ action: 'delete', pageId: A }))).toBe('invalid-request');
    expect(problem(() => parseChangePage(null))).toBe('invalid-request');
    expect(problem(() => parseChangePage({ action: 'merge', pageId: 'pages/x', into: B }))).toBe('invalid-request');
    expect(problem(() => parseChangePage({ action: 'merge', pageId: A, into: 'p_zz' }))).toBe('invalid-request');
    expect(problem(() => parseChangePage({ action: 'alias', pageId: B, url: 'javascript:alert(1)' }))).toBe('invalid-url');
    expect(problem(() => parseChangePage({ action: 'move', pageId: A, url: 'http://user:pw@intranet/' }))).toBe('invalid-url');
    expect(problem(() => parseChangePage({ action: 'move', pageId: A, url: `http://intranet/${'x'.repeat(2048)}` }))).toBe('invalid-url');
    expect(urlProblem('http://intranet/a')).toBeNull();
  });

  it('refuses a merge of a page into itself', () => {
    expect(problem(() => parseChangePage({ action: 'merge', pageId: A, into: A }))).toBe('same-page');
  });

  it('announcements: 1..280 characters (counted as characters), line breaks kept, control characters refused', () => {
    expect(problem(() => announcementText('   '))).toBe('text-empty');
    expect(problem(() => announcementText('x'.repeat(ANNOUNCEMENT_MAX + 1)))).toBe('text-too-long');
    expect(announcementText('ë'.normalize('NFC').repeat(ANNOUNCEMENT_MAX))).toHaveLength(ANNOUNCEMENT_MAX);
    expect(announcementText('Eén\nTwee')).toBe('Eén\nTwee');
    expect(problem(() => announcementText('bell\u0007'))).toBe('invalid-request');
    expect(problem(() => announcementText(42))).toBe('invalid-request');
  });
});

describe('who may do what (mayChangePage)', () => {
  it('comms and administrators everything; a leader only announcements; nobody else anything', () => {
    for (const action of ['alias', 'unalias', 'merge', 'move', 'announce', 'unannounce'] as const) {
      expect(mayChangePage({ comms: true }, action)).toBe(true);
      expect(mayChangePage({ admin: true }, action)).toBe(true);
      expect(mayChangePage({ leader: true }, action)).toBe(action === 'announce' || action === 'unannounce');
      for (const roles of [{}, { moderator: true }, { communityManager: ['HR'] }, { ambassador: true }] as Roles[])
        expect(mayChangePage(roles, action)).toBe(false);
    }
  });
});

describe('alias targets (checkAliasTarget): one hop, no loops', () => {
  it('a new alias of an existing page, or a repeat that changes nothing', () => {
    expect(checkAliasTarget(null, facts(B), A, B)).toEqual({ already: false });
    expect(checkAliasTarget(facts(A), facts(B), A, B)).toEqual({ already: false });
    expect(checkAliasTarget(facts(A, { aliasOf: B }), facts(B), A, B)).toEqual({ already: true });
  });

  it('refuses itself, an unknown target, a loop, an alias as target, and re-pointing an alias elsewhere', () => {
    expect(problem(() => checkAliasTarget(facts(A), facts(A), A, A))).toBe('same-page');
    expect(problem(() => checkAliasTarget(facts(A), null, A, B))).toBe('unknown-page');
    expect(problem(() => checkAliasTarget(facts(A), facts(B, { aliasOf: A }), A, B))).toBe('would-loop');
    expect(problem(() => checkAliasTarget(facts(A), facts(B, { aliasOf: C }), A, B))).toBe('target-is-alias');
    expect(problem(() => checkAliasTarget(facts(A, { aliasOf: C }), facts(B), A, B))).toBe('page-is-alias');
  });
});

describe('page documents in the console and the panel', () => {
  const at = { toMillis: () => 1_700_000_000_000 };

  it('reads a page listing, trusting no field', () => {
    expect(
      pageListingFromDoc(A, {
        url: 'http://intranet/a',
        title: 'A',
        commentCount: 3,
        likeCount: -1,
        aliasOf: B,
        aliasUrl: 'http://intranet/b',
        announcement: { text: 'Stel ze hier', byUid: 'u', byName: 'Anna', at },
        updatedAt: at,
      }),
    ).toEqual({
      pageId: A,
      url: 'http://intranet/a',
      title: 'A',
      commentCount: 3,
      likeCount: 0,
      aliasOf: B,
      aliasUrl: 'http://intranet/b',
      announcement: { text: 'Stel ze hier', byUid: 'u', byName: 'Anna', at: 1_700_000_000_000 },
      updatedAt: 1_700_000_000_000,
    });
    expect(pageListingFromDoc(A, { aliasOf: 'not a page', announcement: { text: '  ' } })).toMatchObject({
      aliasOf: null,
      announcement: null,
      url: '',
      title: '',
    });
    expect(announcementFromDoc('text')).toBeNull();
  });

  it('searches title and address by every word, accents and case ignored', () => {
    const pages = [
      { title: 'Verlofregeling', url: 'http://intranet/hr/verlofregeling.html' },
      { title: 'Helpdesk ICT', url: 'http://intranet/ict/helpdesk.html' },
      { title: 'Café', url: 'http://intranet/kantine' },
    ];
    expect(findPages(pages, '')).toHaveLength(3);
    expect(findPages(pages, 'hr verlof').map((p) => p.title)).toEqual(['Verlofregeling']);
    expect(findPages(pages, 'CAFE').map((p) => p.title)).toEqual(['Café']);
    expect(findPages(pages, 'ict/help').map((p) => p.title)).toEqual(['Helpdesk ICT']);
    expect(findPages(pages, 'nothing')).toEqual([]);
  });

  it('an alias that still holds comments or likes is a move to finish', () => {
    expect(unfinishedMove({ aliasOf: B, commentCount: 2, likeCount: 0 })).toBe(true);
    expect(unfinishedMove({ aliasOf: B, commentCount: 0, likeCount: 0 })).toBe(false);
    expect(unfinishedMove({ aliasOf: null, commentCount: 2, likeCount: 0 })).toBe(false);
  });
});

describe('addresses typed in the console (intranetUrl)', () => {
  const sites = [{ origins: ['http://127.0.0.1:8101'], routeByHash: false }];

  it('normalises an intranet address as the content script does, so the page id matches what readers get', async () => {
    const url = intranetUrl('  http://127.0.0.1:8101/hr/index.html?utm_source=mail  ', sites);
    expect(url).toBe('http://127.0.0.1:8101/hr');
    expect(await pageIdFor(url!)).toMatch(/^p_[0-9a-f]{24}$/);
  });

  it('refuses addresses outside the organisation’s intranet sites and non-addresses', () => {
    expect(intranetUrl('http://example.com/hr', sites)).toBeNull();
    expect(intranetUrl('verlofregeling', sites)).toBeNull();
  });
});

describe('page entries in the audit log', () => {
  it('round-trips the document the server writes, and drops a malformed one', () => {
    const doc = pagesAuditDoc({
      action: 'merge',
      actor: { uid: 'anna-uid', name: 'Anna de Vries', via: 'console' },
      target: { kind: 'page', pageId: A, url: 'http://intranet/a', title: 'Oud' },
      other: { kind: 'page', pageId: B, url: 'http://intranet/b', title: 'Nieuw' },
      before: { aliasOf: null, announcement: null, comments: 2, likes: 1 },
      after: { aliasOf: B, announcement: null, comments: 0, likes: 0 },
      otherBefore: { aliasOf: null, announcement: null, comments: 3, likes: 0 },
      otherAfter: { aliasOf: null, announcement: null, comments: 5, likes: 1 },
    });
    const entry = auditFromDoc('e1', { ...doc, at: { toMillis: () => 5 } });
    expect(entry).toEqual({ id: 'e1', at: 5, ...doc });
    expect(auditFromDoc('e2', { ...doc, action: 'rename' })).toBeNull();
    expect(auditFromDoc('e3', { ...doc, target: null })).toBeNull();
  });
});
