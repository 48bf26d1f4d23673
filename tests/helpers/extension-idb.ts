// Reads the extension's own IndexedDB database from one of its pages (the side panel), the way
// e2e tests look at what a browser stored: plain IndexedDB in the page, no Dexie, nothing written.
import type { Page } from 'playwright-core';

/** The name openDb gives the extension's database (lib/data/db.ts). */
const DATABASE = 'prikbord';

/**
 * Rows of the extension's database as seen from `page`: for each store in `stores` (default:
 * every store), all its rows, or only the row with `key` (none when there is no such row).
 */
export function readDatabase(page: Page, stores?: string[], key?: string): Promise<Record<string, unknown[]>> {
  // The function runs in the page: it can use nothing from this module but its arguments.
  return page.evaluate(
    async ({ name, wanted, id }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        const out: Record<string, unknown[]> = {};
        for (const store of wanted ?? [...db.objectStoreNames]) {
          out[store] = await new Promise<unknown[]>((resolve, reject) => {
            const table = db.transaction(store).objectStore(store);
            const request: IDBRequest = id === undefined ? table.getAll() : table.get(id);
            request.onsuccess = () => resolve(id === undefined ? (request.result as unknown[]) : request.result === undefined ? [] : [request.result]);
            request.onerror = () => reject(request.error);
          });
        }
        return out;
      } finally {
        db.close();
      }
    },
    { name: DATABASE, wanted: stores, id: key },
  );
}

/** Rows of one store of the extension's database: all of them, or the one with `key`. */
export async function readStore<T>(page: Page, store: string, key?: string): Promise<T[]> {
  return ((await readDatabase(page, [store], key))[store] ?? []) as T[];
}
