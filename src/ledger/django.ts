/**
 * Django: `django_migrations(id, app, name, applied)`; a row means applied.
 *
 * Squashed migrations. A squashed migration that still lists `replaces` is
 * recorded as the migrations it replaces (Django writes their rows when it applies
 * it, and adds the squashed name once all of them are recorded). `sqlmigrate`
 * output does not say what a migration replaces, so the tree gives it in one of two ways:
 * - `replaces.json` at the tree's root, `{"app.squashed_name": ["app.replaced", ...]}`
 *   (exact: recorded when its own row or every replaced row is present; the fix
 *   writes the replaced rows and the squashed row, as Django does);
 * - otherwise Django's default name, `0001_initial_squashed_0004_foo`: recorded
 *   when its own row is present, or rows numbered 0001 to 0004 all are (a
 *   heuristic: a squash made with `--squashed-name` cannot be recognized; the fix
 *   writes only the squashed row, because the replaced names are not known).
 * A Django project source (`--from manage.py`) knows each migration's `replaces`
 * from Django itself (`Migration.replaces`): exact, as with `replaces.json`.
 * Rows of apps the tree does not hold (admin, auth, ...) are outside its scope.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../db/pool.js';
import type { DeclaredSource, Migration } from '../declared/types.js';
import { ReconcileError } from '../errors.js';
import type { QualifiedName } from '../model/types.js';
import { literal, qualified } from '../render/quote.js';
import { ROW_WRITE_LOCK, ledgerStatement, pruneStatement, requireLedgerColumns } from './sql.js';
import type { FixRequest, LedgerAdapter, LedgerEntry, LedgerMatch, LedgerReading, LedgerRow } from './types.js';

export interface DjangoRow extends LedgerRow {
  readonly app: string;
  readonly name: string;
}

export const DJANGO_TABLE = 'django_migrations';
export const REPLACES_FILE = 'replaces.json';

/** Where Django's ledger is: the `django_migrations` table, `public` first when there are several. */
const LOCATE_SQL = `SELECT n.nspname AS schema FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relname = $1 AND c.relkind IN ('r', 'p') ORDER BY (n.nspname = 'public') DESC, n.nspname`;

async function read(db: Queryable): Promise<LedgerReading<DjangoRow>> {
  const found = await db.query<{ schema: string }>(LOCATE_SQL, [DJANGO_TABLE]);
  const schema = found.rows[0]?.schema;
  if (schema === undefined) return { kind: 'django', table: { schema: 'public', name: DJANGO_TABLE }, exists: false, rows: [] };
  const table: QualifiedName = { schema, name: DJANGO_TABLE };
  await requireLedgerColumns(db, table, 'Django', ['id', 'app', 'name', 'applied']);
  const res = await db.query<{ id: string; app: string; name: string; applied: string | null }>(
    `SELECT id::text AS id, app::text AS app, name::text AS name, applied::text AS applied FROM ${qualified(table)} ORDER BY id`,
  );
  const rows = res.rows.map((r) => ({ id: r.id, app: r.app, name: r.name, display: `${r.app}.${r.name}`, values: { id: r.id, app: r.app, name: r.name, applied: r.applied } }));
  return { kind: 'django', table, exists: true, rows };
}

