// The intranet page this extension page is about (the side panel's tab), as state.
import { useEffect, useState } from 'preact/hooks';
import { watchTargetPage, type TargetPage } from '../../lib/data/target-page';

/** Undefined until the target tab has been asked; then its page (null: not an intranet page). */
export function useTargetPage(): TargetPage | undefined {
  const [target, setTarget] = useState<TargetPage | undefined>(undefined);
  useEffect(() => watchTargetPage(setTarget), []);
  return target;
}
