// The pages Prikbord has seen, as the rollout console needs them: a few pages under a prefix (a
// section's card, and the check that an address matches something before it is sent) and a search
// over pages seen. Small and bounded on purpose: a general page list belongs to the console's Pages
// view, not here.
import { collection, getDocs, limit, orderBy, query, where, type Firestore } from 'firebase/firestore';

/** A page seen, as the section editor shows it. */
export interface SeenPage {
  pageId: string;
  url: string;
  title: string;
  commentCount: number;
  likeCount: number;
}

const PAGES = 'pages';

const seenPage = (id: string, data: Record<string, unknown>): SeenPage => ({
  pageId: id,
  url: typeof data.url === 'string' ? data.url : '',
  title: typeof data.title === 'string' ? data.title : '',
  commentCount: typeof data.commentCount === 'number' ? data.commentCount : 0,
  likeCount: typeof data.likeCount === 'number' ? data.likeCount : 0,
});

/** Up to `max` pages seen whose URL starts with `prefix` (in URL order). `max` reads at most. */
export async function pagesUnder(fs: Firestore, prefix: string, max = 20): Promise<SeenPage[]> {
  const snap = await getDocs(query(collection(fs, PAGES), where('url', '>=', prefix), where('url', '<', `${prefix}\uf8ff`), orderBy('url'), limit(max)));
  return snap.docs.map((d) => seenPage(d.id, d.data()));
}

/** The page seen at exactly `url`, or null. */
export async function pageAt(fs: Firestore, url: string): Promise<SeenPage | null> {
  const snap = await getDocs(query(collection(fs, PAGES), where('url', '==', url), limit(1)));
  const first = snap.docs[0];
  return first ? seenPage(first.id, first.data()) : null;
}

/**
 * Pages seen matching `text`: an address ("/hr/", a URL) finds the pages under it on each origin;
 * other text searches the titles of the most recently active pages (Firestore has no text search,
 * and comms looks for pages people use).
 */
export async function searchPagesSeen(fs: Firestore, text: string, origins: string[], max = 20): Promise<SeenPage[]> {
  const q = text.trim();
  if (q === '') return [];
  if (/^https?:\/\//i.test(q)) return pagesUnder(fs, q, max);
  if (q.startsWith('/')) return (await Promise.all(origins.map((origin) => pagesUnder(fs, `${origin}${q}`, max)))).flat().slice(0, max);
  const recent = await getDocs(query(collection(fs, PAGES), orderBy('updatedAt', 'desc'), limit(200)));
  const needle = q.toLocaleLowerCase();
  return recent.docs
    .map((d) => seenPage(d.id, d.data()))
    .filter((p) => p.title.toLocaleLowerCase().includes(needle) || p.url.toLocaleLowerCase().includes(needle))
    .slice(0, max);
}
