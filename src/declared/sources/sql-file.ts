/**
 * A single SQL file, e.g. `pg_dump --schema-only` output: run as one script.
 * OWNER TO, GRANT, REVOKE and psql meta-commands (`\restrict`) are skipped by the filter.
 */
import { splitStatements } from '../split.js';
import type { Prepared } from '../types.js';
import { readSourceFile } from './files.js';

export async function prepareSqlFile(file: string): Promise<Prepared> {
  const { text, input } = await readSourceFile(file);
  const { statements, metaCommands } = splitStatements(text);
  const notices = metaCommands.length > 0 ? [`skipped ${metaCommands.length} psql meta-command${metaCommands.length === 1 ? '' : 's'} (${[...new Set(metaCommands.map((m) => m.text.split(/\s/)[0]))].join(', ')})`] : [];
  return { scripts: [{ file, migration: null, statements }], order: 'fixed', inputs: [input], notices };
}
