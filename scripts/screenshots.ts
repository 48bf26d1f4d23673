// npm run screenshots: every view of the side panel and the console (tests/e2e/views.ts, the list the
// accessibility audit walks too) in Dutch and English, light and dark, as
// docs/screenshots/<view>-<lang>-<theme>.png, so a change in how Prikbord looks shows up in a diff.
// Runs inside the emulators (package.json: builds the extension, then scripts/with-emulators.sh) and
// seeds the demo afresh for each language, so both show the same state. `-- panel-thread console-audit`
// takes only those views, `-- --lang=en` only that language.
import { mkdirSync } from 'node:fs';
import { serveIntranet } from '../tests/e2e/setup';
import { LANGS, seedViews, THEMES, VIEWS, walkViews } from '../tests/e2e/views';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const langArg = process.argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
const langs = langArg ? LANGS.filter((l) => l === langArg) : LANGS;
const views = only.length > 0 ? VIEWS.filter((v) => only.includes(v.id)) : VIEWS;
if (views.length === 0) throw new Error(`no such view: ${only.join(', ')}; views: ${VIEWS.map((v) => v.id).join(', ')}`);

mkdirSync(OUT, { recursive: true });
const intranet = await serveIntranet();
const written: string[] = [];
try {
  for (const lang of langs) {
    console.log(`Seeding the demo for ${lang}…`);
    await seedViews();
    await walkViews(
      lang,
      async (view, page) => {
        for (const theme of THEMES) {
          await page.emulateMedia({ colorScheme: theme });
          // No caret or hover left over from getting here; and threads and timeline cards off screen
          // painted (the panel skips painting them, content-visibility: auto, which a full-page
          // screenshot would show blank).
          await page.mouse.move(0, 0);
          await page.evaluate(() => {
            document.querySelectorAll<HTMLElement>('.thread > li, .timeline-card').forEach((el) => (el.style.contentVisibility = 'visible'));
            // A full-page capture is as wide as the window less its scrollbar, laid out without one.
            document.documentElement.style.scrollbarWidth = 'none';
            (document.activeElement as HTMLElement | null)?.blur();
          });
          const file = `${view.id}-${lang}-${theme}.png`;
          await page.screenshot({ path: `${OUT}${file}`, fullPage: true, animations: 'disabled', caret: 'hide' });
          written.push(file);
          console.log(`  ${file}`);
        }
        await page.emulateMedia({ colorScheme: null });
      },
      views,
    );
  }
} finally {
  await intranet.close();
}
console.log(`${written.length} screenshots in docs/screenshots/`);
process.exit(0);
