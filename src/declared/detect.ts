/**
 * What kind of declared source a `--from` argument is: by its shape (a URL, a
 * file's extension, a folder's contents), or by an explicit prefix
 * (`drizzle:`, `django:`, `drizzle-kit:`, `sql:`) that overrides the shape.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { redactUrl } from '../db/connection.js';
import { ReconcileError } from '../errors.js';
import type { DeclaredSource, SourceKind } from './types.js';

const PREFIXES: Record<string, SourceKind> = {
  drizzle: 'drizzle-schema',
  django: 'django-tree',
  'drizzle-kit': 'drizzle-folder',
  sql: 'sql-file',
};

const MODULE_EXTENSIONS = /\.(ts|mts|cts|js|mjs|cjs)$/i;
const EXAMPLE = 'a Drizzle schema (.ts/.js), a folder of <app>/<migration>.sql (Django), a drizzle-kit folder (meta/_journal.json), a .sql file, or postgres://…';

function kindOfPath(p: string): SourceKind {
  const st = statSync(p);
  if (st.isDirectory()) {
    if (existsSync(path.join(p, 'meta', '_journal.json'))) return 'drizzle-folder';
    const hasAppSql = readdirSync(p, { withFileTypes: true }).some(
      (e) => e.isDirectory() && !e.name.startsWith('.') && readdirSync(path.join(p, e.name)).some((f) => f.endsWith('.sql')),
    );
    if (hasAppSql || existsSync(path.join(p, 'plan.txt'))) return 'django-tree';
    throw new ReconcileError('bad-input', `cannot tell what kind of source the folder ${p} is`, `expected ${EXAMPLE}`);
  }
  if (/\.sql$/i.test(p)) return 'sql-file';
  if (MODULE_EXTENSIONS.test(p)) return 'drizzle-schema';
  throw new ReconcileError('bad-input', `cannot tell what kind of source ${p} is`, `expected ${EXAMPLE}, or a prefix such as sql:${p}`);
}

function mustExist(p: string, kind?: SourceKind): void {
  if (!existsSync(p)) throw new ReconcileError('bad-input', `${p} does not exist`, kind ? undefined : `--from takes ${EXAMPLE}`);
  if (!kind) return;
  const isDir = statSync(p).isDirectory();
  const wantsDir = kind === 'django-tree' || kind === 'drizzle-folder';
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
