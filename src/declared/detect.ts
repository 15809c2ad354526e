/**
 * What kind of declared source a `--from` argument is: by its shape (a URL, a
 * file's extension, a folder's contents), or by an explicit prefix
 * (`drizzle:`, `django:`, `drizzle-kit:`, `sql:`, `prisma:`, `flyway:`, `golang-migrate:`, `dbmate:`,
 * `goose:`) that overrides the shape.
 * A folder's shape is recognized by a file only that shape has, never guessed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { redactUrl } from '../db/connection.js';
import { ReconcileError } from '../errors.js';
import { hasDbmateMarker, hasGooseMarker } from './sources/sql-tools.js';
import { FLYWAY_OTHER, parseDbmateName, parseFlywayName, parseGolangMigrateName, parseGooseName } from './sources/sql-tools-names.js';
import type { DeclaredSource, SourceKind } from './types.js';

const PREFIXES: Record<string, SourceKind> = {
  drizzle: 'drizzle-schema',
  django: 'django-tree',
  'drizzle-kit': 'drizzle-folder',
  sql: 'sql-file',
  prisma: 'prisma-folder',
  flyway: 'flyway-folder',
  'golang-migrate': 'golang-migrate-folder',
  dbmate: 'dbmate-folder',
  goose: 'goose-folder',
  'django-project': 'django-project',
};

const FOLDER_KINDS: readonly SourceKind[] = ['django-tree', 'drizzle-folder', 'prisma-folder', 'flyway-folder', 'golang-migrate-folder', 'dbmate-folder', 'goose-folder'];

const MODULE_EXTENSIONS = /\.(ts|mts|cts|js|mjs|cjs)$/i;
const EXAMPLE =
  'a Drizzle schema (.ts/.js), a folder of <app>/<migration>.sql (Django), a drizzle-kit folder (meta/_journal.json), ' +
  'a Prisma migrations folder (migration_lock.toml), a Django project (manage.py), a Flyway, golang-migrate, dbmate or goose folder, a .sql file, or postgres://…';

/** The folder shapes, each recognized by what only it has. */
const FOLDER_SHAPES = [
  'a drizzle-kit folder (meta/_journal.json)',
  'a Prisma migrations folder (migration_lock.toml and <timestamp>_<name>/migration.sql)',
  'a Django sqlmigrate tree (<app>/NNNN_<name>.sql, or any names with plan.txt)',
  'a Flyway folder (V<version>__<description>.sql, R__<description>.sql)',
  'a golang-migrate folder (<version>_<title>.up.sql and .down.sql)',
  'a dbmate folder (<version>_<name>.sql holding -- migrate:up)',
  'a goose folder (<version>_<name>.sql holding -- +goose Up)',
  'a Django project (manage.py)',
].join('; ');
const FOLDER_PREFIXES = 'drizzle-kit:DIR, prisma:DIR, django:DIR, flyway:DIR, golang-migrate:DIR, dbmate:DIR, goose:DIR';
/** `0001_initial.sql`, `0002_auto_20240101_1200.sql`: how makemigrations names them (hyphens allowed). */
const DJANGO_FILE = /^\d{4,}_[\w-]+\.sql$/;

/**
 * The SQL-file tools' shapes, by the .sql files directly in the folder: every one named as the
 * tool names them, and (dbmate, goose, whose names look alike) every one holding its marker.
 */
function sqlToolShapes(p: string, files: readonly string[]): SourceKind[] {
  if (files.length === 0) return [];
  const text = (f: string): string => {
    try {
      return readFileSync(path.join(p, f), 'utf8');
    } catch {
      return '';
    }
  };
  const out: SourceKind[] = [];
  const flyway = files.filter((f) => !FLYWAY_OTHER.test(f));
  if (flyway.length > 0 && flyway.every((f) => parseFlywayName(f) !== null)) out.push('flyway-folder');
  if (files.every((f) => parseGolangMigrateName(f) !== null) && files.some((f) => f.endsWith('.up.sql'))) out.push('golang-migrate-folder');
  const plain = files.every((f) => parseDbmateName(f) !== null);
  if (plain && files.every((f) => hasDbmateMarker(text(f)))) out.push('dbmate-folder');
  if (plain && files.every((f) => parseGooseName(f) !== null && hasGooseMarker(text(f)))) out.push('goose-folder');
  return out;
}

/** Subfolders (not hidden) and the .sql files each holds. */
function subfolders(p: string): { name: string; sql: string[] }[] {
  return readdirSync(p, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => ({ name: e.name, sql: readdirSync(path.join(p, e.name)).filter((f) => f.endsWith('.sql')) }));
}

