// Drafts (lib/data/drafts.ts): one key per composer, kept in Dexie across reloads, an empty text
// removes the draft.
import { describe, expect, it } from 'vitest';
import { dexieDrafts, draftKey, memoryDrafts } from '../../lib/data/drafts';
import { freshDb } from '../helpers/fake-db';

describe('draft keys', () => {
  it('gives a new comment, a reply and an edit each their own key', () => {
    const keys = [
      draftKey({ pageId: 'p_1', parentId: null }),
      draftKey({ pageId: 'p_1', parentId: 'c1' }),
      draftKey({ editOf: 'c1' }),
      draftKey({ pageId: 'p_2', parentId: null }),
    ];
    expect(new Set(keys).size).toBe(4);
  });
});

describe.each([
  ['Dexie', () => dexieDrafts(freshDb())],
  ['memory', () => memoryDrafts()],
])('the %s draft store', (_name, make) => {
  it('gives back what was saved', async () => {
    const drafts = make();
    await drafts.save('k', 'Half a thought');
    expect(await drafts.load('k')).toBe('Half a thought');
  });

  it('forgets a draft saved empty or cleared', async () => {
    const drafts = make();
    await drafts.save('a', 'x');
    await drafts.save('a', '');
    await drafts.save('b', 'y');
    await drafts.clear('b');
    expect(await drafts.load('a')).toBeUndefined();
    expect(await drafts.load('b')).toBeUndefined();
  });
});

describe('Dexie drafts', () => {
  it('survive the database being opened again (a reload)', async () => {
    const db = freshDb();
    await dexieDrafts(db).save('k', 'Kept');
    db.close();
    await db.open();
    expect(await dexieDrafts(db).load('k')).toBe('Kept');
  });
});
