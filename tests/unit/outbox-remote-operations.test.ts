// The outbox's operation registry, remote half (lib/data/outbox/remote-operations.ts), with
// Firestore Lite replaced by a recorder: the exact documents each kind writes (the shapes
// firebase/firestore.rules expect, checked for real by the integration tests), how they depend on
// what the server holds (an existing page, the author's rate window), the refusals the outbox
// explains itself, how each kind tells that it already landed, and that a kind it does not know
// is refused, never written.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Firestore } from 'firebase/firestore/lite';
import { firestoreSender } from '../../lib/data/outbox/remote-operations';
import { classifyError } from '../../lib/core/outbox-states';
import type { OutboxKind, OutboxOp } from '../../lib/core/rows';

const { writes, server, commits } = vi.hoisted(() => ({
  /** Every write, in order: [what, path, data, options?]; a batch is one entry holding its writes. */
  writes: [] as unknown[],
  /** Documents the fake server holds, by path. */
  server: new Map<string, Record<string, unknown>>(),
  /** What the next batch commits do first (one each; a throw refuses that commit, nothing written). */
  commits: [] as Array<() => void>,
}));

vi.mock('firebase/firestore/lite', () => {
  const ref = (_fs: unknown, ...segments: string[]) => ({ path: segments.join('/') });
  return {
    doc: ref,
    getDoc: async ({ path }: { path: string }) => ({ data: () => server.get(path), exists: () => server.has(path) }),
    increment: (n: number) => ({ increment: n }),
    serverTimestamp: () => 'serverTimestamp',
    setDoc: async ({ path }: { path: string }, data: unknown) => void writes.push(['set', path, data]),
    updateDoc: async ({ path }: { path: string }, data: unknown) => void writes.push(['update', path, data]),
    writeBatch: () => {
      const batch: unknown[] = [];
      return {
        set: ({ path }: { path: string }, data: unknown, options?: unknown) => batch.push(options ? ['set', path, data, options] : ['set', path, data]),
        update: ({ path }: { path: string }, data: unknown) => batch.push(['update', path, data]),
        commit: async () => {
          commits.shift()?.();
          writes.push(['batch', batch]);
        },
      };
    },
  };
});

const fs = {} as Firestore;
const anna = { uid: 'uid-anna', displayName: 'Anna de Vries' };
const sender = firestoreSender(fs, () => anna);
const P = 'p_000000000000000000000001';
const page = { url: 'http://intranet/', title: 'Voorpagina' };
const T = 'serverTimestamp';

beforeEach(() => {
  writes.length = 0;
  server.clear();
  commits.length = 0;
});

/** A Firestore Timestamp-like value `ms` ago. */
const ago = (ms: number) => ({ toMillis: () => Date.now() - ms });
const denied = () => {
  throw Object.assign(new Error('Missing or insufficient permissions.'), { code: 'permission-denied' });
};

