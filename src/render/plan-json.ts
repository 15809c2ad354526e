/**
 * The plan as JSON, a stable shape for scripts (documented in the README):
 * `format` names the version; statements point at their change by index.
 */
import type { Plan, Statement } from '../plan/types.js';
import { createHash } from 'node:crypto';
import type { PlanHeader } from './plan-sql.js';
import { categoryOf, withheldSections } from './plan-text.js';

export const PLAN_JSON_FORMAT = 'pg-reconcile.plan/1';

/** Lets `apply --plan` notice a plan edited by hand: statements, withheld statements, changes and the live hash. */
export function statementsHash(content: { statements: readonly unknown[]; withheld: readonly unknown[]; changes: readonly unknown[]; liveHash: unknown }): string {
  const { statements, withheld, changes, liveHash } = content;
  return 'sha256:' + createHash('sha256').update(JSON.stringify([statements, withheld, changes, liveHash])).digest('hex');
}

export function planSummary(plan: Plan): Record<string, unknown> {
  const count = (cat: string): number => plan.changes.filter((c) => categoryOf(c) === cat).length;
  const byPhase: Record<string, number> = {};
  for (const s of plan.statements) byPhase[s.phase] = (byPhase[s.phase] ?? 0) + 1;
  const hazards: Record<string, number> = {};
  for (const s of [...plan.statements, ...plan.withheld]) for (const h of s.hazards) hazards[h.kind] = (hazards[h.kind] ?? 0) + 1;
  return {
    changes: { missing: count('missing'), different: count('different'), extra: count('extra'), info: count('info') },
    statements: plan.statements.length,
    withheld: plan.withheld.length,
    byPhase,
    hazards,
  };
}

export function renderPlanJson(plan: Plan, header: PlanHeader): string {
  const index = new Map(plan.changes.map((c, i) => [c, i]));
  const statement = (s: Statement) => ({
    phase: s.phase,
    description: s.description,
    sql: s.sql,
    guard: s.guard,
    lockLevel: s.lockLevel,
    locks: s.locks,
    transactional: s.transactional,
    duration: s.duration,
    hazards: s.hazards,
    cleanup: s.cleanup,
    change: index.get(s.source) ?? null,
  });
  const statements = plan.statements.map(statement);
  const withheld = plan.withheld.map(statement);
  const sections = withheldSections(plan);
  return (
    JSON.stringify(
      {
        format: PLAN_JSON_FORMAT,
        ...header,
        summary: planSummary(plan),
        changes: plan.changes,
        statements,
        statementsHash: statementsHash({ statements, withheld, changes: plan.changes, liveHash: header.liveHash }),
        withheld,
        // The destructive and data statements among `withheld`, by their index there, for review.
        withheldDrops: sections.drops.map((w) => plan.withheld.indexOf(w)),
        withheldData: sections.data.map((w) => plan.withheld.indexOf(w)),
        notes: plan.notes.map((n) => ({ level: n.level, message: n.message, change: n.source ? (index.get(n.source) ?? null) : null })),
      },
      null,
      2,
    ) + '\n'
  );
}
