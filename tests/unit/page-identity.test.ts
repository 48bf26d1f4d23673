import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_RULES, identifyDocument, normalizeUrl, pageIdFor, resolveCanonical, rulesForUrl, type SiteRules } from '../../lib/any/page-identity';

const plain: SiteRules = { ...DEFAULT_SITE_RULES, origins: ['http://127.0.0.1:8101'] };
const hashRouted: SiteRules = { ...plain, routeByHash: true };
const onlyId: SiteRules = { ...plain, keepParams: ['id'] };
const dropLang: SiteRules = { ...plain, dropParams: ['lang'] };
const iis: SiteRules = { ...plain, caseInsensitivePaths: true };

describe('normalizeUrl: one page, one URL', () => {
  it.each<[string, string, SiteRules, string]>([
    // The demo front page, reached four ways.
    ['root', 'http://127.0.0.1:8101/', plain, 'http://127.0.0.1:8101/'],
    ['index.html', 'http://127.0.0.1:8101/index.html', plain, 'http://127.0.0.1:8101/'],
    ['tracking parameter', 'http://127.0.0.1:8101/?utm_source=nieuwsbrief', plain, 'http://127.0.0.1:8101/'],
    ['anchor fragment', 'http://127.0.0.1:8101/#agenda', plain, 'http://127.0.0.1:8101/'],
    // Scheme, host, port.
    ['upper-case scheme and host', 'HTTP://Intranet.Lindeveen.NL/hr/', plain, 'http://intranet.lindeveen.nl/hr'],
    ['default http port', 'http://intranet:80/a', plain, 'http://intranet/a'],
    ['default https port', 'https://intranet:443/a', plain, 'https://intranet/a'],
    ['non-default port kept', 'http://intranet:8080/a', plain, 'http://intranet:8080/a'],
    ['credentials dropped', 'http://jan:geheim@intranet/a', plain, 'http://intranet/a'],
    // Path.
    ['trailing slash', 'http://intranet/hr/', plain, 'http://intranet/hr'],
    ['index.htm in a folder', 'http://intranet/hr/index.htm', plain, 'http://intranet/hr'],
    ['Default.aspx, any case', 'http://intranet/hr/Default.ASPX', plain, 'http://intranet/hr'],
    ['other file names kept', 'http://intranet/hr/verlof.html', plain, 'http://intranet/hr/verlof.html'],
    ['duplicate slashes', 'http://intranet//hr///verlof.html', plain, 'http://intranet/hr/verlof.html'],
    ['dot segments', 'http://intranet/hr/../ict/./helpdesk.html', plain, 'http://intranet/ict/helpdesk.html'],
    ['unreserved escapes decoded', 'http://intranet/%7Ejan/%41', plain, 'http://intranet/~jan/A'],
    ['reserved escapes kept, upper-case', 'http://intranet/a%2fb%20c', plain, 'http://intranet/a%2Fb%20c'],
    ['jsessionid path parameter', 'http://intranet/app/page.jsp;jsessionid=ABC123', plain, 'http://intranet/app/page.jsp'],
    ['case kept by default', 'http://intranet/HR/Verlof.html', plain, 'http://intranet/HR/Verlof.html'],
    ['case folded on IIS sites', 'http://intranet/HR/Verlof.html', iis, 'http://intranet/hr/verlof.html'],
    // Query.
    ['params sorted', 'http://intranet/p?b=2&a=1', plain, 'http://intranet/p?a=1&b=2'],
    ['repeated params keep their order', 'http://intranet/p?t=2&a=1&t=1', plain, 'http://intranet/p?a=1&t=2&t=1'],
    ['all tracking params dropped', 'http://intranet/p?id=7&utm_medium=mail&fbclid=x&gclid=y&_ga=1&JSESSIONID=z', plain, 'http://intranet/p?id=7'],
    ['empty query dropped', 'http://intranet/p?', plain, 'http://intranet/p'],
    ['configured extra drop', 'http://intranet/p?lang=nl&id=7', dropLang, 'http://intranet/p?id=7'],
    ['only configured params kept', 'http://intranet/p?id=7&view=print&sort=asc', onlyId, 'http://intranet/p?id=7'],
    // Fragment.
    ['anchor dropped on a hash-routed site', 'http://intranet/app#sectie-2', hashRouted, 'http://intranet/app'],
    ['hash route kept when configured', 'http://intranet/app#/nieuws/12', hashRouted, 'http://intranet/app#/nieuws/12'],
    ['hashbang route normalised', 'http://intranet/app#!/nieuws/12/', hashRouted, 'http://intranet/app#/nieuws/12'],
    ['hash route dropped when not configured', 'http://intranet/app#/nieuws/12', plain, 'http://intranet/app'],
    ['root hash route is the page itself', 'http://intranet/app#/', hashRouted, 'http://intranet/app'],
  ])('%s', (_, input, rules, expected) => {
    expect(normalizeUrl(input, rules)).toBe(expected);
  });

  it.each(['ftp://intranet/file', 'file:///C:/intranet/index.html', 'javascript:alert(1)'])('refuses a non-web URL: %s', (url) => {
    expect(() => normalizeUrl(url, plain)).toThrow();
  });
});

