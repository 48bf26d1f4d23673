// The like button of the page or of one comment, its count, "who liked this?" on demand, and the
// notice when the server refused a like (which has then been rolled back).
import { useContext, useState } from 'preact/hooks';
import { t } from '../../lib/any/i18n';
import { shownLikeCount } from '../../lib/core/likes';
import { ReaderContext } from './reader-context';
import type { LikeTarget } from '../../lib/core/rows';
import { Icon } from '../ui/Icon';

/** What the like control needs from the app. */
export interface LikeActions {
  like(targetId: LikeTarget, active: boolean): Promise<void>;
  dismissLikeRefusal(targetId: LikeTarget): Promise<void>;
  /** Names of the people whose like of the target is on (one server query, not kept). */
  likedBy(targetId: LikeTarget): Promise<string[]>;
}

export interface LikeControlProps {
  targetId: LikeTarget;
  /** The count from the server's page or comment document. */
  serverCount: number;
  /** Accessible name of the button, given the count shown. */
  label(count: number): string;
  /** Null when the reader cannot like (no profile): the count shows, the button is disabled. */
  actions: LikeActions | null;
  /**
   * The reader's own anonymous comment: no like button, only the count. A like names its liker,
   * so liking one's own anonymous post would sign it (the rules refuse it too). A like from
   * before stays undoable.
   */
  ownAnonymous?: boolean;
}

type Names = { state: 'closed' } | { state: 'loading' } | { state: 'shown'; names: string[] } | { state: 'failed'; reason: string };

export function LikeControl({ targetId, serverCount, label, actions, ownAnonymous = false }: LikeControlProps) {
  const reader = useContext(ReaderContext);
  const mine = reader.likes.get(targetId);
  const active = mine?.active ?? false;
  const count = shownLikeCount(serverCount, mine);
  const [names, setNames] = useState<Names>({ state: 'closed' });
  const listId = `liked-by-${targetId}`;

  const toggleNames = () => {
    if (!actions || names.state !== 'closed') {
      setNames({ state: 'closed' });
      return;
    }
    setNames({ state: 'loading' });
    actions.likedBy(targetId).then(
      (list) => setNames({ state: 'shown', names: list }),
      (error: unknown) => setNames({ state: 'failed', reason: String((error as { code?: string }).code ?? error) }),
    );
  };

  return (
    <div class="likes">
      {ownAnonymous && !active ? (
        <span class="like static">
          <Icon name="heart" /> {t('likesOnOwnAnonymous', count)}
        </span>
      ) : (
        <button
          type="button"
          class={`like ${active ? 'on' : ''}`}
          aria-pressed={active}
          aria-label={label(count)}
          disabled={!actions}
          onClick={() => void actions?.like(targetId, !active)}
        >
          <Icon name="heart" filled={active} />
          {t('like')}
        </button>
      )}
      {/* The count beside the button, not in it: the button's name says it already, and a name that
          holds what the button shows keeps voice control working (WCAG 2.5.3, label in name). */}
      {count > 0 && !(ownAnonymous && !active) && (
        <span class="like-count" aria-hidden="true">
          {count}
        </span>
      )}
      {count > 0 && actions && (
        <button type="button" class="link" aria-expanded={names.state !== 'closed'} aria-controls={listId} onClick={toggleNames}>
          {names.state === 'closed' ? t('likedByShow') : t('likedByHide')}
        </button>
      )}
      {names.state !== 'closed' && (
        <div id={listId} class="liked-by" aria-live="polite">
          {names.state === 'loading' && <p>{t('likedByLoading')}</p>}
          {names.state === 'failed' && <p class="error">{t('likedByError', names.reason)}</p>}
          {names.state === 'shown' &&
            (names.names.length === 0 ? (
              <p>{t('likedByNone')}</p>
            ) : (
              <p>
                <span class="label">{t('likedByTitle')}:</span> {names.names.join(', ')}
              </p>
            ))}
        </div>
      )}
      {mine?.syncState === 'refused' && actions && (
        <div class="refusal" role="alert">
          <p>{t('likeRefused')}</p>
          <button type="button" class="secondary" onClick={() => void actions.dismissLikeRefusal(targetId)}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
