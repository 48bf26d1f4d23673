// Which comments ask something, and hierarchy bands and leaders.
import { describe, expect, it } from 'vitest';
import { isQuestion } from '../../lib/core/insights/questions';
import { bandOf, isLeader } from '../../lib/core/insights/levels';

describe('isQuestion', () => {
  it('sees a question mark anywhere', () => {
    expect(isQuestion('Het formulier, waar staat dat eigenlijk? Ik zoek al lang')).toBe(true);
  });
  it('sees a full-width question mark', () => {
    expect(isQuestion('Klopt dit？')).toBe(true);
  });
  it('sees a Dutch question word at the start without a mark', () => {
    expect(isQuestion('Hoe vraag ik verlof aan')).toBe(true);
    expect(isQuestion('Wanneer gaat de kantine weer open')).toBe(true);
  });
  it('sees Dutch and English question phrases', () => {
    expect(isQuestion('Kan ik thuiswerken op vrijdag')).toBe(true);
    expect(isQuestion('Mag ik mijn hond meenemen')).toBe(true);
    expect(isQuestion('Can I book a room for tomorrow')).toBe(true);
    expect(isQuestion('how do I reset my password')).toBe(true);
  });
  it('sees a question word at the start of a later line', () => {
    expect(isQuestion('Goed stuk.\nWaar vind ik de bijlage')).toBe(true);
  });
  it('needs the question word whole: "Watervallen" does not ask', () => {
    expect(isQuestion('Watervallen zijn mooi')).toBe(false);
    expect(isQuestion('Whoever wrote this, thanks')).toBe(false);
  });
  it('does not take an exclamation or a statement that opens with a question word for a question', () => {
    expect(isQuestion('Wat een mooie dag!')).toBe(false);
    expect(isQuestion('Wanneer je verlof aanvraagt, krijg je een mail.')).toBe(false);
  });
  it('does not take a plain statement for a question', () => {
    expect(isQuestion('Dank voor de uitleg, het is gelukt.')).toBe(false);
    expect(isQuestion('Is gelukt')).toBe(false);
    expect(isQuestion('')).toBe(false);
  });
});

describe('bandOf', () => {
  it('puts levels 1 and 2 in management', () => {
    expect([bandOf(1), bandOf(2)]).toEqual(['management', 'management']);
  });
  it('puts level 3 in middle management', () => {
    expect(bandOf(3)).toBe('middle');
  });
  it('puts level 4 and deeper in staff', () => {
    expect([bandOf(4), bandOf(9)]).toEqual(['staff', 'staff']);
  });
  it('knows no band for an unknown or impossible level', () => {
    expect([bandOf(null), bandOf(0), bandOf(-1), bandOf(2.5)]).toEqual([null, null, null, null]);
  });
});

describe('isLeader', () => {
  it('is someone with the leader role, at any level', () => {
    expect(isLeader({ leader: true, level: 5 })).toBe(true);
  });
  it('is someone in the management band', () => {
    expect(isLeader({ leader: false, level: 2 })).toBe(true);
  });
  it('is not middle management or staff without the role, nor an unknown level', () => {
    expect([isLeader({ leader: false, level: 3 }), isLeader({ leader: false, level: 4 }), isLeader({ leader: false, level: null })]).toEqual([
      false,
      false,
      false,
    ]);
  });
});
