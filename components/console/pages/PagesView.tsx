// The console's Pages section: the pages Prikbord has seen, most recent activity first, a search
// by title or address, and for the chosen page what comms can do with it (PageActions): add an old
// address (alias), merge it into another page, move it to a new address, pin an announcement.
// A leader sees the same list and may only pin announcements. Tab or the arrow keys move from the
// search into its results; choosing a page moves focus to its heading.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/any/i18n';
import { findPages, unfinishedMove, type PageListing } from '../../../lib/core/page-admin';
import type { PagesState } from '../../../lib/data/console/pages';
import { useConsole } from '../console-services';
import { PageActions } from './PageActions';
import { countsText, moveFocus } from './page-list';

export interface PagesViewProps {
  access: 'manage' | 'announce';
}

export function PagesView({ access }: PagesViewProps) {
  const { watchPages } = useConsole();
  const [state, setState] = useState<PagesState>({ pages: [], loaded: false, error: null });
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<{ pageId: string; n: number } | null>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => watchPages(setState), []);

  const found = useMemo(() => findPages(state.pages, query), [state.pages, query]);
  const byId = useMemo(() => new Map(state.pages.map((p) => [p.pageId, p])), [state.pages]);
  const page = selected ? byId.get(selected.pageId) : undefined;
  const arrows = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (moveFocus(list.current, document.activeElement, event.key === 'ArrowDown' ? 1 : -1)) event.preventDefault();
  };
  const select = (pageId: string) => setSelected((s) => ({ pageId, n: (s?.n ?? 0) + 1 }));

  return (
    <>
      <h1 tabIndex={-1}>{t('consoleNavPages')}</h1>
      <p class="intro">{access === 'manage' ? t('consolePagesIntro') : t('consolePagesIntroLeader')}</p>
      <div class="roles-layout">
        <section class="card" aria-labelledby="pages-list-title">
          <h2 id="pages-list-title">{t('consolePagesFind')}</h2>
          <label for="page-search-field">{t('consolePagesSearchLabel')}</label>
          <input
            id="page-search-field"
            type="search"
            autocomplete="off"
            spellcheck={false}
            aria-describedby="page-search-hint"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={arrows}
          />
          <p id="page-search-hint" class="hint">
            {t('consolePagesSearchHint', state.pages.length)}
          </p>
          <p class="visually-hidden" role="status">
            {query.trim() === '' ? '' : found.length === 0 ? t('consolePagesNone', query.trim()) : t('consoleSearchCount', found.length)}
          </p>
          {state.error ? (
            <p class="error" role="alert">
              {state.error === 'denied' ? t('consolePagesDenied') : t('consolePagesFailed')}
            </p>
          ) : !state.loaded ? (
            <p class="empty" aria-busy="true">
              {t('consoleLoading')}
            </p>
          ) : state.pages.length === 0 ? (
            <p class="empty">{t('consolePagesEmpty')}</p>
          ) : found.length === 0 ? (
            <p class="empty">{t('consolePagesNone', query.trim())}</p>
          ) : (
            <ul class="search-results page-results" ref={list} aria-label={t('consolePagesResults')} onKeyDown={arrows}>
              {found.map((p) => (
                <li key={p.pageId}>
                  <PageButton page={p} target={p.aliasOf ? byId.get(p.aliasOf) : undefined} pressed={p.pageId === selected?.pageId} onSelect={select} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby={page ? 'page-actions-title' : 'page-actions-empty-title'}>
          {page ? (
            <PageActions key={page.pageId} focusToken={selected!.n} page={page} pages={state.pages} access={access} onSelect={select} />
          ) : (
            <>
              <h2 id="page-actions-empty-title">{t('consolePagesChooseTitle')}</h2>
              <p class="empty">{t('consolePagesChoose')}</p>
            </>
          )}
        </section>
      </div>
    </>
  );
}

function PageButton({ page, target, pressed, onSelect }: { page: PageListing; target?: PageListing; pressed: boolean; onSelect(pageId: string): void }) {
  return (
    <button type="button" class="result" aria-pressed={pressed} onClick={() => onSelect(page.pageId)}>
      <span class="name">{page.title || page.url}</span>
      <span class="meta url">{page.url}</span>
      <span class="roles">
        {page.aliasOf
          ? unfinishedMove(page)
            ? t('consolePagesUnfinished')
            : t('consolePagesAliasOf', target?.title || page.aliasUrl || page.aliasOf)
          : countsText(page)}
        {page.announcement ? (
          <>
            <br />
            {t('consolePagesHasAnnouncement')}
          </>
        ) : null}
      </span>
    </button>
  );
}
