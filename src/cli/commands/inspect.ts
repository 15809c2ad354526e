import type { Command } from 'commander';
import { redactUrl, resolveConnection } from '../../db/connection.js';
import { describeChange } from '../../declared/effects.js';
import { loadDeclared, migrationEffects, type Declared, type Migration } from '../../declared/index.js';
import { ReconcileError } from '../../errors.js';
import { inspectConnection } from '../../introspect/live.js';
import { formatServerVersion, renderModelText } from '../../render/model-text.js';
import { write } from '../output.js';
import { parseList, withProgress } from '../util.js';
import { collectExtension, EXTENSION_FLAGS, EXTENSION_HELP } from '../compare-options.js';
import { writeJson } from '../json-stream.js';

interface InspectFlags {
  url?: string;
  from?: string;
  shadow?: string;
  extension?: string[];
  migrations?: boolean;
  cache: boolean;
  schema?: string;
  json?: boolean;
}

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('read a database (--url) or a declared source (--from) into the model and print it (summary, or the full model with --json)')
    .option('--url <url>', 'database URL (default: DATABASE_URL, then PG* variables)')
    .option(
      '--from <source>',
      'declared source: a Drizzle schema (.ts/.js), a folder of Django sqlmigrate output, a drizzle-kit folder, a .sql file (pg_dump), or a postgres:// URL; prefixes drizzle:, django:, drizzle-kit:, sql: force the kind',
    )
    .option('--shadow <url>', 'with --from: replay on a temporary database of this server instead of the embedded PGlite')
    .option(EXTENSION_FLAGS, `with --from: ${EXTENSION_HELP}`, collectExtension)
    .option('--migrations', 'with --from: list the migrations in order, with what each adds')
    .option('--no-cache', 'with --from: replay even if the declared model is cached')
    .option('--schema <names>', 'comma-separated schemas to read (default: all non-system schemas)')
    .option('--json', 'print the full model as JSON')
    .action(async (flags: InspectFlags) => {
      if (flags.from !== undefined) return inspectDeclared(flags.from, flags);
      if (flags.shadow !== undefined || flags.migrations || flags.extension !== undefined) {
        const option = flags.shadow !== undefined ? '--shadow' : flags.migrations ? '--migrations' : '--extension';
        throw new ReconcileError('bad-input', `${option} needs --from SOURCE`);
      }
      const conn = resolveConnection({ url: flags.url });
      const result = await withProgress(`reading ${conn.display}`, () => inspectConnection(conn, { schemas: parseList(flags.schema) }));
      if (flags.json) {
        await writeJson({ serverVersion: result.serverVersion, model: result.schema });
      } else {
        write(renderModelText(result.schema, `${conn.display} (PostgreSQL ${formatServerVersion(result.serverVersion)})`));
      }
    });
}

function migrationSummary(m: Migration): Omit<Migration, 'sql'> {
  const { sql: _sql, ...rest } = m;
  return rest;
}

async function inspectDeclared(from: string, flags: InspectFlags): Promise<void> {
  if (flags.url !== undefined) throw new ReconcileError('bad-input', '--url and --from are two different models: give one');
  const declared = await withProgress(`loading ${redactUrl(from)}`, () =>
    loadDeclared(from, { shadowUrl: flags.shadow, extensions: flags.extension, schemas: parseList(flags.schema), snapshots: flags.migrations === true, cache: flags.cache }),
  );
  for (const notice of declared.notices) process.stderr.write(`reconcile: note: ${notice}\n`);
  const header = `${declared.source.location} (${declared.source.kind}${declared.fromCache ? ', from cache' : ''})`;
  if (flags.migrations) {
    const effects = migrationEffects(declared);
    if (flags.json) {
      const migrations = effects.map((e) => ({ ...migrationSummary(e.migration), changes: e.changes }));
      write(JSON.stringify({ source: declared.source, fromCache: declared.fromCache, migrations }, null, 2) + '\n');
      return;
    }
    write(renderMigrations(declared, header, effects));
    return;
  }
  if (flags.json) {
    const { source, fromCache, notices, schema } = declared;
    await writeJson({ source, fromCache, notices, migrations: declared.migrations.map(migrationSummary), model: schema });
  } else {
    write(renderModelText(declared.schema, header));
  }
}

function renderMigrations(declared: Declared, header: string, effects: ReturnType<typeof migrationEffects>): string {
  const count = declared.migrations.length;
  if (count === 0) return `${header}\nno migrations: a ${declared.source.kind} source declares the model as a whole\n`;
  const lines = [header, `${count} migration${count === 1 ? '' : 's'}, in the order they were replayed:`];
  effects.forEach(({ migration, changes }, i) => {
    const tag = migration.dataOnly ? '  (data only)' : changes.length === 0 ? '  (no schema change)' : '';
    lines.push('', `${String(i + 1).padStart(3)}. ${migration.key}${tag}  ${migration.file}`);
    for (const c of changes) lines.push(`       ${describeChange(c)}`);
  });
  return lines.join('\n') + '\n';
}
