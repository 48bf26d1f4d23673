// A Preact hook over a live Dexie query (lib/data/live-query.ts): the component re-renders
// whenever the queried rows change, in this context or any other extension page.
import { useEffect, useState } from 'preact/hooks';
import { watchQuery } from '../../lib/data/live-query';

/** The query's result, `initial` until it first answers; re-run when `deps` change. */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    setValue(initial);
    return watchQuery(query, setValue);
  }, deps);
  return value;
}
