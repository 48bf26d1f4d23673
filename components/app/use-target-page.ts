// The intranet page this extension page is about (the side panel's tab), as state.
import { signal } from '@preact/signals';
import { watchTargetPage, type TargetPage } from '../../lib/data/target-page';

/** Undefined until the target tab has answered; then its page (null: not an intranet page). */
const target = signal<TargetPage | undefined>(undefined);
let started = false;

/**
 * Starts asking the target tab, once per document. The side panel's entry calls it first thing:
 * the answer is a round trip to the tab, and the panel shows nothing until it has it, so it is
 * asked while policy, the database and the session are still starting (npm run bench timeline).
 */
export function startTargetWatch(): void {
  if (started) return;
  started = true;
  watchTargetPage((next) => (target.value = next));
}

/** The target page: undefined until the tab has answered, then followed as tabs switch and navigate. */
export function useTargetPage(): TargetPage | undefined {
  startTargetWatch();
  return target.value;
}
