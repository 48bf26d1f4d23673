// A leaver's named comments stay, labelled: the author line says "former colleague" when the
// directory row (from their profile, active: false after the import) says they have left.
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { CommentItem } from '../../components/thread/CommentItem';
import { ReaderContext, type Reader } from '../../components/thread/reader-context';
import { PersonLookupContext } from '../../components/people/people-context';
import { personFromDoc } from '../../lib/core/codecs';
import { useEnglishMessages } from '../helpers/english-i18n';
import type { CommentRow } from '../../lib/core/rows';

beforeEach(useEnglishMessages);

const reader: Reader = {
  me: 'uid-anna',
  owned: new Set(),
  likes: new Map(),
  moderator: false,
  anonymousPosting: true,
  helpful: new Set(),
  canComment: true,
  canLike: true,
  ambassadors: new Set<string>(),
  communityManager: false,
  reported: new Set<string>(),
  premoderation: 'off',
};
const byBram: CommentRow = {
  id: 'c1',
  pageId: 'p',
  parentId: null,
  text: 'Open het paneel via de knop rechtsonder.',
  authorUid: 'uid-bram',
  authorName: 'Bram Jansen',
  anonymous: false,
  likeCount: 0,
  moderated: false,
  createdAt: 0,
  updatedAt: 0,
  editedAt: null,
  deleted: false,
  syncState: 'synced',
};

function authorLine(profile: Record<string, unknown>) {
  const bram = personFromDoc('uid-bram', { displayName: 'Bram Jansen', ...profile });
  const html = render(
    <ReaderContext.Provider value={reader}>
      <PersonLookupContext.Provider value={(uid) => (uid === bram.uid ? bram : undefined)}>
        <CommentItem comment={byBram} now={0} actions={null} canReply={false} />
      </PersonLookupContext.Provider>
    </ReaderContext.Provider>,
  );
  return html.match(/<header>.*?<\/header>/s)![0];
}

describe('a former colleague’s comment', () => {
  it('keeps their name and text, and says they are a former colleague', () => {
    const line = authorLine({ active: false });
    expect(line).toContain('Bram Jansen');
    expect(line).toContain('<span class="former-colleague">(former colleague)</span>');
  });

  it('says nothing of the kind for a colleague who is still here, or a profile from before the directory', () => {
    expect(authorLine({ active: true })).not.toContain('former colleague');
    expect(authorLine({})).not.toContain('former colleague');
  });
});
