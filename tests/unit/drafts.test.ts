// Drafts (lib/data/drafts.ts): one key per composer, kept in Dexie across reloads, an empty text
// removes the draft.
import { describe, expect, it } from 'vitest';
import { dexieDrafts, draftKey, memoryDrafts } from '../../lib/data/drafts';
import { forgetOtherPeople } from '../../lib/data/thread/thread-sync';
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

describe("one person's drafts on a shared browser profile", () => {
  it('are not shown to another person, and are forgotten when someone else signs in', async () => {
    const db = freshDb();
    const key = draftKey({ pageId: 'p_1', parentId: null });
    await dexieDrafts(db, 'uid-anna').save(key, 'Wat Anna half schreef');
    await db.drafts.put({ key: 'old', text: 'Saved before drafts had an owner', updatedAt: 1 });
    expect(await dexieDrafts(db, 'uid-bram').load(key)).toBeUndefined();
    expect(await dexieDrafts(db, 'uid-anna').load(key)).toBe('Wat Anna half schreef');
    await forgetOtherPeople(db, 'uid-anna'); // Anna again: hers stay
    expect(await db.drafts.count()).toBe(2);
    await forgetOtherPeople(db, 'uid-bram');
    expect((await db.drafts.toArray()).map((draft) => draft.key)).toEqual(['old']);
  });
});
