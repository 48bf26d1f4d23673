// What one comment is about, for "Insights for comms": its language (Dutch or English), its words with
// stop words and intranet chatter taken out, stemmed ("aanvragen"/"aanvraag" → "aanvrag"), and the
// two-word phrases of adjacent words ("verlof aanvragen"). The rollup (lib/core/insights/fold.ts) calls
// it for every comment of a day inside Cloud Functions, so: no cloud AI, no DOM, and the nlp.js objects
// are made once per process, on first use.
//
// Not lib/core/terms.ts: that one folds words for the side panel's expert search and must stay
// dependency-free for the browser bundle; this one runs on the server and can afford real stemmers.
//
// Language, in words. nlp.js's trigram guess (@nlpjs/language-min) ships with EMPTY models: each
// LangXx package adds its own when registered, and before that every language scores the same and
// the first in the package's table (English) wins — which is why a Dutch sentence came back English,
// whatever the allow-list spelling ('nl' and 'nld' are both accepted). Registered, it is good on a
// sentence and poor on a few words ("Goed idee" comes out English, "Great idea" Dutch). So a vote of
// function words and chatter decides first when it is clear (at least two words more of one language),
// the trigrams when the text is long enough (≥ 30 letters) and their lead is clear, then any vote at
// all, and otherwise Dutch: these are Dutch intranets.
// The Cloud Functions' tsconfig only includes functions/src: this reference is what shows it the
// declarations (the extension's tsconfig includes lib/ anyway). An `import` cannot do it: the file
// declares modules, it is not one.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- see above
/// <reference path="./nlpjs.d.ts" />
import { LangEn, StemmerEn, StopwordsEn } from '@nlpjs/lang-en-min';
import { LangNl, StemmerNl, StopwordsNl } from '@nlpjs/lang-nl';
import { Language } from '@nlpjs/language-min';

export type Lang = 'nl' | 'en';

export interface CommentTerms {
  lang: Lang;
  /** Unique stems and 'stem stem' phrases. */
  terms: string[];
  /** Stem or phrase → the words as written (lower case), for showing a topic. */
  forms: Record<string, string>;
}

export type TermsOf = (text: string) => CommentTerms;

/** Shorter words are never terms (after a possessive/plural "'s" is taken off). */
export const MIN_WORD_LENGTH = 3;

// ---------- word lists ----------

// nlp.js's lists are Snowball's, short on the words people use in a comment thread. Added: pronouns,
// question words, auxiliaries and everyday verbs that never make a topic ("vind", "weet", "need").
const EXTRA_STOP_WORDS: Record<Lang, string> = {
  nl:
    'jij jou jouw jullie hen onze ons wordt gaat gaan ga kun kunt moeten mag mogen even echt alleen waar waarom wanneer welke welk ' +
    'hoeveel elke ieder iedere iedereen niemand alle allemaal heel hele erg eigenlijk misschien nou daarom daarvan daarvoor hiervoor ' +
    'ervan erover hierover hierin daarin erin eruit erbij daarbij hierbij waardoor waarmee waarvan zodat zodra nadat voordat totdat ' +
    'terwijl sinds via per vanaf tussen onder boven achter binnen buiten tijdens zo’n hebt weer steeds nooit vaak soms gewoon zeker ' +
    'anders zoals zelfs bijvoorbeeld enz etc oké oke okay komen komt kom zien ziet zie staat staan maken maakt doet gedaan krijgen ' +
    'krijg krijgt kijken zitten zit hoor denk denken vind vindt vinden weet weten minder weinig ongeveer natuurlijk inderdaad eerst',
  en:
    'not nor yes will just i’m i’ve i’ll i’d it’s that’s there’s don’t doesn’t didn’t can’t won’t isn’t aren’t wasn’t let’s ' +
    'you’re we’re they’re anyone someone everyone something anything everything already really maybe actually though although ' +
    'however etc via per okay know think need want find able shall may whose within without across upon around against along ' +
    'among every either neither ever even else hey lot lots bit',
};

// Intranet chatter: thanks, greetings and praise say how people feel, not what they talk about; "pagina"
// and "intranet" are where every comment is. Also counted in the language vote (except the shared ones).
const NOISE_WORDS: Record<Lang | 'both', string> = {
  nl: 'pagina bedankt dank dankjewel dankje dankuwel hallo hoi beste groet groeten mooi prima graag goed goede fijn leuk vraag vragen collega collega’s',
  en: 'page thanks thank hello please great nice good cool cheers regards question questions colleague colleagues',
  both: 'intranet top super info',
};

