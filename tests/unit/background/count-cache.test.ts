// The page counts cached in Dexie (entrypoints/background/count-cache.ts), on fake-indexeddb.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dexieCountCache } from '../../../entrypoints/background/count-cache';
import type { TabPage } from '../../../entrypoints/background/tab-pages';
import type { PrikbordDb } from '../../../lib/data/db';
import { freshDb } from '../../helpers/fake-db';
import { pageA } from './fakes';

const NOW = 1_800_000_000_000;

describe('the count cache in Dexie', () => {
  let db: PrikbordDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.delete());

  it('has no counts for a page it never saw', async () => {
    expect(await dexieCountCache(db).read(pageA.pageId)).toEqual({ counts: null, fetchedAt: undefined });
  });

  it('has no counts for a page the panel cached without ever counting it', async () => {
    await db.pages.add({ ...pageA, commentCount: null });
    expect(await dexieCountCache(db).read(pageA.pageId)).toEqual({ counts: null, fetchedAt: undefined });
  });

  it('reads likes as none when only the comment count was cached', async () => {
    await db.pages.add({ ...pageA, commentCount: 3, countFetchedAt: 42 });
    expect(await dexieCountCache(db).read(pageA.pageId)).toEqual({ counts: { comments: 3, likes: 0 }, fetchedAt: 42 });
  });

  it('stores counts of a new page with its url and title, and not the frame it was in', async () => {
    const page: TabPage = { ...pageA, frameId: 3 };
    await dexieCountCache(db).write(page, { comments: 2, likes: 5 }, NOW);
    expect(await db.pages.get(pageA.pageId)).toEqual({ ...pageA, commentCount: 2, likeCount: 5, countFetchedAt: NOW });
  });

  it('updates the counts of a known page and leaves the rest of its row (the panel’s sync cursor) alone', async () => {
    await db.pages.add({ ...pageA, title: 'Oude titel', commentCount: 1, cursor: { seconds: 9, nanoseconds: 0 } });
    await dexieCountCache(db).write(pageA, { comments: 2, likes: 5 }, NOW);
    expect(await db.pages.get(pageA.pageId)).toEqual({
      ...pageA,
      title: 'Oude titel',
      commentCount: 2,
      likeCount: 5,
      countFetchedAt: NOW,
      cursor: { seconds: 9, nanoseconds: 0 },
    });
  });
});
