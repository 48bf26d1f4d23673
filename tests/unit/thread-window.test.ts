// The window over a long thread (lib/core/thread-window.ts): what shows at open, and that nothing shown
// ever disappears when comments arrive, confirm or are revealed.
import { describe, expect, it } from 'vitest';
import type { ThreadNode } from '../../lib/core/comment-tree';
import { CHUNK, HEAD, TAIL, tailKey, windowThread, type Segment } from '../../lib/core/thread-window';
import type { CommentRow } from '../../lib/core/rows';

function node(i: number, replies = 0): ThreadNode {
  const comment = { id: `c${String(i).padStart(4, '0')}`, createdAt: 1000 + i } as CommentRow;
  return { comment, replies: Array.from({ length: replies }, (_, r) => ({ id: `${comment.id}-r${r}`, createdAt: 5000 + r }) as CommentRow) };
}
const thread = (n: number) => Array.from({ length: n }, (_, i) => node(i));
const shownIds = (segments: Segment[]) => segments.flatMap((s) => (s.kind === 'thread' ? [s.node.comment.id] : []));
const never = () => false;

describe('windowThread', () => {
  it('shows a short thread whole, without any "more" button', () => {
    const nodes = thread(HEAD + TAIL);
    const segments = windowThread({ nodes, shown: new Set(), tail: tailKey(nodes), keep: never });
    expect(segments.every((s) => s.kind === 'thread')).toBe(true);
    expect(segments).toHaveLength(HEAD + TAIL);
  });

  it('shows the oldest and the newest threads of a long one, with one button in between', () => {
    const nodes = thread(1000);
    const segments = windowThread({ nodes, shown: new Set(), tail: tailKey(nodes), keep: never });
    expect(segments).toHaveLength(HEAD + 1 + TAIL);
    const more = segments[HEAD]!;
    expect(more.kind).toBe('more');
    if (more.kind !== 'more') return;
    expect(more.hidden).toHaveLength(1000 - HEAD - TAIL);
    expect(more.reveal).toHaveLength(CHUNK);
    expect(more.reveal[0]).toBe(nodes[HEAD]);
    expect(shownIds(segments.slice(HEAD + 1))).toEqual(nodes.slice(-TAIL).map((n) => n.comment.id));
  });

  it('counts replies in the number of comments a button reveals and hides', () => {
    const nodes = thread(100).map((n, i) => (i === HEAD ? node(i, 3) : n));
    const [more] = windowThread({ nodes, shown: new Set(), tail: tailKey(nodes), keep: never }).filter((s) => s.kind === 'more');
    expect(more).toMatchObject({ revealComments: CHUNK + 3, hiddenComments: 100 - HEAD - TAIL + 3 });
  });

  it('keeps replies with their parent: a thread is shown or hidden as a whole', () => {
    const nodes = thread(100).map((n, i) => (i === 0 || i === 50 ? node(i, 2) : n));
    const segments = windowThread({ nodes, shown: new Set(), tail: tailKey(nodes), keep: never });
    expect(segments[0]).toMatchObject({ kind: 'thread', node: { replies: [{ id: 'c0000-r0' }, { id: 'c0000-r1' }] } });
  });

  it('a new comment joins the tail; the tail thread before it stays shown', () => {
    const nodes = thread(200);
    const tail = tailKey(nodes);
    const shown = new Set(shownIds(windowThread({ nodes, shown: new Set(), tail, keep: never })));
    const later = [...nodes, node(200)];
    const after = shownIds(windowThread({ nodes: later, shown, tail, keep: never }));
    expect(after).toContain('c0200');
    for (const id of shown) expect(after).toContain(id);
  });

  it('a revealed chunk stays, and the next button starts after it', () => {
    const nodes = thread(200);
    const tail = tailKey(nodes);
    const first = windowThread({ nodes, shown: new Set(), tail, keep: never });
    const more = first.find((s) => s.kind === 'more');
    if (more?.kind !== 'more') throw new Error('no button');
    const shown = new Set([...shownIds(first), ...more.reveal.map((n) => n.comment.id)]);
    const second = windowThread({ nodes, shown, tail, keep: never });
    expect(shownIds(second)).toHaveLength(HEAD + CHUNK + TAIL);
    const next = second.find((s) => s.kind === 'more');
    expect(next?.kind === 'more' && next.reveal[0]).toBe(nodes[HEAD + CHUNK]);
  });

  it('shows a kept thread in the middle in its place, with buttons on both sides', () => {
    const nodes = thread(300);
    const target = nodes[150]!;
    const segments = windowThread({ nodes, shown: new Set(), tail: tailKey(nodes), keep: (n) => n === target });
    expect(shownIds(segments)).toContain(target.comment.id);
    const kinds = segments.map((s) => s.kind);
    const at = segments.findIndex((s) => s.kind === 'thread' && s.node === target);
    expect([kinds[at - 1], kinds[at + 1]]).toEqual(['more', 'more']);
  });

  it('an older comment arriving late never pushes a shown one out of the head', () => {
    const nodes = thread(200).slice(1); // c0000 not yet synced
    const tail = tailKey(nodes);
    const shown = new Set(shownIds(windowThread({ nodes, shown: new Set(), tail, keep: never })));
    const after = shownIds(windowThread({ nodes: thread(200), shown, tail, keep: never }));
    for (const id of shown) expect(after).toContain(id);
  });
});
