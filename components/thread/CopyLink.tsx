// "Copy link" on a comment: the intranet page's URL pointing at it (lib/any/comment-link.ts), for a
// colleague with or without the extension (without it the link simply opens the page).
import { createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { t } from '../../lib/any/i18n';
import { commentLink } from '../../lib/any/comment-link';
import { Icon } from '../ui/Icon';

/** The URL of the page whose thread is shown; null: no links offered. */
export const PageUrlContext = createContext<string | null>(null);

export function CopyLink({ commentId, label }: { commentId: string; label: string }) {
  const url = useContext(PageUrlContext);
  const [copied, setCopied] = useState(false);
  if (!url) return null;
  return (
    <>
      <button
        type="button"
        class="ghost"
        aria-label={label}
        onClick={() =>
          void navigator.clipboard.writeText(commentLink(url, commentId)).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          })
        }
      >
        <Icon name="link" />
        {t('copyCommentLink')}
      </button>
      <span role="status" class="muted">
        {copied ? t('copiedCommentLink') : ''}
      </span>
    </>
  );
}
