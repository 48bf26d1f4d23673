// "Opened this page's thread": the one fact about reading that insights use (the readers figure).
// The side panel writes it to `insightEvents` at most once per person, page and day; only that person
// can read it back (what the panel's "What is recorded about you" lists), the server folds it into
// aggregates and deletes it after RETENTION_DAYS. A person may switch the recording off in that same
// place (kept per browser, like their other panel choices).
//
// The once-a-day memory is localStorage: a day's list per project and person, dropped the next day.
// Firestore's memory cache queues the write while offline; a panel closed before the connection
// returns loses that one event (a reading, never anything the person wrote).
import { addDoc, collection, getDocs, limit, orderBy, query, serverTimestamp, where, type Firestore } from 'firebase/firestore';
import type { PageIdentity } from '../../any/page-identity';
import { dayOf } from '../../core/insights/plan';
import { paths } from '../../core/paths';

const dayKey = (firestore: Firestore, uid: string) => `prikbord.readDay.${firestore.app.options.projectId ?? ''}.${uid}`;
const offKey = (firestore: Firestore, uid: string) => `prikbord.readingOff.${firestore.app.options.projectId ?? ''}.${uid}`;

/** False when the person switched the recording of their reading off (in this browser). */
export function readingRecorded(firestore: Firestore, uid: string): boolean {
  return localStorage.getItem(offKey(firestore, uid)) !== 'off';
}

export function setReadingRecorded(firestore: Firestore, uid: string, on: boolean): void {
  if (on) localStorage.removeItem(offKey(firestore, uid));
  else localStorage.setItem(offKey(firestore, uid), 'off');
}

/** Notes that `uid` opened the thread of `page`, unless already noted today or switched off. */
export function noteThreadOpened(firestore: Firestore, uid: string, page: PageIdentity, now = Date.now()): void {
  if (!readingRecorded(firestore, uid)) return;
  const day = dayOf(now);
  const key = dayKey(firestore, uid);
  let seen: { day: string; pages: string[] } = { day, pages: [] };
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as typeof seen | null;
    if (stored && stored.day === day && Array.isArray(stored.pages)) seen = stored;
  } catch {
    // A damaged entry: start the day afresh (at worst one event twice; distinct counts don't mind).
  }
  if (seen.pages.includes(page.pageId)) return;
  seen.pages.push(page.pageId);
  localStorage.setItem(key, JSON.stringify(seen));
  const event = { uid, pageId: page.pageId, url: page.url, title: page.title.slice(0, 300), at: serverTimestamp() };
  addDoc(collection(firestore, paths.insightEvents()), event).catch((error: unknown) => {
    // Not worth a message: a reading is no one's work. The rules refuse only a malformed event.
    console.warn('Prikbord: reading not recorded', error);
  });
}

/** One recorded reading, as its person sees it. */
export interface RecordedReading {
  url: string;
  title: string;
  at: number;
}

/** The person's own recorded readings, newest first (at most `max`). */
export async function myRecordedReadings(firestore: Firestore, uid: string, max = 200): Promise<RecordedReading[]> {
  const snapshot = await getDocs(query(collection(firestore, paths.insightEvents()), where('uid', '==', uid), orderBy('at', 'desc'), limit(max)));
  return snapshot.docs.map((d) => {
    const at = d.get('at') as { toMillis?: () => number } | null;
    return { url: String(d.get('url') ?? ''), title: String(d.get('title') ?? ''), at: at?.toMillis?.() ?? 0 };
  });
}
