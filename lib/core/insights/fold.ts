// STUB (contract): the insights-engine branch replaces this file.
// Folding one day's facts into a summary, merging days into weeks, and the running questions state.
import type { ActivitySummary, Day, DayFacts, InsightPerson, QuestionsState } from './model';
import type { TermsOf } from './terms';

/** The people table with its lookup: a person's number is their index in `people`. */
export interface PeopleIndex {
  people: InsightPerson[];
  byUid: Map<string, number>;
}

export function indexPeople(people: InsightPerson[]): PeopleIndex {
  return { people, byUid: new Map(people.map((p, i) => [p.uid, i])) };
}

/** One day's facts as a summary (facts of unknown people are counted in volumes, attributed to nobody). */
export function foldDay(facts: DayFacts, people: PeopleIndex, termsOf: TermsOf): ActivitySummary {
  void facts;
  void people;
  void termsOf;
  throw new Error('foldDay: not built yet');
}

/** Several summaries as one (a week from its days): person lists united, counts added. */
export function mergeSummaries(id: string, from: Day, to: Day, parts: ActivitySummary[]): ActivitySummary {
  void [id, from, to, parts];
  throw new Error('mergeSummaries: not built yet');
}

/** The questions state after one day: new questions open, answered ones (reply or "this helped") move to answered. */
export function updateQuestions(state: QuestionsState, facts: DayFacts, people: PeopleIndex): QuestionsState {
  void [state, facts, people];
  throw new Error('updateQuestions: not built yet');
}
