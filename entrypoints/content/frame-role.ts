// Which frame of a tab owns the thread. The content script runs in every frame (framesets are
// common on old intranets: javadoc, doxygen, FrontPage); exactly one document per tab should
// report a page and show the launcher:
//   - a normal top-level page: itself;
//   - a frameset: not the frameset document (it has nothing to read, and a launcher there would
//     cover a frame) but the content frame, as a reader thinks of it: the largest frame;
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
    const { width, height } = frame.getBoundingClientRect();
    if (width * height > area) {
      area = width * height;
      largest = frame;
    }
  }
  return largest !== undefined && largest === view.frameElement ? 'owner' : 'none';
}
