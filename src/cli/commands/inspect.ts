import type { Command } from 'commander';
import { resolveConnection } from '../../db/connection.js';
import { inspectConnection } from '../../introspect/live.js';
import { formatServerVersion, renderModelText } from '../../render/model-text.js';
import { write } from '../output.js';
import { parseList, withProgress } from '../util.js';

interface InspectFlags {
  url?: string;
  schema?: string;
  json?: boolean;
}

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('read a database into the model and print it (summary, or the full model with --json)')
    .option('--url <url>', 'database URL (default: DATABASE_URL, then PG* variables)')
    .option('--schema <names>', 'comma-separated schemas to read (default: all non-system schemas)')
    .option('--json', 'print the full model as JSON')
    .action(async (flags: InspectFlags) => {
      const conn = resolveConnection({ url: flags.url });
      const result = await withProgress(`reading ${conn.display}`, () => inspectConnection(conn, { schemas: parseList(flags.schema) }));
      if (flags.json) {
        write(JSON.stringify({ serverVersion: result.serverVersion, model: result.schema }, null, 2) + '\n');
      } else {
        write(renderModelText(result.schema, `${conn.display} (PostgreSQL ${formatServerVersion(result.serverVersion)})`));
      }
    });
}