describe('what each kind writes', () => {
  const comment = { pageId: P, parentId: null, text: 'Hallo', createdAt: T, updatedAt: T, editedAt: null, deleted: false, likeCount: 0 };
  const pageCreated = { url: page.url, title: page.title, commentCount: { increment: 1 }, likeCount: { increment: 0 }, lastCommentId: 'c1', updatedAt: T };
  const rateOpened = { windowStart: T, count: 1, last: `${P}/c1` };

  const cases: Array<[string, OutboxOp, unknown[]]> = [
    [
      'create: the comment with its author, the new page with its counter, and a new rate window, in one batch',
      { kind: 'create', pageId: P, commentId: 'c1', parentId: null, text: 'Hallo', anonymous: false, page },
      [
        [
          'batch',
          [
            ['set', `pages/${P}/comments/c1`, { ...comment, authorUid: anna.uid, authorName: anna.displayName }],
            ['set', `pages/${P}`, pageCreated, { merge: true }],
            ['set', `rate/${anna.uid}`, rateOpened],
          ],
        ],
      ],
    ],
    [
      'create, anonymous: no author field; the owner link instead, in the same batch',
      { kind: 'create', pageId: P, commentId: 'c1', parentId: null, text: 'Hallo', anonymous: true, page },
      [
        [
          'batch',
          [
            ['set', `pages/${P}/comments/c1`, { ...comment, anonymous: true }],
            ['set', 'commentOwners/c1', { uid: anna.uid, pageId: P, createdAt: T }],
            ['set', `pages/${P}`, pageCreated, { merge: true }],
            ['set', `rate/${anna.uid}`, rateOpened],
          ],
        ],
      ],
    ],
    [
      'edit: the text and its edit time',
      { kind: 'edit', pageId: P, commentId: 'c1', text: 'Nieuw', previousText: 'Oud' },
      [['update', `pages/${P}/comments/c1`, { text: 'Nieuw', editedAt: T, updatedAt: T }]],
    ],
    [
      'delete: a soft delete and the page counter down, in one batch',
      { kind: 'delete', pageId: P, commentId: 'c1', previousText: 'Oud' },
      [
        [
          'batch',
          [
            ['update', `pages/${P}/comments/c1`, { deleted: true, text: '', updatedAt: T }],
            ['update', `pages/${P}`, { commentCount: { increment: -1 }, lastCommentId: 'c1', updatedAt: T }],
          ],
        ],
      ],
    ],
    [
      'hide: as a delete, marked moderated',
      { kind: 'hide', pageId: P, commentId: 'c1', previousText: 'Oud' },
      [
        [
          'batch',
          [
            ['update', `pages/${P}/comments/c1`, { deleted: true, text: '', updatedAt: T, moderated: true }],
            ['update', `pages/${P}`, { commentCount: { increment: -1 }, lastCommentId: 'c1', updatedAt: T }],
          ],
        ],
      ],
    ],
    [
      'like of a comment: the like document and the comment counter, in one batch',
      { kind: 'like', pageId: P, targetId: 'c1', active: true, page },
      [
        [
          'batch',
          [
            ['set', `pages/${P}/likes/c1_${anna.uid}`, { targetId: 'c1', uid: anna.uid, name: anna.displayName, active: true, updatedAt: T }],
            ['update', `pages/${P}/comments/c1`, { likeCount: { increment: 1 }, lastLikeId: `c1_${anna.uid}`, updatedAt: T }],
          ],
        ],
      ],
    ],
    [
      'unlike of the page: the like document and the page counter as a merge, in one batch',
      { kind: 'like', pageId: P, targetId: 'page', active: false, page },
      [
        [
          'batch',
          [
            ['set', `pages/${P}/likes/page_${anna.uid}`, { targetId: 'page', uid: anna.uid, name: anna.displayName, active: false, updatedAt: T }],
            [
              'set',
              `pages/${P}`,
              { url: page.url, title: page.title, commentCount: { increment: 0 }, likeCount: { increment: -1 }, lastLikeId: `page_${anna.uid}`, updatedAt: T },
              { merge: true },
            ],
          ],
        ],
      ],
    ],
    [
      'profile: the own fields only, as an update (the directory owns the rest)',
      { kind: 'profile', uid: anna.uid, fields: { languages: ['nl'], skills: ['vpn'], optOut: true }, previous: { languages: [], skills: [], optOut: false } },
      [['update', `profiles/${anna.uid}`, { languages: ['nl'], skills: ['vpn'], optOut: true, updatedAt: T }]],
    ],
    [
      'helpful: the mark, without who marked it',
      { kind: 'helpful', pageId: P, replyId: 'r1', parentId: 'c1' },
      [['set', `pages/${P}/helpful/r1`, { replyId: 'r1', parentId: 'c1', createdAt: T }]],
    ],
  ];

  it.each(cases)('%s', async (_what, op, expected) => {
    await sender.send(op);
    // Stringified: also the order of the fields, so the documents stay exactly as they were.
    expect(JSON.stringify(writes)).toBe(JSON.stringify(expected));
  });

  it('writes every kind (this list is complete)', () => {
    const kinds: Record<OutboxKind, true> = { create: true, edit: true, delete: true, hide: true, like: true, helpful: true, profile: true };
    expect(new Set(cases.map(([, op]) => op.kind))).toEqual(new Set(Object.keys(kinds)));
  });
});

