// One page in the console's Pages section: its announcement (comms, administrators and leaders) and
// its identity (comms and administrators): an old address that shows this thread (alias), merging
// it into another page, moving it to a new address, and undoing an alias. Everything that moves or
// redirects a thread is confirmed first; the result — or why nothing changed — is announced in a
// live region and focused; "Cancel" returns focus to the button that asked.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../../lib/any/i18n';
import {
  ANNOUNCEMENT_MAX,
  announcementText,
  findPages,
  PageChangeError,
  unfinishedMove,
  type ChangePageRequest,
  type ChangePageResponse,
  type PageListing,
} from '../../../lib/core/page-admin';
import { intranetUrl, type PageChangeFailure } from '../../../lib/data/console/pages';
import { useServices } from '../../app/services';
import { useConsole } from '../console-services';
import { countsText, moveFocus } from './page-list';

export interface PageActionsProps {
  page: PageListing;
  /** Every listed page: to pick the one to merge into, and to name an alias's page. */
  pages: PageListing[];
  access: 'manage' | 'announce';
  /** Changes with every choice of this page: focus comes to its heading. */
  focusToken: number;
  onSelect(pageId: string): void;
}

const PROBLEM_MESSAGES: Record<PageChangeFailure, MessageKey> = {
  'invalid-request': 'consoleProblemFailed',
  'invalid-url': 'consolePagesProblemUrl',
  'not-allowed': 'consolePagesProblemNotAllowed',
  'unknown-page': 'consolePagesProblemUnknown',
  'same-page': 'consolePagesProblemSame',
  'would-loop': 'consolePagesProblemLoop',
  'target-is-alias': 'consolePagesProblemTargetAlias',
  'has-activity': 'consolePagesProblemHasActivity',
  'page-is-alias': 'consolePagesProblemPageAlias',
  'text-empty': 'consolePagesProblemTextEmpty',
  'text-too-long': 'consolePagesProblemTextLong',
  offline: 'consoleProblemOffline',
  'signed-out': 'consoleProblemSignedOut',
  failed: 'consoleProblemFailed',
};

interface Pending {
  request: ChangePageRequest;
  /** The question asked before it is sent. */
  question: string;
  danger: boolean;
  opener: HTMLElement | null;
}

const nameOf = (page: Pick<PageListing, 'title' | 'url'> | undefined, fallback = '') => page?.title || page?.url || fallback;

