/**
 * `reconcile status`: showmigrations, checked against the database.
 * Exit 0 when every migration is recorded and verified (or has nothing to check)
 * and the ledger names nothing the source lacks; 2 otherwise.
 */
import type { Command } from 'commander';
import { migrationStatus } from '../../api/status.js';
import { ReconcileError } from '../../errors.js';
import { LEDGER_KINDS, parseLedgerChoice } from '../../ledger/index.js';
import { renderStatusJson, renderStatusText } from '../../ledger/report.js';
import { collectExtension, EXTENSION_FLAGS, EXTENSION_HELP } from '../compare-options.js';
import { CliExit, EXIT, write } from '../output.js';
import { parseList, withProgress } from '../util.js';

interface StatusFlags {
  url?: string;
  from?: string;
  shadow?: string;
  extension?: string[];
  schema?: string;
  ledger?: string;
  format?: string;
}

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('showmigrations, verified: each migration of the source with its ledger row and whether its effects are really in the database')
    .option('--url <url>', 'live database URL (default: DATABASE_URL, then PG* variables)')
    .option('--from <source>', 'the migrations: a Django sqlmigrate tree, a drizzle-kit folder or a Prisma migrations folder (other sources: schema comparison only)')
    .option('--ledger <kind>', `${LEDGER_KINDS.join(' | ')} (default: the source's own tool's ledger, never guessed from the tables present)`)
    .option('--shadow <url>', 'replay the source on a temporary database of this server instead of the embedded PGlite')
    .option(EXTENSION_FLAGS, EXTENSION_HELP, collectExtension)
    .option('--schema <names>', 'comma-separated schemas to read (default: all non-system schemas)')
    .option('--format <format>', 'text | json', 'text')
    .action(async (flags: StatusFlags) => {
      if (!flags.from) throw new ReconcileError('bad-input', 'no source given', 'add --from PATH (a Django sqlmigrate tree, a drizzle-kit folder or a Prisma migrations folder)');
      const format = flags.format ?? 'text';
      if (format !== 'text' && format !== 'json') throw new ReconcileError('bad-input', `unknown --format ${JSON.stringify(format)}`, 'use text or json');
      const ledger = parseLedgerChoice(flags.ledger);
      const report = await withProgress('checking migrations', () =>
        migrationStatus({ url: flags.url, from: flags.from ?? '', shadowUrl: flags.shadow, extensions: flags.extension, schemas: parseList(flags.schema), ledger }),
      );
      for (const n of report.sourceNotices) process.stderr.write(`reconcile: ${n}\n`);
      write(format === 'json' ? renderStatusJson(report) : renderStatusText(report));
      if (!report.inSync) throw new CliExit(EXIT.drift);
    });
}
