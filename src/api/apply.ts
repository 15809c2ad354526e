/**
 * apply as one call: from a declared source (planned now) or a saved plan file.
 */
import { applyPlan, DEFAULT_APPLY_OPTIONS, readPlanFile, type ApplyEvent, type ApplyOptions, type ApplyReport } from '../apply/index.js';
import { resolveConnection } from '../db/connection.js';
import { inspectConnection } from '../introspect/live.js';
import { ReconcileError } from '../errors.js';
import type { PlanOptions } from '../plan/types.js';
import type { PlanLedgerRequest } from '../ledger/index.js';
import { planRepair } from './plan.js';

export interface ApplyRequest {
  readonly url?: string | undefined;
  /** A declared source to plan from now... */
  readonly from?: string | undefined;
  /** ...or a plan written by `reconcile plan --out plan.json`. */
  readonly planFile?: string | undefined;
  readonly shadowUrl?: string | undefined;
  readonly schemas?: readonly string[] | undefined;
  readonly exclude?: readonly string[] | undefined;
  readonly planOptions?: PlanOptions;
  /** Check and fix the migration ledger too (default: detected from the source). */
  readonly ledger?: PlanLedgerRequest | undefined;
  readonly options?: Partial<ApplyOptions>;
  readonly force?: boolean;
  readonly skipWithheld?: boolean;
  readonly onEvent?: (e: ApplyEvent) => void;
  /** Abort to interrupt: the running statement is cancelled on the server and the report says `interrupted`. */
  readonly signal?: AbortSignal | undefined;
}

export async function applyRepair(req: ApplyRequest): Promise<ApplyReport> {
  const options: ApplyOptions = { ...DEFAULT_APPLY_OPTIONS, ...req.options };
  const base = { force: req.force ?? false, skipWithheld: req.skipWithheld ?? false, options, ...(req.onEvent ? { emit: req.onEvent } : {}), signal: req.signal };
  if (req.planFile) {
    const file = readPlanFile(req.planFile);
    if (!file.intact && !req.force) throw new ReconcileError('refused', `the statements in ${req.planFile} were changed after it was written`, 'plan again, or pass --force to run the edited plan');
    const connection = resolveConnection({ url: req.url });
    // A saved plan has no declared model: the rehearsal runs its statements on a copy, without comparing again.
    const live = options.rehearse && !options.dryRun ? await inspectConnection(connection) : null;
    const rehearsal = live ? { live: live.schema, serverVersion: live.serverVersion, shadowUrl: req.shadowUrl } : undefined;
    return applyPlan({ ...base, connection, plan: file.plan, expectedLiveHash: file.liveHash, rehearsal });
  }
  if (!req.from) throw new ReconcileError('bad-input', 'apply needs a declared source (from) or a plan file (planFile)');
  const planned = await planRepair({ url: req.url, from: req.from, shadowUrl: req.shadowUrl, schemas: req.schemas, exclude: req.exclude, ...(req.planOptions ? { options: req.planOptions } : {}), ledger: req.ledger ?? { choice: 'auto' } });
  const rehearsal = {
    live: planned.live.schema,
    declared: planned.declared.schema,
    scope: { schemas: req.schemas, exclude: req.exclude },
    options: req.planOptions ?? {},
    serverVersion: planned.live.serverVersion,
    shadowUrl: req.shadowUrl,
  };
  return applyPlan({ ...base, connection: planned.connection, plan: planned.plan, rehearsal });
}
