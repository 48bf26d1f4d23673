// Content script, on configured intranet origins only. It works out which page this is, tells the
// extension, and shows the launcher. No Firebase, no Dexie, no comment data: the page is untrusted.
import { browser } from 'wxt/browser';
import { parseMessage, type Message, type Replies } from '../../lib/messages';
import { ORG_CONFIG, matchPatterns } from '../../lib/org-config';
import { identifyDocument, rulesForUrl, type PageIdentity } from '../../lib/page-identity';
import { afterPageLoad } from './after-load';
import { frameRole, type FrameView } from './frame-role';
import { mountLauncher } from './launcher';

export default defineContentScript({
  matches: matchPatterns(),
  // document_start, not document_idle, and on purpose: Chromium runs document_idle (and
  // document_end) scripts in a task of their own that holds back the page's load event, so the
  // browser renders a frame (on a long page, 100+ ms of layout) before the page's onload can run;
  // the bench measured +20-40 % to loadEventEnd from that alone, with our script doing nothing.
  // At document_start the script is evaluated once, synchronously, as the document element is
  // created (a few ms: the isolated world and this small bundle) and then only waits: it adds no
  // task before the load event. Everything else happens after load (afterPageLoad, below).
  runAt: 'document_start',
  // Every frame, so a frameset's content frame gets the layer; frameRole() lets exactly one
  // document per tab act (about:blank and srcdoc frames are never matched).
  allFrames: true,
  // WXT would otherwise window.postMessage a "content script started" note into the page: old
  // intranets' message listeners (JSON.parse(event.data), …) would see it. Its DOM event suffices.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const rules = rulesForUrl(location.href, ORG_CONFIG.sites);
    if (!rules) return;
    // Nothing of ours before the page has loaded, rendered its first frame after load, and the
    // browser is idle: we never delay the page's load event or its first rendering, nor compete
    // with its own start-up scripts (after-load.ts says why each step).
    await afterPageLoad(window);
    if (frameRole(window as unknown as FrameView) !== 'owner') return;

    let page: PageIdentity = await identifyDocument(document, rules);
    const launcher = mountLauncher(() => {
      const message: Message = { type: 'panel:open' };
      void browser.runtime.sendMessage(message);
    });
    ctx.onInvalidated(() => launcher.remove());

    const report = async () => {
      const message: Message = { type: 'page:report', page };
      const reply = (await browser.runtime.sendMessage(message).catch(() => null)) as Replies['page:report'] | null;
      if (reply?.counts) launcher.setCounts(reply.counts);
    };

    browser.runtime.onMessage.addListener((raw: unknown) => {
      const message = parseMessage(raw);
      if (message?.type === 'page:identify') return Promise.resolve(page);
      if (message?.type === 'page:count' && message.pageId === page.pageId) launcher.setCounts(message.counts);
      return undefined;
    });

    // pushState / hash routes: a new identity when the route is a page of its own (per the site
    // rules). WXT announces the navigation before it commits (Navigation API), so wait until the
    // document has the new URL, and a little longer for the page's router to set its title.
    let checking = 0;
    ctx.addEventListener(window, 'wxt:locationchange', async (event) => {
      const mine = ++checking;
      const target = event.newUrl.href;
      for (let i = 0; i < 40 && document.URL !== target; i++) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 100));
      if (mine !== checking) return; // a later navigation took over
      const next = await identifyDocument(document, rules);
      if (next.pageId === page.pageId) return;
      page = next;
      launcher.setCounts(null);
      await report();
    });

    await report();
  },
});
