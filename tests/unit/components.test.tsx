// Components rendered to HTML (no browser): what each shows for a given reader. The panel's
// behaviour in a real browser is covered end to end; these pin down the static promises.
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { Composer } from '../../components/Composer';
import { CommentItem } from '../../components/CommentItem';
import { ReaderContext, type Reader } from '../../components/reader-context';
import { PersonLookupContext } from '../../components/people-context';
import type { CommentRow } from '../../lib/schema';
import { SyncStatus, STUCK_MS } from '../../components/SyncStatus';
import { useEnglishMessages } from '../helpers/english-i18n';

beforeEach(useEnglishMessages);

const reader: Reader = { me: 'uid-anna', owned: new Set(), likes: new Map(), moderator: false, anonymousPosting: true, helpful: new Set() };
const ok = async () => ({ ok: true as const, text: 'x' });
/** Thread actions that do nothing: these tests only look at what is rendered. */
const actions = {
  post: ok,
  edit: ok,
  remove: async () => {},
  hide: async () => {},
  retry: async () => {},
  discard: async () => {},
  like: async () => {},
  dismissLikeRefusal: async () => {},
  likedBy: async () => [],
  markHelpful: async () => {},
};

function composer(readerOverrides: Partial<Reader>) {
  return render(
    <ReaderContext.Provider value={{ ...reader, ...readerOverrides }}>
      <Composer id="c" label="Label" submitLabel="Post" draftKey="k" offerAnonymous onSubmit={ok} />
    </ReaderContext.Provider>,
  );
}

const comment: CommentRow = {
  id: 'c1',
  pageId: 'p',
  parentId: null,
  text: 'Vraag zonder naam',
  authorUid: null,
  authorName: null,
  anonymous: true,
  likeCount: 3,
  moderated: false,
  createdAt: 0,
  updatedAt: 0,
  editedAt: null,
  deleted: false,
  syncState: 'synced',
};

describe('Composer: the anonymous choice', () => {
  it('offers it with the honest note on who can still see the author', () => {
    const html = composer({});
    expect(html).toMatch(/<input type="checkbox" id="c-anonymous" aria-describedby="c-anonymous-note"/);
    expect(html).toContain('Colleagues and communications staff cannot see who wrote this. Administrators of the Firebase project itself could.');
    expect(html).not.toMatch(/id="c-anonymous"[^>]*disabled/);
  });

  it('says so, and cannot be ticked, when the organisation switched it off', () => {
    const html = composer({ anonymousPosting: false });
    expect(html).toContain('Your organisation has switched anonymous posting off.');
    expect(html).toMatch(/id="c-anonymous"[^>]*disabled/);
  });
});

describe('CommentItem: an anonymous comment', () => {
  const item = (r: Partial<Reader>, row: Partial<CommentRow> = {}) =>
    render(
      <ReaderContext.Provider value={{ ...reader, ...r }}>
        <CommentItem comment={{ ...comment, ...row }} now={0} actions={actions} canReply />
      </ReaderContext.Provider>,
    );

  it('shows other readers no author, and offers them no edit or delete', () => {
    const html = item({});
    expect(html).toContain('>Anonymous<');
    expect(html).not.toContain('>Edit<');
    expect(html).not.toContain('>Delete<');
  });

  it('shows its author "you (anonymous)" with edit and delete', () => {
    const html = item({ owned: new Set(['c1']) });
    expect(html).toContain('>you (anonymous)<');
    expect(html).toContain('>Edit<');
    expect(html).toContain('>Delete<');
  });

  it('offers a moderator "hide", never edit', () => {
    const html = item({ moderator: true });
    expect(html).toContain('>Hide (moderator)<');
    expect(html).not.toContain('>Edit<');
  });

  it('shows the like count with the pressed state of the reader’s own like', () => {
    const liked = item({ likes: new Map([['c1', { key: 'p/c1_uid-anna', pageId: 'p', targetId: 'c1', uid: 'uid-anna', active: true, serverActive: false, syncState: 'pending' as const }]]) });
    expect(liked).toMatch(/aria-pressed="true"[^>]*>.*<span class="like-count">4<\/span>/s);
  });

  it('a refused like shows why, next to the button, and the count is the server’s again', () => {
    const refused = item({
      likes: new Map([['c1', { key: 'p/c1_uid-anna', pageId: 'p', targetId: 'c1', uid: 'uid-anna', active: false, serverActive: false, syncState: 'refused' as const, refusal: 'refusedByRules' }]]),
    });
    expect(refused).toContain('role="alert"');
    expect(refused).toContain('Your like was not saved and has been undone');
    expect(refused).toMatch(/aria-pressed="false"[^>]*>.*<span class="like-count">3<\/span>/s);
    expect(refused).toContain('>Dismiss<');
  });

  it('a hidden comment shows the moderator placeholder and nothing of its text', () => {
    const html = item({}, { deleted: true, moderated: true, text: '' });
    expect(html).toContain('This comment was hidden by a moderator.');
    expect(html).not.toContain('Vraag zonder naam');
  });
});

