// Which comment the panel should open at: one a notification just opened, or the one the tab's URL
// points at (#prikbord-comment=ID, a shared link; lib/any/comment-link.ts). And the reader's
// previous visit of a page, for the "new since your last visit" markers.
import { useSignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { linkedCommentId } from '../../lib/any/comment-link';

export interface LinkedComment {
  set(pageId: string | null, commentId: string): void;
  /** The linked comment on this page, if any. */
  commentIdFor(pageId: string): string | null;
}

export function useLinkedComment(tabId: number | null, tabPageId: string | null): LinkedComment {
  const linked = useSignal<{ pageId: string | null; commentId: string } | null>(null);
  // A new page in the tab: does its URL point at a comment?
  useEffect(() => {
    if (tabId === null || tabPageId === null) return;
    let live = true;
    void browser.tabs
      .get(tabId)
      .then((tab) => {
        const id = linkedCommentId(tab.url);
        if (!live) return;
        // A link in the URL wins; a notification's link stays only on its own page.
        if (id) linked.value = { pageId: tabPageId, commentId: id };
        else if (linked.value && linked.value.pageId !== tabPageId) linked.value = null;
      })
      .catch(() => undefined);
    return () => void (live = false);
  }, [tabId, tabPageId]);
  return {
    set(pageId, commentId) {
      linked.value = { pageId, commentId };
    },
    commentIdFor(pageId) {
      const l = linked.value;
      return l && l.pageId === pageId ? l.commentId : null;
    },
  };
}

const visitKey = (uid: string, pageId: string) => `prikbord:visit:${uid}:${pageId}`;

/** The time of the reader's previous visit of `pageId` (null: the first), and this visit noted. */
export function usePreviousVisit(uid: string, pageId: string | null): number | null {
  const [previous, setPrevious] = useState<number | null>(null);
  useEffect(() => {
    if (!pageId) return setPrevious(null);
    const key = visitKey(uid, pageId);
    const stored = Number(localStorage.getItem(key));
    setPrevious(Number.isFinite(stored) && stored > 0 ? stored : null);
    localStorage.setItem(key, String(Date.now()));
  }, [uid, pageId]);
  return previous;
}
