/**
 * What Flyway, golang-migrate, dbmate and goose do to a PostgreSQL database, step for step,
 * for building ledger states (none of the tools is installed here). Written from each tool's
 * source, independently of src/ (own file listing, own checksum, own section parsing):
 *
 * - Flyway (flyway/flyway): the table of `PostgreSQLDatabase.getRawCreateScript`
 *   (flyway-core .../internal/database/postgresql/PostgreSQLDatabase.java), rows of `JdbcTableSchemaHistory.doAddAppliedMigration`
 *   (installed_rank = MAX + 1, installed_by = current_user), `removeFailedMigrations` for
 *   `flyway repair`, checksums of `ChecksumCalculator.calculateChecksumForResource`
 *   (flyway-core/src/main/java/org/flywaydb/core/internal/resolver/ChecksumCalculator.java),
 *   `validate` refusing failed rows and checksum mismatches;
 * - golang-migrate (golang-migrate/migrate): `database/postgres/postgres.go` (`ensureVersionTable`,
 *   `SetVersion`: TRUNCATE + INSERT), `migrate.go` (dirty -> `ErrDirty`; `up` sets (v, true), runs, sets (v, false)),
 *   `force` = SetVersion(v, false);
 * - dbmate (amacneil/dbmate): `pkg/driver/postgres/postgres.go` (`CreateMigrationsTable`,
 *   `InsertMigration`), `pkg/dbmate/db.go` (pending = no row, in file order, the up block in a
 *   transaction unless `transaction:false`);
 * - goose (pressly/goose): `database/dialect/postgres.go` (`CreateTable`, `InsertVersion`,
 *   `ListMigrations`), the version 0 row after creating the table, `up` refusing missing
 *   (out-of-order) migrations unless allowed.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import type { TestDb } from '../helpers/db.js';

async function withClient<T>(db: TestDb, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(db.url);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export class ToolError extends Error {}

// ---------------------------------------------------------------- Flyway

export const FLYWAY_DDL = `CREATE TABLE "public"."flyway_schema_history" (
    "installed_rank" INT NOT NULL,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INTEGER,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
    "execution_time" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL
);
ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");`;

/** As Java's BufferedReader.readLine splits: on \n, \r\n or \r; the last line without terminator counts, an empty tail does not. */
function javaLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** ChecksumCalculator: one CRC32 fed line after line (no terminators), BOM stripped from the first line, cast to int. */
export function javaFlywayChecksum(bytes: Buffer): number {
  const lines = javaLines(bytes.toString('utf8'));
  let crc = 0;
  lines.forEach((line, i) => {
    const l = i === 0 && line.startsWith('\uFEFF') ? line.slice(1) : line;
    crc = zlib.crc32(Buffer.from(l, 'utf8'), crc);
  });
  return crc | 0;
}

export interface FlywayScript {
  rel: string;
  version: string | null;
  description: string;
  checksum: number;
  text: string;
}

export function flywayScripts(dir: string): FlywayScript[] {
  const walk = (rel: string): string[] =>
    readdirSync(path.join(dir, rel)).flatMap((n) => (statSync(path.join(dir, rel, n)).isDirectory() ? walk(path.posix.join(rel, n)) : [path.posix.join(rel, n)]));
  const out: FlywayScript[] = [];
  for (const rel of walk('')) {
    const base = path.posix.basename(rel);
    const m = /^(V([0-9._]+)|R)__(.*)\.sql$/.exec(base);
    if (!m) continue;
    const bytes = readFileSync(path.join(dir, rel));
    out.push({ rel, version: m[2] ? m[2].replace(/_/g, '.') : null, description: (m[3] ?? '').replace(/_/g, ' '), checksum: javaFlywayChecksum(bytes), text: bytes.toString('utf8').replace(/^\uFEFF/, '') });
  }
  const num = (v: string): number[] => v.split('.').map(Number);
  const cmp = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  return out.sort((a, b) =>
    a.version !== null && b.version !== null ? cmp(num(a.version), num(b.version)) : a.version !== null ? -1 : b.version !== null ? 1 : a.description < b.description ? -1 : 1,
  );
}

export interface FlywayHistoryRow {
  installed_rank: number;
  version: string | null;
  description: string;
  type: string;
  script: string;
  checksum: number | null;
  installed_by: string;
  execution_time: number;
  success: boolean;
}

export const flywayHistory = (db: TestDb): Promise<FlywayHistoryRow[]> =>
  db.query<FlywayHistoryRow>(
    'SELECT installed_rank, version, description, type, script, checksum, installed_by, execution_time, success FROM flyway_schema_history ORDER BY installed_rank',
  );

const hasTable = async (c: pg.Client, name: string): Promise<boolean> => (await c.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name])).rows[0]?.t != null;

