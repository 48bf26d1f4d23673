// The questions still waiting for an answer in the sections someone looks after (community
// managers), as the insights rollup publishes them in `openQuestions/{section}` (functions/src/insights/rollup.ts).
// The rules let a community manager read only their own sections' lists.
import { doc, onSnapshot, type Firestore } from 'firebase/firestore';
import type { OpenQuestion } from '../../core/insights/model';
import { paths } from '../../core/paths';

export interface SectionQuestions {
  section: string;
  questions: OpenQuestion[];
  /** When the rollup last published the list (epoch ms); 0 before it ever did. */
  updatedAt: number;
}

const questionsFrom = (value: unknown): OpenQuestion[] =>
  Array.isArray(value)
    ? value.filter(
        (q): q is OpenQuestion =>
          typeof q === 'object' && q !== null && typeof (q as OpenQuestion).commentId === 'string' && typeof (q as OpenQuestion).url === 'string',
      )
    : [];

/** Follows the open questions of `sections`; reports every section's list (empty while unknown) on each change. */
export function watchOpenQuestions(
  firestore: Firestore,
  sections: string[],
  onLists: (lists: SectionQuestions[]) => void,
  onError: (code: string) => void,
): () => void {
  const lists = new Map<string, SectionQuestions>(sections.map((section) => [section, { section, questions: [], updatedAt: 0 }]));
  const report = () => onLists([...lists.values()]);
  const stops = sections.map((section) =>
    onSnapshot(
      doc(firestore, paths.openQuestions(section)),
      (snapshot) => {
        const updatedAt = snapshot.get('updatedAt');
        lists.set(section, { section, questions: questionsFrom(snapshot.get('questions')), updatedAt: typeof updatedAt === 'number' ? updatedAt : 0 });
        report();
      },
      (error) => onError(String((error as { code?: string }).code ?? error)),
    ),
  );
  report();
  return () => stops.forEach((stop) => stop());
}