describe('CommentItem: a name opens the person card', () => {
  const daan = { uid: 'uid-daan', displayName: 'Daan Visser', departmentPath: ['ICT'], jobTitle: 'Netwerkbeheerder', location: '', languages: [], skills: ['VPN'], optOut: false, updatedAt: 0 };
  const lookup = (uid: string) => (uid === daan.uid ? daan : undefined);
  const render1 = (row: Partial<CommentRow>) =>
    render(
      <ReaderContext.Provider value={reader}>
        <PersonLookupContext.Provider value={lookup}>
          <CommentItem comment={{ ...comment, ...row }} now={0} actions={null} canReply={false} />
        </PersonLookupContext.Provider>
      </ReaderContext.Provider>,
    );

  it('makes a named author in the directory a button that opens their card', () => {
    const html = render1({ anonymous: false, authorUid: daan.uid, authorName: daan.displayName });
    expect(html).toMatch(/<button type="button" class="link person-link" aria-expanded="false">Daan Visser<\/button>/);
  });

  it('never does so for an anonymous comment', () => {
    expect(render1({})).not.toContain('person-link');
  });
});

describe('CommentItem: "this helped"', () => {
  const question: CommentRow = { ...comment, id: 'q1' };
  const reply: CommentRow = { ...comment, id: 'r1', parentId: 'q1', anonymous: false, authorUid: 'uid-daan', authorName: 'Daan Visser' };
  const show = (r: Partial<Reader>) =>
    render(
      <ReaderContext.Provider value={{ ...reader, ...r }}>
        <CommentItem comment={reply} parent={question} now={0} actions={actions} canReply={false} />
      </ReaderContext.Provider>,
    );

  it('is offered to the asker of an anonymous question on a reply by someone else', () => {
    expect(show({ owned: new Set(['q1']) })).toContain('>This helped<');
  });

  it('is not offered to anyone else', () => {
    expect(show({})).not.toContain('>This helped<');
  });

  it('shows every reader that the reply helped, once marked', () => {
    const html = show({ helpful: new Set(['r1']) });
    expect(html).toContain('This helped the asker');
    expect(show({ owned: new Set(['q1']), helpful: new Set(['r1']) })).not.toContain('>This helped<');
  });
});

describe('SyncStatus: says when changes wait, without nagging', () => {
  const now = 1_000_000;
  const fresh = { createdAt: now - 500, lastFailure: undefined };
  const status = (props: { online: boolean; queue: Array<{ createdAt: number; lastFailure?: string }> }) =>
    render(<SyncStatus {...props} now={now} onRetryNow={() => undefined} />);

  it('shows nothing while a change is on its normal way out (the comment itself is marked)', () => {
    expect(status({ online: true, queue: [fresh] })).toBe('');
    expect(status({ online: true, queue: [] })).toBe('');
  });

  it('offline: says so, and how many changes wait (singular and plural)', () => {
    expect(status({ online: false, queue: [fresh] })).toContain('Offline: 1 change waits');
    expect(status({ online: false, queue: [fresh, fresh, fresh] })).toContain('Offline: 3 changes wait');
  });

  it('server unreachable: says so, with a labelled "Try now" button', () => {
    const html = status({ online: true, queue: [{ ...fresh, lastFailure: 'unavailable' }, fresh] });
    expect(html).toContain('role="status"');
    expect(html).toContain("Can't reach Prikbord's server. 2 changes wait");
    expect(html).toMatch(/<button type="button"[^>]*>Try now<\/button>/);
  });

  it('a change stuck for longer than STUCK_MS is mentioned even without a failure', () => {
    expect(status({ online: true, queue: [{ createdAt: now - STUCK_MS - 1 }] })).toContain('1 change waiting to be sent');
  });
});
