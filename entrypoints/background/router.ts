// The background's runtime.onMessage listener: a typed map from message type to handler, instead
// of one if-chain. Every message crosses a trust boundary (a content script runs in the intranet's
// tabs), so the router parses it (lib/any/messages.ts) and checks who sent it before any handler
// runs: each handler names the one kind of sender it accepts. Whatever is malformed, unknown to the
// background or from the wrong sender is dropped without an answer, leaving it to other listeners
// (the side panel also hears page:report).
//
// Handlers run synchronously inside the listener. That is what lets panel:open call
// chrome.sidePanel.open while Chrome still counts the user's click (entrypoints/background/side-panel.ts).
import { isFromContentScript, isFromExtensionPage, parseMessage, type Message, type Replies, type SenderInfo } from '../../lib/any/messages';

/** Every message type there is. */
export type MessageType = Message['type'];

/** The message of one type. */
export type MessageOf<K extends MessageType> = Extract<Message, { type: K }>;

/** Sends the answer to a message that has one (Replies); a message without an answer gets none. */
export type Respond<M extends Message> = (reply: M['type'] extends keyof Replies ? Replies[M['type']] : never) => void;

/** A content script's sender, checked: the tab it runs in and the frame that sent the message. */
export interface TabSender {
  tabId: number;
  frameId: number;
}

/**
 * What a handler returns: `'answers later'` when it will call `respond` after the listener has
 * returned (Chrome then keeps the channel open), nothing otherwise.
 */
export type HandlerResult = 'answers later' | void;

/** Handles one message type from the one kind of sender it accepts. */
export type Handler<M extends Message> =
  | { from: 'content script'; handle(message: M, sender: TabSender, respond: Respond<M>): HandlerResult }
  | { from: 'extension page'; handle(message: M, sender: SenderInfo, respond: Respond<M>): HandlerResult };

/** The background's handlers by message type; a type without one is dropped. */
export type HandlerMap = { [K in MessageType]?: Handler<MessageOf<K>> };

/** The shape of a runtime.onMessage listener (true: the answer comes asynchronously). */
export type MessageListener = (raw: unknown, sender: SenderInfo, sendResponse: (reply: unknown) => void) => boolean;

/** Builds the runtime.onMessage listener that dispatches to `handlers` (extensionId: chrome.runtime.id). */
export function messageRouter(extensionId: string, handlers: HandlerMap): MessageListener {
  return (raw, sender, sendResponse) => {
    const message = parseMessage(raw);
    if (!message) return false;
    // TypeScript cannot tie handlers[message.type] to message's own type; the map's type does.
    const handler = handlers[message.type] as Handler<Message> | undefined;
    if (!handler) return false;
    const respond: Respond<Message> = (reply) => sendResponse(reply);
    let result: HandlerResult;
    if (handler.from === 'content script') {
      if (!isFromContentScript(sender, extensionId)) return false;
      result = handler.handle(message, { tabId: sender.tab!.id!, frameId: sender.frameId! }, respond);
    } else {
      if (!isFromExtensionPage(sender, extensionId)) return false;
      result = handler.handle(message, sender, respond);
    }
    return result === 'answers later';
  };
}
