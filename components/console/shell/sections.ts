// The console's sections and which one is shown. Each section is a place in the URL
// (console.html#audit), so the browser's back button, a reload and a bookmark keep it. A section
// appears in the navigation only when it works for this person: later parts of the console
// (sections and pages rollout, pilot groups, settings) add their entries here.
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../../../lib/any/i18n';

export type ConsoleSectionId = 'roles' | 'sections' | 'groups' | 'pages' | 'insights' | 'audit' | 'moderation';

export interface ConsoleSection {
  id: ConsoleSectionId;
  /** Its name in the navigation (and its page's heading). */
  label: MessageKey;
}

const fromHash = (sections: ConsoleSection[]): ConsoleSectionId => {
  // A section may keep its own state after a '?' (#insights?from=…&to=…): the id is what comes before.
  const id = location.hash.replace(/^#/, '').split('?')[0];
  return sections.find((s) => s.id === id)?.id ?? sections[0]!.id;
};

/** The section in the URL's hash, if this person has it; else the first. Follows hash changes. */
export function useConsoleSection(sections: ConsoleSection[]): ConsoleSectionId {
  const [current, setCurrent] = useState(() => fromHash(sections));
  const ids = sections.map((s) => s.id).join();
  useEffect(() => {
    const follow = () => setCurrent(fromHash(sections));
    follow();
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, [ids]);
  return current;
}
