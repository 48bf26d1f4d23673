// Watching a Dexie query: the callback gets the result now and again whenever the rows it read
// change, in this context or any other extension page (Dexie broadcasts changes between them).
// The one place UI code reaches Dexie's liveQuery (components/hooks/use-live-query.ts).
import { liveQuery } from 'dexie';

/** Calls `onValue` with the query's result now and after every change; returns a stop function. */
export function watchQuery<T>(query: () => Promise<T> | T, onValue: (value: T) => void): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: (error) => console.error('liveQuery', error) });
  return () => subscription.unsubscribe();
}
