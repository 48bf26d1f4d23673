// The in-page launcher: one button (and a small "move" button), fixed in a corner, inside a
// shadow root so the intranet's CSS can't restyle it. Plain DOM (no Preact) to keep the content
// script tiny. Fixed positioning takes no space in the page: no layout shift.
//
// Corners: the person's own choice (the move button, remembered per intranet origin) wins;
// otherwise the first corner where the launcher covers none of the page's own controls (old
// intranets put help buttons and chat widgets in the bottom-right corner too).
import { browser } from 'wxt/browser';
import { t } from '../../lib/any/i18n';
import type { PageCounts } from '../../lib/any/messages';

export interface Launcher {
  setCounts(counts: PageCounts | null): void;
  /**
   * Signed out: the launcher says what Prikbord is and offers one action, signing in (the panel
   * opens on its sign-in). No counts then: only members may read them.
   */
  setSignedIn(signedIn: boolean): void;
  remove(): void;
}

export const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type Corner = (typeof CORNERS)[number];

const CSS = `
:host { all: initial; }
div { display: inline-flex; align-items: center; gap: 4px; }
button {
  all: initial; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px;
  min-height: 40px; padding: 8px 14px; border-radius: 20px; cursor: pointer;
  font: 600 14px/1 system-ui, 'Segoe UI', Roboto, Arial, sans-serif; color: #fff; background: #0b5cad;
  box-shadow: 0 2px 8px rgba(0,0,0,.3);
}
button.move { min-height: 28px; padding: 4px 8px; border-radius: 14px; font-size: 13px; background: #40536a; }
button:hover { background: #084a8c; }
button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
p { all: initial; max-width: 16em; padding: 6px 10px; border-radius: 8px; font: 13px/1.3 system-ui, 'Segoe UI', Roboto, Arial, sans-serif; color: #1b2733; background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
p[hidden] { display: none; }
svg { width: 18px; height: 18px; fill: currentColor; }
@media print { button, p { display: none; } }
`;

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
const INTERACTIVE = 'a[href], button, input, select, textarea, label, summary, [onclick], [role="button"], [role="link"], [tabindex]';
const storageKey = () => `launcherCorner:${location.origin}`;

function hostStyle(corner: Corner, visible: boolean): string {
  const [vertical, horizontal] = corner.split('-');
  // Inline !important beats the page's own !important rules on the host element. Hidden while its
  // corner is being chosen, so trying corners never shows as a layout shift.
  return `all: initial !important; position: fixed !important; ${vertical}: 16px !important; ${horizontal}: 16px !important; z-index: 2147483647 !important; display: block !important; visibility: ${visible ? 'visible' : 'hidden'} !important;`;
}

/** Whether, where it stands now, the launcher hides one of the page's own controls. */
function coversPageControl(host: HTMLElement): boolean {
  const r = host.getBoundingClientRect();
  const points: Array<[number, number]> = [
    [r.left + 2, r.top + 2],
    [r.right - 2, r.top + 2],
    [r.left + 2, r.bottom - 2],
    [r.right - 2, r.bottom - 2],
    [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
  ];
  return points.some(([x, y]) => document.elementsFromPoint(x, y).some((el) => el !== host && el.closest(INTERACTIVE) !== null));
}

export function mountLauncher(onOpen: () => void): Launcher {
  const host = document.createElement('prikbord-launcher');
  // Open mode so tests can drive the buttons; nothing secret lives here (only the public counts).
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const row = document.createElement('div');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'open';
  button.innerHTML = ICON; // a constant: no page or user data ever goes through innerHTML
  const label = document.createElement('span');
  button.append(label);
  // What Prikbord is, beside the sign-in action: shown to a signed-out person only.
  const about = document.createElement('p');
  about.id = 'about';
  about.textContent = t('launcherAbout');
  about.hidden = true;
  button.addEventListener('click', onOpen);
  const move = document.createElement('button');
  move.type = 'button';
  move.className = 'move';
  move.textContent = '⇆';
  move.setAttribute('aria-label', t('launcherMove'));
  move.title = t('launcherMove');
  row.append(about, button, move);
  shadow.append(style, row);

  let corner: Corner = 'bottom-right';
  let visible = false;
  const place = (next: Corner) => {
    corner = next;
    host.setAttribute('style', hostStyle(corner, visible));
    host.dataset.corner = corner;
  };
  const show = (at: Corner) => {
    visible = true;
    place(at);
  };
  place(corner);
  document.documentElement.append(host);

  move.addEventListener('click', () => {
    place(CORNERS[(CORNERS.indexOf(corner) + 1) % CORNERS.length]!);
    void browser.storage.local.set({ [storageKey()]: corner });
    move.focus();
  });

  void browser.storage.local.get(storageKey()).then((stored) => {
    const chosen = stored[storageKey()] as Corner | undefined;
    if (chosen && CORNERS.includes(chosen)) return show(chosen);
    // No choice made: the first corner that leaves the page's controls free (else stay put).
    const free = CORNERS.find((candidate) => (place(candidate), !coversPageControl(host)));
    show(free ?? 'bottom-right');
  });

  let counts: PageCounts | null = null;
  let signedIn = true;
  const render = () => {
    about.hidden = signedIn;
    if (signedIn) button.removeAttribute('aria-describedby');
    else button.setAttribute('aria-describedby', about.id);
    const comments = counts?.comments ?? 0;
    const likes = counts?.likes ?? 0;
    // Visible: "3" or "3 · ♥ 5"; the accessible name says what the numbers are.
    label.textContent = !signedIn ? t('signInTitle') : comments || likes ? `${comments}${likes ? ` · ♥ ${likes}` : ''}` : t('launcherText');
    // The name keeps the visible words (WCAG "label in name") and says whose button it is.
    const name = !signedIn
      ? t('launcherSignInLabel')
      : likes
        ? t('launcherLabelLikes', comments, likes)
        : comments
          ? t('launcherLabel', comments)
          : t('launcherLabelNoCount');
    button.setAttribute('aria-label', name);
    button.title = name;
  };
  render();
  return {
    setCounts(next) {
      counts = next;
      render();
    },
    setSignedIn(next) {
      signedIn = next;
      render();
    },
    remove: () => host.remove(),
  };
}
