/**
 * Folders of SQL-file migration tools as declared sources: one migration per
 * file (golang-migrate: per `.up.sql`), the up part only, in the order the tool
 * applies them. Names are parsed in sql-tools-names.ts; the files' sections as:
 *
 * - Flyway: the whole file; versioned by version, then repeatables by
 *   description (flyway-core `ResolvedMigrationComparator`); locations are scanned
 *   recursively, the ledger's `script` is the path relative to the location.
 * - golang-migrate: the `.up.sql` file, by version; a version twice is an error (source/migration.go).
 * - dbmate: from `-- migrate:up` to `-- migrate:down` (pkg/dbmate/migration.go,
 *   `parseMigrationContents`: both blocks required, up first, nothing but comments before it); by file name.
 * - goose: the lines between `-- +goose Up` and `-- +goose Down` (internal/sqlparser/parser.go),
 *   `StatementBegin`/`StatementEnd` blocks kept whole; by version.
 *
 * Lines outside the up part are blanked, never removed, so errors name the file's own lines.
 */
import path from 'node:path';
import { ReconcileError } from '../../errors.js';
import { isDataOnly } from '../filter.js';
import { splitStatements } from '../split.js';
import type { InputFile, Prepared, Script } from '../types.js';
import { listDir, readSourceFile } from './files.js';
import {
  FLYWAY_OTHER,
  compareParts,
  parseDbmateName,
  parseFlywayName,
  parseGolangMigrateName,
  parseGooseName,
  type FlywayName,
  type SqlToolKind,
} from './sql-tools-names.js';

export const TOOL_OF: Record<SqlToolKind, string> = {
  'flyway-folder': 'flyway',
  'golang-migrate-folder': 'golang-migrate',
  'dbmate-folder': 'dbmate',
  'goose-folder': 'goose',
};

interface Found {
  /** Path relative to the folder, `/`-separated. */
  readonly rel: string;
  readonly key: string;
  /** Sort key: numbers, or text for dbmate and repeatables. */
  readonly order: readonly bigint[] | string;
  readonly group: number;
}

async function walk(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await listDir(path.join(dir, rel))) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDir) out.push(...(await walk(dir, r)));
    else out.push(r);
  }
  return out;
}

function duplicate(dir: string, what: string, a: string, b: string, tool: string): never {
  throw new ReconcileError('bad-input', `${dir} holds two migrations with ${what}: ${a} and ${b}`, `${tool} refuses such a folder too; rename one`);
}