/** Explicit `replaces` from `replaces.json`, by migration key. */
function readReplaces(source: DeclaredSource): Map<string, { app: string; name: string }[]> {
  const out = new Map<string, { app: string; name: string }[]>();
  if (source.kind !== 'django-tree') return out;
  const file = path.join(source.location, REPLACES_FILE);
  if (!existsSync(file)) return out;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ReconcileError('bad-input', `${file} is not JSON: ${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ReconcileError('bad-input', `${file} must be an object {"app.migration": ["app.replaced", ...]}`);
  for (const [key, list] of Object.entries(json)) {
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && x.includes('.'))) {
      throw new ReconcileError('bad-input', `${file}: ${key} must list "app.migration" names`);
    }
    out.set(
      key,
      (list as string[]).map((k) => ({ app: k.slice(0, k.indexOf('.')), name: k.slice(k.indexOf('.') + 1) })),
    );
  }
  return out;
}

const splitKey = (k: string): { app: string; name: string } => ({ app: k.slice(0, k.indexOf('.')), name: k.slice(k.indexOf('.') + 1) });

/** What a squashed migration replaces: as Django says (a project source), else `replaces.json`. */
function replacesOf(m: Migration, fromFile: ReadonlyMap<string, { app: string; name: string }[]>): { app: string; name: string }[] | undefined {
  return m.replaces ? m.replaces.map(splitKey) : fromFile.get(m.key);
}

/** Django's default squashed name: `0001_initial_squashed_0004_foo` covers 0001 to 0004. */
export function squashedRange(name: string): { from: number; to: number } | null {
  const m = /^(\d+)(?:_.*)?_squashed_(\d+)(?:_|$)/.exec(name);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from <= to ? { from, to } : null;
}

const numberOf = (name: string): number | null => {
  const m = /^(\d+)/.exec(name);
  return m ? Number(m[1]) : null;
};

function match(reading: LedgerReading<DjangoRow>, migrations: readonly Migration[], source: DeclaredSource): LedgerMatch<DjangoRow> {
  const replaces = readReplaces(source);
  const apps = new Set(migrations.map((m) => m.app));
  const ownNames = new Set(migrations.map((m) => `${m.app}\u0000${m.name}`));
  const byName = new Map<string, DjangoRow[]>();
  for (const r of reading.rows) {
    const k = `${r.app}\u0000${r.name}`;
    byName.set(k, [...(byName.get(k) ?? []), r]);
  }
  const explained = new Set<DjangoRow>();
  const entries = new Map<string, LedgerEntry<DjangoRow>>();
  for (const m of migrations) {
    const own = byName.get(`${m.app}\u0000${m.name}`) ?? [];
    own.forEach((r) => explained.add(r));
    const notes: string[] = [];
    if (own.length > 1) notes.push(`recorded ${own.length} times`);
    const explicit = replacesOf(m, replaces);
    const range = explicit ? null : squashedRange(m.name);
    let replacedRows: DjangoRow[] = [];
    let allReplaced = false;
    if (explicit) {
      const found = explicit.map((x) => byName.get(`${x.app}\u0000${x.name}`) ?? []);
      replacedRows = found.flat();
      allReplaced = explicit.length > 0 && found.every((f) => f.length > 0);
    } else if (range) {
      replacedRows = reading.rows.filter((r) => {
        const n = numberOf(r.name);
        return r.app === m.app && n !== null && n >= range.from && n <= range.to && r.name !== m.name && !ownNames.has(`${r.app}\u0000${r.name}`);
      });
      const numbers = new Set(replacedRows.map((r) => numberOf(r.name)));
      allReplaced = Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i).every((n) => numbers.has(n));
    }
    replacedRows.forEach((r) => explained.add(r));
    // Django's loader (MigrationLoader.build_graph) counts a squashed migration applied only when
    // every migration it replaces is recorded; its own row alone is ignored. Exact when Django said
    // what it replaces (a project source); the tree's replaces.json and name heuristic keep the own row.
    const byDjango = m.replaces !== undefined && m.replaces.length > 0;
    if (own.length === 0 && allReplaced) notes.push(`recorded as the ${replacedRows.length} migrations it replaces`);
    else if (byDjango && own.length > 0 && !allReplaced) notes.push(`its own row is there, but Django counts it applied only when all ${explicit?.length ?? 0} migrations it replaces are recorded`);
    else if (own.length === 0 && replacedRows.length > 0) notes.push(`${replacedRows.length} of the migrations it replaces are recorded, not all`);
    const recorded = byDjango ? allReplaced : own.length > 0 || allReplaced;
    entries.set(m.key, { recorded, rows: [...own, ...replacedRows], notes, drift: false });
  }
  const unknown = reading.rows.filter((r) => apps.has(r.app) && !explained.has(r));
  const outside = reading.rows.filter((r) => !apps.has(r.app));
  const outsideApps = [...new Set(outside.map((r) => r.app))].sort();
  const notes = outside.length > 0 ? [`${outside.length} row${outside.length === 1 ? '' : 's'} of apps the source does not hold (${outsideApps.join(', ')}): not checked`] : [];
  return { entries, unknown, outside, notes };
}

/** The rows recording `m` writes: the replaced ones (when known exactly) and its own. */
function rowsFor(m: Migration, source: DeclaredSource): { app: string; name: string }[] {
  const explicit = replacesOf(m, readReplaces(source)) ?? [];
  return [...explicit, { app: m.app, name: m.name }];
}

const rowExists = (table: QualifiedName, app: string, name: string): string =>
  `EXISTS (SELECT 1 FROM ${qualified(table)} WHERE "app" = ${literal(app)} AND "name" = ${literal(name)})`;

function tableOf(reading: LedgerReading<DjangoRow>): QualifiedName {
  return reading.table ?? { schema: 'public', name: DJANGO_TABLE };
}

export const djangoLedger: LedgerAdapter<DjangoRow> = {
  kind: 'django',
  read,
  match,
  fix(req: FixRequest<DjangoRow>) {
    const table = tableOf(req.reading);
    const out = [];
    if (!req.reading.exists && req.record.length > 0) {
      // Django 3.2's own DDL (later versions read it as is).
      out.push(
        ledgerStatement(table, {
          description: `create the Django ledger ${qualified(table)}`,
          sql:
            `CREATE TABLE IF NOT EXISTS ${qualified(table)} ("id" serial NOT NULL PRIMARY KEY, "app" varchar(255) NOT NULL, ` +
            `"name" varchar(255) NOT NULL, "applied" timestamp with time zone NOT NULL)`,
        }),
      );
    }
    for (const m of req.record) {
      for (const r of rowsFor(m, req.source)) {
        out.push(
          ledgerStatement(table, {
            description: `record ${r.app}.${r.name} as applied${r.name === m.name ? '' : ` (replaced by ${m.key})`}`,
            sql: `INSERT INTO ${qualified(table)} ("app", "name", "applied") SELECT ${literal(r.app)}, ${literal(r.name)}, pg_catalog.now() WHERE NOT ${rowExists(table, r.app, r.name)}`,
            lockLevel: ROW_WRITE_LOCK,
            locks: req.reading.exists ? [table] : [],
          }),
        );
      }
    }
    for (const r of req.prune) out.push(pruneStatement(table, `${r.display} (id ${r.id})`, { id: r.id, app: r.app, name: r.name }));
    return out;
  },
  recordedCondition(reading, m, source) {
    const table = tableOf(reading);
    const explicit = replacesOf(m, readReplaces(source));
    const own = rowExists(table, m.app, m.name);
    if (!explicit || explicit.length === 0) return own;
    if (m.replaces !== undefined) return `(${explicit.map((x) => rowExists(table, x.app, x.name)).join(' AND ')})`;
    return `(${own} OR (${explicit.map((x) => rowExists(table, x.app, x.name)).join(' AND ')}))`;
  },
  rowGoneCondition(reading, row) {
    return `NOT EXISTS (SELECT 1 FROM ${qualified(tableOf(reading))} WHERE "id" = ${literal(row.id)})`;
  },
};
