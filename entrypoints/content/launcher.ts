// The in-page launcher: one button, fixed in the corner, inside a shadow root so the
// intranet's CSS can't restyle it. Plain DOM (no Preact) to keep
// the content script tiny. Fixed positioning takes no space in the page: no layout shift.
import { t } from '../../lib/i18n';
import type { PageCounts } from '../../lib/messages';

export interface Launcher {
  setCounts(counts: PageCounts | null): void;
  remove(): void;
}

const CSS = `
:host { all: initial; }
button {
  all: initial; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px;
  min-height: 40px; padding: 8px 14px; border-radius: 20px; cursor: pointer;
  font: 600 14px/1 system-ui, 'Segoe UI', Roboto, Arial, sans-serif; color: #fff; background: #0b5cad;
  box-shadow: 0 2px 8px rgba(0,0,0,.3);
}
button:hover { background: #084a8c; }
button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
svg { width: 18px; height: 18px; fill: currentColor; }
@media print { button { display: none; } }
`;

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';

export function mountLauncher(onOpen: () => void): Launcher {
  const host = document.createElement('prikbord-launcher');
  // Inline !important beats the page's own !important rules on the host element.
  host.setAttribute(
    'style',
    'all: initial !important; position: fixed !important; right: 16px !important; bottom: 16px !important; z-index: 2147483647 !important; display: block !important;',
  );
  // Open mode so tests can drive the button; nothing secret lives here (only the public count).
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const button = document.createElement('button');
  button.type = 'button';
  button.innerHTML = ICON; // a constant: no page or user data ever goes through innerHTML
  const label = document.createElement('span');
  button.append(label);
  button.addEventListener('click', onOpen);
  shadow.append(style, button);
  document.documentElement.append(host);

  const launcher: Launcher = {
    setCounts(counts) {
      const comments = counts?.comments ?? 0;
      const likes = counts?.likes ?? 0;
      // Visible: "3" or "3 · ♥ 5"; the accessible name says what the numbers are.
      label.textContent = comments || likes ? `${comments}${likes ? ` · ♥ ${likes}` : ''}` : t('launcherText');
      const name = likes ? t('launcherLabelLikes', comments, likes) : comments ? t('launcherLabel', comments) : t('launcherLabelNoCount');
      button.setAttribute('aria-label', name);
      button.title = name;
    },
    remove: () => host.remove(),
  };
  launcher.setCounts(null);
  return launcher;
}
