// Content script, on configured intranet origins only. It works out which page this is, tells the
// extension, and shows the launcher. No Firebase, no Dexie, no comment data: the page is untrusted.
// Enterprise policy (lib/any/policy-watch.ts) decides too: the worker injects it only where policy
// lets it, and it takes itself away (launcher, listeners) when policy switches Prikbord off or
// removes its origin while the page is open.
import { browser } from 'wxt/browser';
import type { PolicyOutcome } from '../../lib/any/managed-policy';
import { parseMessage, type Message, type PageMode, type Replies } from '../../lib/any/messages';
import { loadOrgConfig, matchPatterns } from '../../lib/any/org-config';
import { watchPolicy } from '../../lib/any/policy-watch';
import { identifyDocument, rulesForUrl, type PageIdentity } from '../../lib/any/page-identity';
import { afterPageLoad } from './after-load';
import { frameRole, type FrameView } from './frame-role';
import { pageHeadings } from './headings';
import { mountLauncher, type Launcher } from './launcher';

export default defineContentScript({
  matches: matchPatterns(loadOrgConfig()),
  // Not in the manifest: the background injects this file after each intranet document has
  // loaded (entrypoints/background/injection.ts says why: a declared content script costs every page its load
  // time, however little it does). `matches` still sets the host permissions.
  registration: 'runtime',
  // WXT would otherwise window.postMessage a "content script started" note into the page: old
  // intranets' message listeners (JSON.parse(event.data), …) would see it. Its DOM event suffices.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const rulesIn = (outcome: PolicyOutcome) => (outcome.disabled ? undefined : rulesForUrl(location.href, outcome.config.sites));
    // Only the copy of the policy the worker remembered (storage.local): a few ms, no wait for the
    // browser's policy loading. Its changes reach this page while it stays open.
    const policy = watchPolicy(loadOrgConfig(), { local: browser.storage.local, onChanged: browser.storage.onChanged }, (outcome) => {
      if (!rulesIn(outcome)) ctx.abort('switched off or origin removed by enterprise policy');
    });
    const rules = rulesIn(await policy.current());
    if (!rules || ctx.isInvalid) return;
    // Injected after load; still nothing of ours before the page has rendered its first frame
    // after load and the browser is idle, so we never delay that rendering nor compete with the
    // page's own follow-up scripts (after-load.ts says why each step).
    await afterPageLoad(window);
    // A newer injection into this document took over while this one waited.
    if (ctx.isInvalid) return;
    const ownsThread = () => frameRole(window as unknown as FrameView) === 'owner';
    if (!ownsThread()) return;
    // A frameset's navigation frame owns the thread while the content frame is blank
    // (frame-role.ts); once a frame loads a page, the normal rule decides again, and this copy
    // steps back (its launcher goes) when that page is the owner now.
    if (window.top !== window) {
      const recheck = () => {
        if (!ownsThread()) ctx.abort('another frame of the frameset owns the thread now');
      };
      for (const frame of Array.from(window.top!.document.querySelectorAll('frame'))) {
        frame.addEventListener('load', recheck);
        ctx.onInvalidated(() => frame.removeEventListener('load', recheck));
      }
    }

    // An HTTP error page (a stale link's 404, a 500) is no page to discuss: no launcher, no
    // report. The panel, asked, hears that it is an error page and says so (Chrome 109+ gives
    // the status; older browsers give 0 and the page counts as a page).
    const status = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseStatus ?? 0;
    if (status >= 400) {
      const onIdentify = (raw: unknown) => (parseMessage(raw)?.type === 'page:identify' ? Promise.resolve({ errorStatus: status }) : undefined);
      browser.runtime.onMessage.addListener(onIdentify);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onIdentify));
      const message: Message = { type: 'page:error', status };
      void browser.runtime.sendMessage(message).catch(() => undefined);
      return;
    }

    let page: PageIdentity = await identifyDocument(document, rules);
    if (ctx.isInvalid) return;
    // The launcher shows only where rollout gives this person the layer (read only or on); the
    // worker decides (entrypoints/background/rollout.ts) and tells us again when that changes.
    let launcher: Launcher | null = null;
    const show = (mode: PageMode, signedIn = true) => {
      if (mode === 'off') {
        launcher?.remove();
        launcher = null;
      } else {
        launcher ??= mountLauncher(() => {
          const message: Message = { type: 'panel:open' };
          void browser.runtime.sendMessage(message);
        });
        launcher.setSignedIn(signedIn);
      }
    };
    ctx.onInvalidated(() => show('off'));

    const report = async () => {
      const message: Message = { type: 'page:report', page, headings: pageHeadings(document) };
      const reply = (await browser.runtime.sendMessage(message).catch(() => null)) as Replies['page:report'] | null;
      show(reply?.mode ?? 'off', reply?.signedIn);
      if (reply?.counts) launcher?.setCounts(reply.counts);
    };

    const onMessage = (raw: unknown) => {
      const message = parseMessage(raw);
      if (message?.type === 'page:identify') return Promise.resolve({ ...page, headings: pageHeadings(document) });
      if (message?.type === 'page:count' && message.pageId === page.pageId) launcher?.setCounts(message.counts);
      if (message?.type === 'page:mode' && message.pageId === page.pageId) show(message.mode, message.signedIn);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    // A later injection into this document (after an update, or a repeated load event) replaces
    // this one: WXT invalidates the older context, which must then stop answering too.
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

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
      launcher?.setCounts(null);
      await report();
    });

    await report();
  },
});
