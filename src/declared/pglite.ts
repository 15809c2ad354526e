/**
 * The default shadow: PGlite (PostgreSQL compiled to WebAssembly), in-process.
 *
 * Results are parsed as node-pg parses them, so the introspector sees the same
 * JavaScript values from PGlite as from a server: int8 and numeric stay strings
 * (PGlite would turn them into numbers); int2/int4/oid are numbers, text[] and
 * int2[] arrays, booleans booleans, in both. test/declared checks the models agree.
 *
 * Starting PGlite runs initdb (seconds). The first start saves the empty data
 * directory in the cache folder; later starts load it (well under a second).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Extensions, PGlite } from '@electric-sql/pglite';
import type { Queryable } from '../db/pool.js';
import { ReconcileError } from '../errors.js';
import { pgliteVersion } from './pglite-version.js';
import { useWhere, type ExtensionUse, type Shadow } from './shadow.js';

/** Extensions bundled with this PGlite (`@electric-sql/pglite/contrib/*`), by SQL name. */
const CONTRIB = new Set([
  'amcheck', 'auto_explain', 'bloom', 'btree_gin', 'btree_gist', 'citext', 'cube', 'dict_int', 'dict_xsyn',
  'earthdistance', 'file_fdw', 'fuzzystrmatch', 'hstore', 'intarray', 'isn', 'lo', 'ltree', 'moddatetime',
  'pageinspect', 'pg_buffercache', 'pg_freespacemap', 'pg_stat_statements', 'pg_surgery', 'pg_trgm',
  'pg_visibility', 'pg_walinspect', 'pgcrypto', 'seg', 'tablefunc', 'tcn', 'tsm_system_rows',
  'tsm_system_time', 'unaccent', 'uuid-ossp',
]);
/** Built into every PostgreSQL: nothing to load. */
const BUILTIN = new Set(['plpgsql']);

const AS_STRING = (value: string): string => value;
/** node-pg leaves int8 (20) and numeric (1700) as strings; arrays of them follow their element parser. */
const PARSERS = { 20: AS_STRING, 1700: AS_STRING };

type ExtensionModule = Record<string, Extensions[string]>;

async function loadExtensions(uses: readonly ExtensionUse[]): Promise<Extensions> {
  const out: Extensions = {};
  for (const use of uses) {
    const name = use.name.toLowerCase();
    const id = name.replace(/-/g, '_');
    if (BUILTIN.has(name) || out[id] !== undefined) continue;
    if (!CONTRIB.has(name)) {
      throw new ReconcileError(
        'source',
        `${useWhere(use)}: extension "${use.name}" is not available in the PGlite shadow`,
        `replay it on a server that has the extension: --shadow postgres://user@host/db`,
      );
    }
    const mod = (await import(`@electric-sql/pglite/contrib/${id}`)) as ExtensionModule;
    const ext = mod[id];
    if (ext) out[id] = ext;
  }
  return out;
}

async function readTemplate(file: string | null): Promise<Blob | null> {
  if (!file) return null;
  try {
    return new Blob([await fs.readFile(file)]);
  } catch {
    return null;
  }
}

async function saveTemplate(db: PGlite, file: string): Promise<void> {
  try {
    const dump = await db.dumpDataDir('none');
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
    await fs.rename(tmp, file);
  } catch {
    // A cache we cannot write only costs time at the next start.
  }
}

function queryable(db: PGlite): Queryable {
  return {
    async query<R extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }> {
      const result = await db.query<R>(text, params);
      return { rows: result.rows };
    },
  };
}

export async function openPgliteShadow(extensionUses: readonly ExtensionUse[], cacheDir: string | null): Promise<Shadow> {
  const extensions = await loadExtensions(extensionUses);
  const { PGlite } = await import('@electric-sql/pglite');
  const version = pgliteVersion();
  const templateFile = cacheDir ? path.join(cacheDir, `pglite-${version}-empty-datadir.tar`) : null;
  let template = await readTemplate(templateFile);
  if (!template && templateFile) {
    const fresh = await PGlite.create({ parsers: PARSERS });
    await saveTemplate(fresh, templateFile);
    if (Object.keys(extensions).length === 0) return wrap(fresh, version);
    await fresh.close();
    template = await readTemplate(templateFile);
  }
  const db = await PGlite.create({
    parsers: PARSERS,
    extensions,
    ...(template ? { loadDataDir: template } : {}),
  });
  return wrap(db, version);
}

async function wrap(db: PGlite, version: string): Promise<Shadow> {
  const row = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0];
  return {
    kind: 'pglite',
    label: `PGlite ${version} (PostgreSQL ${row?.v ?? '?'})`,
    db: queryable(db),
    exec: async (sql) => void (await db.exec(sql)),
    canCreateRoles: true,
    notices: [],
    close: () => db.close(),
  };
}
