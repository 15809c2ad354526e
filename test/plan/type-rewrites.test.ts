/**
 * Every claim the planner makes about a column type change, checked against
 * what PostgreSQL does: a "no rewrite" plan leaves pg_class.relfilenode of the
 * table unchanged, a "rewrite" plan changes it. One table per conversion, all
 * planned and run as one script (the real path: compare, type facts, plan, psql).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTypeFacts } from '../../src/api/type-facts.js';
import { openPool } from '../../src/db/pool.js';
import { compare } from '../../src/diff/index.js';
import { tablesWithRows } from '../../src/introspect/rows.js';
import { plan as makePlan, type Plan, type PlanOptions } from '../../src/plan/index.js';
import { renderPlanSql } from '../../src/render/plan-sql.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runScript } from '../helpers/script.js';

type Claim = 'no rewrite' | 'rewrite';

interface Conversion {
  readonly from: string;
  readonly to: string;
  readonly value: string;
  readonly claim: Claim;
}

const CONVERSIONS: readonly Conversion[] = [
  { from: 'varchar(10)', to: 'varchar(20)', value: "'abc'", claim: 'no rewrite' },
  { from: 'varchar(10)', to: 'text', value: "'abc'", claim: 'no rewrite' },
  { from: 'varchar(10)', to: 'varchar', value: "'abc'", claim: 'no rewrite' },
  { from: 'text', to: 'varchar', value: "'abc'", claim: 'no rewrite' },
  { from: 'varchar', to: 'text', value: "'abc'", claim: 'no rewrite' },
  { from: 'numeric(10,2)', to: 'numeric(12,2)', value: '1.25', claim: 'no rewrite' },
  { from: 'numeric(10,2)', to: 'numeric', value: '1.25', claim: 'no rewrite' },
  { from: 'varchar(10)', to: 'public.d_v20', value: "'abc'", claim: 'no rewrite' },
  { from: 'public.d_v20', to: 'text', value: "'abc'", claim: 'no rewrite' },
  { from: 'text', to: 'public.d_text', value: "'abc'", claim: 'no rewrite' },
  { from: 'numeric(10,2)', to: 'public.d_num', value: '1.25', claim: 'no rewrite' },
  { from: 'public.d_num', to: 'numeric', value: '1.25', claim: 'no rewrite' },
  { from: 'timestamp(3)', to: 'timestamp(6)', value: "'2026-01-01 10:00'", claim: 'no rewrite' },
  { from: 'timestamp(3)', to: 'timestamp', value: "'2026-01-01 10:00'", claim: 'no rewrite' },
  { from: 'varbit(3)', to: 'varbit(5)', value: "B'101'", claim: 'no rewrite' },
  { from: 'text', to: 'text COLLATE "C"', value: "'abc'", claim: 'no rewrite' },
  { from: 'varchar(10) COLLATE "C"', to: 'text', value: "'abc'", claim: 'no rewrite' },
  { from: 'timestamp', to: 'timestamptz', value: "'2026-01-01 10:00'", claim: 'no rewrite' },
  { from: 'timestamp(3)', to: 'timestamptz', value: "'2026-01-01 10:00'", claim: 'no rewrite' },
  { from: 'timestamptz', to: 'timestamp', value: "'2026-01-01 10:00+00'", claim: 'no rewrite' },
  { from: 'varchar(20)', to: 'varchar(10)', value: "'abc'", claim: 'rewrite' },
  { from: 'text', to: 'varchar(10)', value: "'abc'", claim: 'rewrite' },
  { from: 'numeric(10,2)', to: 'numeric(12,3)', value: '1.25', claim: 'rewrite' },
  { from: 'numeric', to: 'numeric(10,2)', value: '1.25', claim: 'rewrite' },
  { from: 'varchar(10)', to: 'public.d_v20c', value: "'abc'", claim: 'rewrite' },
  { from: 'public.d_v20', to: 'varchar(20)', value: "'abc'", claim: 'rewrite' },
  { from: 'timestamp', to: 'timestamptz(3)', value: "'2026-01-01 10:00'", claim: 'rewrite' },
  { from: 'char(10)', to: 'char(20)', value: "'abc'", claim: 'rewrite' },
  { from: 'integer', to: 'bigint', value: '1', claim: 'rewrite' },
  { from: 'varchar(10)', to: 'numeric', value: "'1.5'", claim: 'rewrite' },
  { from: 'text[]', to: 'varchar[]', value: "'{a}'", claim: 'rewrite' },
];

const DOMAINS = `
CREATE DOMAIN public.d_v20 AS varchar(20);
CREATE DOMAIN public.d_v20c AS varchar(20) CHECK (VALUE <> '');
CREATE DOMAIN public.d_num AS numeric(12,2);
CREATE DOMAIN public.d_text AS text;`;

const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});

async function planFor(live: TestDb, declaredDb: TestDb, options: PlanOptions): Promise<Plan> {
  const declared = await declaredDb.inspect();
  const liveModel = await live.inspect();
  const changes = compare(declared, liveModel);
  const pool = await openPool(live.connection, { max: 1 });
  try {
    const touched = changes.flatMap((c) => ('table' in c && c.table ? [{ schema: c.table.schema, name: c.table.name }] : []));
    const rows = await tablesWithRows(pool, touched);
    const typeFacts = await readTypeFacts(pool, changes, liveModel, options);
    return makePlan(changes, { serverVersion: 0, tablesWithRows: rows, options, typeFacts });
  } finally {
    await pool.end();
  }
}

const header = { source: 'declared', target: 'live', serverVersion: 'N', toolVersion: 'test', plannedAt: 'T', liveHash: 'H', lockTimeout: '2s' };

async function filenodes(db: TestDb, names: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ relname: string; f: string }>(
    'SELECT relname, relfilenode::text AS f FROM pg_catalog.pg_class WHERE relnamespace = \'public\'::regnamespace AND relname = ANY($1)',
    [names],
  );
  return new Map(rows.map((r) => [r.relname, r.f]));
}

/** The claim the plan makes for table `name`: its ALTER carries the rewrite hazard or not. */
function claimOf(plan: Plan, name: string): Claim {
  const alter = plan.statements.find((s) => s.source.kind === 'column-type-differs' && 'table' in s.source && s.source.table.name === name && /ALTER TABLE/.test(s.sql));
  if (!alter) throw new Error(`no ALTER planned for ${name}`);
  return alter.hazards.some((h) => h.kind === 'rewrite') ? 'rewrite' : 'no rewrite';
}

