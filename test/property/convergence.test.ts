/**
 * Property-based convergence. Each case: a random valid schema (several schemas,
 * enums, identity, serial and generated columns, defaults, single and composite
 * keys, foreign keys with cycles, self-references and cross-schema targets,
 * checks, partial, expression, multi-column, hash, gin, brin indexes) is built on
 * the declared side and again on the live side, rows are inserted on the live
 * side, and a random subset of objects is removed there, as a faked migration
 * would leave it. Then:
 *   - compare() reports exactly the removed objects (oracle.ts: CASCADE modelled);
 *   - the default plan withholds only rewrites of re-added columns;
 *   - no statement drops a table or column, truncates, deletes or updates rows;
 *   - the script, run with psql, converges (no non-informational change left),
 *     a second plan is empty, running the script again changes nothing;
 *   - the rows are unchanged (checksums over the columns that survived).
 *
 * 200 cases by default; RECONCILE_DEEP=1 (npm run test:deep) runs 2,000.
 * RECONCILE_SEED=n replays a run; RECONCILE_PATH (printed by fast-check) replays
 * one case; RECONCILE_RUNS=n overrides the count; RECONCILE_SHRINK=1 shrinks a
 * failure (slow: every step builds databases).
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from '../../src/db/pool.js';
import { compare } from '../../src/diff/index.js';
import { isInformational, type Change } from '../../src/diff/changes.js';
import { CATALOG_SETTINGS, inspect } from '../../src/introspect/index.js';
import { tablesWithRows } from '../../src/introspect/rows.js';
import { plan as makePlan, type Plan } from '../../src/plan/index.js';
import { renderPlanSql } from '../../src/render/plan-sql.js';
import { createDatabase, serverVersion, type TestDb } from '../helpers/db.js';
import { runScript } from '../helpers/script.js';
import { dataSql, schemaDdl } from './ddl.js';
import { caseArbitrary } from './generate.js';
import { changeKey, removalPlan, type RemovalPlan } from './oracle.js';
import { q, qn } from './quote.js';
import type { CaseSpec } from './spec.js';
import { recordStats } from './stats.js';

const DEEP = process.env['RECONCILE_DEEP'] === '1';
const RUNS = Number(process.env['RECONCILE_RUNS'] ?? (DEEP ? 2000 : 200));
const SEED = process.env['RECONCILE_SEED'] !== undefined ? Number(process.env['RECONCILE_SEED']) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
const PATH = process.env['RECONCILE_PATH'];
const SHRINK = process.env['RECONCILE_SHRINK'] === '1';

const HEADER = { source: 'declared', target: 'live', serverVersion: 'N', toolVersion: 'test', plannedAt: 'T', liveHash: 'H', lockTimeout: '2s' };

/** Statements that would destroy or rewrite user data (string literals removed first: hints mention UPDATE). */
function destroysData(sql: string): string | null {
  const code = sql.replace(/E?'(?:[^'\\]|''|\\.)*'/g, "''");
  const m = /\bDROP\s+(TABLE|COLUMN|SCHEMA)\b|\bTRUNCATE\b|\bDELETE\s+FROM\b|\bUPDATE\s+\S+\s+SET\b/i.exec(code);
  return m ? m[0] : null;
}

interface Sides {
  declared: TestDb;
  live: TestDb;
  declaredCatalog: pg.Pool;
  liveCatalog: pg.Pool;
  declaredExec: pg.Pool;
  liveExec: pg.Pool;
}

const stats = { cases: 0, rowsChecked: 0, removals: 0, statements: 0 };

async function reset(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ n: string }>(
    "SELECT nspname AS n FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public')",
  );
  if (rows.length > 0) await pool.query(`DROP SCHEMA ${rows.map((r) => q(r.n)).join(', ')} CASCADE`);
}

async function checksums(pool: pg.Pool, rp: RemovalPlan): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { table, columns } of rp.survivors) {
    const list = columns.length > 0 ? columns.map((c) => q(c.name)).join(', ') : '1';
    const { rows } = await pool.query<{ n: string; h: string | null }>(
      `SELECT count(*)::text AS n, md5(string_agg(x::text, ',' ORDER BY x::text)) AS h FROM (SELECT ${list} FROM ${qn(table)}) x`,
    );
    out[qn(table)] = `${rows[0]?.n}:${rows[0]?.h ?? ''}`;
    stats.rowsChecked += Number(rows[0]?.n ?? 0);
  }
  return out;
}

type Allowed = 'rewrite' | 'rename';

async function planFor(sides: Sides, changes: readonly Change[], allow: readonly Allowed[]): Promise<Plan> {
  const touched = changes.flatMap((c) => ('table' in c && c.table ? [{ schema: c.table.schema, name: c.table.name }] : []));
  const rows = await tablesWithRows(sides.liveCatalog, touched);
  return makePlan(changes, { serverVersion: serverVersion(), tablesWithRows: rows, options: { allowHazards: [...allow] } });
}

