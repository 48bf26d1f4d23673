// components/timeline/TimelineView.tsx rendered to HTML: a card names its page and the latest
// comment's author, or says "anonymous"; the trending strip shows a count only where 5 named people
// took part; an empty timeline says whether it is empty or offline with nothing saved yet; on a tab
// that is no intranet page it says so above the timeline.
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { TimelineView, type TimelineViewProps } from '../../components/timeline/TimelineView';
import type { TimelineRow } from '../../lib/core/rows';
import { useEnglishMessages } from '../helpers/english-i18n';

beforeEach(useEnglishMessages);

const NOW = Date.UTC(2025, 4, 14, 12);

function row(pageId: string, overrides: Partial<TimelineRow> = {}): TimelineRow {
  return {
    pageId,
    url: `http://intranet/${pageId}.html`,
    title: `Pagina ${pageId}`,
    sectionKey: '_rest',
    latest: { commentId: 'c1', excerpt: 'Weet iemand hoe dit werkt?', anonymous: false, authorName: 'Bram Jansen', at: NOW - 60_000 },
    comments: 3,
    likes: 1,
    people: [{ uid: 'bram', name: 'Bram Jansen' }],
    openQuestion: true,
    leaderTakingPart: false,
    communityManagerTakingPart: false,
    recentCommentsAt: [NOW - 60_000],
    latestAt: NOW - 60_000,
    updatedAt: { seconds: 1, nanoseconds: 0 },
    ...overrides,
  };
}

const view = (rows: TimelineRow[] | undefined, overrides: Partial<TimelineViewProps> = {}) =>
  render(
    <TimelineView
      timeline={{ rows, complete: true, weekKnown: true, current: true, failed: false }}
      now={NOW}
      online={true}
      myDepartment={[]}
      directory={new Map()}
      onOpen={() => {}}
      {...overrides}
    />,
  );

describe('the timeline view', () => {
  it('a card: the page as a link, the latest comment, who wrote it, the counts and the flags', () => {
    const html = view([row('a')]);
    expect(html).toContain('<h1 id="timeline-title">What\'s happening on the intranet</h1>');
    expect(html).toMatch(/<h3 id="timeline-a"><a href="http:\/\/intranet\/a.html"[^>]*>Pagina a<\/a><\/h3>/);
    expect(html).toContain('Weet iemand hoe dit werkt?');
    expect(html).toContain('Latest by Bram Jansen');
    expect(html).toContain('3 comments · 1 like');
    expect(html).toContain('Open question');
  });

  it('renders the first 30 conversations and offers the rest behind "show more"', () => {
    const html = view(
      Array.from({ length: 45 }, (_, i) =>
        row(`p${i}`, { latest: { commentId: `c${i}`, excerpt: 'x', anonymous: false, authorName: 'Bram Jansen', at: NOW - i } }),
      ),
    );
    expect(html.match(/<article/g)?.length).toBe(30);
    expect(html).toContain('Show 15 more conversations');
  });

  it('an anonymous latest comment is shown as anonymous', () => {
    const html = view([row('a', { latest: { commentId: 'c2', excerpt: 'Geheim', anonymous: true, authorName: null, at: NOW }, people: [] })]);
    expect(html).toContain('Latest by anonymous');
    expect(html).not.toContain('Taking part');
  });

  it('trending: a count only where five named people took part', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((uid) => ({ uid, name: uid.toUpperCase() }));
    const html = view([row('many', { people: five, recentCommentsAt: [NOW - 1, NOW - 2] }), row('few')]);
    expect(html).toContain('Most discussed this week');
    expect(html).toContain('2 comments this week');
    expect(html.match(/comments this week/g)).toHaveLength(1);
  });

  it('empty: says so, and offline with nothing saved says that instead', () => {
    expect(view([])).toContain('Nothing is being discussed yet on the pages you can see.');
    expect(view([], { online: false })).toContain('You are offline and this browser has no timeline saved yet.');
    expect(view(undefined)).toContain('Loading what');
  });

  it('on a tab that is no intranet page: says so above the timeline', () => {
    const html = view([row('a')], { notIntranet: true });
    expect(html).toContain('Prikbord is not active on this page.');
    expect(html).toContain('Pagina a');
  });
});
