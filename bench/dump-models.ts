/**
 * Helper for profiling compare / schemaHash offline (not a benchmark):
 *   npx tsx bench/dump-models.ts --tables 10000 --out DIR
 * Starts the embedded PostgreSQL 18, loads the generated schema minus 10%
 * (bench/plan.ts's live side) and, on a second database, the whole schema
 * (the declared side, replayed by psql, read by the same introspector), then
 * writes both models as DIR/live.json and DIR/declared.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPool } from '../src/db/pool.js';
import { resolveConnection } from '../src/db/connection.js';
import { startEmbedded } from '../src/embedded/server.js';
import { CATALOG_SETTINGS, inspect } from '../src/introspect/index.js';
import { generateSchema, renderDdl, withoutFraction } from './generate.js';
import { args } from './process.js';

const { opt } = args(import.meta.url);
const tables = Number(opt('tables', '10000'));
const out = opt('out', mkdtempSync(join(tmpdir(), 'reconcile-models-')));

async function main(): Promise<void> {
  const server = await startEmbedded();
  try {
    const schema = generateSchema({ tables, seed: 1 });
    const { kept } = withoutFraction(schema, { fraction: 0.1 });
    const admin = new pg.Client(server.url);
    await admin.connect();
    for (const [db, ddl] of [['live', renderDdl(kept)], ['declared', schema.ddl]] as const) {
      await admin.query(`CREATE DATABASE ${db}`);
      const f = join(out, `${db}.sql`);
      writeFileSync(f, ddl);
      const p = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', server.urlFor(db), '-f', f], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (p.status !== 0) throw new Error(`psql ${db} failed`);
      const pool = await openPool(resolveConnection({ url: server.urlFor(db) }), { max: 4, settings: CATALOG_SETTINGS });
      const model = await inspect(pool);
      await pool.end();
      writeFileSync(join(out, `${db}.json`), JSON.stringify(model.schema));
    }
    await admin.end();
    process.stdout.write(`${out}\n`);
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
