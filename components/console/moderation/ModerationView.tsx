// The console's Moderation section: one queue of reported and held posts across pages, for the
// sections this moderator moderates (lib/core/moderation/queue-view.ts moderationScope), live, so
// a colleague's claim or decision shows at once. Filters by status and section, newest or most
// reported first. Each item is a QueueItemCard; every decision goes through the callable
// `moderate`. An anonymous post's writer is never shown or known here: "Anonymous".
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/any/i18n';
import { queueSections, queueView, REST_SECTION, type QueueItemWithId, type QueueOrder, type StatusFilter } from '../../../lib/core/moderation/queue-view';
import type { QueueState } from '../../../lib/data/console/moderation';
import { useNow } from '../../hooks/use-clock';
import { useConsole } from '../console-services';
import { useRolloutState } from '../rollout/use-rollout';
import { QueueItemCard } from './QueueItemCard';
import './moderation.css';

export interface ModerationViewProps {
  scope: 'all' | string[];
  /** The signed-in moderator's uid (their own claim reads "You are working on this"). */
  me: string | null;
}

export function ModerationView({ scope, me }: ModerationViewProps) {
  const { watchQueue } = useConsole();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [section, setSection] = useState<string | null>(null);
  const [order, setOrder] = useState<QueueOrder>('newest');
  const [state, setState] = useState<QueueState>({ items: [], loaded: false, error: null });
  const [announcement, setAnnouncement] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const now = useNow(15_000);
  const rollout = useRolloutState();
  const scopeKey = scope === 'all' ? 'all' : scope.join();

  // "Open" reads the open items whole; "decided" and "all" read the most recently changed ones.
  const readStatus: StatusFilter = status === 'open' ? 'open' : 'all';
  useEffect(() => {
    setState({ items: [], loaded: false, error: null });
    return watchQueue(scope, readStatus, setState);
  }, [scopeKey, readStatus]);

  const shown = useMemo(() => queueView(state.items, { status, section }, order), [state.items, status, section, order]);
  const sections = useMemo(() => {
    const present = queueSections(state.items);
    const own = scope === 'all' ? [] : scope;
    return [...new Set([...own, ...present])];
  }, [state.items, scopeKey]);
  const sectionName = (key: string) => (key === REST_SECTION ? t('modSectionRest') : (rollout.rollout.sections[key]?.name ?? key));

  /** After a decision: say what happened; if the item left the list, focus goes to the next one (or the heading). */
  const decided = (item: QueueItemWithId, message: string) => {
    setAnnouncement(message);
    const index = shown.findIndex((i) => i.id === item.id);
    setTimeout(() => {
      const root = list.current;
      if (!root || root.querySelector(`[data-queue-id="${item.id}"]`)) return;
      const cards = root.querySelectorAll<HTMLElement>('article[data-queue-id]');
      (cards[Math.min(index, cards.length - 1)] ?? document.querySelector<HTMLElement>('main h1'))?.focus();
    }, 50);
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('modNav')}</h1>
      <p class="intro">{t('modIntro')}</p>
      <div class="filters mod-filters">
        <label for="mod-status">{t('modFilterStatus')}</label>
        <select id="mod-status" value={status} onChange={(event) => setStatus(event.currentTarget.value as StatusFilter)}>
          <option value="open">{t('modStatusFilter_open')}</option>
          <option value="decided">{t('modStatusFilter_decided')}</option>
          <option value="all">{t('modStatusFilter_all')}</option>
        </select>
        <label for="mod-section">{t('modFilterSection')}</label>
        <select id="mod-section" value={section ?? ''} onChange={(event) => setSection(event.currentTarget.value || null)}>
          <option value="">{t('modSectionAll')}</option>
          {sections.map((key) => (
            <option key={key} value={key}>
              {sectionName(key)}
            </option>
          ))}
        </select>
        <label for="mod-order">{t('modOrder')}</label>
        <select id="mod-order" value={order} onChange={(event) => setOrder(event.currentTarget.value as QueueOrder)}>
          <option value="newest">{t('modOrder_newest')}</option>
          <option value="mostReported">{t('modOrder_mostReported')}</option>
        </select>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {state.error ? (
        <p class="error" role="alert">
          {state.error === 'denied' ? t('modQueueDenied') : t('consoleProblemFailed')}
        </p>
      ) : !state.loaded ? (
        <p class="empty" aria-busy="true">
          {t('modQueueLoading')}
        </p>
      ) : shown.length === 0 ? (
        <p class="empty">{status === 'open' ? t('modQueueEmptyOpen') : t('modQueueEmpty')}</p>
      ) : (
        <>
          <p class="muted" aria-live="polite">
            {shown.length === 1 ? t('modQueueCountOne') : t('modQueueCount', shown.length)}
          </p>
          <ul class="mod-queue" ref={list}>
            {shown.map((item) => (
              <li key={item.id}>
                <QueueItemCard item={item} me={me} now={now} sectionName={sectionName(item.sectionKey)} onDecided={(message) => decided(item, message)} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