/** What the generator produced and the oracle kept, per feature (printed after the run). */
const features = new Map<string, number>();
const count = (k: string, n = 1): void => {
  if (n > 0) features.set(k, (features.get(k) ?? 0) + n);
};
function countFeatures(spec: CaseSpec, rp: RemovalPlan): void {
  for (const t of spec.tables) {
    if (t.partitioning) count(`partitioned ${t.partitioning.strategy}`);
    if (t.partitionOf) count('partitions');
    count('identity columns', t.columns.filter((c) => c.identity).length);
    count('serial columns', t.columns.filter((c) => c.serial).length);
    count('unique indexes referenced by foreign keys', t.indexes.filter((ix) => ix.fkTarget && spec.tables.some((c) => c.fks.some((fk) => fk.targetKey === ix.name && fk.target.name === t.name && fk.target.schema === t.schema))).length);
    for (const fk of t.fks) {
      const target = spec.tables.find((x) => x.schema === fk.target.schema && x.name === fk.target.name);
      count(target?.pk?.name === fk.targetKey ? 'fks -> primary key' : target?.uniques.some((u) => u.name === fk.targetKey) ? 'fks -> unique constraint' : 'fks -> unique index');
    }
  }
  for (const r of rp.kept) {
    const table = 'table' in r ? spec.tables.find((t) => t.schema === r.table.schema && t.name === r.table.name) : undefined;
    const onPartitioned = table?.partitioning ? ' (partitioned)' : '';
    const referenced = (name: string): boolean => spec.tables.some((c) => c.fks.some((fk) => fk.targetKey === name && table !== undefined && fk.target.schema === table.schema && fk.target.name === table.name));
    const onKey = (r.op === 'drop-pk' || r.op === 'drop-unique' || r.op === 'drop-index' || r.op === 'key-to-index') && referenced(r.name) ? ' (referenced key)' : '';
    count(`kept ${r.op}${r.op === 'key-to-index' ? ` ${r.key}` : ''}${onPartitioned}${onKey}`);
  }
}

function describeCase(spec: CaseSpec, rp: RemovalPlan): string {
  return [
    `-- seed ${SEED} (replay: RECONCILE_SEED=${SEED} npx vitest run test/property)`,
    '-- schema (both sides):',
    schemaDdl(spec),
    '-- rows (live side):',
    dataSql(spec),
    '-- removed on the live side:',
    rp.sql.join('\n') || '-- (nothing)',
    `-- expected changes: ${JSON.stringify(rp.expected)}`,
  ].join('\n');
}