/** The migrations of the folder, in the tool's order. */
export async function listSqlToolMigrations(kind: SqlToolKind, dir: string): Promise<Found[]> {
  const files = kind === 'flyway-folder' ? await walk(dir) : (await listDir(dir)).filter((e) => !e.isDir).map((e) => e.name);
  const found: Found[] = [];
  const seen = new Map<string, string>();
  const once = (id: string, rel: string, what: string): void => {
    const other = seen.get(id);
    if (other !== undefined) duplicate(dir, what, other, rel, TOOL_OF[kind]);
    seen.set(id, rel);
  };
  for (const rel of files) {
    const base = path.posix.basename(rel);
    if (!base.endsWith('.sql')) continue;
    const key = base.replace(/\.up\.sql$|\.sql$/, '');
    switch (kind) {
      case 'flyway-folder': {
        const f: FlywayName | null = parseFlywayName(base);
        if (!f) {
          if (FLYWAY_OTHER.test(base)) continue;
          throw new ReconcileError('bad-input', `${path.join(dir, rel)} is not named like a Flyway migration (V<version>__<description>.sql or R__<description>.sql)`, 'Flyway fails on such a file in its locations too');
        }
        if (f.type === 'versioned') {
          once(`v:${f.parts.join('.')}`, rel, `version ${f.version}`);
          found.push({ rel, key, order: f.parts, group: 0 });
        } else {
          once(`r:${f.description}`, rel, `the repeatable description "${f.description}"`);
          found.push({ rel, key, order: f.description, group: 1 });
        }
        break;
      }
      case 'golang-migrate-folder': {
        const g = parseGolangMigrateName(base);
        if (!g) continue; // golang-migrate skips files its regex does not match
        if (g.direction === 'down') continue;
        once(g.version.toString(), rel, `version ${g.version}`);
        found.push({ rel, key, order: [g.version], group: 0 });
        break;
      }
      case 'dbmate-folder': {
        const d = parseDbmateName(base);
        if (!d) continue;
        once(d.version, rel, `version ${d.version}`);
        found.push({ rel, key, order: base, group: 0 });
        break;
      }
      case 'goose-folder': {
        const g = parseGooseName(base);
        if (!g) continue;
        once(g.version.toString(), rel, `version ${g.version}`);
        found.push({ rel, key, order: [g.version], group: 0 });
        break;
      }
    }
  }
  return found.sort((a, b) => {
    if (a.group !== b.group) return a.group - b.group;
    if (typeof a.order === 'string' || typeof b.order === 'string') {
      const x = String(a.order);
      const y = String(b.order);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return compareParts(a.order, b.order);
  });
}

const blank = (lines: readonly string[], from: number, to: number): string =>
  lines.map((l, i) => (i >= from && i < to ? l : '')).join('\n');

/** dbmate's up block (pkg/dbmate/migration.go): the text from `-- migrate:up` up to `-- migrate:down`. */
export function dbmateUp(text: string, file: string): { up: string; transaction: boolean } {
  const up = /^--\s*migrate:up(\s*$|\s+\S+)/m.exec(text);
  const down = /^--\s*migrate:down(\s*$|\s+\S+)$/m.exec(text);
  const bad = (msg: string): never => {
    throw new ReconcileError('bad-input', `${file}: ${msg}`, 'dbmate refuses this file too');
  };
  if (!up) return bad(`no up block: dbmate requires each migration to define an up block with '-- migrate:up'`);
  if (!down) return bad(`no down block: dbmate requires each migration to define a down block with '-- migrate:down'`);
  if (up.index > down.index) return bad(`'-- migrate:up' must appear before '-- migrate:down'`);
  const before = text.slice(0, up.index).split('\n');
  if (before.some((l) => !/^\s*$/.test(l) && !/^\s*--/.test(l))) return bad(`statements before the '-- migrate:up' block: dbmate does not support them`);
  const firstLine = text.slice(up.index).split('\n', 1)[0] ?? '';
  const transaction = !/\btransaction:false\b/.test(firstLine);
  // Keep the line count: everything from the down directive on becomes empty lines.
  const kept = text.slice(0, down.index);
  const rest = text.slice(down.index).split('\n').length - 1;
  return { up: kept + '\n'.repeat(rest), transaction };
}

/** goose's Up section (internal/sqlparser/parser.go): lines after `-- +goose Up`, up to `-- +goose Down`. */
export function gooseUp(text: string, file: string): { up: string; transaction: boolean; envsub: boolean } {
  const lines = text.split('\n');
  const directive = (l: string): string | null => {
    const t = l.trim();
    return t.startsWith('-- +goose ') ? t.slice('-- +goose '.length).trim() : null;
  };
  const upAt = lines.findIndex((l) => directive(l)?.toLowerCase() === 'up');
  if (upAt < 0) throw new ReconcileError('bad-input', `${file}: no '-- +goose Up' annotation`, 'goose refuses a SQL migration without one too');
  if (lines.slice(0, upAt).some((l) => l.trim() !== '' && !l.trim().startsWith('--'))) {
    throw new ReconcileError('bad-input', `${file}: statements before '-- +goose Up'`, 'goose refuses them too');
  }
  let downAt = lines.findIndex((l, i) => i > upAt && directive(l)?.toLowerCase() === 'down');
  if (downAt < 0) downAt = lines.length;
  const directives = lines.map(directive).filter((d): d is string => d !== null);
  return {
    up: blank(lines, upAt + 1, downAt),
    transaction: !directives.some((d) => d.toUpperCase() === 'NO TRANSACTION'),
    envsub: directives.some((d) => d.toUpperCase() === 'ENVSUB ON'),
  };
}

export async function prepareSqlToolFolder(kind: SqlToolKind, dir: string): Promise<Prepared> {
  const tool = TOOL_OF[kind];
  const list = await listSqlToolMigrations(kind, dir);
  if (list.length === 0) throw new ReconcileError('bad-input', `${dir} holds no ${tool} migrations`, `expected ${SHAPE_OF[kind]}`);
  const scripts: Script[] = [];
  const inputs: InputFile[] = [];
  const notices: string[] = [];
  for (const f of list) {
    const file = path.join(dir, ...f.rel.split('/'));
    const read = await readSourceFile(file);
    inputs.push(read.input);
    // Flyway reads scripts without their BOM (its checksum ignores it too).
    let up = kind === 'flyway-folder' ? read.text.replace(/^\uFEFF/, '') : read.text;
    if (kind === 'dbmate-folder') up = dbmateUp(read.text, file).up;
    if (kind === 'goose-folder') {
      const g = gooseUp(read.text, file);
      up = g.up;
      if (g.envsub) notices.push(`${file}: '-- +goose ENVSUB ON' substitutes environment variables when goose runs it; replayed without substitution`);
    }
    const { statements } = splitStatements(up);
    scripts.push({
      file,
      statements,
      migration: { key: f.key, app: tool, name: f.rel, file, sql: up, hash: read.input.sha256, when: null, dataOnly: isDataOnly(statements) },
    });
  }
  return { scripts, order: 'fixed', inputs, notices };
}

export const SHAPE_OF: Record<SqlToolKind, string> = {
  'flyway-folder': 'a Flyway folder (V<version>__<description>.sql, R__<description>.sql)',
  'golang-migrate-folder': 'a golang-migrate folder (<version>_<title>.up.sql and .down.sql)',
  'dbmate-folder': 'a dbmate folder (<version>_<name>.sql with -- migrate:up / -- migrate:down)',
  'goose-folder': 'a goose folder (<version>_<name>.sql with -- +goose Up / -- +goose Down)',
};

/** For the cache key: every file the folder's migrations are read from. */
export async function sqlToolFiles(kind: SqlToolKind, dir: string): Promise<string[]> {
  return (await listSqlToolMigrations(kind, dir)).map((f) => f.rel);
}

/** Used by detect.ts: does the text hold the marker of this tool? */
export const hasDbmateMarker = (text: string): boolean => /^--\s*migrate:up(\s*$|\s+\S+)/m.test(text);
export const hasGooseMarker = (text: string): boolean => text.split('\n').some((l) => /^--\s\+goose\s+up\s*$/i.test(l.trim()));

