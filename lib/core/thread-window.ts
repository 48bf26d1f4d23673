// Which top-level threads of a long discussion the panel renders, and where the "show more"
// buttons go. Pure; used by components/thread/Thread.tsx and its tests.
//
// Why a window and not virtualisation: comments have very different heights (one line or 2,000
// characters, inline editors, reply boxes, person cards), and a virtual list takes rows out of the
// DOM, which breaks find-in-page, screen readers reading on through the list, and keyboard focus
// inside a comment that scrolls away. A window keeps every rendered comment in the DOM and only
// defers the middle of a long thread behind a button, like a long issue on GitHub: the oldest
// threads (where the discussion starts) and the newest (what changed since the last visit) show at
// once. CSS `content-visibility: auto` (style.css) then spares layout and paint of rendered
// comments off screen. What Preact renders at open is bounded (HEAD + TAIL threads), so opening
// a 1,000-comment thread costs about what a 20-comment one does.
//
// Nothing may disappear while the panel is open, so the window only ever grows:
// - a thread once shown stays shown (`shown`);
// - the tail is fixed by a key (the first tail thread's createdAt and id), not by a count, so a new
//   comment joins the tail instead of pushing the oldest tail thread into the hidden middle;
// - threads the reader must see are always shown (`keep`): their own comment that is still pending
//   or was refused, a linked target comment, the thread they are replying to.
import type { ThreadNode } from './comment-tree';

/**
 * Oldest top-level threads shown at open. About six fill a panel's first screen; more at open only
 * lengthen the first render (the bench's open time), and the first press of "show more" is at hand.
 */
export const HEAD = 15;
/** Newest top-level threads shown at open. */
export const TAIL = 5;
/** Threads one "show more" press reveals. */
export const CHUNK = 40;

export interface SortKey {
  createdAt: number;
  id: string;
}

/** Same order as buildThread: oldest first, ties by id. */
export function atOrAfter(node: ThreadNode, key: SortKey): boolean {
  const c = node.comment;
  return c.createdAt > key.createdAt || (c.createdAt === key.createdAt && c.id >= key.id);
}

/** Where the tail starts, once a thread is long enough to have a hidden middle; null until then. */
export function tailKey(nodes: ThreadNode[]): SortKey | null {
  if (nodes.length <= HEAD + TAIL) return null;
  const first = nodes[nodes.length - TAIL]!.comment;
  return { createdAt: first.createdAt, id: first.id };
}

export type Segment =
  | { kind: 'thread'; node: ThreadNode }
  /** A run of hidden threads; the button reveals the first `reveal.length` of them. */
  | { kind: 'more'; hidden: ThreadNode[]; reveal: ThreadNode[]; hiddenComments: number; revealComments: number };

export interface WindowInput {
  nodes: ThreadNode[];
  /** Threads already shown in this panel (never hidden again). */
  shown: ReadonlySet<string>;
  /** Start of the tail (see tailKey); null: no tail rule (a short thread shows whole anyway). */
  tail: SortKey | null;
  /** Threads that must be shown whatever their position. */
  keep(node: ThreadNode): boolean;
}

const size = (nodes: ThreadNode[]) => nodes.reduce((sum, node) => sum + 1 + node.replies.length, 0);

/** The threads to render in order, with one "more" segment in place of each run of hidden ones. */
export function windowThread({ nodes, shown, tail, keep }: WindowInput): Segment[] {
  const segments: Segment[] = [];
  let run: ThreadNode[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const reveal = run.slice(0, CHUNK);
    segments.push({ kind: 'more', hidden: run, reveal, hiddenComments: size(run), revealComments: size(reveal) });
    run = [];
  };
  nodes.forEach((node, index) => {
    const visible = tail === null || index < HEAD || shown.has(node.comment.id) || atOrAfter(node, tail) || keep(node);
    if (visible) {
      flush();
      segments.push({ kind: 'thread', node });
    } else {
      run.push(node);
    }
  });
  flush();
  return segments;
}