async function flywayInsert(c: pg.Client, s: FlywayScript, success: boolean): Promise<void> {
  const rank = Number((await c.query<{ m: number | null }>('SELECT MAX("installed_rank") AS m FROM flyway_schema_history')).rows[0]?.m ?? 0) + 1;
  await c.query(
    'INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) VALUES ($1, $2, $3, $4, $5, $6, current_user, $7, $8)',
    [rank, s.version, s.description, 'SQL', s.rel, s.checksum, 3, success],
  );
}

/** `flyway validate`: failed rows and checksum mismatches are errors (what migrate checks first). */
export async function flywayValidate(db: TestDb, dir: string): Promise<void> {
  const rows = await flywayHistory(db);
  const failed = rows.find((r) => !r.success);
  if (failed) throw new ToolError(`Detected failed migration to version ${failed.version} (${failed.description})`);
  for (const s of flywayScripts(dir)) {
    if (s.version === null) continue;
    const r = rows.find((x) => x.version === s.version && x.type === 'SQL');
    if (r && r.checksum !== s.checksum) throw new ToolError(`Migration checksum mismatch for migration version ${s.version}`);
  }
}

/**
 * `flyway migrate`: pending versioned scripts in order, then repeatables whose checksum changed.
 * `fail` names a script that stops half-way when run non-transactionally (its row success=false).
 */
export async function flywayMigrate(db: TestDb, dir: string, opts: { only?: string[]; failNonTransactional?: { rel: string; after: string } } = {}): Promise<string[]> {
  await withClient(db, async (c) => {
    if (!(await hasTable(c, 'flyway_schema_history'))) await c.query(FLYWAY_DDL);
  });
  await flywayValidate(db, dir);
  return withClient(db, async (c) => {
    const done: string[] = [];
    const rows = (await c.query<FlywayHistoryRow>('SELECT * FROM flyway_schema_history ORDER BY installed_rank')).rows;
    for (const s of flywayScripts(dir)) {
      if (opts.only && !opts.only.includes(s.rel)) continue;
      const mine = rows.filter((r) => (s.version === null ? r.version === null && r.description === s.description : r.version === s.version));
      if (s.version !== null ? mine.length > 0 : mine.at(-1)?.checksum === s.checksum) continue;
      if (opts.failNonTransactional?.rel === s.rel) {
        await c.query(opts.failNonTransactional.after);
        await flywayInsert(c, s, false);
        throw new ToolError(`Migration ${s.rel} failed`);
      }
      await c.query('BEGIN');
      await c.query(s.text);
      await flywayInsert(c, s, true);
      await c.query('COMMIT');
      done.push(s.rel);
    }
    return done;
  });
}

// ---------------------------------------------------------------- golang-migrate

const GM_DDL = 'CREATE TABLE IF NOT EXISTS "public"."schema_migrations" (version bigint not null primary key, dirty boolean not null)';

async function gmSetVersion(c: pg.Client, version: number, dirty: boolean): Promise<void> {
  await c.query('BEGIN');
  await c.query('TRUNCATE "public"."schema_migrations"');
  if (version >= 0) await c.query('INSERT INTO "public"."schema_migrations" (version, dirty) VALUES ($1, $2)', [version, dirty]);
  await c.query('COMMIT');
}

export const gmUps = (dir: string): { version: number; file: string }[] =>
  readdirSync(dir)
    .map((f) => ({ m: /^([0-9]+)_(.*)\.up\.sql$/.exec(f), f }))
    .filter((x) => x.m)
    .map((x) => ({ version: Number(x.m?.[1]), file: x.f }))
    .sort((a, b) => a.version - b.version);

/** `migrate up [N]`; a failing file leaves (v, dirty). */
export async function migrateUp(db: TestDb, dir: string, limit?: number): Promise<number[]> {
  return withClient(db, async (c) => {
    await c.query(GM_DDL);
    const cur = (await c.query<{ version: string; dirty: boolean }>('SELECT version, dirty FROM "public"."schema_migrations" LIMIT 1')).rows[0];
    if (cur?.dirty) throw new ToolError(`Dirty database version ${cur.version}. Fix and force version.`);
    const from = cur ? Number(cur.version) : -1;
    const done: number[] = [];
    for (const u of gmUps(dir)) {
      if (u.version <= from) continue;
      if (limit !== undefined && done.length >= limit) break;
      await gmSetVersion(c, u.version, true);
      await c.query(readFileSync(path.join(dir, u.file), 'utf8')).catch((e: Error) => {
        throw new ToolError(`migration failed: ${e.message} in line 0: ${u.file}`);
      });
      await gmSetVersion(c, u.version, false);
      done.push(u.version);
    }
    return done;
  });
}

/** `migrate force V`. */
export const migrateForce = (db: TestDb, version: number): Promise<void> =>
  withClient(db, async (c) => {
    await c.query(GM_DDL);
    await gmSetVersion(c, version, false);
  });

export const gmRows = (db: TestDb): Promise<{ version: string; dirty: boolean }[]> => db.query('SELECT version::text, dirty FROM schema_migrations');

// ---------------------------------------------------------------- dbmate

