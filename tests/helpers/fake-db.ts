// A fresh Dexie database on fake-indexeddb for each unit test.
import 'fake-indexeddb/auto';
import { openDb, type PrikbordDb } from '../../lib/data/db';

let counter = 0;

export function freshDb(): PrikbordDb {
  counter += 1;
  return openDb(`prikbord-test-${process.pid}-${counter}`);
}
