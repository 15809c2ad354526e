/**
 * The whole comparison as one call: load the declared model and read the live
 * database (concurrently), compare, probe which touched tables hold rows, plan.
 * The CLI's `plan`, `verify` and `apply` are built on this.
 */
import type { Connection } from '../db/connection.js';
import type { Declared } from '../declared/index.js';
import { migrationColumnDefaults } from '../declared/column-defaults.js';
import { compare } from '../diff/index.js';
import type { Inspection } from '../introspect/index.js';
import { dropFacts } from '../introspect/drop-facts.js';
import { liveRoles } from '../introspect/roles.js';
import { tablesWithRows } from '../introspect/rows.js';
import { migrationSteps, withDestroys } from '../ledger/steps.js';
import { planLedger, type LedgerKind, type LedgerReading, type LedgerVerdict, type PlanLedgerRequest } from '../ledger/index.js';
import { schemaHashInterleaved } from '../model/hash.js';
import type { Schema } from '../model/types.js';
import { ReconcileError } from '../errors.js';
import { plan as buildPlan, tablesRewritten, type Plan, type PlanOptions } from '../plan/index.js';
import type { PlanHeader } from '../render/plan-sql.js';
import { formatServerVersion } from '../render/model-text.js';
import { toolVersion } from '../version.js';
import { withBothSides } from './sides.js';
import { readTypeFacts } from './type-facts.js';

export interface PlanRequest {
  /** The live database; default `DATABASE_URL`, then the `PG*` variables. */
  readonly url?: string | undefined;
  /** The declared source: a path, a prefixed path, or a postgres:// URL. */
  readonly from: string;
  readonly shadowUrl?: string | undefined;
  /** `--extension`: extensions the shadow creates before replaying the source. */
  readonly extensions?: readonly string[] | undefined;
  readonly schemas?: readonly string[] | undefined;
  readonly exclude?: readonly string[] | undefined;
  readonly options?: PlanOptions;
  readonly lockTimeout?: string;
  /** Record per-migration snapshots of the declared source (for ledger status). */
  readonly snapshots?: boolean;
  /** Append the ledger fix (phase `ledger`) after the schema statements; implies `snapshots`. */
  readonly ledger?: PlanLedgerRequest | undefined;
}

export interface PlanResult {
  readonly plan: Plan;
  readonly declared: Declared;
  readonly live: Inspection;
  readonly connection: Connection;
  readonly header: PlanHeader;
  /** With `ledger`: the ledger used and its verdict before the plan (what `status` says); null otherwise. */
  readonly ledger: { readonly kind: LedgerKind; readonly reading: LedgerReading; readonly verdict: LedgerVerdict } | null;
}

function declaresNothing(m: Schema): boolean {
  return (
    m.tables.length === 0 &&
    m.enums.length === 0 &&
    m.sequences.length === 0 &&
    m.views.length === 0 &&
    m.objects.length === 0 &&
    m.schemas.every((s) => s === 'public') &&
    m.extensions.every((e) => e.name === 'plpgsql')
  );
}

export async function planRepair(req: PlanRequest): Promise<PlanResult> {
  const sides = { ...req, snapshots: req.snapshots || req.ledger !== undefined };
  return withBothSides(sides, async ({ connection, pool, declared, live }) => {
    if (!req.schemas && declaresNothing(declared.schema)) {
      // Compared with nothing, every live table is only "extra": a wrong or empty --from would pass as in sync.
      throw new ReconcileError('source', `${declared.source.location} declares nothing at all`, 'check the --from path and the source format');
    }
    const changes = compare(declared.schema, live.schema, { schemas: req.schemas, exclude: req.exclude });
    const touched = [...changes.flatMap((c) => ('table' in c && c.table ? [{ schema: c.table.schema, name: c.table.name }] : [])), ...tablesRewritten(changes)];
    // The header's live-schema hash is CPU work that needs no query: it runs in slices while the server probes.
    const liveHash = schemaHashInterleaved(live.schema);
    // What the source's migrations dropped and the data steps that never ran (needs the per-migration snapshots).
    const found = req.ledger ? migrationSteps(declared, live.schema, changes) : null;
    const [rows, typeFacts, destroys, roles] = await Promise.all([
      tablesWithRows(pool, touched),
      readTypeFacts(pool, changes, live.schema, req.options ?? {}),
      found ? dropFacts(pool, [...found.drops.keys()]) : Promise.resolve(null),
      liveRoles(pool, changes),
    ]);
    const steps = found && destroys ? withDestroys(found, destroys) : undefined;
    const migrationDefaults = migrationColumnDefaults(declared.migrations);
    const schemaPlan = buildPlan(changes, { serverVersion: live.serverVersion, tablesWithRows: rows, options: req.options ?? {}, typeFacts, migrationDefaults, objects: { declared: declared.schema.objects, live: live.schema.objects }, ...(roles ? { liveRoles: roles } : {}), ...(steps ? { steps } : {}) });
    const scope = { schemas: req.schemas, exclude: req.exclude };
    const withLedger = req.ledger ? await planLedger(pool, { declared, live: live.schema, plan: schemaPlan, scope, ledger: req.ledger, steps }) : null;
    const plan = withLedger ? withLedger.plan : schemaPlan;
    const ledger = withLedger ? { kind: withLedger.kind, reading: withLedger.reading, verdict: withLedger.verdict } : null;
    const header: PlanHeader = {
      source: declared.source.location,
      target: connection.display,
      serverVersion: formatServerVersion(live.serverVersion),
      toolVersion: toolVersion(),
      plannedAt: new Date().toISOString(),
      liveHash: await liveHash,
      lockTimeout: req.lockTimeout ?? '2s',
      notCompared: live.schema.notCompared,
    };
    return { plan, declared, live, connection, header, ledger };
  });
}