export const dbmateFiles = (dir: string): { version: string; file: string }[] =>
  readdirSync(dir)
    .filter((f) => /^[0-9]+.*\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: /^[0-9]+/.exec(f)?.[0] ?? '', file: f }));

function dbmateBlock(text: string): { up: string; transaction: boolean } {
  const up = text.indexOf('-- migrate:up');
  const down = text.indexOf('-- migrate:down');
  const block = text.slice(up, down);
  return { up: block, transaction: !/^-- migrate:up.*transaction:false/.test(block) };
}

/** `dbmate up` (or `migrate`): each file without a row, in file order; `only` limits to versions. */
export async function dbmateUp(db: TestDb, dir: string, only?: string[]): Promise<string[]> {
  return withClient(db, async (c) => {
    await c.query('create table if not exists "public"."schema_migrations" (version varchar(255) primary key)');
    const applied = new Set((await c.query<{ version: string }>('select version from "public"."schema_migrations" order by version desc')).rows.map((r) => r.version));
    const done: string[] = [];
    for (const f of dbmateFiles(dir)) {
      if (applied.has(f.version) || (only && !only.includes(f.version))) continue;
      const { up, transaction } = dbmateBlock(readFileSync(path.join(dir, f.file), 'utf8'));
      if (transaction) await c.query('BEGIN');
      if (transaction) await c.query(up);
      else for (const st of up.split(/;\s*\n/).filter((s) => s.trim() !== '' && !/^\s*(--.*\n?)*\s*$/.test(s))) await c.query(st);
      await c.query('insert into "public"."schema_migrations" (version) values ($1)', [f.version]);
      if (transaction) await c.query('COMMIT');
      done.push(f.version);
    }
    return done;
  });
}

export const dbmateRows = async (db: TestDb): Promise<string[]> => (await db.query<{ version: string }>('select version from schema_migrations order by version')).map((r) => r.version);

// ---------------------------------------------------------------- goose

export const GOOSE_DDL = `CREATE TABLE goose_db_version (
		id integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
		version_id bigint NOT NULL,
		is_applied boolean NOT NULL,
		tstamp timestamp NOT NULL DEFAULT now()
	)`;

export const gooseFiles = (dir: string): { version: number; file: string }[] =>
  readdirSync(dir)
    .map((f) => ({ m: /^([0-9]+)_.*\.sql$/.exec(f), f }))
    .filter((x) => x.m)
    .map((x) => ({ version: Number(x.m?.[1]), file: x.f }))
    .sort((a, b) => a.version - b.version);

function gooseUpSection(text: string): string {
  const lines = text.split('\n');
  const up = lines.findIndex((l) => l.trim() === '-- +goose Up');
  const down = lines.findIndex((l) => l.trim() === '-- +goose Down');
  return lines.slice(up + 1, down < 0 ? undefined : down).join('\n');
}

/** goose's applied versions: the latest row of each version (ListMigrations, ORDER BY id DESC). */
async function gooseApplied(c: pg.Client): Promise<Set<number>> {
  const rows = (await c.query<{ version_id: string; is_applied: boolean }>('SELECT version_id, is_applied from goose_db_version ORDER BY id DESC')).rows;
  const seen = new Map<number, boolean>();
  for (const r of rows) if (!seen.has(Number(r.version_id))) seen.set(Number(r.version_id), r.is_applied);
  return new Set([...seen].filter(([v, a]) => a && v !== 0).map(([v]) => v));
}

/** `goose up` (`up-to` with `only`); missing (older than the latest applied) migrations are an error unless allowMissing. */
export async function gooseUp(db: TestDb, dir: string, opts: { only?: number[]; allowMissing?: boolean } = {}): Promise<number[]> {
  return withClient(db, async (c) => {
    if (!(await hasTable(c, 'goose_db_version'))) {
      await c.query(GOOSE_DDL);
      await c.query('INSERT INTO goose_db_version (version_id, is_applied) VALUES ($1, $2)', [0, true]);
    }
    const applied = await gooseApplied(c);
    const max = Math.max(0, ...applied);
    const files = gooseFiles(dir);
    const missing = files.filter((f) => f.version < max && !applied.has(f.version));
    if (missing.length > 0 && !opts.allowMissing) throw new ToolError(`found ${missing.length} missing migrations before current version ${max}`);
    const done: number[] = [];
    for (const f of files) {
      if (applied.has(f.version) || (opts.only && !opts.only.includes(f.version))) continue;
      await c.query('BEGIN');
      await c.query(gooseUpSection(readFileSync(path.join(dir, f.file), 'utf8')));
      await c.query('INSERT INTO goose_db_version (version_id, is_applied) VALUES ($1, $2)', [f.version, true]);
      await c.query('COMMIT');
      done.push(f.version);
    }
    return done;
  });
}

export const gooseRows = (db: TestDb): Promise<{ id: number; version_id: string; is_applied: boolean }[]> => db.query('SELECT id, version_id::text, is_applied FROM goose_db_version ORDER BY id');
