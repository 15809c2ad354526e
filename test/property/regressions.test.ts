/**
 * Bugs the property suite found, each reduced to its smallest schema: the plan,
 * run with psql, must converge in one run and a second plan must be empty.
 */
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPool } from '../../src/db/pool.js';
import { compare } from '../../src/diff/index.js';
import { isInformational, type Change } from '../../src/diff/changes.js';
import { CATALOG_SETTINGS, inspect } from '../../src/introspect/index.js';
import { tablesWithRows } from '../../src/introspect/rows.js';
import { plan as makePlan, type Plan } from '../../src/plan/index.js';
import { renderPlanSql } from '../../src/render/plan-sql.js';
import { createDatabase, serverVersion, type TestDb } from '../helpers/db.js';
import { runScript } from '../helpers/script.js';

const HEADER = { source: 'declared', target: 'live', serverVersion: 'N', toolVersion: 'test', plannedAt: 'T', liveHash: 'H', lockTimeout: '2s' };

let declared: TestDb;
let live: TestDb;
let pools: pg.Pool[] = [];
let declaredCatalog: pg.Pool;
let liveCatalog: pg.Pool;

beforeAll(async () => {
  [declared, live] = await Promise.all([createDatabase('reg_declared'), createDatabase('reg_live')]);
  declaredCatalog = await openPool(declared.connection, { max: 2, settings: CATALOG_SETTINGS });
  liveCatalog = await openPool(live.connection, { max: 2, settings: CATALOG_SETTINGS });
  pools = [declaredCatalog, liveCatalog];
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all([declared.drop(), live.drop()]);
});
beforeEach(async () => {
  const reset = 'DROP SCHEMA IF EXISTS r CASCADE; CREATE SCHEMA r;';
  await Promise.all([declared.exec(reset), live.exec(reset)]);
});

async function planNow(changes: readonly Change[]): Promise<Plan> {
  const touched = changes.flatMap((c) => ('table' in c && c.table ? [{ schema: c.table.schema, name: c.table.name }] : []));
  return makePlan(changes, { serverVersion: serverVersion(), tablesWithRows: await tablesWithRows(liveCatalog, touched), options: { allowHazards: ['rewrite'] } });
}

/** Build both sides, compare, plan, run the script once; return what compare found first and what is left. */
async function converge(declaredSql: string, liveSql: string): Promise<{ first: Change[]; left: Change[]; second: Plan }> {
  await declared.exec(declaredSql);
  await live.exec(liveSql);
  const d = (await inspect(declaredCatalog)).schema;
  const first = compare(d, (await inspect(liveCatalog)).schema);
  await runScript(live.url, renderPlanSql(await planNow(first), HEADER));
  const after = compare(d, (await inspect(liveCatalog)).schema);
  return { first, left: after.filter((c) => !isInformational(c)), second: await planNow(after) };
}

const kinds = (cs: readonly Change[]): string[] => cs.filter((c) => !isInformational(c)).map((c) => c.kind);

describe('regressions found by the property suite', () => {
  it('twin constraints and indexes: the missing twin is the one reported (src/diff/match.ts)', async () => {
    const table = `CREATE TABLE r.t (a int NOT NULL);`;
    const twins = `ALTER TABLE r.t ADD CONSTRAINT ck_a CHECK (a >= 0); ALTER TABLE r.t ADD CONSTRAINT ck_b CHECK (a >= 0);
      CREATE INDEX ix_a ON r.t (a); CREATE INDEX ix_b ON r.t (a);`;
    const r = await converge(table + twins, table + `ALTER TABLE r.t ADD CONSTRAINT ck_b CHECK (a >= 0); CREATE INDEX ix_b ON r.t (a);`);
    const names = r.first.flatMap((c) => (c.kind === 'missing-check' ? [c.check.name] : c.kind === 'missing-index' ? [c.index.name] : []));
    expect(names.sort()).toEqual(['ck_a', 'ix_a']);
    expect(r.left).toEqual([]);
    expect(r.second.statements).toEqual([]);
  });

  it('a generated column declared before the column it reads, both missing (src/plan/index.ts)', async () => {
    const declaredSql = `CREATE TABLE r.t (id int PRIMARY KEY, g int GENERATED ALWAYS AS (n * 2) STORED, n int DEFAULT 1);`;
    const r = await converge(declaredSql, `CREATE TABLE r.t (id int PRIMARY KEY); INSERT INTO r.t VALUES (1), (2);`);
    expect(kinds(r.first)).toEqual(['missing-column', 'missing-column']);
    expect(r.left).toEqual([]);
    expect(r.second.statements).toEqual([]);
  });

  it('a serial column missing from a table that exists: OWNED BY after ADD COLUMN (src/plan/build-objects.ts)', async () => {
    const r = await converge(`CREATE TABLE r.t (id int PRIMARY KEY, n serial);`, `CREATE TABLE r.t (id int PRIMARY KEY); INSERT INTO r.t VALUES (1);`);
    expect(kinds(r.first).sort()).toEqual(['missing-column', 'missing-sequence']);
    expect(r.left).toEqual([]);
    expect(r.second.statements).toEqual([]);
  });

  it('a missing table whose UNIQUE repeats its primary key: CREATE TABLE would fold it (src/plan/build-objects.ts)', async () => {
    const r = await converge(
      `CREATE TABLE r.t (a int PRIMARY KEY, b int); ALTER TABLE r.t ADD CONSTRAINT t_a_key UNIQUE (a);
       ALTER TABLE r.t ADD CONSTRAINT u1 UNIQUE (b); ALTER TABLE r.t ADD CONSTRAINT u2 UNIQUE (b);`,
      '',
    );
    expect(kinds(r.first)).toEqual(['missing-table']);
    expect(r.left).toEqual([]);
    expect(r.second.statements).toEqual([]);
  });

  it('a deferrable UNIQUE missing on a table with rows keeps its deferrability (src/plan/build-constraints.ts)', async () => {
    const r = await converge(
      `CREATE TABLE r.t (a int); ALTER TABLE r.t ADD CONSTRAINT u UNIQUE (a) DEFERRABLE INITIALLY DEFERRED;`,
      `CREATE TABLE r.t (a int); INSERT INTO r.t VALUES (1), (2), (NULL);`,
    );
    expect(kinds(r.first)).toEqual(['missing-unique']);
    expect(r.left).toEqual([]);
    expect(r.second.statements).toEqual([]);
  });
});