describe('hash routes in one part of a static site', () => {
  const appOnly: SiteRules = { ...plain, hashRoutePaths: ['/legacy/app/'] };

  it('keeps a hash route inside a configured single-page app', () => {
    expect(normalizeUrl('http://127.0.0.1:8101/legacy/app/#/verlof/', appOnly)).toBe('http://127.0.0.1:8101/legacy/app#/verlof');
    expect(normalizeUrl('http://127.0.0.1:8101/legacy/app/index.html#!/ziekte', appOnly)).toBe('http://127.0.0.1:8101/legacy/app#/ziekte');
  });

  it('drops a plain anchor there, and every fragment elsewhere on the site', () => {
    expect(normalizeUrl('http://127.0.0.1:8101/legacy/app/#top', appOnly)).toBe('http://127.0.0.1:8101/legacy/app');
    expect(normalizeUrl('http://127.0.0.1:8101/hr/verlofregeling.html#/verlof', appOnly)).toBe('http://127.0.0.1:8101/hr/verlofregeling.html');
  });
});

describe('resolveCanonical', () => {
  const doc = 'http://127.0.0.1:8101/hr/verlofregeling.html?utm_source=mail';

  it('uses a same-origin canonical link, resolved against the document', () => {
    expect(resolveCanonical('http://127.0.0.1:8101/hr/print.html', '/hr/verlofregeling.html', plain)).toBe('http://127.0.0.1:8101/hr/verlofregeling.html');
  });

  it('uses an absolute same-origin canonical link, normalised', () => {
    expect(resolveCanonical(doc, 'http://127.0.0.1:8101/hr/index.html', plain)).toBe('http://127.0.0.1:8101/hr');
  });

  it('ignores a canonical link to another origin', () => {
    expect(resolveCanonical(doc, 'https://www.lindeveen.nl/verlof', plain)).toBe('http://127.0.0.1:8101/hr/verlofregeling.html');
  });

  it('ignores a missing or malformed canonical link', () => {
    expect(resolveCanonical(doc, null, plain)).toBe('http://127.0.0.1:8101/hr/verlofregeling.html');
    expect(resolveCanonical(doc, 'http://[::1', plain)).toBe('http://127.0.0.1:8101/hr/verlofregeling.html');
  });
});

describe('pageIdFor', () => {
  it('is stable and has the agreed form', async () => {
    const id = await pageIdFor('http://127.0.0.1:8101/');
    expect(id).toMatch(/^p_[0-9a-f]{24}$/);
    expect(await pageIdFor('http://127.0.0.1:8101/')).toBe(id);
  });

  it('is the same for every way of reaching one page', async () => {
    const urls = [
      'http://127.0.0.1:8101/',
      'http://127.0.0.1:8101/index.html',
      'http://127.0.0.1:8101/?utm_source=nieuwsbrief',
      'http://127.0.0.1:8101/#agenda',
    ];
    const ids = new Set(await Promise.all(urls.map((u) => pageIdFor(normalizeUrl(u, plain)))));
    expect(ids.size).toBe(1);
  });

  it('differs between pages', async () => {
    expect(await pageIdFor('http://intranet/a')).not.toBe(await pageIdFor('http://intranet/b'));
  });
});

describe('identifyDocument', () => {
  function fakeDoc(url: string, title: string, canonical?: string) {
    return {
      URL: url,
      title,
      querySelector: (selector: string) =>
        selector.includes('canonical') && canonical !== undefined ? { getAttribute: (name: string) => (name === 'href' ? canonical : null) } : null,
    };
  }

  it('identifies by the canonical link when it is same-origin', async () => {
    const page = await identifyDocument(fakeDoc('http://127.0.0.1:8101/hr/verlof-print.html', 'Verlof', '/hr/verlofregeling.html'), plain);
    expect(page.url).toBe('http://127.0.0.1:8101/hr/verlofregeling.html');
    expect(page.pageId).toBe(await pageIdFor(page.url));
  });

  it('uses the document’s own URL, whatever a <base href> says (only the raw attribute is read)', async () => {
    const page = await identifyDocument(fakeDoc('http://127.0.0.1:8101/ict/helpdesk.html', 'ICT'), plain);
    expect(page.url).toBe('http://127.0.0.1:8101/ict/helpdesk.html');
  });

  it('collapses white space in the title', async () => {
    expect((await identifyDocument(fakeDoc('http://127.0.0.1:8101/', '  Lindenet \n   — intranet  '), plain)).title).toBe('Lindenet — intranet');
  });

  it('falls back to the path when the page has no title', async () => {
    expect((await identifyDocument(fakeDoc('http://127.0.0.1:8101/telefoonlijst.html', ''), plain)).title).toBe('/telefoonlijst.html');
  });

  it('cuts an over-long title to 300 characters', async () => {
    expect((await identifyDocument(fakeDoc('http://127.0.0.1:8101/', 'x'.repeat(500)), plain)).title).toHaveLength(300);
  });
});

describe('rulesForUrl', () => {
  const sites = [plain, { ...plain, origins: ['https://intranet.lindeveen.nl'] }];

  it('finds the site of a configured origin', () => {
    expect(rulesForUrl('https://intranet.lindeveen.nl/hr', sites)).toBe(sites[1]);
  });

  it('finds nothing for another origin (another port counts as another origin)', () => {
    expect(rulesForUrl('http://127.0.0.1:8102/', sites)).toBeUndefined();
    expect(rulesForUrl('https://www.google.com/', sites)).toBeUndefined();
  });

  it('finds nothing for a malformed URL', () => {
    expect(rulesForUrl('not a url', sites)).toBeUndefined();
  });
});
