// The moderation screens rendered to HTML (no browser): a queue item as a moderator sees it (who
// wrote it — "Anonymous" for an anonymous post —, who is working on it, which decisions are offered)
// and the report dialog's reasons. Keyboard use and the round trip to the callable are proved end to
// end (tests/e2e/moderation.test.ts).
import { render } from 'preact-render-to-string';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConsoleContext, type ConsoleServices } from '../../components/console/console-services';
import { QueueItemCard } from '../../components/console/moderation/QueueItemCard';
import { ReportDialog } from '../../components/thread/ReportDialog';
import { queueItemFromDoc } from '../../lib/core/moderation/queue-codec';
import { useEnglishMessages } from '../helpers/english-i18n';

beforeEach(useEnglishMessages);

const services = { moderation: { moderate: async () => ({ ok: false as const, failure: 'failed' as const }) } } as unknown as ConsoleServices;
const NOW = 1_000_000;

const card = (data: Record<string, unknown>, me = 'uid-chantal') =>
  render(
    <ConsoleContext.Provider value={services}>
      <QueueItemCard
        item={queueItemFromDoc('p_c', {
          pageId: 'p',
          commentId: 'c',
          url: 'http://i/x.html',
          title: 'Feest',
          sectionKey: '_rest',
          latestAt: NOW - 60_000,
          ...data,
        })}
        me={me}
        now={NOW}
        sectionName="Rest of the intranet"
        onDecided={() => {}}
      />
    </ConsoleContext.Provider>,
  );

describe('a queue item', () => {
  it('a reported named comment: its writer, the reports by reason, keep and hide with the most reported reason', () => {
    const html = card({ excerpt: 'Rude words', authorName: 'Daan Visser', reasons: { attack: 2, spam: 1 }, reportCount: 3 });
    expect(html).toContain('Reported 3 times: personal attack × 2, spam × 1');
    expect(html).toContain('Written by <strong>Daan Visser</strong>');
    expect(html).toContain('>Keep (reviewed)<');
    expect(html).toContain('>Hide<');
    expect(html).toMatch(/<option selected value="attack">/);
    expect(html).toContain('>Claim<');
  });

  it('a held anonymous post: "Anonymous", approve or reject, and a claim by someone else disables them', () => {
    const html = card({
      excerpt: 'Mag het zonder alcohol?',
      anonymous: true,
      held: true,
      claim: { uid: 'uid-rachida', name: 'Rachida Bouzid', until: NOW + 60_000 },
    });
    expect(html).toContain('Held for approval (pre-moderation)');
    expect(html).toContain('Written by <strong>Anonymous</strong>');
    expect(html).toContain('Rachida Bouzid is working on this');
    expect(html).toMatch(/<button[^>]*disabled[^>]*>Approve</);
    expect(html).toMatch(/<button[^>]*disabled[^>]*>Reject</);
    expect(html).not.toContain('>Claim<');
  });

  it('one’s own claim offers Release; a lapsed claim is nobody’s; a hidden item offers Restore and its history', () => {
    expect(card({ claim: { uid: 'uid-chantal', name: 'Chantal Bakker', until: NOW + 60_000 } })).toContain('You are working on this');
    expect(card({ claim: { uid: 'uid-chantal', name: 'Chantal Bakker', until: NOW + 60_000 } })).toContain('>Release<');
    expect(card({ claim: { uid: 'uid-rachida', name: 'Rachida Bouzid', until: NOW - 1 } })).not.toContain('working on this');
    const hidden = card({
      status: 'hidden',
      history: [{ action: 'hide', by: { uid: 'uid-chantal', name: 'Chantal Bakker' }, at: NOW - 1000, reason: 'attack' }],
    });
    expect(hidden).toContain('>Restore<');
    expect(hidden).toContain('History (1)');
    expect(hidden).toContain('Hidden by Chantal Bakker');
  });
});

describe('the report dialog', () => {
  it('offers the five reasons as a labelled radio group, the text, and who sees the report', () => {
    const html = render(
      <ReportDialog commentId="c1" author="Daan Visser" excerpt="Rude words" known={false} send={async () => ({ ok: true })} onClose={() => {}} />,
    );
    expect(html).toContain('aria-labelledby="report-c1-title"');
    expect(html).toContain('<legend>What is wrong with it?</legend>');
    for (const reason of ['personal attack', 'private information', 'spam', 'off-topic', 'other']) expect(html).toContain(reason);
    expect(html).toContain('Only moderators see that you reported this. The writer does not.');
  });
});