export function PageActions({ page, pages, access, focusToken, onSelect }: PageActionsProps) {
  const { pages: api } = useConsole();
  const { config } = useServices();
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const mergeList = useRef<HTMLUListElement>(null);
  const [text, setText] = useState(page.announcement?.text ?? '');
  const [aliasInput, setAliasInput] = useState('');
  const [moveInput, setMoveInput] = useState('');
  const [mergeQuery, setMergeQuery] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const manage = access === 'manage';
  const target = page.aliasOf ? pages.find((p) => p.pageId === page.aliasOf) : undefined;

  useEffect(() => heading.current?.focus(), [focusToken]);
  useEffect(() => {
    if (pending) confirmButton.current?.focus();
  }, [pending]);

  const candidates = useMemo(
    () =>
      mergeQuery.trim() === ''
        ? []
        : findPages(pages, mergeQuery)
            .filter((p) => p.pageId !== page.pageId && p.aliasOf === null)
            .slice(0, 8),
    [pages, mergeQuery, page.pageId],
  );

  const say = (ok: boolean, words: string) => {
    setMessage({ ok, text: words });
    setTimeout(() => result.current?.focus(), 0);
  };
  const refuse = (problem: PageChangeFailure) => say(false, `${t(PROBLEM_MESSAGES[problem])} ${t('consolePagesNothingChanged')}`);

  const send = async (request: ChangePageRequest) => {
    setBusy(true);
    try {
      const outcome = await api.change(request);
      setPending(null);
      if (!outcome.ok) return refuse(outcome.problem);
      say(true, doneText(request, outcome.result, page, pages));
      if (request.action === 'alias') setAliasInput('');
      if (request.action === 'move') setMoveInput('');
      if (request.action === 'merge') setMergeQuery('');
    } finally {
      setBusy(false);
    }
  };

  const ask = (event: Event, request: ChangePageRequest, question: string, danger = false) => {
    setMessage(null);
    setPending({ request, question, danger, opener: (event.currentTarget as HTMLElement | null) ?? null });
  };
  const cancel = () => {
    const opener = pending?.opener;
    setPending(null);
    setTimeout(() => opener?.focus(), 0);
  };

  const announce = (event: Event) => {
    event.preventDefault();
    try {
      void send({ action: 'announce', pageId: page.pageId, text: announcementText(text) });
    } catch (error) {
      if (error instanceof PageChangeError) refuse(error.code);
      else throw error;
    }
  };
  const addAlias = (event: Event) => {
    event.preventDefault();
    const url = intranetUrl(aliasInput, config.sites);
    if (!url) return refuse('invalid-url');
    ask(event, { action: 'alias', pageId: page.pageId, url }, t('consolePagesConfirmAlias', url, nameOf(page)));
  };
  const move = (event: Event) => {
    event.preventDefault();
    const url = intranetUrl(moveInput, config.sites);
    if (!url) return refuse('invalid-url');
    ask(event, { action: 'move', pageId: page.pageId, url }, t('consolePagesConfirmMove', nameOf(page), url, page.commentCount, page.likeCount), true);
  };
  const arrows = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (moveFocus(mergeList.current, document.activeElement, event.key === 'ArrowDown' ? 1 : -1)) event.preventDefault();
  };
  const length = [...text.trim()].length;

  return (
    <div class="page-actions">
      <h2 id="page-actions-title" ref={heading} tabIndex={-1}>
        {nameOf(page, page.pageId)}
      </h2>
      <p class="meta url">{page.url}</p>
      <p class="meta">{countsText(page)}</p>

      {page.aliasOf ? (
        <div class="alias-state">
          <p>{t('consolePagesIsAlias', nameOf(target, page.aliasUrl ?? page.aliasOf))}</p>
          {manage ? (
            <div class="actions">
              {target ? (
                <button type="button" class="secondary" onClick={() => onSelect(target.pageId)}>
                  {t('consolePagesOpenTarget')}
                </button>
              ) : null}
              {unfinishedMove(page) ? (
                <button
                  type="button"
                  onClick={(event) =>
                    ask(
                      event,
                      { action: 'merge', pageId: page.pageId, into: page.aliasOf! },
                      t('consolePagesConfirmFinish', nameOf(page), nameOf(target, page.aliasOf!)),
                    )
                  }
                >
                  {t('consolePagesFinish')}
                </button>
              ) : null}
              <button
                type="button"
                class="secondary"
                onClick={(event) =>
                  ask(event, { action: 'unalias', pageId: page.pageId }, t('consolePagesConfirmUnalias', page.url, nameOf(target, page.aliasOf!)), true)
                }
              >
                {t('consolePagesUnalias')}
              </button>
            </div>
          ) : null}
        </div>
      ) : (
        <>
          <form class="page-form" onSubmit={announce}>
            <h3>{t('consolePagesAnnouncementTitle')}</h3>
            <label for="page-announcement">{t('consolePagesAnnouncementLabel')}</label>
            <textarea
              id="page-announcement"
              rows={3}
              aria-describedby="page-announcement-hint"
              aria-invalid={length > ANNOUNCEMENT_MAX}
              value={text}
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <p id="page-announcement-hint" class={length > ANNOUNCEMENT_MAX ? 'hint error' : 'hint'}>
              {t('consolePagesAnnouncementHint', length, ANNOUNCEMENT_MAX)}
            </p>
            <div class="actions">
              <button type="submit" disabled={busy}>
                {page.announcement ? t('consolePagesAnnouncementUpdate') : t('consolePagesAnnouncementPin')}
              </button>
              {page.announcement ? (
                <button
                  type="button"
                  class="secondary"
                  disabled={busy}
                  onClick={() => {
                    setText('');
                    void send({ action: 'unannounce', pageId: page.pageId });
                  }}
                >
                  {t('consolePagesAnnouncementRemove')}
                </button>
              ) : null}
            </div>
          </form>

          {manage ? (
            <>
              <form class="page-form" onSubmit={addAlias}>
                <h3>{t('consolePagesAliasTitle')}</h3>
                <label for="page-alias-url">{t('consolePagesAliasLabel')}</label>
                <input
                  id="page-alias-url"
                  type="url"
                  autocomplete="off"
                  spellcheck={false}
                  aria-describedby="page-alias-hint"
                  value={aliasInput}
                  onInput={(event) => setAliasInput(event.currentTarget.value)}
                />
                <p id="page-alias-hint" class="hint">
                  {t('consolePagesAliasHint')}
                </p>
                <button type="submit" disabled={busy || aliasInput.trim() === ''}>
                  {t('consolePagesAliasButton')}
                </button>
              </form>

              <div class="page-form">
                <h3>{t('consolePagesMergeTitle')}</h3>
                <label for="page-merge-search">{t('consolePagesMergeLabel')}</label>
                <input
                  id="page-merge-search"
                  type="search"
                  autocomplete="off"
                  spellcheck={false}
                  aria-describedby="page-merge-hint"
                  value={mergeQuery}
                  onInput={(event) => setMergeQuery(event.currentTarget.value)}
                  onKeyDown={arrows}
                />
                <p id="page-merge-hint" class="hint">
                  {t('consolePagesMergeHint')}
                </p>
                {mergeQuery.trim() !== '' && candidates.length === 0 ? <p class="empty">{t('consolePagesNone', mergeQuery.trim())}</p> : null}
                {candidates.length > 0 ? (
                  <ul class="search-results" ref={mergeList} aria-label={t('consolePagesMergeResults')} onKeyDown={arrows}>
                    {candidates.map((other) => (
                      <li key={other.pageId}>
                        <button
                          type="button"
                          class="result"
                          onClick={(event) =>
                            ask(
                              event,
                              { action: 'merge', pageId: page.pageId, into: other.pageId },
                              t('consolePagesConfirmMerge', nameOf(page), nameOf(other), page.commentCount, page.likeCount),
                              true,
                            )
                          }
                        >
                          <span class="name">{nameOf(other)}</span>
                          <span class="meta url">{other.url}</span>
                          <span class="roles">{countsText(other)}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>

              <form class="page-form" onSubmit={move}>
                <h3>{t('consolePagesMoveTitle')}</h3>
                <label for="page-move-url">{t('consolePagesMoveLabel')}</label>
                <input
                  id="page-move-url"
                  type="url"
                  autocomplete="off"
                  spellcheck={false}
                  aria-describedby="page-move-hint"
                  value={moveInput}
                  onInput={(event) => setMoveInput(event.currentTarget.value)}
                />
                <p id="page-move-hint" class="hint">
                  {t('consolePagesMoveHint')}
                </p>
                <button type="submit" disabled={busy || moveInput.trim() === ''}>
                  {t('consolePagesMoveButton')}
                </button>
              </form>
            </>
          ) : null}
        </>
      )}

      {pending ? (
        <div class="confirm-change" role="group" aria-labelledby="confirm-page-text">
          <p id="confirm-page-text">{pending.question}</p>
          <div class="actions">
            <button type="button" ref={confirmButton} class={pending.danger ? 'danger' : ''} disabled={busy} onClick={() => void send(pending.request)}>
              {busy ? t('consoleSaving') : t('consolePagesConfirmYes')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={cancel}>
              {t('consoleCancel')}
            </button>
          </div>
        </div>
      ) : null}

      <p ref={result} tabIndex={-1} role="status" class={message ? (message.ok ? 'change-result ok' : 'change-result error') : 'change-result'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}

/** The sentence after a change. */
function doneText(request: ChangePageRequest, result: ChangePageResponse, page: PageListing, pages: PageListing[]): string {
  if (!result.changed) return t('consolePagesNoChange');
  const other = nameOf(
    pages.find((p) => p.pageId === result.pageId),
    request.action === 'move' || request.action === 'alias' ? request.url : result.pageId,
  );
  switch (request.action) {
    case 'announce':
      return t('consolePagesDoneAnnounce', nameOf(page));
    case 'unannounce':
      return t('consolePagesDoneUnannounce', nameOf(page));
    case 'alias':
      return t('consolePagesDoneAlias', request.url, nameOf(page));
    case 'unalias':
      return t('consolePagesDoneUnalias', page.url);
    case 'merge':
    case 'move':
      return t('consolePagesDoneMerge', result.moved.comments, result.moved.likes, request.action === 'move' ? request.url : other);
  }
}