// Function words in one language that are content words in the other ("door", "van", "men"): taken
// out only in a text of their own language, and no vote either way.
const FALSE_FRIENDS = new Set('door van men die hem been'.split(' '));

/** Lower case, accents off, curly apostrophes straight: how stop words are matched. */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
}

const words = (list: string) => list.split(' ').filter(Boolean).map(fold);

// ---------- nlp.js, made once ----------

interface Stemmer {
  stemWord(word: string): string;
}

interface Nlp {
  language: Language;
  stemmers: Record<Lang, Stemmer>;
  /** Dropped in a text of that language. */
  drop: Record<Lang, Set<string>>;
  /** A word that points to one language (and only one). */
  vote: Map<string, Lang>;
}

let nlp: Nlp | null = null;
let stemCalls = 0;
// nlp.js's stemmers remember every word they stem (an unbounded object). A Cloud Functions instance
// lives for many rollups, so the stemmers are made anew after this many words: the cache then holds at
// most one rollup's worth of vocabulary, and rebuilding costs microseconds.
const STEMMER_REFRESH = 200_000;

const newStemmers = (): Record<Lang, Stemmer> => ({ nl: new StemmerNl(), en: new StemmerEn() });

function load(): Nlp {
  if (nlp) return nlp;
  const language = new Language();
  // The Lang packages register their trigram model with whatever container holds 'Language'; this is
  // the least of a container that does (their tokenizers, stemmers and sentiment are not needed here).
  const container = { use: () => undefined, register: () => undefined, get: (name: string) => (name === 'Language' ? language : undefined) };
  new LangNl().register(container);
  new LangEn().register(container);

  // nlp.js's lists hold digits, single letters and one 'je ' with a space: trimmed, only real words kept.
  const fromNlp = (dictionary: Record<string, boolean>) => Object.keys(dictionary).map((w) => fold(w.trim()));
  const stop: Record<Lang, Set<string>> = {
    nl: new Set([...fromNlp(new StopwordsNl().dictionary), ...words(EXTRA_STOP_WORDS.nl)]),
    en: new Set([...fromNlp(new StopwordsEn().dictionary), ...words(EXTRA_STOP_WORDS.en)]),
  };
  const noise = { nl: words(NOISE_WORDS.nl), en: words(NOISE_WORDS.en), both: words(NOISE_WORDS.both) };

  const vote = new Map<string, Lang>();
  const hints: Record<Lang, Set<string>> = { nl: new Set([...stop.nl, ...noise.nl]), en: new Set([...stop.en, ...noise.en]) };
  for (const lang of ['nl', 'en'] as const) {
    const other = lang === 'nl' ? hints.en : hints.nl;
    for (const w of hints[lang]) if (w.length >= 2 && !/\d/.test(w) && !other.has(w) && !FALSE_FRIENDS.has(w)) vote.set(w, lang);
  }

  // Stop words of both languages go (a Dutch comment says "thanks" or "the update", an English one
  // quotes a Dutch title), except that a false friend goes only in its own language.
  const common = [...noise.nl, ...noise.en, ...noise.both];
  const otherThan = (lang: Lang) => [...stop[lang === 'nl' ? 'en' : 'nl']].filter((w) => !FALSE_FRIENDS.has(w));
  const drop = {
    nl: new Set([...stop.nl, ...otherThan('nl'), ...common]),
    en: new Set([...stop.en, ...otherThan('en'), ...common]),
  };

  nlp = { language, stemmers: newStemmers(), drop, vote };
  return nlp;
}

// ---------- language ----------

/** Two or more words more of one language than of the other: the vote decides before the trigrams. */
const CLEAR_VOTE = 2;
/** Trigrams count only on at least this many letters, and when the runner-up scores at most 1 − this. */
const TRIGRAM_MIN_LETTERS = 30;
const TRIGRAM_MIN_LEAD = 0.15;

/** The language of a text (URLs and mentions already out), given its words folded. */
function detect(text: string, folded: string[], n: Nlp): Lang {
  let votes = 0; // > 0: Dutch
  for (const w of folded) {
    const lang = n.vote.get(w);
    if (lang) votes += lang === 'nl' ? 1 : -1;
  }
  if (Math.abs(votes) >= CLEAR_VOTE) return votes > 0 ? 'nl' : 'en';

  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters >= TRIGRAM_MIN_LETTERS) {
    const [best, second] = n.language.guess(text, ['nl', 'en']);
    const lead = best && second ? best.score - second.score : 0;
    if (best && lead >= TRIGRAM_MIN_LEAD && (best.alpha2 === 'nl' || best.alpha2 === 'en')) return best.alpha2;
  }
  if (votes !== 0) return votes > 0 ? 'nl' : 'en';
  return 'nl';
}

