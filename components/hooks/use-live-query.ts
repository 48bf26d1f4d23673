// A Preact hook over Dexie's liveQuery: the component re-renders whenever the queried rows change,
// in this context or any other extension page (Dexie broadcasts changes between them).
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    setValue(initial);
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (error) => console.error('liveQuery', error) });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