/**
 * A folder is a source of exactly one shape, by the file only that shape has;
 * one matching several, or none, is an error that lists the shapes (never a guess).
 */
function kindOfFolder(p: string): SourceKind {
  const subs = subfolders(p);
  // Prisma writes migration.sql in every migration folder; no Django migration has that name.
  const prismaLike = subs.some((s) => s.sql.includes('migration.sql'));
  const sqlFiles = subs.flatMap((s) => s.sql);
  const notDjango = sqlFiles.filter((f) => !DJANGO_FILE.test(f));
  const matches: SourceKind[] = [];
  if (existsSync(path.join(p, 'meta', '_journal.json'))) matches.push('drizzle-folder');
  if (existsSync(path.join(p, 'migration_lock.toml'))) matches.push('prisma-folder');
  if (existsSync(path.join(p, 'plan.txt')) || (sqlFiles.length > 0 && notDjango.length === 0)) matches.push('django-tree');
  if (existsSync(path.join(p, 'manage.py'))) matches.push('django-project');
  const topSql = readdirSync(p, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.sql')).map((e) => e.name);
  matches.push(...sqlToolShapes(p, topSql));
  if (matches.length === 1) return matches[0] as SourceKind;
  if (matches.length > 1) {
    throw new ReconcileError('bad-input', `the folder ${p} has the shape of several sources (${matches.join(', ')})`, `name the one meant with a prefix: ${FOLDER_PREFIXES}`);
  }
  const why = prismaLike
    ? `its subfolders hold migration.sql like a Prisma folder, but it has no migration_lock.toml`
    : topSql.length > 0
      ? `its .sql files (e.g. ${topSql[0]}) match no tool's shape exactly: names of one tool, and for <version>_<name>.sql files the same marker in every file (-- migrate:up for dbmate, -- +goose Up for goose)`
      : notDjango.length > 0
      ? `its subfolders hold .sql files not named like Django migrations (NNNN_name.sql), e.g. ${notDjango[0]}, and it has no plan.txt`
      : `it has none of the files a migrations folder is recognized by`;
  throw new ReconcileError('bad-input', `cannot tell what kind of source the folder ${p} is: ${why}`, `expected ${FOLDER_SHAPES}; or name it with a prefix: ${FOLDER_PREFIXES}`);
}

function kindOfPath(p: string): SourceKind {
  const st = statSync(p);
  if (st.isDirectory()) return kindOfFolder(p);
  if (/\.sql$/i.test(p)) return 'sql-file';
  if (MODULE_EXTENSIONS.test(p)) return 'drizzle-schema';
  if (/\.py$/i.test(p)) return 'django-project';
  throw new ReconcileError('bad-input', `cannot tell what kind of source ${p} is`, `expected ${EXAMPLE}, or a prefix such as sql:${p}`);
}

function mustExist(p: string, kind?: SourceKind): void {
  if (!existsSync(p)) throw new ReconcileError('bad-input', `${p} does not exist`, kind ? undefined : `--from takes ${EXAMPLE}`);
  if (!kind || kind === 'django-project') return; // manage.py or the folder that holds it
  const isDir = statSync(p).isDirectory();
  const wantsDir = FOLDER_KINDS.includes(kind);
  if (isDir !== wantsDir) throw new ReconcileError('bad-input', `${p} is ${isDir ? 'a folder' : 'a file'}, but ${kind} sources are ${wantsDir ? 'folders' : 'files'}`);
}

export function detectSource(spec: string): DeclaredSource {
  if (spec.trim() === '') throw new ReconcileError('bad-input', 'empty --from', `--from takes ${EXAMPLE}`);
  if (/^postgres(ql)?:\/\//i.test(spec)) return { kind: 'database', location: redactUrl(spec) };
  const prefix = /^([a-z][a-z0-9-]*):(?!\/\/)(.*)$/is.exec(spec);
  // A path that happens to contain a colon (and exists) is a path; `C:\…` is a drive letter.
  if (prefix && prefix[1] && prefix[1].length > 1 && !existsSync(spec)) {
    const kind = PREFIXES[prefix[1].toLowerCase()];
    if (!kind) {
      throw new ReconcileError('bad-input', `unknown source prefix "${prefix[1]}:" in ${spec}`, `use one of ${Object.keys(PREFIXES).map((p) => `${p}:`).join(', ')} or a postgres:// URL`);
    }
    const location = prefix[2] ?? '';
    mustExist(location, kind);
    return { kind, location };
  }
  mustExist(spec);
  return { kind: kindOfPath(spec), location: spec };
}
