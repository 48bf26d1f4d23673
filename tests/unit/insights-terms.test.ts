// A comment's terms for insights topics (lib/core/insights/terms.ts): Dutch or English, stop words and
// chatter out, stems that merge a word's forms, and two-word phrases only of words that stand together.
import { describe, expect, it } from 'vitest';
import { languageOf, termsOf } from '../../lib/core/insights/terms';

describe('language', () => {
  it.each([
    'Hoe vraag ik verlof aan voor de zomer?',
    'Waar vind ik de printer?',
    'Weet iemand of de kantine morgen open is?',
    'Goed idee',
    'VPN werkt niet',
    'Dank je',
    'Mooi artikel, dank!',
    // No clue at all: Dutch, these are Dutch intranets.
    'Top!',
    'Printer kapot',
  ])('Dutch: %s', (text) => {
    expect(languageOf(text)).toBe('nl');
    expect(termsOf(text).lang).toBe('nl');
  });

  it.each([
    'How do I request leave for the summer?',
    'Where is the printer?',
    'The new expense policy applies from the first of March onwards.',
    'Great idea',
    'VPN does not work',
    'Thanks a lot',
    'Nice article',
  ])('English: %s', (text) => {
    expect(languageOf(text)).toBe('en');
    expect(termsOf(text).lang).toBe('en');
  });

  it('goes by the words around a mention or a link, not by them', () => {
    expect(languageOf('@Anna de Vries where is the report? https://intranet.example.nl/verslagen/de-notulen-van-het-overleg')).toBe('en');
  });
});

describe('terms', () => {
  it('leaves out stop words, intranet chatter, short words and numbers', () => {
    const { terms } = termsOf('Hallo allemaal, bedankt voor de pagina! Ik heb in 2024 een vraag over de nieuwe parkeerregeling.');
    expect(terms).toContain('parkeerregel');
    for (const gone of ['hallo', 'allemaal', 'bedankt', 'pagina', 'ik', 'heb', '2024', 'een', 'vraag', 'over', 'de']) expect(terms).not.toContain(gone);
  });

  it('leaves out English stop words and chatter', () => {
    const { terms } = termsOf("Thanks! I don't know where the expense reports are, could anyone please help?");
    expect(terms).toEqual(expect.arrayContaining(['expens', 'report', 'help', 'expens report']));
    for (const gone of ['thank', 'thanks', 'don', "don't", 'know', 'where', 'anyone', 'please', 'could']) expect(terms).not.toContain(gone);
  });

  it('merges the forms of a word the stemmer merges, and shows one as written', () => {
    const a = termsOf('Verlof aanvragen');
    const b = termsOf('De aanvraag van verlof');
    expect(a.terms).toContain('aanvrag');
    expect(b.terms).toContain('aanvrag');
    expect(a.forms['aanvrag']).toBe('aanvragen');
    expect(b.forms['aanvrag']).toBe('aanvraag');
    expect(termsOf('Vergaderingen en de vergadering').terms).toEqual(['vergader']);
    expect(termsOf('Meeting rooms and meetings').terms).toEqual(['meet', 'room', 'meet room']);
  });

  it('keeps each term once, with the form written most', () => {
    const { terms, forms } = termsOf('Roosters, rooster, roosters.');
    expect(terms).toEqual(['rooster']);
    expect(forms['rooster']).toBe('roosters');
  });

  it('forms a phrase of adjacent words only, shown as the two words written', () => {
    const { terms, forms } = termsOf('Verlof aanvragen kan via het portaal');
    expect(terms).toContain('verlof aanvrag');
    expect(forms['verlof aanvrag']).toBe('verlof aanvragen');
    // "via" and "het" are stop words: "aanvragen … portaal" is no phrase.
    expect(terms).not.toContain('aanvrag portal');
    expect(terms.filter((t) => t.includes(' '))).toEqual(['verlof aanvrag']);
  });

  it('forms no phrase across a stop word, a sentence end or a comma; a hyphen joins', () => {
    expect(termsOf('verlof en vakantie').terms).toEqual(['verlof', 'vakantie']);
    expect(termsOf('Verlof. Vakantie!').terms).toEqual(['verlof', 'vakantie']);
    expect(termsOf('printer, scanner').terms).toEqual(['printer', 'scanner']);
    expect(termsOf('De VPN-verbinding').terms).toEqual(['vpn', 'verbind', 'vpn verbind']);
  });

  it('drops mentions ("@Full Name"), links and e-mail addresses, and breaks a phrase where they stood', () => {
    const { terms } = termsOf(
      '@Anna van der Berg weet jij hoe declaraties werken? Zie https://intranet.example.nl/hr/onkostenvergoeding of mail hr@example.nl',
    );
    expect(terms).toEqual(['declaraties', 'werk', 'mail', 'declaraties werk']);
    expect(termsOf('@jan.jansen rooster').terms).toEqual(['rooster']);
    expect(termsOf('rooster www.example.nl/x planning').terms).toEqual(['rooster', 'planning']);
  });

  it('matches stop words without accents but stems and shows words with them', () => {
    const { terms, forms } = termsOf('Één café, privé');
    expect(terms).not.toContain('één');
    expect(forms['caf']).toBe('café');
    expect(terms).toContain('priv');
  });

  it("takes a plural or possessive 's off", () => {
    const { terms, forms } = termsOf("De printers van collega's en de pc's");
    expect(terms).toEqual(['printer']);
    expect(forms['printer']).toBe('printers');
  });

  it('returns nothing for empty text, or text of nothing but chatter', () => {
    expect(termsOf('')).toEqual({ lang: 'nl', terms: [], forms: {} });
    expect(termsOf('Top, bedankt!').terms).toEqual([]);
    expect(termsOf('👍👍').terms).toEqual([]);
  });

  it('is quick enough for a day of comments', () => {
    const comments = [
      'Hoe vraag ik verlof aan voor de zomer? Ik kan het formulier niet vinden op het intranet.',
      'Bedankt voor de uitleg over de nieuwe parkeerregeling, erg duidelijk!',
      '@Anna van der Berg weet jij wanneer de kantine weer open gaat na de verbouwing?',
      'The VPN connection drops every afternoon since the update, anyone else?',
      'Goed idee, laten we dit meenemen in het teamoverleg van volgende week.',
      'Where can I find the expense policy for international travel?',
      'De printer op de tweede verdieping is alweer kapot, zie https://servicedesk.example.nl/melding/123',
      'Mooi initiatief! Doen we dit ook bij de andere locaties?',
    ];
    termsOf(comments[0]!); // loading nlp.js is not part of a comment's cost
    const start = performance.now();
    for (let i = 0; i < 1000; i++) termsOf(`${comments[i % comments.length]!} ${i}`);
    const ms = performance.now() - start;
    console.log(`termsOf: 1,000 comments in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2000);
  });
});