/** Guesses whether a text is Dutch or English (exported for tests and for callers that only need this). */
export function languageOf(text: string): Lang {
  const n = load();
  const clean = withoutLinksAndMentions(text.normalize('NFC'));
  return detect(
    clean,
    tokens(clean).map((t) => fold(t.word)),
    n,
  );
}

// ---------- tokens ----------

// Not words: links, e-mail addresses, and mentions. A mention is stored as "@Full Name" (lib/core/mentions.ts),
// so after the "@" it takes the first word and then capitalised words, with Dutch name particles
// ("van", "de", "der", "ten", "’t") in between when a capitalised word follows: "@Anna van der Berg kun
// je…" loses "Anna van der Berg". A name is never a topic (and should not become one by being mentioned).
// (The look-behind makes an address start where its run of characters starts: without it, a long run
// with no "@" is tried from every position, quadratic in its length.)
const LINK = /\b(?:https?:\/\/|www\.)\S+|(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;
const PARTICLE = "(?:van|de|der|den|het|ten|ter|te|in|op|la|le|du|da|di|von|'t|’t)";
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*";
const MENTION = new RegExp(`(^|[^\\p{L}\\p{N}_])@[\\p{L}\\p{N}_][\\p{L}\\p{M}\\p{N}_.'’-]*(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,4}`, 'gu');
/** Stands where a link or mention was: breaks a phrase ("zie <link> hier" is no "zie hier"). */
const BREAK = ' \u0001 ';

function withoutLinksAndMentions(text: string): string {
  return text.replace(LINK, BREAK).replace(MENTION, (_m, before: string) => `${before}${BREAK}`);
}

/** A word: letters and digits, with inner apostrophes ("zo'n", "don't", "collega's"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** Between two words of one phrase: only spaces, hyphens ("VPN-verbinding") and quotes. Anything else breaks it. */
const JOINS = /^[\s\-‐‑–'"’‘“”«»]*$/u;

interface Token {
  /** Lower case, as written. */
  word: string;
  /** Whether something that ends a phrase (punctuation, a link) stands between it and the word before. */
  broken: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let end = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    out.push({ word: match[0].toLowerCase(), broken: !JOINS.test(text.slice(end, start)) });
    end = start + match[0].length;
  }
  return out;
}

// ---------- terms ----------

/** A comment's language, its unique stems and two-word phrases, and how each was written. */
export const termsOf: TermsOf = (text) => {
  const n = load();
  const clean = withoutLinksAndMentions(text.normalize('NFC'));
  const all = tokens(clean);
  const folded = all.map((t) => fold(t.word));
  const lang = detect(clean, folded, n);

  if ((stemCalls += all.length) > STEMMER_REFRESH) {
    n.stemmers = newStemmers();
    stemCalls = 0;
  }
  const stemmer = n.stemmers[lang];
  const drop = n.drop[lang];

  // One entry per token: its stem when kept, null when not (a dropped word breaks a phrase too).
  const kept: ({ stem: string; word: string } | null)[] = all.map((t, i) => {
    const f = folded[i]!;
    if (drop.has(f) || /^\p{N}+$/u.test(f)) return null;
    // "collega's", "pc's", "Jan's": the plural or possessive 's off before stemming and counting letters.
    const base = t.word.replace(/['’]s$/u, '');
    if ([...base].length < MIN_WORD_LENGTH || drop.has(fold(base))) return null;
    const stem = stemmer.stemWord(base);
    return stem ? { stem, word: t.word } : null;
  });

  const stems: string[] = [];
  const phrases: string[] = [];
  // Per term: each way it was written and how often; the most frequent (first on a tie) is its form.
  const written = new Map<string, Map<string, number>>();
  const note = (term: string, form: string, list: string[]) => {
    let forms = written.get(term);
    if (!forms) {
      written.set(term, (forms = new Map()));
      list.push(term);
    }
    forms.set(form, (forms.get(form) ?? 0) + 1);
  };
  kept.forEach((k, i) => {
    if (!k) return;
    note(k.stem, k.word, stems);
    const prev = i > 0 ? kept[i - 1] : null;
    if (prev && !all[i]!.broken && prev.stem !== k.stem) note(`${prev.stem} ${k.stem}`, `${prev.word} ${k.word}`, phrases);
  });

  const forms: Record<string, string> = {};
  for (const [term, counts] of written) {
    let best = '';
    let most = 0;
    for (const [form, count] of counts) if (count > most) [best, most] = [form, count];
    forms[term] = best;
  }
  return { lang, terms: [...stems, ...phrases], forms };
};
