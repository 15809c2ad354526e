/**
 * Migration ledgers: which adapter, reading it, matching it with the source,
 * the status per migration, and the fix a plan ends with.
 *
 * Adding a ledger (Flyway, Rails `schema_migrations`, Alembic `alembic_version`,
 * Knex): one file implementing `LedgerAdapter`, one line in `ADAPTERS`,
 * `LEDGER_KINDS` and `BY_SOURCE`, and its tests.
 */
import type { Queryable } from '../db/pool.js';
import type { Declared, SourceKind } from '../declared/types.js';
import type { Scope } from '../diff/scope.js';
import { ReconcileError } from '../errors.js';
import type { Schema } from '../model/types.js';
import type { MigrationSteps, Note, Plan } from '../plan/types.js';
import { djangoLedger } from './django.js';
import { drizzleLedger } from './drizzle.js';
import { ledgerFix, withLedgerFix, type LedgerFix } from './fix.js';
import { noLedger } from './none.js';
import { prismaLedger } from './prisma.js';
import { dbmateLedger } from './dbmate.js';
import { flywayLedger } from './flyway.js';
import { golangMigrateLedger } from './golang-migrate.js';
import { gooseLedger } from './goose.js';
import { ledgerVerdict, migrationStatuses, type LedgerVerdict } from './status.js';
import { LEDGER_KINDS, type LedgerAdapter, type LedgerChoice, type LedgerKind, type LedgerReading } from './types.js';

export type { LedgerAdapter, LedgerChoice, LedgerKind, LedgerMatch, LedgerReading, LedgerRow, LedgerEntry, FixRequest } from './types.js';
export { LEDGER_KINDS } from './types.js';
export { migrationStatuses, isSettled, ledgerVerdict, type MigrationStatus, type Mark, type StatusKind, type EffectsState, type LedgerVerdict } from './status.js';
export { checkEffect, checkableEffects, type EffectCheck, type EffectState } from './effects.js';
export { ledgerFix, withLedgerFix, type LedgerFix, type LedgerFixInput } from './fix.js';
export { predictAfterPlan } from './predict.js';
export { migrationSteps, withDestroys } from './steps.js';
export { dataStatements } from './data.js';

const ADAPTERS: Readonly<Record<LedgerKind, LedgerAdapter>> = {
  django: djangoLedger,
  drizzle: drizzleLedger,
  prisma: prismaLedger,
  flyway: flywayLedger,
  'golang-migrate': golangMigrateLedger,
  dbmate: dbmateLedger,
  goose: gooseLedger,
  none: noLedger,
};

export function ledgerAdapter(kind: LedgerKind): LedgerAdapter {
  return ADAPTERS[kind];
}

export function parseLedgerChoice(value: string | undefined): LedgerChoice {
  if (value === undefined || value === 'auto') return 'auto';
  if ((LEDGER_KINDS as readonly string[]).includes(value)) return value as LedgerKind;
  throw new ReconcileError('bad-input', `unknown --ledger ${JSON.stringify(value)}`, `use ${LEDGER_KINDS.join(', ')} or auto`);
}

/** The ledger of the tool each kind of source belongs to. */
const BY_SOURCE: Partial<Record<SourceKind, LedgerKind>> = {
  'django-tree': 'django',
  'django-project': 'django',
  'drizzle-folder': 'drizzle',
  'prisma-folder': 'prisma',
  'flyway-folder': 'flyway',
  'golang-migrate-folder': 'golang-migrate',
  'dbmate-folder': 'dbmate',
  'goose-folder': 'goose',
};

/**
 * The ledger to use: the one asked for (`none`, or the source's own tool's: a
 * Prisma folder never gets Django rows); else the source kind's (a Django tree ->
 * django, a drizzle-kit folder -> drizzle, a Prisma folder -> prisma); else none.
 * Never guessed from the ledger tables the database happens to hold.
 */
export async function chooseLedger(choice: LedgerChoice, declared: Pick<Declared, 'source' | 'migrations'>, _db: Queryable): Promise<LedgerKind> {
  const bySource = BY_SOURCE[declared.source.kind];
  if (choice !== 'auto') {
    if (choice !== 'none' && declared.migrations.length === 0) {
      throw new ReconcileError(
        'bad-input',
        `--ledger ${choice} needs a source with migrations, and ${declared.source.location} (${declared.source.kind}) has none`,
        'use a Django sqlmigrate tree, a drizzle-kit, Prisma, Flyway, golang-migrate, dbmate or goose folder, or --ledger none',
      );
    }
    if (choice !== 'none' && bySource && choice !== bySource) {
      throw new ReconcileError(
        'bad-input',
        `--ledger ${choice} is not the ledger of ${declared.source.location} (${declared.source.kind}): its migrations are recorded in the ${bySource} ledger`,
        `use --ledger ${bySource}, --ledger none, or leave --ledger out`,
      );
    }
    return choice;
  }
  if (bySource && declared.migrations.length > 0) return bySource;
  return 'none';
}

export interface PlanLedgerRequest {
  readonly choice?: LedgerChoice | undefined;
  readonly prune?: boolean | undefined;
}

/**
 * For `planRepair`: read the ledger, compute the fix, and return the plan with
 * it appended. `declared` must be loaded with `snapshots: true`.
 */
export async function planLedger(
  db: Queryable,
  input: { declared: Declared; live: Schema; plan: Plan; scope?: Scope; ledger: PlanLedgerRequest; steps?: MigrationSteps | undefined },
): Promise<{ plan: Plan; fix: LedgerFix; kind: LedgerKind; reading: LedgerReading; verdict: LedgerVerdict }> {
  const kind = await chooseLedger(input.ledger.choice ?? 'auto', input.declared, db);
  const adapter = ledgerAdapter(kind);
  const reading = await adapter.read(db);
  const match = adapter.match(reading, input.declared.migrations, input.declared.source);
  const computed = ledgerFix({ declared: input.declared, live: input.live, plan: input.plan, scope: input.scope, adapter, reading, match, prune: input.ledger.prune, steps: input.steps });
  const fix = input.ledger.choice === kind || reading.exists || computed.statements.length === 0 ? computed : withoutCreation(computed, kind, reading);
  // The ledger as it is now (before the plan), judged as `status` judges it.
  const verdict = ledgerVerdict(migrationStatuses({ declared: input.declared, db: input.live, ledger: kind, match }), match);
  return { plan: withLedgerFix(input.plan, fix), fix, kind, reading, verdict };
}

/**
 * A ledger table is created only when asked for by name (`--ledger KIND`): a
 * database without it may be recorded elsewhere, or by hand. The fix is dropped,
 * and a note says what it would record.
 */
function withoutCreation(fix: LedgerFix, kind: LedgerKind, reading: LedgerReading): LedgerFix {
  const where = reading.table ? `${reading.table.schema}.${reading.table.name}` : kind;
  const n = fix.record.length;
  const note: Note = {
    level: 'warning',
    message: `the ${kind} ledger ${where} does not exist: ${n} migration${n === 1 ? '' : 's'} left unrecorded (${fix.record.slice(0, 3).map((m) => m.key).join(', ')}${n > 3 ? ', …' : ''}); --ledger ${kind} creates it as the tool does and records them`,
    source: null,
  };
  return { ...fix, statements: [], record: [], prune: [], notes: [...fix.notes, note] };
}
