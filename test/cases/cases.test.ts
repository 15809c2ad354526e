/**
 * Table-driven convergence: test/cases/<name>/{declared.sql, live.sql, expected.sql}
 * (+ options.json). For each case: build both databases, compare, plan, check the
 * script against the golden file, run it, re-plan (must be empty), run it again
 * (must change nothing) and check that rows inserted before are unchanged.
 * options.json may say the script must fail (`failsWith`: the schema and rows are
 * then unchanged) or that a warning note is expected (`noteContains`: the plan
 * may then be empty), and give `--using` expressions (`using`).
 * UPDATE_GOLDEN=1 rewrites the golden scripts. Where PostgreSQL prints a definition
 * differently on an older server (view text, for one), that server's script is
 * kept beside it as expected.pg<major>.sql; written only when it differs.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readTypeFacts } from '../../src/api/type-facts.js';
import { compare } from '../../src/diff/index.js';
import { openPool } from '../../src/db/pool.js';
import { tablesWithRows } from '../../src/introspect/rows.js';
import type { Schema } from '../../src/model/types.js';
import { plan as makePlan, tablesRewritten, type HazardKind, type Plan, type PlanOptions } from '../../src/plan/index.js';
import { parseUsing } from '../../src/plan/using.js';
import { renderPlanSql } from '../../src/render/plan-sql.js';
import { ident, qualified } from '../../src/render/quote.js';
import { createDatabase, serverVersion, type TestDb } from '../helpers/db.js';
import { runScript } from '../helpers/script.js';

const CASES = path.dirname(fileURLToPath(import.meta.url));

interface CaseOptions {
  allowHazards?: HazardKind[];
  rename?: boolean;
  assumeTimezone?: string;
  /** Change kinds a re-plan may still report as statements (e.g. NOT NULL awaiting a backfill). */
  replanMayKeep?: string[];
  /** Skip the row checksum (type conversions change the text of values); counts are still compared. */
  valuesChange?: boolean;
  /** `--using` specs (`schema.table.column=EXPR`). */
  using?: string[];
  /** The script must stop with an error containing this text, and leave the schema and rows as they were. */
  failsWith?: string;
  /** A warning note must contain this text (a change the plan cannot make; the plan may then be empty). */
  noteContains?: string;
  /** The level of that note (default `warning`; `info` for a difference nothing can or needs to repair). */
  noteLevel?: 'warning' | 'info';
  /** The SQL needs this server_version_num or later (e.g. 150000 for NULLS NOT DISTINCT): older servers must refuse declared.sql. */
  minServerVersion?: number;
}

const names = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

async function planFor(declared: Schema, live: TestDb, options: CaseOptions): Promise<Plan> {
  const liveModel = await live.inspect();
  const changes = compare(declared, liveModel);
  const pool = await openPool(live.connection, { max: 1 });
  try {
    const touched = [...changes.flatMap((c) => ('table' in c && c.table ? [{ schema: c.table.schema, name: c.table.name }] : [])), ...tablesRewritten(changes)];
    const rows = await tablesWithRows(pool, touched);
    const planOptions: PlanOptions = {
      allowHazards: options.allowHazards ?? [],
      rename: options.rename ?? false,
      assumeTimezone: options.assumeTimezone ?? 'UTC',
      using: (options.using ?? []).map(parseUsing),
    };
    const typeFacts = await readTypeFacts(pool, changes, liveModel, planOptions);
    return makePlan(changes, { serverVersion: 0, tablesWithRows: rows, options: planOptions, typeFacts, objects: { declared: declared.objects, live: liveModel.objects } });
  } finally {
    await pool.end();
  }
}

/** Every relation outside the system schemas with its OID and file: both stay the same unless it is recreated or rewritten. */
async function relationStorage(db: TestDb): Promise<Record<string, string>> {
  const rows = await db.query<{ name: string; storage: string }>(
    "SELECT n.nspname || '.' || c.relname AS name, c.oid::text || '/' || c.relfilenode::text AS storage FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
      "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND c.relkind IN ('r', 'i', 'm', 'p', 'I', 'S')",
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.storage]));
}

const header = { source: 'declared.sql', target: 'live.sql', serverVersion: 'N', toolVersion: 'test', plannedAt: 'T', liveHash: 'H', lockTimeout: '2s' };

/** Each table's columns by attribute number: a column renamed by the plan keeps its number, an added one gets a new one. */
async function columnNumbers(db: TestDb, model: Schema): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const t of model.tables) {
    const rows = await db.query<{ n: number }>('SELECT attnum AS n FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum', [qualified(t)]);
    out.set(`${t.schema}.${t.name}`, rows.map((r) => Number(r.n)));
  }
  return out;
}

