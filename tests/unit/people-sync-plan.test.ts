// What the side panel keeps in sync of the people data (lib/core/people-sync-plan.ts): the
// expertise index only while the people view is shown, the directory whenever a member is signed in.
import { describe, expect, it } from 'vitest';
import { PEOPLE_RESYNC_MS, peopleToSync } from '../../lib/core/people-sync-plan';

describe('people sync plan', () => {
  it('syncs nothing while nobody is signed in', () => {
    expect(peopleToSync(null, false)).toEqual([]);
    expect(peopleToSync(null, true)).toEqual([]);
  });

  it('syncs only the directory while the thread or the profile is shown', () => {
    expect(peopleToSync('uid-anna', false)).toEqual(['directory']);
  });

  it('syncs the expertise index too while the people view is shown', () => {
    expect(peopleToSync('uid-anna', true)).toEqual(['directory', 'expertise']);
  });

  it('repeats every five minutes', () => {
    expect(PEOPLE_RESYNC_MS).toBe(300_000);
  });
});
