// Every view of the side panel and the console, in one list: how to bring it on screen with the
// built extension against the seeded emulators. The accessibility audit (tests/e2e/accessibility.test.ts)
// and the screenshots (npm run screenshots, scripts/screenshots.ts) both walk this list, so a view
// added here is audited in light and dark and photographed in Dutch and English from then on.
// New views (the inbox, the console's moderation queue, …): add an entry to VIEWS, in the group of
// the person who can see it; nothing else needs to change.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { db } from '../../functions/src/admin';
import { rollupDays } from '../../functions/src/insights/rollup';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { normalizeUrl, pageIdFor } from '../../lib/any/page-identity';
import { dayOf } from '../../lib/core/insights/plan';
import { paths } from '../../lib/core/paths';
import { newCommentId } from '../../lib/core/schema';
import { seedThread } from '../../scripts/bench/thread-seed';
import { launchWithExtension, openPanelPage, signInThroughPanel, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';
import { namedCommentDoc, putDoc, seedDemo, type SeededEmployee } from '../../scripts/seed';
import { DEMO_PASSWORD, demoEmployee, seededEmployee } from '../helpers/fixtures';
import { commentWith, INTRANET } from './setup';

export type Lang = 'nl' | 'en';
export type Theme = 'light' | 'dark';
export const LANGS: Lang[] = ['nl', 'en'];
export const THEMES: Theme[] = ['light', 'dark'];

/** The side panel's width in Chrome by default (it ranges about 320–500 px), and the console's window. */
export const PANEL_VIEWPORT = { width: 400, height: 860 };
export const CONSOLE_VIEWPORT = { width: 1280, height: 900 };

const ROOT = new URL('../../', import.meta.url).pathname;
const MESSAGES: Record<Lang, Record<string, { message: string }>> = {
  nl: JSON.parse(readFileSync(`${ROOT}public/_locales/nl/messages.json`, 'utf8')),
  en: JSON.parse(readFileSync(`${ROOT}public/_locales/en/messages.json`, 'utf8')),
};

/** A message of the extension in `lang`, placeholders filled as Chrome fills them. */
export function message(lang: Lang, key: string, ...subs: (string | number)[]): string {
  const text = MESSAGES[lang][key]?.message;
  if (text === undefined) throw new Error(`no message ${key}`);
  return text.replace(/\$P(\d)\$|\$(\d)/g, (_, p: string | undefined, n: string | undefined) => String(subs[Number(p ?? n) - 1] ?? ''));
}

/** What a view's `open` gets: the browser of the person it is seen by, signed in (unless `signedOut`). */
export interface ViewContext {
  lang: Lang;
  eb: ExtensionBrowser;
  /** The intranet tab the panel is bound to (already on the view's `path`). */
  tab: Page;
  /** The side panel app (sidepanel.html?tabId=…, in a tab of its own). */
  panel: Page;
  /** The extension's message in this browser's language. */
  msg(key: string, ...subs: (string | number)[]): string;
  /** The console (console.html) in a tab of its own, opened once per browser. */
  console(): Promise<Page>;
}

export interface View {
  /** Stable name: the screenshot is `${id}-${lang}-${theme}.png`. */
  id: string;
  app: 'panel' | 'console';
  /** The intranet page the panel's tab shows for this view. */
  path: string;
  /** Seen before signing in. */
  signedOut?: boolean;
  /** Brings the view on screen (and waits for its content); returns the page that shows it. */
  open(ctx: ViewContext): Promise<Page>;
}

/** The panel's view switcher: the button with this label, then its content's heading. */
async function panelView(ctx: ViewContext, label: string): Promise<Page> {
  const button = ctx.panel.getByRole('navigation').getByRole('button', { name: ctx.msg(label), exact: true });
  await button.click();
  await ctx.panel.waitForFunction((name) => document.querySelector('nav.views [aria-pressed="true"]')?.textContent?.trim() === name, ctx.msg(label));
  return ctx.panel;
}

/** The panel's discussion of the tab's page, once its title and `marker` show. */
async function threadView(ctx: ViewContext, title: RegExp, marker?: string): Promise<Page> {
  await panelView(ctx, 'viewThread');
  await ctx.panel.locator('#page-title', { hasText: title }).waitFor({ timeout: 20_000 });
  if (marker) await ctx.panel.getByText(marker, { exact: false }).first().waitFor({ timeout: 20_000 });
  return ctx.panel;
}

/** A console section by its address, once `ready` shows. */
async function consoleSection(ctx: ViewContext, hash: string, ready: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await ctx.console();
  await page.evaluate((h) => (location.hash = h), hash);
  await ready(page);
  return page;
}

/** The demo's own texts, the same in both languages (the intranet is Dutch). */
const DELETED_BY_MODERATOR_REPLY = 'Zo, die is weg. Laten we het netjes houden hier.';
export const OWN_COMMENT = 'Ik zet de vraag door naar Facilitaire zaken, zij weten van de printers.';
export const OWN_ANONYMOUS = 'Eerlijk gezegd vind ik de nieuwe printers slechter dan de oude.';

/**
 * Every view, grouped by who sees it (`VIEW_GROUPS`): each group is one browser, signed in as that
 * demo employee after the group's signed-out views. Add new views here.
 */
export const VIEW_GROUPS: { as: string; views: View[] }[] = [
  {
    as: 'anna', // comms advisor: every panel view and the console
    views: [
      {
        id: 'panel-signed-out',
        app: 'panel',
        path: '/ict/helpdesk.html',
        signedOut: true,
        open: async ({ panel }) => {
          await panel.locator('#sign-in-email').waitFor({ timeout: 20_000 });
          return panel;
        },
      },
      {
        id: 'panel-thread',
        app: 'panel',
        path: '/ict/helpdesk.html',
        open: (ctx) => threadView(ctx, /ICT-helpdesk/, 'LindeConnect'),
      },
      {
        id: 'panel-thread-empty',
        app: 'panel',
        path: '/archief/nieuws-2009.html', // no seed writes here (the quarter's activity covers the demo's main pages)
        open: async (ctx) => {
          await threadView(ctx, /2009/);
          await ctx.panel.getByText(ctx.msg('noComments')).waitFor();
          return ctx.panel;
        },
      },
      {
        id: 'panel-thread-announcement',
        app: 'panel',
        path: '/hr/verlofregeling.html',
        open: (ctx) => threadView(ctx, /Verlofregeling/, 'ouderschapsverlof'),
      },
      {
        id: 'panel-thread-long',
        app: 'panel',
        path: '/en/welcome.html',
        open: async (ctx) => {
          await threadView(ctx, /./);
          await ctx.panel.locator('li.more').first().waitFor({ timeout: 30_000 });
          return ctx.panel;
        },
      },
      {
        // The reader's own states: a named comment (sent), an anonymous one waiting (5–60 s on
        // purpose), next to a comment a moderator hid.
        id: 'panel-thread-own',
        app: 'panel',
        path: '/index.html',
        open: async (ctx) => {
          const { panel } = ctx;
          await threadView(ctx, /Lindenet/, DELETED_BY_MODERATOR_REPLY);
          if ((await commentWith(panel, OWN_COMMENT).count()) === 0) {
            await panel.locator('#new-comment-text').fill(OWN_COMMENT);
            await panel.getByRole('button', { name: ctx.msg('post'), exact: true }).click();
            await commentWith(panel, OWN_COMMENT).waitFor();
            await commentWith(panel, OWN_COMMENT).locator('.state.pending').waitFor({ state: 'detached', timeout: 30_000 });
            await panel.locator('#new-comment-text').fill(OWN_ANONYMOUS);
            await panel.getByLabel(ctx.msg('postAnonymously')).check();
            await panel.getByRole('button', { name: ctx.msg('post'), exact: true }).click();
            await commentWith(panel, OWN_ANONYMOUS).locator('.state.pending').waitFor();
          }
          await panel.mouse.move(0, 0);
          await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
          return panel;
        },
      },
      {
        id: 'panel-people',
        app: 'panel',
        path: '/ict/helpdesk.html',
        open: async (ctx) => {
          const { panel } = ctx;
          await threadView(ctx, /ICT-helpdesk/);
          await panelView(ctx, 'viewPeople');
          await panel.locator('.page-experts .expert').first().waitFor({ timeout: 30_000 });
          await panel.getByLabel(ctx.msg('expertSearchLabel')).fill('vpn');
          await panel.getByRole('button', { name: ctx.msg('expertSearchButton'), exact: true }).click();
          await panel.locator('.expert-search .expert').first().waitFor({ timeout: 20_000 });
          return panel;
        },
      },
      {
        id: 'panel-person',
        app: 'panel',
        path: '/ict/helpdesk.html',
        open: async (ctx) => {
          const { panel } = ctx;
          await panelView(ctx, 'viewThread');
          await panelView(ctx, 'viewPeople');
          await panel.locator('.page-experts .person-name').first().click();
          await panel.getByRole('dialog').waitFor();
          return panel;
        },
      },
      {
        id: 'panel-profile',
        app: 'panel',
        path: '/ict/helpdesk.html',
        open: async (ctx) => {
          await panelView(ctx, 'viewProfile');
          await ctx.panel.locator('#profile-languages').waitFor({ timeout: 20_000 });
          return ctx.panel;
        },
      },
      {
        id: 'panel-timeline',
        app: 'panel',
        path: '/ict/helpdesk.html',
        open: async (ctx) => {
          await panelView(ctx, 'viewTimeline');
          await ctx.panel.locator('article.timeline-card').first().waitFor({ timeout: 45_000 });
          return ctx.panel;
        },
      },
      {
        // The bell's inbox, with a reply and a mention seeded for Anna (seedViews).
        id: 'panel-inbox',
        app: 'panel',
        path: '/ict/helpdesk.html',
        open: async (ctx) => {
          await threadView(ctx, /ICT-helpdesk/);
          await ctx.panel.locator('button.bell').click();
          await ctx.panel.locator('.inbox-items li').first().waitFor({ timeout: 30_000 });
          return ctx.panel;
        },
      },
      {
        id: 'console-roles',
        app: 'console',
        path: '/ict/helpdesk.html',
        open: (ctx) => consoleSection(ctx, '#roles', (page) => page.locator('.role-overview tr').nth(1).waitFor({ timeout: 20_000 })),
      },
      {
        id: 'console-sections',
        app: 'console',
        path: '/ict/helpdesk.html',
        open: (ctx) => consoleSection(ctx, '#sections', (page) => page.locator('.section-card').first().waitFor({ timeout: 20_000 })),
      },
      {
        id: 'console-groups',
        app: 'console',
        path: '/ict/helpdesk.html',
        open: (ctx) => consoleSection(ctx, '#groups', (page) => page.locator('.section-card').first().waitFor({ timeout: 20_000 })),
      },
      {
        id: 'console-pages',
        app: 'console',
        path: '/ict/helpdesk.html',
        open: (ctx) =>
          consoleSection(ctx, '#pages', (page) => page.getByRole('heading', { level: 1, name: ctx.msg('consoleNavPages') }).waitFor({ timeout: 20_000 })),
      },
      {
        id: 'console-insights',
        app: 'console',
        path: '/ict/helpdesk.html',
        open: (ctx) =>
          consoleSection(ctx, '#insights', async (page) => {
            await page.locator('.funnel-step').first().waitFor({ timeout: 60_000 });
            await page.locator('.insights-report.loading').waitFor({ state: 'detached', timeout: 60_000 });
          }),
      },
      {
        id: 'console-audit',
        app: 'console',
        path: '/ict/helpdesk.html',
        open: (ctx) => consoleSection(ctx, '#audit', (page) => page.locator('table.audit tbody tr').first().waitFor({ timeout: 20_000 })),
      },
    ],
  },
  {
    as: 'chantal', // communications lead who moderates everywhere: the moderation queue (seedDemo's reported and held posts)
    views: [
      {
        id: 'console-moderation',
        app: 'console',
        path: '/ict/helpdesk.html',
        open: (ctx) => consoleSection(ctx, '#moderation', (page) => page.locator('article.mod-item').first().waitFor({ timeout: 30_000 })),
      },
    ],
  },
  {
    as: 'eva', // community manager of ICT: open questions; the console is not for her
    views: [
      {
        id: 'panel-open-questions',
        app: 'panel',
        path: '/ict/helpdesk.html',
        open: async (ctx) => {
          await threadView(ctx, /ICT-helpdesk/);
          await panelView(ctx, 'viewQuestions');
          await ctx.panel.locator('.question-list li').first().waitFor({ timeout: 30_000 });
          return ctx.panel;
        },
      },
      {
        id: 'console-not-for-you',
        app: 'console',
        path: '/ict/helpdesk.html',
        open: async (ctx) => {
          const page = await ctx.console();
          await page.locator('main h1').first().waitFor({ timeout: 20_000 });
          return page;
        },
      },
    ],
  },
];

/** Two unread items in `uid`'s inbox, as the notification functions write them (lib/core/notifications/model.ts). */
async function seedInbox(uid: string, from: SeededEmployee): Promise<void> {
  const at = new Date();
  const page = {
    pageId: await pageIdFor(normalizeUrl(`${INTRANET}/ict/helpdesk.html`, BUILD_ORG_CONFIG.sites[0]!)),
    url: `${INTRANET}/ict/helpdesk.html`,
    title: 'ICT-helpdesk',
  };
  const item = (kind: 'reply' | 'mention', commentId: string, excerpt: string) => ({
    kind,
    ...page,
    commentId,
    actor: { uid: from.uid, name: from.displayName },
    excerpt,
    count: 1,
    createdAt: at,
    updatedAt: at,
    read: false,
  });
  await db.doc(paths.inboxItem(uid, 'reply_views1')).set(item('reply', 'views1', 'Dank je, dat werkt bij mij ook.'));
  await db.doc(paths.inboxItem(uid, 'mention_views2')).set(item('mention', 'views2', '@Anna weet jij of dit al in het nieuws stond?'));
}

/** Every view, in order. */
export const VIEWS: View[] = VIEW_GROUPS.flatMap((g) => g.views);

/**
 * The demo's data, as `npm run demo` seeds it (pilot and a quarter of activity), plus what some views
 * need: a 100-comment thread, a comment a moderator hid, and the insights rollup of today (open questions).
 */
export async function seedViews(): Promise<SeededEmployee[]> {
  const staff = await seedDemo({ pilot: true, quarter: true, moderation: true });
  await seedInbox(seededEmployee(staff, 'anna').uid, seededEmployee(staff, 'bram'));
  await seedThread(ROOT, '/en/welcome.html', 100, staff.filter((e) => e.key !== 'anna').slice(0, 6));
  // A comment a moderator hid, with the reply that keeps its place in the front page's thread.
  const url = normalizeUrl(`${INTRANET}/`, BUILD_ORG_CONFIG.sites[0]!);
  const pageId = await pageIdFor(url);
  const hiddenId = newCommentId();
  const at = new Date(Date.now() - 90 * 60_000);
  const author = seededEmployee(staff, 'farid');
  await putDoc(paths.comment(pageId, hiddenId), { ...namedCommentDoc({ pageId, parentId: null, text: '', author, at }), deleted: true, moderated: true });
  await putDoc(
    paths.comment(pageId, newCommentId()),
    namedCommentDoc({
      pageId,
      parentId: hiddenId,
      text: DELETED_BY_MODERATOR_REPLY,
      author: seededEmployee(staff, 'chantal'),
      at: new Date(at.getTime() + 20 * 60_000),
    }),
  );
  const today = dayOf(Date.now());
  await rollupDays(db, today, today);
  return staff;
}

/**
 * Walks `views` (all by default) in `lang`: one browser per group, each view opened in turn and
 * handed to `visit` with the page that shows it. Browsers are closed afterwards, also on failure.
 */
export async function walkViews(lang: Lang, visit: (view: View, page: Page) => Promise<void>, views: View[] = VIEWS): Promise<void> {
  const wanted = new Set(views);
  for (const group of VIEW_GROUPS) {
    const mine = group.views.filter((v) => wanted.has(v));
    if (mine.length === 0) continue;
    const eb = await launchWithExtension({ lang });
    try {
      const tab = await eb.context.newPage();
      await tab.goto(`${INTRANET}${mine[0]!.path}`);
      await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
      const panel = await openPanelPage(eb, await tabIdOf(eb, tab));
      await panel.setViewportSize(PANEL_VIEWPORT);
      let consolePage: Page | null = null;
      const ctx: ViewContext = {
        lang,
        eb,
        tab,
        panel,
        msg: (key, ...subs) => message(lang, key, ...subs),
        async console() {
          if (!consolePage) {
            consolePage = await eb.context.newPage();
            await consolePage.setViewportSize(CONSOLE_VIEWPORT);
            await consolePage.goto(`chrome-extension://${eb.extensionId}/console.html`);
          }
          await consolePage.bringToFront();
          return consolePage;
        },
      };
      let signedIn = false;
      for (const view of [...mine.filter((v) => v.signedOut), ...mine.filter((v) => !v.signedOut)]) {
        if (!view.signedOut && !signedIn) {
          await signInThroughPanel(panel, demoEmployee(group.as).email, DEMO_PASSWORD);
          signedIn = true;
        }
        if (tab.url() !== `${INTRANET}${view.path}`) {
          await tab.goto(`${INTRANET}${view.path}`);
          await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
        }
        if (view.app === 'panel') await panel.bringToFront();
        const page = await view.open(ctx);
        await visit(view, page);
      }
    } finally {
      await eb.close();
    }
  }
}
