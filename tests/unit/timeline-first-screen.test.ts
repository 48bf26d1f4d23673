// lib/data/timeline/first-screen.ts: the timeline's first screenful kept in localStorage, shown
// in a panel's first render until Dexie answers; only ever to the person it was kept for.
import { beforeEach, describe, expect, it } from 'vitest';
import { FIRST_SCREEN_ROWS, forgetFirstScreenOfOthers, keepFirstScreen, keptFirstScreen } from '../../lib/data/timeline/first-screen';
import { timelineRow } from '../helpers/timeline-row';

const row = (pageId: string, latestAt: number) => timelineRow(pageId, latestAt);

function memoryStorage() {
  const store = new Map<string, string>();
  return {
    store,
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
  };
}

const anna = { uid: 'anna', departmentPath: ['Bedrijfsvoering', 'HR'] };

describe("the timeline's first screen kept for a fast start", () => {
  let storage: ReturnType<typeof memoryStorage>;
  beforeEach(() => {
    storage = memoryStorage();
  });

  it('is nothing until something was kept', () => {
    expect(keptFirstScreen('prikbord', 'anna', storage)).toBeUndefined();
  });

  it('keeps the newest entries, newest first, whatever order they came in', () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(`p${i}`, 1_000 + ((i * 7) % 40)));
    keepFirstScreen('prikbord', anna, rows, storage);
    const kept = keptFirstScreen('prikbord', 'anna', storage)!;
    expect(kept.rows).toHaveLength(FIRST_SCREEN_ROWS);
    expect(kept.rows.map((r) => r.latestAt)).toEqual(Array.from({ length: FIRST_SCREEN_ROWS }, (_, i) => 1_039 - i));
    expect(kept.rows[0]).toEqual(rows.find((r) => r.latestAt === 1_039));
  });

  it('remembers the department it was kept with: which sections show depends on it', () => {
    keepFirstScreen('prikbord', anna, [row('p1', 1)], storage);
    expect(keptFirstScreen('prikbord', 'anna', storage)?.person).toEqual(anna);
  });

  it('is shown to the person it was kept for only', () => {
    keepFirstScreen('prikbord', anna, [row('p1', 1)], storage);
    expect(keptFirstScreen('prikbord', 'bram', storage)).toBeUndefined();
    expect(keptFirstScreen('prikbord', 'anna', storage)?.rows).toHaveLength(1);
  });

  it("keeps one project's entries apart from another's", () => {
    keepFirstScreen('prikbord', anna, [row('p1', 1)], storage);
    expect(keptFirstScreen('prikbord@test-tenant', 'anna', storage)).toBeUndefined();
  });

  it('is dropped when someone else signs in, and stays for the same person', () => {
    keepFirstScreen('prikbord', anna, [row('p1', 1)], storage);
    forgetFirstScreenOfOthers('prikbord', 'anna', storage);
    expect(keptFirstScreen('prikbord', 'anna', storage)?.rows).toHaveLength(1);
    forgetFirstScreenOfOthers('prikbord', 'bram', storage);
    expect(storage.store.size).toBe(0);
  });

  it('ignores what it cannot read: broken JSON, or rows without what a card needs', () => {
    storage.setItem('prikbord:timelineFirstScreen:prikbord', '{"uid":"anna","rows":[');
    expect(keptFirstScreen('prikbord', 'anna', storage)).toBeUndefined();
    storage.setItem('prikbord:timelineFirstScreen:prikbord', JSON.stringify({ uid: 'anna', departmentPath: [], rows: [{ pageId: 'p1' }] }));
    expect(keptFirstScreen('prikbord', 'anna', storage)).toBeUndefined();
    storage.setItem('prikbord:timelineFirstScreen:prikbord', JSON.stringify({ uid: 'anna', rows: [row('p1', 1)] }));
    expect(keptFirstScreen('prikbord', 'anna', storage)).toBeUndefined();
  });

  it('works without storage: nothing kept, nothing thrown', () => {
    expect(() => keepFirstScreen('prikbord', anna, [row('p1', 1)], undefined)).not.toThrow();
    expect(keptFirstScreen('prikbord', 'anna', undefined)).toBeUndefined();
  });
});
