// The people tests act as. All of them come from the demo organisation (demo/org.ts), so a name,
// department or e-mail address is written down once: the e2e and integration tests sign in as
// seeded demo employees, and the rules tests use the same people under fixed uids (the rules test
// environment signs in by uid, without the Auth emulator).
import { DEMO_PASSWORD, EMPLOYEES, type DemoEmployee } from '../../demo/org';
import type { SeededEmployee } from '../../scripts/seed';

export { DEMO_PASSWORD };

/** The demo employee with this key ('anna', 'bram', …); throws for a key demo/org.ts does not have. */
export function demoEmployee(key: string): DemoEmployee {
  const person = EMPLOYEES.find((e) => e.key === key);
  if (!person) throw new Error(`no demo employee ${key}`);
  return person;
}

/** The seeded demo employee with this key, with the uid the Auth emulator gave them, from seedDemo()'s result. */
export function seededEmployee(staff: SeededEmployee[], key: string): SeededEmployee {
  const person = staff.find((e) => e.key === key);
  if (!person) throw new Error(`demo employee ${key} was not seeded`);
  return person;
}

/** A demo employee as the rules tests know them: a fixed uid, their display name and department. */
export interface RulesPerson {
  uid: string;
  displayName: string;
  department: string;
}

/** The demo employee with this key under the fixed uid `${key}-uid`. */
function rulesPerson(key: string): RulesPerson {
  const { displayName, department } = demoEmployee(key);
  return { uid: `${key}-uid`, displayName, department };
}

/** Anna de Vries (Communicatie), in the rules tests. */
export const ANNA = rulesPerson('anna');
/** Bram Jansen (Communicatie), in the rules tests. */
export const BRAM = rulesPerson('bram');
/** Chantal Bakker (Communicatie), the demo moderator, in the rules tests. */
export const CHANTAL = rulesPerson('chantal');
