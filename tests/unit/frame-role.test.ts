import { describe, expect, it } from 'vitest';
import { frameRole, type FrameView } from '../../entrypoints/content/frame-role';

function frameEl(width: number, height: number, url?: string) {
  return { getBoundingClientRect: () => ({ width, height }), contentDocument: url === undefined ? null : { URL: url } };
}

function view(options: { frameset?: boolean; frames?: ReturnType<typeof frameEl>[] } = {}): FrameView {
  const self: FrameView = {
    top: null,
    frameElement: null,
    document: {
      querySelector: (s: string) => (s === 'frameset' && options.frameset ? {} : null),
      querySelectorAll: () => options.frames ?? [],
    },
  };
  self.top = self;
  return self;
}

function child(top: FrameView, element: unknown): FrameView {
  return { top, frameElement: element, document: view().document };
}

describe('which frame owns the thread', () => {
  it('a normal page owns its own thread', () => {
    expect(frameRole(view())).toBe('owner');
  });

  it('a frameset document does not (it has nothing to read)', () => {
    expect(frameRole(view({ frameset: true }))).toBe('none');
  });

  it('in a frameset, the largest frame (the content) owns it, the navigation frames do not', () => {
    const nav = frameEl(200, 800);
    const content = frameEl(1000, 800);
    const top = view({ frameset: true, frames: [nav, content] });
    expect(frameRole(child(top, content))).toBe('owner');
    expect(frameRole(child(top, nav))).toBe('none');
  });

  it('an iframe inside a normal page never does (editors, widgets, same-URL frames)', () => {
    const top = view();
    expect(frameRole(child(top, {}))).toBe('none');
  });

  it('a page framed by another origin does not (its parent cannot be read)', () => {
    const framed: FrameView = {
      get top(): FrameView {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
      frameElement: null,
      document: view().document,
    };
    expect(frameRole(framed)).toBe('none');
  });

  it('a content frame that is still blank is passed over: the navigation frame owns the thread until it loads a page', () => {
    const nav = frameEl(200, 800, 'http://intranet/nav.html');
    const content = frameEl(1000, 800, 'about:blank');
    const top = view({ frameset: true, frames: [nav, content] });
    expect(frameRole(child(top, nav))).toBe('owner');
    // The content frame loads a page: the normal rule again.
    content.contentDocument = { URL: 'http://intranet/klasse.html' };
    expect(frameRole(child(top, nav))).toBe('none');
    expect(frameRole(child(top, content))).toBe('owner');
  });

  it('a frameset whose frames are all blank has no owner', () => {
    const a = frameEl(200, 800, 'about:blank');
    const top = view({ frameset: true, frames: [a] });
    expect(frameRole(child(top, a))).toBe('none');
  });
});
