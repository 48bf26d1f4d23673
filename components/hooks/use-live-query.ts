// A Preact hook over a live Dexie query (lib/data/live-query.ts): the component re-renders
// whenever the queried rows change, in this context or any other extension page.
import { useLayoutEffect, useState } from 'preact/hooks';
import { watchQuery } from '../../lib/data/live-query';

/**
 * The query's result, `initial` until it first answers; re-run when `deps` change. Started in a
 * layout effect, right after the render that needs it: a plain effect waits for the next frame,
 * and views that read in steps (the timeline's newest entries, then all) paid that frame per step.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useLayoutEffect(() => {
    setValue(initial);
    return watchQuery(query, setValue);
  }, deps);
  return value;
}