async function checksums(db: TestDb, model: Schema, numbers: Map<string, number[]>): Promise<Record<string, { count: number; md5: string }>> {
  const out: Record<string, { count: number; md5: string }> = {};
  for (const t of model.tables) {
    // Only the columns that existed before (by number, so a renamed column still counts): added columns must not count as changed rows.
    const q = qualified(t);
    const names = await db.query<{ name: string }>('SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum = ANY($2::int2[]) AND NOT attisdropped ORDER BY attnum', [
      q,
      numbers.get(`${t.schema}.${t.name}`) ?? [],
    ]);
    const cols = names.map((c) => ident(c.name)).join(', ');
    // ONLY: a table's own rows (a child linked by the repair adds its rows to queries on the parent, not to the parent).
    const [r] = await db.query<{ n: string; h: string | null }>(
      `SELECT count(*)::text AS n, md5(string_agg(x::text, ',' ORDER BY x::text)) AS h FROM (SELECT ${cols} FROM ONLY ${q}) x`,
    );
    out[`${t.schema}.${t.name}`] = { count: Number(r?.n ?? 0), md5: r?.h ?? '' };
  }
  return out;
}

describe.each(names)('case %s', (name) => {
  const dir = path.join(CASES, name);
  const read = (f: string): string => readFileSync(path.join(dir, f), 'utf8');
  const options: CaseOptions = existsSync(path.join(dir, 'options.json')) ? (JSON.parse(read('options.json')) as CaseOptions) : {};
  const dbs: TestDb[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('plans the golden script, converges, and is idempotent without touching rows', async () => {
    const declaredDb = await createDatabase('declared');
    const live = await createDatabase('live');
    dbs.push(declaredDb, live);
    if (options.minServerVersion !== undefined && serverVersion() < options.minServerVersion) {
      // The case is about syntax this server does not have: it must refuse it (a case that stops needing it fails here).
      await expect(declaredDb.exec(read('declared.sql'))).rejects.toThrow(/syntax error|does not exist|not supported|unrecognized parameter/);
      return;
    }
    await declaredDb.exec(read('declared.sql'));
    await live.exec(read('live.sql'));
    const declared = await declaredDb.inspect();
    const before = await live.inspect();
    const numbers = await columnNumbers(live, before);
    const rowsBefore = await checksums(live, before, numbers);

    const first = await planFor(declared, live, options);
    const script = renderPlanSql(first, header);
    const major = Math.floor(serverVersion() / 10000);
    const basePath = path.join(dir, 'expected.sql');
    const versionPath = path.join(dir, `expected.pg${major}.sql`);
    const isLatest = major >= 18;
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(basePath)) {
      if (isLatest || !existsSync(basePath)) writeFileSync(basePath, script);
      else if (script !== read('expected.sql')) writeFileSync(versionPath, script);
    }
    const goldenPath = !isLatest && existsSync(versionPath) ? versionPath : basePath;
    expect(script).toBe(readFileSync(goldenPath, 'utf8'));
    if (options.noteContains !== undefined) {
      expect(first.notes.filter((n) => n.level === (options.noteLevel ?? 'warning')).map((n) => n.message).join('\n')).toContain(options.noteContains);
    } else {
      expect(first.statements.length).toBeGreaterThan(0);
    }
    for (const s of first.statements) expect(s.sql).not.toMatch(/^\s*(DROP TABLE|TRUNCATE|DELETE|UPDATE)\b/i);

    if (options.failsWith !== undefined) {
      await expect(runScript(live.url, script)).rejects.toThrow(options.failsWith);
      expect(await live.inspect()).toEqual(before);
      expect(await checksums(live, before, numbers)).toEqual(rowsBefore);
      return;
    }
    await runScript(live.url, script);
    const afterFirst = await live.inspect();
    const replan = await planFor(declared, live, options);
    const kept = replan.statements.filter((s) => !(options.replanMayKeep ?? []).includes(s.source.kind));
    expect(kept.map((s) => s.description)).toEqual([]);

    // The second run changes nothing: not the model, and no relation is rebuilt or recreated
    // (a guard that never holds would drop and build an index again, leaving the model alike).
    const storageFirst = await relationStorage(live);
    await runScript(live.url, script);
    expect(await live.inspect()).toEqual(afterFirst);
    expect(await relationStorage(live)).toEqual(storageFirst);

    const rowsAfter = await checksums(live, before, numbers);
    for (const [table, b] of Object.entries(rowsBefore)) {
      expect(rowsAfter[table]?.count, `row count of ${table}`).toBe(b.count);
      if (!options.valuesChange) expect(rowsAfter[table]?.md5, `rows of ${table}`).toBe(b.md5);
    }
  });
});
