// A page's discussion: comments oldest first, each with its replies and a reply box on demand.
import { useContext, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { ThreadNode } from '../lib/comment-tree';
import { CommentItem, type ThreadActions } from './CommentItem';
import { Composer } from './Composer';
import { draftKey } from './drafts-context';
import { authorLabel, isMine, ReaderContext } from './reader-context';

export interface ThreadProps {
  nodes: ThreadNode[];
  now: number;
  actions: ThreadActions | null;
}

export function Thread({ nodes, now, actions }: ThreadProps) {
  const reader = useContext(ReaderContext);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);

  if (nodes.length === 0) return <p class="empty">{t('noComments')}</p>;

  return (
    <ol class="thread" aria-label={t('threadLabel')}>
      {nodes.map(({ comment, replies }) => (
        <li key={comment.id}>
          <CommentItem
            comment={comment}
            now={now}
            actions={actions}
            canReply={!comment.deleted}
            onReply={() => setReplyingTo(comment.id)}
          />
          {(replies.length > 0 || replyingTo === comment.id) && (
            <ol class="replies">
              {replies.map((reply) => (
                <li key={reply.id}>
                  <CommentItem comment={reply} now={now} actions={actions} canReply={false} parent={comment} />
                </li>
              ))}
              {replyingTo === comment.id && actions && (
                <li>
                  <Composer
                    id={`reply-${comment.id}`}
                    label={t('replyLabel', authorLabel(comment, isMine(reader, comment)))}
                    submitLabel={t('reply')}
                    draftKey={draftKey({ pageId: comment.pageId, parentId: comment.id })}
                    offerAnonymous
                    autoFocus
                    onCancel={() => setReplyingTo(null)}
                    onSubmit={async (text, options) => {
                      const result = await actions.post(comment.id, text, options);
                      if (result.ok) setReplyingTo(null);
                      return result;
                    }}
                  />
                </li>
              )}
            </ol>
          )}
        </li>
      ))}
    </ol>
  );
}
