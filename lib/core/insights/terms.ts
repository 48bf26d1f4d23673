// STUB (contract): the insights-topics branch replaces this file.
// A comment's terms: language (nl/en), stop words out, stems, and two-word phrases.

export interface CommentTerms {
  lang: 'nl' | 'en';
  /** Unique stems and 'stem stem' phrases. */
  terms: string[];
  /** Stem or phrase → the words as written (lower case), for showing a topic. */
  forms: Record<string, string>;
}

export type TermsOf = (text: string) => CommentTerms;

export const termsOf: TermsOf = (text) => {
  void text;
  throw new Error('termsOf: not built yet');
};
