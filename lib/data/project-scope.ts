// Which local database and Firebase app belong to the Firebase project a context runs with.
// Enterprise policy may point an installation at another project than the organisation file's
// (a test tenant: lib/any/managed-policy.ts); one project's cached comments, people, outbox and
// signed-in session must never be seen by, or sent to, another. So each project has a Dexie
// database and a Firebase app name of its own (Auth keeps its session per API key and app name,
// in IndexedDB). The organisation file's project keeps the names it always had ('prikbord' and
// Firebase's default app), so an installation without such a policy keeps its data across this
// change, and one that goes back to the file's project finds its data and session as they were.
import { projectKey } from '../any/managed-policy';
import type { OrgConfig } from '../any/org-config';
import { rememberUser } from './session/remembered-user';

export interface ProjectScope {
  /** The Dexie database's name (openDb). */
  dbName: string;
  /** The Firebase app's name; undefined: the default app. */
  appName?: string;
}

/** The organisation file's project's database: the name it had before policy existed. */
const FILE_DB = 'prikbord';

/** The scope of `config`'s project; `file` is the organisation file's config. */
export function projectScope(config: OrgConfig, file: OrgConfig): ProjectScope {
  if (projectKey(config) === projectKey(file)) return { dbName: FILE_DB };
  const name = `prikbord@${config.firebase.projectId}`;
  return { dbName: name, appName: name };
}

/** Where an extension page notes the project it last ran with. */
const LAST_PROJECT_KEY = 'prikbord:project';

/**
 * Called by an extension page before its session starts: when the project differs from the one
 * this browser profile's pages last ran with, forget the person remembered for opening at once
 * (lib/data/session/remembered-user.ts): they signed in to the other project, and their name must
 * not show over this one's data while Auth answers.
 */
export function enterProject(scope: ProjectScope, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    if (!storage) return;
    const last = storage.getItem(LAST_PROJECT_KEY);
    if (last === scope.dbName) return;
    // Nothing noted yet and the file's project: an installation from before policy, same project.
    if (last !== null || scope.dbName !== FILE_DB) rememberUser(null);
    storage.setItem(LAST_PROJECT_KEY, scope.dbName);
  } catch {
    // no storage (tests): nothing is remembered either
  }
}
