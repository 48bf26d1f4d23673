// Pages and people the integration tests write with: each test gets a page of its own (a URL no
// other test or seed uses), under a folder whose rollout section the test needs.
import { createHash } from 'node:crypto';
import type { PrikbordDb } from '../../lib/data/db';
import type { Client } from './emulator-clients';

/** A signed-in employee with their own browser-like database. */
export interface TestPerson {
  key: string;
  client: Client;
  db: PrikbordDb;
  uid: string;
  name: string;
}

export interface TestPage {
  pageId: string;
  url: string;
  title: string;
}

/** The demo intranet's origin, as the seeds' rollout sections name it. */
export const TEST_ORIGIN = 'http://127.0.0.1:8101';

/**
 * A maker of fresh pages: `${TEST_ORIGIN}/{folder}/{stem}-{n}-{time}.html`, titled "{title} {n}".
 * The page id has the shape of the extension's own (the URL's digest), so the rules accept it.
 */
export function pageMaker(stem: string, defaults: { folder: string; title: string }): (folder?: string, title?: string) => TestPage {
  let made = 0;
  return (folder = defaults.folder, title = defaults.title) => {
    made += 1;
    const url = `${TEST_ORIGIN}/${folder}/${stem}-${made}-${Date.now()}.html`;
    return { pageId: `p_${createHash('sha256').update(url).digest('hex').slice(0, 24)}`, url, title: `${title} ${made}` };
  };
}

/** Signs each person's client out and deletes their database (an afterAll). */
export async function closePeople(people: Array<TestPerson | undefined>): Promise<void> {
  for (const p of people) {
    await p?.client.close();
    await p?.db.delete();
  }
}