async function runCase(sides: Sides, spec: CaseSpec): Promise<void> {
  const rp = removalPlan(spec);
  const fail = (what: string, detail: unknown): never => {
    throw new Error(`${what}\n${typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2)}\n\n${describeCase(spec, rp)}`);
  };
  stats.cases++;
  stats.removals += rp.kept.length;
  countFeatures(spec, rp);
  await Promise.all([reset(sides.declaredExec), reset(sides.liveExec)]);
  const ddl = schemaDdl(spec);
  try {
    await Promise.all([sides.declaredExec.query(ddl), sides.liveExec.query(ddl + dataSql(spec))]);
  } catch (e) {
    fail(`the generator produced SQL PostgreSQL refused: ${(e as Error).message}`, '');
  }
  if (rp.sql.length > 0) {
    try {
      await sides.liveExec.query(rp.sql.join('\n'));
    } catch (e) {
      fail(`a removal failed: ${(e as Error).message}`, '');
    }
  }
  const rowsBefore = await checksums(sides.liveExec, rp);

  const [declared, live] = await Promise.all([inspect(sides.declaredCatalog), inspect(sides.liveCatalog)]);
  const changes = compare(declared.schema, live.schema);
  const found = changes.map(changeKey).filter((k): k is string => k !== null).sort();
  if (JSON.stringify(found) !== JSON.stringify(rp.expected)) {
    fail('compare() did not report exactly the removed objects', { missingFromCompare: rp.expected.filter((k) => !found.includes(k)), unexpected: found.filter((k) => !rp.expected.includes(k)) });
  }

  // A declared index name held by an index on another table: moved aside only under hazard `rename`.
  const allow: Allowed[] = rp.needsRename ? ['rewrite', 'rename'] : ['rewrite'];
  const byDefault = await planFor(sides, changes, []);
  // A statement naming a withheld re-added column (an index on a STORED generated column) is held with it.
  const heldColumns = byDefault.withheld.filter((s) => s.source.kind === 'missing-column').map((s) => `needs "${s.description}", withheld (rewrite): `);
  const inheritsRewrite = (h: { kind: string; message: string }): boolean => h.kind === 'rewrite' && heldColumns.some((p) => h.message.startsWith(p));
  const badWithheld = byDefault.withheld.filter(
    (s) =>
      !s.hazards.every((h) => h.kind === 'rename' && rp.needsRename) &&
      (s.source.kind !== 'missing-column' || s.hazards.some((h) => h.kind !== 'rewrite')) &&
      !(s.hazards.length > 0 && s.hazards.every(inheritsRewrite)),
  );
  if (badWithheld.length > 0) fail('the default plan withholds more than rewrites of re-added columns (and renames of name holders)', badWithheld.map((s) => `${s.description}: ${s.hazards.map((h) => h.message).join('; ')}`));
  const first = await planFor(sides, changes, allow);
  if (first.withheld.length > 0) fail(`statements withheld with --allow-hazards ${allow.join(',')}`, first.withheld.map((s) => s.description));
  for (const s of first.statements) {
    const bad = destroysData(s.sql);
    if (bad) fail(`a statement destroys data (${bad})`, s.sql);
    if (s.hazards.some((h) => !allow.includes(h.kind as Allowed))) fail(`a statement carries a hazard other than ${allow.join(', ')}`, s);
  }
  if (found.length > 0 && first.statements.length === 0) fail('drift found but nothing planned', found);
  stats.statements += first.statements.length;

  const script = renderPlanSql(first, HEADER);
  try {
    await runScript(sides.live.url, script);
  } catch (e) {
    fail(`the plan script failed: ${(e as Error).message}`, script);
  }
  const after = await inspect(sides.liveCatalog);
  const left = compare(declared.schema, after.schema).filter((c) => !isInformational(c));
  if (left.length > 0) fail('not converged: changes left after running the plan', left.map(changeKey));
  const second = await planFor(sides, compare(declared.schema, after.schema), allow);
  if (second.statements.length + second.withheld.length > 0) fail('the second plan is not empty', [...second.statements, ...second.withheld].map((s) => s.description));

  try {
    await runScript(sides.live.url, script);
  } catch (e) {
    fail(`the plan script failed on its second run: ${(e as Error).message}`, script);
  }
  const again = await inspect(sides.liveCatalog);
  if (JSON.stringify(again.schema) !== JSON.stringify(after.schema)) fail('running the script a second time changed the schema', '');

  const rowsAfter = await checksums(sides.liveExec, rp);
  for (const [table, sum] of Object.entries(rowsBefore)) {
    if (rowsAfter[table] !== sum) fail(`rows of ${table} changed`, { before: sum, after: rowsAfter[table] });
  }
}

describe('property: random schemas converge', () => {
  let sides: Sides | undefined;
  beforeAll(async () => {
    const [declared, live] = await Promise.all([createDatabase('prop_declared'), createDatabase('prop_live')]);
    const [declaredCatalog, liveCatalog] = await Promise.all([
      openPool(declared.connection, { max: 4, settings: CATALOG_SETTINGS }),
      openPool(live.connection, { max: 4, settings: CATALOG_SETTINGS }),
    ]);
    sides = {
      declared,
      live,
      declaredCatalog,
      liveCatalog,
      declaredExec: new pg.Pool({ connectionString: declared.url, max: 2 }),
      liveExec: new pg.Pool({ connectionString: live.url, max: 2 }),
    };
  });
  afterAll(async () => {
    if (!sides) return;
    await Promise.all([sides.declaredCatalog.end(), sides.liveCatalog.end(), sides.declaredExec.end(), sides.liveExec.end()]);
    await Promise.all([sides.declared.drop(), sides.live.drop()]);
  });

  it(
    `compare finds exactly what was removed, and the plan converges without touching rows (${RUNS} cases)`,
    async () => {
      process.stdout.write(`property seed ${SEED} (${RUNS} cases; replay with RECONCILE_SEED=${SEED})\n`);
      const s = sides;
      if (!s) throw new Error('no databases');
      const started = Date.now();
      let failures = 0;
      try {
        await fc.assert(
          fc.asyncProperty(caseArbitrary(serverVersion()), (spec) => runCase(s, spec)),
          { seed: SEED, numRuns: RUNS, endOnFailure: !SHRINK, ...(PATH ? { path: PATH } : {}) },
        );
      } catch (e) {
        failures = 1;
        throw e;
      } finally {
        recordStats({ suite: 'property', cases: stats.cases, rowsChecked: stats.rowsChecked, failures, seed: SEED });
        process.stdout.write(
          `property: ${stats.cases} cases, ${stats.removals} removals, ${stats.statements} statements, ${stats.rowsChecked} rows checked in ${((Date.now() - started) / 1000).toFixed(1)}s\n` +
            [...features.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `  ${k}: ${n}\n`).join(''),
        );
      }
      expect(stats.cases).toBeGreaterThanOrEqual(RUNS);
    },
    (DEEP ? 7200 : 900) * 1000,
  );
});
