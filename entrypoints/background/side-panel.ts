// Opening the side panel: the toolbar button opens it for the current tab (Chrome does that
// itself once told to), and the launcher in the page asks for it with panel:open.
//
// Chrome opens a side panel only in answer to a user gesture, and a message listener keeps the
// gesture of the click that sent the message only until its first await. So the panel:open
// handler calls sidePanel.open synchronously: the router runs handlers inside the listener
// (entrypoints/background/router.ts), and nothing here may be awaited before the call.
import type { HandlerMap } from './router';

/** The side panel calls used here (chrome.sidePanel satisfies it). */
export interface SidePanelApi {
  open(options: { tabId: number }): Promise<void>;
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

/** Lets the toolbar button open the panel for the current tab. */
export function openPanelOnActionClick(sidePanel: SidePanelApi): void {
  void sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(console.error);
}

/** panel:open from the launcher: opens the panel in the sender's tab, synchronously. */
export function panelHandlers(sidePanel: SidePanelApi): Pick<HandlerMap, 'panel:open'> {
  return {
    'panel:open': {
      from: 'content script',
      handle(_message, { tabId }) {
        // Before any await: after one, Chrome no longer counts this as the user's click.
        sidePanel.open({ tabId }).catch(console.error);
      },
    },
  };
}
