// Components rendered to HTML (no browser): what each shows for a given reader. The panel's
// behaviour in a real browser is covered end to end; these pin down the static promises.
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { Composer } from '../../components/thread/Composer';
import { CommentItem } from '../../components/thread/CommentItem';
import { ProfileEditor } from '../../components/profile/ProfileEditor';
import { Thread } from '../../components/thread/Thread';
import { buildThread } from '../../lib/core/comment-tree';
import { CHUNK, HEAD, TAIL } from '../../lib/core/thread-window';
import { ReaderContext, type Reader } from '../../components/thread/reader-context';
import { PersonLookupContext } from '../../components/people/people-context';
import { SyncStatus, STUCK_MS } from '../../components/common/SyncStatus';
import { useEnglishMessages } from '../helpers/english-i18n';
import nl from '../../public/_locales/nl/messages.json';
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
const ok = async () => ({ ok: true as const, text: 'x' });
/** Thread actions that do nothing: these tests only look at what is rendered. */
const actions = {
  post: ok,
  edit: ok,
  remove: async () => {},
  report: async () => ({ ok: true as const }),
  checkReported: async () => false,
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

  it('tells beforehand when posts here wait for a moderator', () => {
    expect(composer({ premoderation: 'all' })).toContain('Posts here are checked by a moderator before others see them.');
    expect(composer({ premoderation: 'anonymous' })).toContain('Anonymous posts here are checked by a moderator');
    expect(composer({})).not.toContain('checked by a moderator');
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

  it('wears the one neutral anonymous mark: no initials, no colour of its own, for others and its author alike', () => {
    const mark = '<span class="avatar anonymous" aria-hidden="true"><svg';
    for (const html of [item({}), item({ owned: new Set(['c1']) })]) {
      expect(html).toContain(mark);
      expect(html).not.toMatch(/class="avatar[^"]*" style=/);
    }
    // A named comment's avatar is the author's initials on their colour.
    expect(item({}, { anonymous: false, authorUid: 'uid-anna', authorName: 'Anna de Vries' })).toMatch(
      /<span class="avatar" style="background: ?#[0-9a-f]{6};?" aria-hidden="true">AV<\/span>/,
    );
  });

  it('shows its author "you (anonymous)" with edit and delete', () => {
    const html = item({ owned: new Set(['c1']) });
    expect(html).toContain('>you (anonymous)<');
    expect(html).toContain('>Edit<');
    expect(html).toContain('>Delete<');
  });

  it('offers "Report" on someone else’s comment (a moderator too: hiding is the console queue’s), never edit', () => {
    const html = item({ moderator: true });
    expect(html).toContain('>Report<');
    expect(html).not.toContain('>Hide (moderator)<');
    expect(html).not.toContain('>Edit<');
  });

  it('shows a comment hidden by moderation with its reason, and a held post to its author as waiting', () => {
    expect(item({}, { deleted: true, moderated: true, text: '', moderationReason: 'attack' })).toContain('Hidden by moderation: personal attack');
    expect(item({}, { deleted: true, moderated: true, text: '' })).toContain('This comment was hidden by a moderator.');
    const held = item({ owned: new Set(['c1']) }, { held: true });
    expect(held).toContain('Waiting for a moderator');
    expect(held).not.toContain('>Edit<');
    expect(held).not.toContain('>Reply<');
    const rejected = item({ owned: new Set(['c1']) }, { held: true, notApproved: true });
    expect(rejected).toContain('Not approved by a moderator: only you see it');
    expect(rejected).toContain('>Remove<');
  });

  it('shows "You reported this" instead of "Report" once reported, and no "Report" on one’s own comment', () => {
    expect(item({ reported: new Set(['c1']) })).toContain('>You reported this<');
    expect(item({ reported: new Set(['c1']) })).not.toContain('>Report<');
    expect(item({ owned: new Set(['c1']) })).not.toContain('>Report<');
  });

  it('shows the like count with the pressed state of the reader’s own like', () => {
    const liked = item({
      likes: new Map([
        ['c1', { key: 'p/c1_uid-anna', pageId: 'p', targetId: 'c1', uid: 'uid-anna', active: true, serverActive: false, syncState: 'pending' as const }],
      ]),
    });
    expect(liked).toMatch(/aria-pressed="true"[^>]*>.*<span class="like-count" aria-hidden="true">4<\/span>/s);
  });

  it('a refused like shows why, next to the button, and the count is the server’s again', () => {
    const refused = item({
      likes: new Map([
        [
          'c1',
          {
            key: 'p/c1_uid-anna',
            pageId: 'p',
            targetId: 'c1',
            uid: 'uid-anna',
            active: false,
            serverActive: false,
            syncState: 'refused' as const,
            refusal: 'refusedByRules',
          },
        ],
      ]),
    });
    expect(refused).toContain('role="alert"');
    expect(refused).toContain('Your like was not saved and has been undone');
    expect(refused).toMatch(/aria-pressed="false"[^>]*>.*<span class="like-count" aria-hidden="true">3<\/span>/s);
    expect(refused).toContain('>Dismiss<');
  });

  it('a hidden comment shows the moderator placeholder and nothing of its text', () => {
    const html = item({}, { deleted: true, moderated: true, text: '' });
    expect(html).toContain('This comment was hidden by a moderator.');
    expect(html).not.toContain('Vraag zonder naam');
  });
});

describe('CommentItem: a name opens the person card', () => {
  const daan = {
    uid: 'uid-daan',
    displayName: 'Daan Visser',
    departmentPath: ['ICT'],
    jobTitle: 'Netwerkbeheerder',
    location: '',
    languages: [],
    skills: ['VPN'],
    optOut: false,
    updatedAt: 0,
  };
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

  it('is never offered on one’s own anonymous reply, even to one’s own question (it would sign the reply)', () => {
    const ownAnonymousReply: CommentRow = { ...comment, id: 'r2', parentId: 'q1' };
    const html = (r: Partial<Reader>) =>
      render(
        <ReaderContext.Provider value={{ ...reader, ...r }}>
          <CommentItem comment={ownAnonymousReply} parent={question} now={0} actions={actions} canReply={false} />
        </ReaderContext.Provider>,
      );
    expect(html({ owned: new Set(['q1', 'r2']) })).not.toContain('>This helped<');
    // The same reply by someone else: offered to the (anonymous) asker.
    expect(html({ owned: new Set(['q1']) })).toContain('>This helped<');
  });
});

describe('CommentItem: no per-person trace on one’s own anonymous comment', () => {
  const item = (r: Partial<Reader>, row: Partial<CommentRow> = {}) =>
    render(
      <ReaderContext.Provider value={{ ...reader, ...r }}>
        <CommentItem comment={{ ...comment, ...row }} now={0} actions={actions} canReply />
      </ReaderContext.Provider>,
    );

  it('offers its author no like button, only the count', () => {
    const html = item({ owned: new Set(['c1']) });
    expect(html).not.toContain('aria-pressed');
    expect(html).toContain("3 likes (your anonymous comment: you can't like it yourself)");
    // Who liked it stays visible to its author: reading leaves no trace.
    expect(html).toContain('>Who liked this?<');
  });

  it('offers everyone else the like button on it', () => {
    const html = item({});
    expect(html).toMatch(/<button type="button" class="like " aria-pressed="false"/);
    expect(html).not.toContain('your anonymous comment');
  });

  it('offers its author the like button on their named comments (a named like signs nothing new)', () => {
    expect(item({}, { anonymous: false, authorUid: 'uid-anna', authorName: 'Anna de Vries' })).toContain('aria-pressed="false"');
  });

  it('lets its author take back a like from before (removing the trace)', () => {
    const html = item({
      owned: new Set(['c1']),
      likes: new Map([
        ['c1', { key: 'p/c1_uid-anna', pageId: 'p', targetId: 'c1', uid: 'uid-anna', active: true, serverActive: true, syncState: 'synced' as const }],
      ]),
    });
    expect(html).toContain('aria-pressed="true"');
  });

  it('tells its author, while it waits, that it goes out at a random moment', () => {
    const html = item({ owned: new Set(['c1']) }, { syncState: 'pending' });
    expect(html).toContain('within a minute, at a random moment');
    expect(item({}, { syncState: 'pending', anonymous: false, authorUid: 'uid-anna', authorName: 'A' })).toContain('Waiting to be sent<');
  });

  it('shows the translated reason when posting it was refused for its rate or because anonymity was switched off', () => {
    const owned = { owned: new Set(['c1']) };
    expect(item(owned, { syncState: 'refused', refusal: 'refusedRateLimited' })).toContain("You're posting quickly");
    expect(item(owned, { syncState: 'refused', refusal: 'refusedAnonymousOff' })).toContain('switched anonymous posting off');
  });
});

describe('ProfileEditor: the directory’s fields are read-only', () => {
  const person = {
    uid: 'uid-anna',
    displayName: 'Anna de Vries',
    departmentPath: ['Bestuur en staf', 'Communicatie'],
    jobTitle: 'Communicatieadviseur',
    location: 'Stadhuis',
    languages: ['nl', 'en'],
    skills: ['intranet'],
    optOut: false,
    updatedAt: 0,
  };
  const html = () => render(<ProfileEditor person={person} onSave={async () => undefined} />);

  it('shows job title, location and department as text, with the note where they come from', () => {
    const out = html();
    expect(out).not.toMatch(/<input[^>]*id="profile-job"/);
    expect(out).not.toMatch(/<input[^>]*id="profile-location"/);
    expect(out).toContain('<dd id="profile-job">Communicatieadviseur</dd>');
    expect(out).toContain('<dd id="profile-location">Stadhuis</dd>');
    expect(out).toContain('Bestuur en staf › Communicatie');
    expect(out).toContain("From the organisation's directory");
  });

  it('keeps languages, skills and the opt-out editable', () => {
    const out = html();
    expect(out).toMatch(/<input id="profile-languages"/);
    expect(out).toMatch(/<textarea id="profile-skills"/);
    expect(out).toMatch(/<input type="checkbox"/);
  });

  it('has the note in Dutch too', () => {
    expect(nl.profileFromDirectory.message).toContain('personeelsbestand');
  });

  const edit = { languages: ['nl'], skills: ['kernfusie'], optOut: true };
  const previous = { languages: person.languages, skills: person.skills, optOut: false };

  it('a change the server does not have yet shows as pending, and the form holds it', () => {
    const out = render(<ProfileEditor person={person} change={{ fields: edit, previous, refusal: null }} onSave={async () => undefined} />);
    expect(out).toContain('id="profile-pending"');
    expect(out).toContain('Saved on this device');
    expect(out).toContain('kernfusie');
  });

  it('a refused change is said so, translated, with the edit kept in the form and a way to undo it', () => {
    const out = render(
      <ProfileEditor
        person={person}
        change={{ fields: edit, previous, refusal: 'refusedByRules' }}
        onSave={async () => undefined}
        onUndo={async () => undefined}
      />,
    );
    expect(out).toContain('role="alert"');
    expect(out).toContain('did not accept this profile change');
    expect(out).toContain('kernfusie');
    expect(out).toMatch(/<button type="button"[^>]*>Undo my change<\/button>/);
    expect(out).not.toContain('id="profile-pending"');
  });
});

describe('SyncStatus: says when changes wait, without nagging', () => {
  const now = 1_000_000;
  const fresh = { createdAt: now - 500, lastFailure: undefined };
  const status = (props: { online: boolean; queue: Array<{ createdAt: number; lastFailure?: string; notBefore?: number }> }) =>
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

  it('an anonymous change held back on purpose is not "waiting" until its moment has come and gone', () => {
    const held = { createdAt: now - STUCK_MS - 20_000, notBefore: now + 30_000 };
    expect(status({ online: true, queue: [held] })).toBe('');
    expect(status({ online: true, queue: [{ ...held, notBefore: now - STUCK_MS - 1 }] })).toContain('1 change waiting to be sent');
  });
});

describe('Thread: a long discussion', () => {
  const rows = (n: number, extra: (i: number) => Partial<CommentRow> = () => ({})): CommentRow[] =>
    Array.from({ length: n }, (_, i) => ({
      ...comment,
      id: `c${String(i).padStart(4, '0')}`,
      anonymous: false,
      authorUid: 'uid-bram',
      authorName: 'Bram',
      text: `Reactie ${i}`,
      createdAt: 1000 + i,
      ...extra(i),
    }));
  const show = (list: CommentRow[], focusId?: string) =>
    render(
      <ReaderContext.Provider value={reader}>
        <Thread nodes={buildThread(list)} now={5000} actions={actions} focusId={focusId} />
      </ReaderContext.Provider>,
    );
  const articles = (html: string) => html.match(/<article /g)?.length ?? 0;

  it('renders a short thread whole, with no "show more" button', () => {
    const html = show(rows(12));
    expect(articles(html)).toBe(12);
    expect(html).not.toContain('more comment');
  });

  it('renders the oldest and newest threads of 1,000 comments, and a labelled button for the rest', () => {
    const html = show(rows(1000));
    expect(articles(html)).toBe(HEAD + TAIL);
    expect(html).toContain('>Reactie 0<');
    expect(html).toContain('>Reactie 999<');
    expect(html).not.toContain('>Reactie 500<');
    // A real button (keyboard-reachable), its label saying how many it shows, the rest described.
    const first = `c${String(HEAD).padStart(4, '0')}`;
    expect(html).toContain(`<button type="button" class="secondary" aria-describedby="more-${first}-rest">Show ${CHUNK} more comments</button>`);
    expect(html).toContain(`<span id="more-${first}-rest" class="muted"> (${1000 - HEAD - TAIL} comments not shown yet)</span>`);
  });

  it('keeps replies under their parent', () => {
    const list = rows(100);
    list.push({ ...list[3]!, id: 'r1', parentId: 'c0003', text: 'Antwoord op 3', createdAt: 9000 });
    expect(show(list)).toMatch(/>Reactie 3<.*<ol class="replies">.*>Antwoord op 3</s);
  });

  it('shows my own unsent comment wherever it sorts', () => {
    const list = rows(1000, (i) => (i === 500 ? { authorUid: 'uid-anna', authorName: 'Anna', syncState: 'pending' } : {}));
    const html = show(list);
    expect(html).toContain('>Reactie 500<');
    expect(articles(html)).toBe(HEAD + TAIL + 1);
  });

  it('shows a linked comment in the middle, with a reply as the link', () => {
    const list = rows(1000);
    list.push({ ...list[700]!, id: 'r700', parentId: 'c0700', text: 'Het antwoord', createdAt: 9000 });
    const html = show(list, 'r700');
    expect(html).toContain('>Reactie 700<');
    expect(html).toContain('>Het antwoord<');
    expect(html.match(/more comments<\/button>/g)).toHaveLength(2);
  });

  it('says it in Dutch too', () => {
    expect(nl.showMoreComments.message).toBe('Nog $P1$ reacties tonen');
    expect(nl.commentsNotShown.message).toContain('nog niet getoond');
  });
});
