// A fresh Dexie database on fake-indexeddb for each unit test.
import 'fake-indexeddb/auto';
import { openDb, type PrikbordDb } from '../../lib/data/db';

let counter = 0;

/** A new, empty Prikbord database under a name no other test uses. */
export function freshDb(): PrikbordDb {
  counter += 1;
  return openDb(`prikbord-test-${process.pid}-${counter}`);
}
