/**
 * When may a changed function be replaced in place? `replaceable` decides between
 * CREATE OR REPLACE and a drop and create under the `replace` hazard; each pair here is
 * also run through PostgreSQL, whose CREATE OR REPLACE must succeed exactly when
 * `replaceable` says so (a wrong "yes" stops the repair script, a wrong "no" withholds a
 * safe repair behind a hazard).
 */
import { describe, expect, it } from 'vitest';
import { parameters, replaceable } from '../../src/objects/function/index.js';
import type { FunctionObject } from '../../src/objects/function/model.js';
import { databasesForFile } from '../helpers/databases.js';

const database = databasesForFile();

/** [live, declared, what changes, replaceable]: both `CREATE FUNCTION f(...) ...` without the name. */
const PAIRS: readonly (readonly [string, string, string, boolean])[] = [
  ['(search text, n int DEFAULT 5) RETURNS int LANGUAGE sql AS $$ SELECT n $$', '(search text, n int DEFAULT 25) RETURNS int LANGUAGE sql AS $$ SELECT n $$', 'a default value', true],
  ['(a text DEFAULT \'x, y\', b int DEFAULT 1) RETURNS int LANGUAGE sql AS $$ SELECT b $$', '(a text DEFAULT \'z(\'\'), DEFAULT\', b int DEFAULT 2) RETURNS int LANGUAGE sql AS $$ SELECT b $$', 'defaults holding commas, quotes and DEFAULT', true],
  ['(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a $$', '(a int, b int DEFAULT 0) RETURNS int LANGUAGE sql AS $$ SELECT a $$', 'a default added', true],
  ['(a int, b int DEFAULT 0) RETURNS int LANGUAGE sql AS $$ SELECT a $$', '(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a $$', 'a default removed', false],
  ['(a int DEFAULT 1, b int DEFAULT 0) RETURNS int LANGUAGE sql AS $$ SELECT a $$', '(a int, b int DEFAULT 7) RETURNS int LANGUAGE sql AS $$ SELECT a $$', 'the first default removed', false],
  ['(a int, OUT x int, OUT y text) LANGUAGE sql AS $$ SELECT a, \'t\' $$', '(a int, OUT x int, OUT z text) LANGUAGE sql AS $$ SELECT a, \'t\' $$', 'an OUT parameter renamed', false],
  ['(a int DEFAULT 1, OUT x int) LANGUAGE sql AS $$ SELECT a $$', '(a int DEFAULT 2, OUT x int) LANGUAGE sql AS $$ SELECT a $$', 'a default before an OUT parameter', true],
  ['(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$', '(b int) RETURNS int LANGUAGE sql AS $$ SELECT b $$', 'an input parameter renamed', false],
  ['(a int) RETURNS TABLE (x int) LANGUAGE sql AS $$ SELECT a $$', '(a int) RETURNS TABLE (x int, y int) LANGUAGE sql AS $$ SELECT a, a $$', 'a column of the result added', false],
  ['(VARIADIC a int[]) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', '(VARIADIC a int[] DEFAULT \'{1,2}\') RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', 'a default on a VARIADIC parameter', true],
];

async function readFunction(db: Awaited<ReturnType<typeof database>>): Promise<FunctionObject> {
  const [r] = await db.query<{ args: string; result: string }>(
    `SELECT pg_get_function_arguments(p.oid) AS args, pg_get_function_result(p.oid) AS result FROM pg_proc p WHERE p.proname = 'f'`,
  );
  return { kind: 'function', schema: 'public', name: 'f', routine: 'function', argumentTypes: '', identityArguments: '', arguments: r!.args, result: r!.result, definition: '', late: false, dependsOn: [] };
}

describe('which function changes CREATE OR REPLACE can make', () => {
  it('splits parameters at top-level commas and counts defaults, whatever the defaults hold', () => {
    expect(parameters("a text DEFAULT 'x, y'::text, b integer DEFAULT (1 + 2), OUT c integer")).toEqual({ params: ['a text', 'b integer', 'OUT c integer'], defaults: 2 });
    expect(parameters(`"a, DEFAULT b" text DEFAULT 'it''s, DEFAULT'::text`)).toEqual({ params: ['"a, DEFAULT b" text'], defaults: 1 });
    expect(parameters('VARIADIC a integer[] DEFAULT ARRAY[1, 2]')).toEqual({ params: ['VARIADIC a integer[]'], defaults: 1 });
    expect(parameters('')).toEqual({ params: [], defaults: 0 });
  });

  for (const [before, after, what, expected] of PAIRS) {
    it(`${what}: replaceable exactly when PostgreSQL's CREATE OR REPLACE accepts it`, async () => {
      const db = await database('fnrep', `CREATE FUNCTION f${before};`);
      const live = await readFunction(db);
      const declaredDb = await database('fnrep', `CREATE FUNCTION f${after};`);
      const declared = await readFunction(declaredDb);
      const accepted = await db.exec(`CREATE OR REPLACE FUNCTION f${after};`).then(
        () => true,
        (e: Error) => {
          expect(e.message).toMatch(/cannot (change|remove)/);
          return false;
        },
      );
      expect(replaceable(declared, live)).toBe(accepted);
      expect(accepted).toBe(expected);
    });
  }
});
