/** Databases for one test file, each dropped after the file's tests. */
import { afterAll } from 'vitest';
import { createDatabase, type TestDb } from './db.js';

/** Call at the top of a test file: returns a maker of databases holding `sql`. */
export function databasesForFile(): (prefix: string, sql: string) => Promise<TestDb> {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });
  return async (prefix, sql) => {
    const db = await createDatabase(prefix);
    dbs.push(db);
    await db.exec(sql);
    return db;
  };
}
