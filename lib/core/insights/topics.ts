// STUB (contract): the insights-topics branch replaces this file.
// Topics of a scope: its terms weighted against the whole intranet (TF-IDF), only terms ≥ K people used.
import type { PageActivity, Topic } from './model';

export interface TopicsInput {
  /** The pages in scope (merged over the period). */
  scope: Record<string, PageActivity>;
  /** Every page of the intranet over the period (the background the weights compare with). */
  all: Record<string, PageActivity>;
  forms: Record<string, string>;
  langs: Record<string, 'nl' | 'en'>;
  k: number;
  limit: number;
}

export function rankTopics(input: TopicsInput): Topic[] {
  void input;
  throw new Error('rankTopics: not built yet');
}