describe('type conversions: the rewrite class the plan claims is what PostgreSQL does', () => {
  let live: TestDb;
  let declared: TestDb;
  const table = (i: number): string => `conv_${i}`;

  beforeAll(async () => {
    live = await createDatabase('rw_live');
    declared = await createDatabase('rw_declared');
    dbs.push(live, declared);
    await live.exec(DOMAINS + CONVERSIONS.map((c, i) => `CREATE TABLE public.${table(i)} (id int PRIMARY KEY, c ${c.from}); INSERT INTO public.${table(i)} VALUES (1, ${c.value});`).join('\n'));
    await declared.exec(DOMAINS + CONVERSIONS.map((c, i) => `CREATE TABLE public.${table(i)} (id int PRIMARY KEY, c ${c.to});`).join('\n'));
  });

  it('claims each class as listed, and pg_class.relfilenode agrees after the plan ran', async () => {
    const plan = await planFor(live, declared, { allowHazards: ['rewrite'], assumeTimezone: 'UTC' });
    const names = CONVERSIONS.map((_, i) => table(i));
    const claims = CONVERSIONS.map((c, i) => `${c.from} -> ${c.to}: ${claimOf(plan, table(i))}`);
    expect(claims).toEqual(CONVERSIONS.map((c) => `${c.from} -> ${c.to}: ${c.claim}`));

    const before = await filenodes(live, names);
    // The session zone is not UTC: the plan must set it for the timestamp conversions itself.
    await runScript(live.url, `SET TimeZone = 'America/New_York';\n` + renderPlanSql(plan, header));
    const after = await filenodes(live, names);
    const observed = CONVERSIONS.map((c, i) => `${c.from} -> ${c.to}: ${before.get(table(i)) === after.get(table(i)) ? 'no rewrite' : 'rewrite'}`);
    expect(observed).toEqual(claims);

    // Values taken as UTC: 10:00 written as timestamp reads 10:00 UTC as timestamptz.
    const i = CONVERSIONS.findIndex((c) => c.from === 'timestamp' && c.to === 'timestamptz');
    const [row] = await live.query<{ utc: string }>(`SELECT to_char(c AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS utc FROM public.${table(i)}`);
    expect(row?.utc).toBe('2026-01-01 10:00');

    const replan = await planFor(live, declared, { allowHazards: ['rewrite'], assumeTimezone: 'UTC' });
    expect(replan.statements.map((s) => s.description)).toEqual([]);
  });
});

