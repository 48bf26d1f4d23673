// Page identity: one intranet page = one thread, however it is reached. Turns a document's URL
// (and its same-origin <link rel=canonical>) into a normalised URL and a stable page id.
// Imported by the content script (on every intranet page: keep it small, dependency-free and
// side-effect free), the side panel, the background and node scripts (seed, tests).

/** How one intranet site is identified; configured by comms per site. */
export interface SiteRules {
  /** Origins this rule set applies to, e.g. 'http://127.0.0.1:8101'. */
  origins: string[];
  /** True when the site routes by hash (#/path or #!/path): then such a fragment is part of the identity. */
  routeByHash: boolean;
  /**
   * Path prefixes of single-page apps within an otherwise static site: there, and only there, a
   * hash route is part of the identity (as with routeByHash). Elsewhere fragments stay anchors.
   */
  hashRoutePaths?: string[];
  /** Query parameters that select different content and are kept (all others dropped). Undefined: keep all but tracking ones. */
  keepParams?: string[];
  /** Extra parameters to drop besides the built-in tracking list. */
  dropParams?: string[];
  /** Directory index file names treated as the directory itself. */
  indexFiles?: string[];
  /** Lower-case the path (IIS intranets are case-insensitive). */
  caseInsensitivePaths?: boolean;
}

export interface PageIdentity {
  pageId: string;
  url: string;
  title: string;
}

export const DEFAULT_SITE_RULES: SiteRules = { origins: [], routeByHash: false };

const DEFAULT_INDEX_FILES = ['index.html', 'index.htm', 'default.htm', 'default.aspx', 'index.php', 'index.asp'];
const TRACKING = /^(utm_.*|fbclid|gclid|msclkid|mc_cid|mc_eid|_ga|_gl|ref|sessionid|jsessionid|phpsessid|sid)$/i;
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const MAX_TITLE = 300;

function normalizePath(rawPath: string, rules: SiteRules): string {
  let path = rawPath
    .replace(/;jsessionid=[^/]*/gi, '')
    .replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
      const char = String.fromCharCode(parseInt(hex, 16));
      return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
    })
    .replace(/\/{2,}/g, '/');
  if (rules.caseInsensitivePaths) path = path.toLowerCase();
  const slash = path.lastIndexOf('/');
  const file = path.slice(slash + 1).toLowerCase();
  if ((rules.indexFiles ?? DEFAULT_INDEX_FILES).includes(file)) path = path.slice(0, slash + 1);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path || '/';
}

function normalizeQuery(params: URLSearchParams, rules: SiteRules): string {
  const drop = new Set((rules.dropParams ?? []).map((p) => p.toLowerCase()));
  const keep = rules.keepParams && new Set(rules.keepParams);
  const kept = [...params].filter(([name]) => (keep ? keep.has(name) : !TRACKING.test(name) && !drop.has(name.toLowerCase())));
  // Sort by name only: Array.prototype.sort is stable, so repeated names keep their order.
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  return query ? `?${query}` : '';
}

function normalizeHash(hash: string, path: string, rules: SiteRules): string {
  const routed = rules.routeByHash || (rules.hashRoutePaths ?? []).some((prefix) => path.startsWith(prefix));
  if (!routed || !/^#!?\//.test(hash)) return '';
  const route = hash.replace(/^#!/, '#').replace(/\/+$/, '');
  return route === '#' ? '' : route;
}

/** The canonical form of a page URL under a site's rules. Throws for anything but http(s). */
export function normalizeUrl(rawUrl: string, rules: SiteRules): string {
  const url = new URL(rawUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Not a web page URL: ${rawUrl}`);
  return `${url.protocol}//${url.host}${normalizePath(url.pathname, rules)}${normalizeQuery(url.searchParams, rules)}${normalizeHash(url.hash, url.pathname, rules)}`;
}

/** The normalised canonical URL when it is on the document's own origin, else the normalised document URL. */
export function resolveCanonical(documentUrl: string, canonicalHref: string | null | undefined, rules: SiteRules): string {
  if (canonicalHref) {
    try {
      const canonical = new URL(canonicalHref, documentUrl);
      if (canonical.origin === new URL(documentUrl).origin) return normalizeUrl(canonical.href, rules);
    } catch {
      // A malformed canonical link is ignored, like any other page mistake.
    }
  }
  return normalizeUrl(documentUrl, rules);
}

/** 'p_' + the first 24 hex digits of the SHA-256 of the normalised URL. */
export async function pageIdFor(normalizedUrl: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalizedUrl));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `p_${hex.slice(0, 24)}`;
}

/** What identifies a document: its own URL (never a <base href>), its canonical link, its title. */
export async function identifyDocument(
  doc: { URL: string; title: string; querySelector(selector: string): { getAttribute(name: string): string | null } | null },
  rules: SiteRules,
): Promise<PageIdentity> {
  // getAttribute, not .href: .href would resolve against a <base> that may point elsewhere.
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const url = resolveCanonical(doc.URL, canonical, rules);
  const title = doc.title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE) || new URL(url).pathname;
  return { pageId: await pageIdFor(url), url, title };
}

/** The rules of the site a URL belongs to, if it is a configured intranet site. */
export function rulesForUrl(url: string, sites: SiteRules[]): SiteRules | undefined {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return undefined;
  }
  return sites.find((site) => site.origins.includes(origin));
}