describe('what the server holds shapes the writes', () => {
  const create = (anonymous = false): OutboxOp => ({ kind: 'create', pageId: P, commentId: 'c1', parentId: null, text: 'Hallo', anonymous, page });
  /** The writes of the last batch. */
  const lastBatch = () => (writes.at(-1) as [string, unknown[][]])[1];
  const pageWrite = () => lastBatch().find((w) => w[1] === `pages/${P}`);
  const rateWrite = () => lastBatch().find((w) => w[1] === `rate/${anna.uid}`);

  it('an existing page only has its counter moved: its url and title were fixed at creation', async () => {
    server.set(`pages/${P}`, { url: page.url, title: 'Oude titel' });
    await sender.send(create());
    expect(pageWrite()).toEqual(['update', `pages/${P}`, { commentCount: { increment: 1 }, lastCommentId: 'c1', updatedAt: T }]);
  });

  it('a page like on an existing page moves only its like counter', async () => {
    server.set(`pages/${P}`, { url: page.url, title: 'Oude titel' });
    await sender.send({ kind: 'like', pageId: P, targetId: 'page', active: true, page });
    expect(pageWrite()).toEqual(['update', `pages/${P}`, { likeCount: { increment: 1 }, lastLikeId: `page_${anna.uid}`, updatedAt: T }]);
  });

  it('a page that appears between the read and the commit: sent once more, as a counter move', async () => {
    commits.push(() => {
      server.set(`pages/${P}`, { url: page.url, title: 'Door een ander gemaakt' });
      denied();
    });
    await sender.send(create());
    expect(writes).toHaveLength(1);
    expect(pageWrite()?.[0]).toBe('update');
  });

  it('a window with room counts on (count + 1, the start unchanged)', async () => {
    server.set(`rate/${anna.uid}`, { windowStart: ago(10_000), count: 3, last: 'x' });
    await sender.send(create());
    expect(rateWrite()).toEqual(['update', `rate/${anna.uid}`, { count: { increment: 1 }, last: `${P}/c1` }]);
  });

  it('a full window older than a minute is replaced by a new one', async () => {
    server.set(`rate/${anna.uid}`, { windowStart: ago(61_000), count: 10, last: 'x' });
    await sender.send(create());
    expect(rateWrite()).toEqual(['set', `rate/${anna.uid}`, { windowStart: T, count: 1, last: `${P}/c1` }]);
  });

  it('a full window younger than a minute: refused before sending, as "posting quickly"', async () => {
    server.set(`rate/${anna.uid}`, { windowStart: ago(20_000), count: 10, last: 'x' });
    const error = await sender.send(create()).catch((e: unknown) => e);
    expect(classifyError(error)).toMatchObject({ permanent: true, refusal: 'refusedRateLimited' });
    expect(writes).toHaveLength(0);
  });

  it('a refusal while the window is full (this clock ran ahead of the server’s): "posting quickly"', async () => {
    server.set(`rate/${anna.uid}`, { windowStart: ago(61_000), count: 10, last: 'x' });
    commits.push(denied);
    expect(classifyError(await sender.send(create()).catch((e: unknown) => e)).refusal).toBe('refusedRateLimited');
  });

  it('a refused anonymous comment while the organisation has anonymous posting off: says so', async () => {
    server.set('config/settings', { anonymousPosting: false });
    commits.push(denied);
    expect(classifyError(await sender.send(create(true)).catch((e: unknown) => e)).refusal).toBe('refusedAnonymousOff');
  });

  it('any other refusal stays the rules’ plain "not allowed"', async () => {
    commits.push(denied);
    expect(classifyError(await sender.send(create(true)).catch((e: unknown) => e)).refusal).toBe('refusedByRules');
    server.set('config/settings', { anonymousPosting: false });
    commits.push(denied);
    expect(classifyError(await sender.send(create(false)).catch((e: unknown) => e)).refusal).toBe('refusedByRules');
  });

  it('a passing failure stays passing (retried), whatever the window', async () => {
    server.set(`rate/${anna.uid}`, { windowStart: ago(61_000), count: 10, last: 'x' });
    commits.push(() => {
      throw Object.assign(new Error('offline'), { code: 'unavailable' });
    });
    expect(classifyError(await sender.send(create()).catch((e: unknown) => e)).permanent).toBe(false);
  });
});

