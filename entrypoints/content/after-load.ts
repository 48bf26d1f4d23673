// When the content script may start its work: only once the page has had its own start. The
// background injects it once the document has loaded (entrypoints/background/injection.ts), so step 1 is
// usually already done; a page that is still loading (an injection into tabs open at install
// time) waits here too. In order:
//   1. the page's load event (its onload code has run);
//   2. the first frame after load: on a heavy page Chromium often lays the page out right after
//      load (the 121,000 px policy page takes ~100 ms); touching the DOM or reading layout before
//      that frame would make the page's first rendering after load wait for our work;
//   3. an idle moment (at most `idleTimeoutMs` later), so we never compete with the page's own
//      follow-up work.
// A hidden tab renders no frames (requestAnimationFrame never fires there), so step 2 gives up
// after `frameTimeoutMs`: there is no frame to delay then.

/** The few window facts this needs (a real Window satisfies it; tests pass a fake). */
export interface AfterLoadWindow {
  document: { readyState: DocumentReadyState };
  addEventListener(type: 'load', listener: () => void, options: { once: true }): void;
  requestAnimationFrame(callback: () => void): unknown;
  requestIdleCallback?(callback: () => void, options: { timeout: number }): unknown;
  setTimeout(callback: () => void, ms: number): unknown;
}

export async function afterPageLoad(win: AfterLoadWindow, { frameTimeoutMs = 500, idleTimeoutMs = 1000 } = {}): Promise<void> {
  if (win.document.readyState !== 'complete') await new Promise<void>((resolve) => win.addEventListener('load', resolve, { once: true }));
  await new Promise<void>((resolve) => {
    // rAF runs just before the frame's style, layout and paint; a task posted from it runs after.
    win.requestAnimationFrame(() => win.setTimeout(resolve, 0));
    win.setTimeout(resolve, frameTimeoutMs);
  });
  await new Promise<void>((resolve) =>
    typeof win.requestIdleCallback === 'function' ? win.requestIdleCallback(resolve, { timeout: idleTimeoutMs }) : win.setTimeout(resolve, 0),
  );
}
