/**
 * Options shared by the commands that compare a live database with a declared
 * source (`plan`, `verify`, `apply --from`, `status`).
 */
import type { Command } from 'commander';
import type { PlanRequest } from '../api/plan.js';
import { isExtensionName } from '../declared/extension-refs.js';
import { ReconcileError } from '../errors.js';
import { LEDGER_KINDS, type LedgerChoice } from '../ledger/index.js';
import { HAZARD_KINDS, type HazardKind } from '../plan/index.js';
import { parseUsing } from '../plan/using.js';
import { parseDuration } from './duration.js';
import { parseList } from './util.js';

export interface CompareFlags {
  url?: string;
  from?: string;
  shadow?: string;
  extension?: string[];
  schema?: string;
  exclude?: string[];
  allowHazards?: string;
  rename?: boolean;
  assumeTimezone?: string;
  using?: string[];
  lockTimeout?: string;
  ledger?: string;
  ledgerPrune?: boolean;
}

export function addCompareOptions(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'live database URL (default: DATABASE_URL, then PG* variables)')
    .option('--from <source>', 'declared model: Drizzle schema (.ts), Django project (manage.py), Django sqlmigrate tree, drizzle-kit folder, Prisma migrations folder, .sql file, or postgres:// URL')
    .option('--shadow <url>', 'replay the source on a temporary database of this server instead of the embedded PGlite')
    .option(EXTENSION_FLAGS, EXTENSION_HELP, collectExtension)
    .option('--schema <names>', 'comma-separated schemas to compare (default: all non-system schemas)')
    .option('--exclude <pattern...>', 'glob on schema.name (or name) to leave out, e.g. "audit.*"')
    .option('--allow-hazards <kinds>', `comma-separated hazard kinds to emit (${HAZARD_KINDS.join(', ')})`)
    .option('--rename', 'rename constraints and indexes that match by structure to their declared names')
    .option('--assume-timezone <zone>', 'zone that timestamp values were written in, for timestamptz conversions', 'UTC')
    .option('--using <column=expr...>', "conversion for a column type change, e.g. 'public.items.price=NULLIF(price, ''n/a'')::numeric' (cast to the declared type)")
    .option('--lock-timeout <duration>', 'lock_timeout for every statement', '2s')
    .option('--ledger <kind>', `migration ledger to check and fix: ${LEDGERS.join(', ')} (auto: the source's own tool's; a missing ledger table is created only when named)`, 'auto')
    .option('--ledger-prune', 'also delete ledger rows that name no migration of the source');
}

export const EXTENSION_FLAGS = '--extension <name>';
export const EXTENSION_HELP =
  'create this extension in the shadow before replaying the source (repeatable); uuid-ossp, pgcrypto, citext, pg_trgm, hstore and postgis are found by their use';

/** Commander's collector for the repeatable `--extension NAME` (checked: one clear line for a name PostgreSQL cannot have). */
export function collectExtension(value: string, previous: string[] | undefined): string[] {
  if (!isExtensionName(value)) {
    throw new ReconcileError('bad-input', `--extension ${JSON.stringify(value)} is not an extension name`, 'give one name per --extension, e.g. --extension uuid-ossp --extension postgis');
  }
  return [...(previous ?? []), value];
}

function parseHazards(value: string | undefined): HazardKind[] {
  const kinds = parseList(value) ?? [];
  for (const k of kinds) {
    if (!(HAZARD_KINDS as readonly string[]).includes(k)) {
      throw new ReconcileError('bad-input', `unknown hazard kind ${JSON.stringify(k)} in --allow-hazards`, `use one of ${HAZARD_KINDS.join(', ')}`);
    }
  }
  return kinds as HazardKind[];
}

const LEDGERS = ['auto', ...LEDGER_KINDS] as const;

function parseLedger(value: string | undefined): LedgerChoice {
  const v = value ?? 'auto';
  if (!(LEDGERS as readonly string[]).includes(v)) throw new ReconcileError('bad-input', `unknown --ledger ${JSON.stringify(v)}`, `use one of ${LEDGERS.join(', ')}`);
  return v as LedgerChoice;
}

export function planRequestFrom(flags: CompareFlags): PlanRequest {
  if (!flags.from) throw new ReconcileError('bad-input', 'no declared source given', 'add --from PATH (a Drizzle schema, a migrations folder, a .sql file) or --from postgres://...');
  const lockMs = parseDuration(flags.lockTimeout ?? '2s');
  return {
    url: flags.url,
    from: flags.from,
    shadowUrl: flags.shadow,
    extensions: flags.extension,
    schemas: parseList(flags.schema),
    exclude: flags.exclude,
    lockTimeout: `${lockMs}ms`,
    ledger: { choice: parseLedger(flags.ledger), prune: flags.ledgerPrune ?? false },
    options: { allowHazards: parseHazards(flags.allowHazards), rename: flags.rename ?? false, assumeTimezone: flags.assumeTimezone ?? 'UTC', using: (flags.using ?? []).map(parseUsing) },
  };
}
