/**
 * pg-reconcile as a library. The command line is built on these calls.
 *
 *   import { inspect, loadDeclared, compare, plan, apply, status } from 'pg-reconcile';
 */
import { resolveConnection } from './db/connection.js';
import { inspectConnection } from './introspect/live.js';
import type { Inspection } from './introspect/index.js';

export { loadDeclared, detectSource } from './declared/index.js';
export type { Declared, DeclaredSource, LoadOptions, Migration, MigrationSnapshot, SourceKind } from './declared/index.js';
export { compare, isInformational } from './diff/index.js';
export type { Change, ChangeKind, Scope } from './diff/index.js';
export { planRepair as plan } from './api/plan.js';
export type { PlanRequest, PlanResult } from './api/plan.js';
export { applyRepair as apply } from './api/apply.js';
export type { ApplyRequest } from './api/apply.js';
export type { ApplyEvent, ApplyOptions, ApplyReport, StatementOutcome } from './apply/index.js';
export { migrationStatus as status } from './api/status.js';
export type { StatusRequest, StatusReport } from './api/status.js';
export { plan as buildPlan, HAZARD_KINDS, PHASES } from './plan/index.js';
export type { Plan, PlanOptions, Statement, Hazard, HazardKind, Note, Phase, LockLevel } from './plan/index.js';
export { readTypeFacts } from './api/type-facts.js';
export type { TypeFacts } from './plan/type-facts.js';
export { parseUsing, type UsingExpression } from './plan/using.js';
export { renderPlanSql, type PlanHeader } from './render/plan-sql.js';
export { renderPlanJson, PLAN_JSON_FORMAT } from './render/plan-json.js';
export { renderPlanText } from './render/plan-text.js';
export { ident, literal, qualified } from './render/quote.js';
export { readLockReport, terminate } from './locks/index.js';
export type { LockReport } from './locks/index.js';
export { startEmbedded, type EmbeddedServer, type EmbeddedOptions } from './embedded/server.js';
export { ReconcileError, type ErrorCode } from './errors.js';
export type * from './model/types.js';
export type { FunctionObject, PolicyObject, RowSecurityObject, TriggerObject, ViewObject } from './objects/model.js';
export type { Inspection } from './introspect/index.js';

export interface InspectRequest {
  /** Default `DATABASE_URL`, then the `PG*` variables. */
  readonly url?: string | undefined;
  readonly schemas?: readonly string[] | undefined;
}

/** Read a live database into the model. */
export async function inspect(req: InspectRequest = {}): Promise<Inspection> {
  return inspectConnection(resolveConnection({ url: req.url }), { schemas: req.schemas });
}
