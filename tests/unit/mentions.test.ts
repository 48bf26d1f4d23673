// @mentions in the composer (lib/core/mentions.ts): when a mention is being typed, who is offered, what is inserted.
import { describe, expect, it } from 'vitest';
import { activeMention, insertMention, mentionCandidates } from '../../lib/core/mentions';

const people = [{ displayName: 'Daan Visser' }, { displayName: 'Anna de Vries' }, { displayName: 'Farid El Amrani' }, { displayName: 'Ilse Meijer' }];

describe('a mention being typed', () => {
  it('starts at an @ at the start or after a space', () => {
    expect(activeMention('@da', 3)).toEqual({ start: 0, query: 'da' });
    expect(activeMention('Vraag het @da', 13)).toEqual({ start: 10, query: 'da' });
    expect(activeMention('Vraag het @', 11)).toEqual({ start: 10, query: '' });
  });

  it('is not an email address or finished text', () => {
    expect(activeMention('mail anna@lindeveen', 19)).toBeNull();
    expect(activeMention('@Anna de Vries zei dat het kon', 30)).toBeNull();
    expect(activeMention('geen mention', 12)).toBeNull();
  });
});

describe('who is offered', () => {
  it('matches the start of any name word, ignoring case and accents, full-name starts first', () => {
    expect(mentionCandidates(people, 'v').map((p) => p.displayName)).toEqual(['Anna de Vries', 'Daan Visser']);
    expect(mentionCandidates(people, 'da').map((p) => p.displayName)).toEqual(['Daan Visser']);
    expect(mentionCandidates(people, 'ÍLSE').map((p) => p.displayName)).toEqual(['Ilse Meijer']);
  });

  it('offers at most the limit', () => {
    expect(mentionCandidates(people, '', 2)).toHaveLength(2);
  });
});

describe('what is inserted', () => {
  it('replaces the typed mention by "@Full Name " and puts the caret after it', () => {
    const text = 'Vraag het @da morgen';
    expect(insertMention(text, { start: 10, query: 'da' }, 13, 'Daan Visser')).toEqual({ text: 'Vraag het @Daan Visser  morgen', caret: 23 });
  });
});
