// Which frame of a tab owns the thread. The content script runs in every frame (framesets are
// common on old intranets: javadoc, doxygen, FrontPage); exactly one document per tab should
// report a page and show the launcher:
//   - a normal top-level page: itself;
//   - a frameset: not the frameset document (it has nothing to read, and a launcher there would
//     cover a frame) but the content frame, as a reader thinks of it: the largest frame that has
//     a document. A content frame that starts blank (no src, or about:blank, until a link in the
//     navigation frame fills it) is passed over, so the navigation frame owns the thread until
//     then; when the blank frame loads a page, that page owns it (index.ts re-checks on its load);
//   - any other sub-frame (rich-text editors, ads, widgets, same-URL iframes written by script):
//     none, so there is never a second launcher.

/** The few window facts the decision needs (a real Window satisfies it; tests pass plain objects). */
export interface FrameView {
  top: FrameView | null;
  document: { querySelector(selector: string): unknown; querySelectorAll(selector: string): ArrayLike<FrameElementView> };
  frameElement: unknown;
}

export interface FrameElementView {
  getBoundingClientRect(): { width: number; height: number };
  /** Null for another origin's frame (unreadable: counted as having a document). */
  contentDocument?: { URL: string } | null;
}

/** A frame with no document of its own yet (its initial about:blank): no reader reads it. */
export function isBlankFrame(frame: FrameElementView): boolean {
  return frame.contentDocument?.URL === 'about:blank';
}

export type FrameRole = 'owner' | 'none';

function isFrameset(view: FrameView): boolean {
  return view.document.querySelector('frameset') !== null;
}

/** The role of the document in `view`. Cross-origin tops (not readable) mean "not ours". */
export function frameRole(view: FrameView): FrameRole {
  let top: FrameView | null;
  try {
    top = view.top;
    if (top === view || top === null) return isFrameset(view) ? 'none' : 'owner';
    if (!isFrameset(top)) return 'none';
  } catch {
    return 'none'; // a cross-origin parent: some other site framed this page
  }
  const frames = Array.from(top.document.querySelectorAll('frame'));
  let largest: FrameElementView | undefined;
  let area = -1;
  for (const frame of frames) {
    if (isBlankFrame(frame)) continue;
    const { width, height } = frame.getBoundingClientRect();
    if (width * height > area) {
      area = width * height;
      largest = frame;
    }
  }
  return largest !== undefined && largest === view.frameElement ? 'owner' : 'none';
}
