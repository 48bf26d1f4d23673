// Rollout edits for tests, valid by default: a section named after its folder on the demo
// intranet's origin, the rest of the intranet, and rollout as a list of edits applies them.
import { ALL_FEATURES, NO_ROLLOUT, type Rollout } from '../../lib/core/rollout';
import { applyRolloutEdit, type RolloutEdit, type SectionInput } from '../../lib/core/rollout-edit';

export const ORIGIN = 'http://intranet.lindeveen.local';

/** Section `name` over `ORIGIN/<name in lower case>/`, on for everyone with every feature. */
export const sectionEdit = (name: string, overrides: Partial<SectionInput> = {}): RolloutEdit => ({
  op: 'section',
  id: null,
  section: {
    name,
    kind: 'section',
    prefixes: [`${ORIGIN}/${name.toLowerCase()}/`],
    pages: [],
    mode: 'on',
    features: ALL_FEATURES,
    pilotGroups: [],
    othersSee: 'off',
    ...overrides,
  },
});

export const restEdit = (mode: 'off' | 'read' | 'on'): RolloutEdit => ({ op: 'rest', mode, features: ALL_FEATURES });

/** The rollout these edits make, applied as changeRollout applies them. */
export function rolloutOf(...edits: RolloutEdit[]): Rollout {
  let rollout = NO_ROLLOUT;
  for (const edit of edits) rollout = applyRolloutEdit(rollout, edit).rollout;
  return rollout;
}