describe('pre-moderation: a new post where the section holds its kind goes to held/', () => {
  const create = (anonymous: boolean): OutboxOp => ({ kind: 'create', pageId: P, commentId: 'c1', parentId: null, text: 'Hallo', anonymous, page });
  const held = (mode: 'off' | 'anonymous' | 'all') =>
    firestoreSender(
      fs,
      () => anna,
      () => mode,
    );
  const comment = { pageId: P, parentId: null, text: 'Hallo', createdAt: T, updatedAt: T, editedAt: null, deleted: false, likeCount: 0 };
  const rateOpened = { windowStart: T, count: 1, last: `${P}/c1` };

  it('an anonymous post under "anonymous": held with its owner link and rate window; the page only names it, no counter moves', async () => {
    await held('anonymous').send(create(true));
    expect(JSON.stringify(writes)).toBe(
      JSON.stringify([
        [
          'batch',
          [
            ['set', `pages/${P}/held/c1`, { ...comment, anonymous: true }],
            ['set', 'commentOwners/c1', { uid: anna.uid, pageId: P, createdAt: T }],
            [
              'set',
              `pages/${P}`,
              { url: page.url, title: page.title, commentCount: { increment: 0 }, likeCount: { increment: 0 }, lastCommentId: 'c1', updatedAt: T },
              { merge: true },
            ],
            ['set', `rate/${anna.uid}`, rateOpened],
          ],
        ],
      ]),
    );
  });

  it('a named post under "anonymous" goes straight to the thread; under "all" it is held, on an existing page naming it only', async () => {
    await held('anonymous').send(create(false));
    expect(JSON.stringify(writes)).toContain(`pages/${P}/comments/c1`);
    writes.length = 0;
    server.set(`pages/${P}`, { url: page.url, title: page.title });
    await held('all').send(create(false));
    const batch = (writes.at(-1) as [string, unknown[][]])[1];
    expect(batch[0]).toEqual(['set', `pages/${P}/held/c1`, { ...comment, authorUid: anna.uid, authorName: anna.displayName }]);
    expect(batch[1]).toEqual(['update', `pages/${P}`, { lastCommentId: 'c1', updatedAt: T }]);
  });

  it('a stale cached rollout: refused on the guessed path, sent once more on the path the live rollout names', async () => {
    // The cache says off; the live document pre-moderates everything on the rest of the intranet.
    server.set('config/rollout', { rest: { mode: 'on', features: { comments: true, likes: true, anonymous: true, experts: true }, premoderation: 'all' } });
    commits.push(denied);
    await held('off').send(create(false));
    const batch = (writes.at(-1) as [string, unknown[][]])[1];
    expect(batch[0]![1]).toBe(`pages/${P}/held/c1`);
  });

  it('a post already held counts as landed (a crash after the send)', async () => {
    server.set(`pages/${P}/held/c1`, { anonymous: true });
    expect(await held('anonymous').alreadyApplied(create(true))).toBe(true);
  });
});

