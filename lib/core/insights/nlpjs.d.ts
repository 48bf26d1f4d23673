// Types for the few parts of nlp.js (plain CommonJS, no types of its own) that terms.ts uses. A script
// file (no top-level import or export), so these are ambient module declarations: the extension's
// tsconfig picks it up through "include", the Cloud Functions' tsconfig through terms.ts's reference.

/** What a LangXx.register() touches: it only needs `get('Language')` to add its trigram model. */
interface NlpjsContainerLike {
  use(item: unknown): void;
  register(name: string, item: unknown): void;
  get(name: string): unknown;
}

declare module '@nlpjs/language-min' {
  export interface LanguageGuess {
    alpha2: string;
    alpha3: string;
    language: string;
    /** 1 for the best; the others relative to it (0..1). */
    score: number;
  }
  export class Language {
    /** All allowed languages, best first. The allow list takes ISO 639-1 ('nl') or 639-3 ('nld') codes. */
    guess(utterance: string, allowList?: string[], limit?: number): LanguageGuess[];
    guessBest(utterance: string, allowList?: string[]): LanguageGuess | undefined;
  }
}

declare module '@nlpjs/lang-nl' {
  export class LangNl {
    register(container: NlpjsContainerLike): void;
  }
  export class StemmerNl {
    /** Snowball (Dutch). Expects a lower-case word; caches every word it has seen. */
    stemWord(word: string): string;
  }
  export class StopwordsNl {
    dictionary: Record<string, boolean>;
  }
}

declare module '@nlpjs/lang-en-min' {
  export class LangEn {
    register(container: NlpjsContainerLike): void;
  }
  export class StemmerEn {
    /** Snowball (English, Porter 2). Expects a lower-case word; caches every word it has seen. */
    stemWord(word: string): string;
  }
  export class StopwordsEn {
    dictionary: Record<string, boolean>;
  }
}