describe('timestamp -> timestamptz in another zone, and the indexes PostgreSQL rebuilds', () => {
  it('keeps the rewrite (and its hazard) when values were written in another zone', async () => {
    const live = await createDatabase('rw_zone');
    const declared = await createDatabase('rw_zone_d');
    dbs.push(live, declared);
    await live.exec(`CREATE TABLE public.calls (id int PRIMARY KEY, at timestamp); INSERT INTO public.calls VALUES (1, '2026-01-01 10:00');`);
    await declared.exec(`CREATE TABLE public.calls (id int PRIMARY KEY, at timestamptz);`);
    const withheld = await planFor(live, declared, { assumeTimezone: 'Europe/Paris' });
    expect(withheld.statements).toEqual([]);
    expect(withheld.withheld.flatMap((s) => s.hazards.map((h) => h.kind))).toContain('rewrite');
    const plan = await planFor(live, declared, { assumeTimezone: 'Europe/Paris', allowHazards: ['rewrite'] });
    expect(plan.statements.at(-1)?.sql).toContain(`AT TIME ZONE 'Europe/Paris'`);
    const [before] = await filenodes(live, ['calls']).then((m) => [m.get('calls')]);
    await runScript(live.url, renderPlanSql(plan, header));
    const after = (await filenodes(live, ['calls'])).get('calls');
    expect(after).not.toBe(before);
    const [row] = await live.query<{ utc: string }>(`SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS utc FROM public.calls`);
    expect(row?.utc).toBe('2026-01-01 09:00');
  });

  it('PostgreSQL rebuilds an index on the column even without a table rewrite; the plan drops and builds it concurrently instead', async () => {
    const live = await createDatabase('rw_idx');
    const declared = await createDatabase('rw_idx_d');
    dbs.push(live, declared);
    const ddl = (type: string): string =>
      `CREATE TABLE public.calls (id int PRIMARY KEY, at ${type}, code text); CREATE INDEX calls_at ON public.calls (at); CREATE UNIQUE INDEX calls_code ON public.calls (code);`;
    await live.exec(ddl('timestamp') + ` INSERT INTO public.calls VALUES (1, '2026-01-01 10:00', 'a');`);
    await declared.exec(ddl('timestamptz'));

    // What PostgreSQL itself does: the table keeps its file, the index gets a new one.
    const probe = await createDatabase('rw_idx_raw');
    dbs.push(probe);
    await probe.exec(ddl('timestamp') + ` INSERT INTO public.calls VALUES (1, '2026-01-01 10:00', 'a');`);
    const rawBefore = await filenodes(probe, ['calls', 'calls_at']);
    await probe.exec(`BEGIN; SET LOCAL TimeZone = 'UTC'; ALTER TABLE public.calls ALTER COLUMN at TYPE timestamptz; COMMIT;`);
    const rawAfter = await filenodes(probe, ['calls', 'calls_at']);
    expect(rawAfter.get('calls')).toBe(rawBefore.get('calls'));
    expect(rawAfter.get('calls_at')).not.toBe(rawBefore.get('calls_at'));

    const withheld = await planFor(live, declared, {});
    expect(withheld.statements).toEqual([]);
    expect(withheld.withheld.flatMap((s) => s.hazards.map((h) => h.kind))).toEqual(expect.arrayContaining(['replace-index']));
    const plan = await planFor(live, declared, { allowHazards: ['replace-index'] });
    expect(plan.statements.map((s) => s.sql.split('\n')[0])).toEqual([
      'DROP INDEX CONCURRENTLY IF EXISTS "public"."calls_at"',
      'DO $reconcile$',
      'DROP INDEX CONCURRENTLY IF EXISTS "public"."calls_at"',
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "calls_at" ON "public"."calls" USING btree ("at")',
    ]);
    const before = await filenodes(live, ['calls', 'calls_code']);
    await runScript(live.url, renderPlanSql(plan, header));
    const after = await filenodes(live, ['calls', 'calls_code']);
    expect(after.get('calls')).toBe(before.get('calls'));
    // An index on another column is left alone.
    expect(after.get('calls_code')).toBe(before.get('calls_code'));
    expect((await planFor(live, declared, {})).statements).toEqual([]);
  });

  it('keeps a unique index on the column rebuilt under the lock, as a rewrite hazard that says so', async () => {
    const live = await createDatabase('rw_uidx');
    const declared = await createDatabase('rw_uidx_d');
    dbs.push(live, declared);
    await live.exec(`CREATE TABLE public.calls (id int PRIMARY KEY, at timestamp UNIQUE); INSERT INTO public.calls VALUES (1, '2026-01-01 10:00');`);
    await declared.exec(`CREATE TABLE public.calls (id int PRIMARY KEY, at timestamptz UNIQUE);`);
    const plan = await planFor(live, declared, {});
    expect(plan.statements).toEqual([]);
    const messages = plan.withheld.flatMap((s) => s.hazards.map((h) => `${h.kind}: ${h.message}`));
    expect(messages.join('\n')).toContain('rewrite: public.calls.at: the table is not rewritten, but PostgreSQL rebuilds the constraint index calls_at_key under the ACCESS EXCLUSIVE lock');
  });
});