describe('whether a change already landed', () => {
  const create = (anonymous: boolean): OutboxOp => ({ kind: 'create', pageId: P, commentId: 'c1', parentId: null, text: 'Hallo', anonymous, page });
  const at = `pages/${P}/comments/c1`;

  it('nothing landed when the comment is not there', async () => {
    for (const op of [create(false), create(true), { kind: 'edit', pageId: P, commentId: 'c1', text: 'x', previousText: 'y' } as const]) {
      expect(await sender.alreadyApplied(op)).toBe(false);
    }
  });

  it('create: a named comment by this author, or an anonymous one when the op was anonymous', async () => {
    server.set(at, { authorUid: anna.uid });
    expect(await sender.alreadyApplied(create(false))).toBe(true);
    expect(await sender.alreadyApplied(create(true))).toBe(false);
    server.set(at, { authorUid: 'uid-bram' });
    expect(await sender.alreadyApplied(create(false))).toBe(false);
    server.set(at, { anonymous: true });
    expect(await sender.alreadyApplied(create(true))).toBe(true);
    expect(await sender.alreadyApplied(create(false))).toBe(false);
  });

  it('edit, delete, hide: the text, the delete, the moderation are there', async () => {
    server.set(at, { text: 'Nieuw', deleted: false, moderated: false });
    expect(await sender.alreadyApplied({ kind: 'edit', pageId: P, commentId: 'c1', text: 'Nieuw', previousText: 'Oud' })).toBe(true);
    expect(await sender.alreadyApplied({ kind: 'edit', pageId: P, commentId: 'c1', text: 'Anders', previousText: 'Oud' })).toBe(false);
    expect(await sender.alreadyApplied({ kind: 'delete', pageId: P, commentId: 'c1', previousText: 'Oud' })).toBe(false);
    server.set(at, { text: '', deleted: true, moderated: false });
    expect(await sender.alreadyApplied({ kind: 'delete', pageId: P, commentId: 'c1', previousText: 'Oud' })).toBe(true);
    expect(await sender.alreadyApplied({ kind: 'hide', pageId: P, commentId: 'c1', previousText: 'Oud' })).toBe(false);
    server.set(at, { text: '', deleted: true, moderated: true });
    expect(await sender.alreadyApplied({ kind: 'hide', pageId: P, commentId: 'c1', previousText: 'Oud' })).toBe(true);
  });

  it('like: the like document says what was asked; never liked counts as unliked', async () => {
    const like = (active: boolean): OutboxOp => ({ kind: 'like', pageId: P, targetId: 'c1', active, page });
    expect(await sender.alreadyApplied(like(true))).toBe(false);
    expect(await sender.alreadyApplied(like(false))).toBe(true);
    server.set(`pages/${P}/likes/c1_${anna.uid}`, { active: true });
    expect(await sender.alreadyApplied(like(true))).toBe(true);
    expect(await sender.alreadyApplied(like(false))).toBe(false);
  });

  it('helpful: the mark exists', async () => {
    const op: OutboxOp = { kind: 'helpful', pageId: P, replyId: 'r1', parentId: 'c1' };
    expect(await sender.alreadyApplied(op)).toBe(false);
    server.set(`pages/${P}/helpful/r1`, { replyId: 'r1' });
    expect(await sender.alreadyApplied(op)).toBe(true);
  });
});

describe('a kind this version does not know', () => {
  const unknown = { kind: 'report', pageId: P, commentId: 'c1' } as unknown as OutboxOp;

  it('is refused with a final error and nothing is written', async () => {
    const error = await sender.send(unknown).catch((e: unknown) => e);
    expect(classifyError(error).permanent).toBe(true);
    expect(writes).toHaveLength(0);
  });

  it('is never reported as already applied', async () => {
    server.set(`pages/${P}/comments/c1`, { authorUid: anna.uid, deleted: true, moderated: true });
    await expect(sender.alreadyApplied(unknown)).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
