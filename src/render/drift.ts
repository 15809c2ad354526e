/**
 * The differences `verify` (and `apply --from` at its end) report: one line per
 * change that is not information only, saying what differs and what the plan
 * does about it (planned, withheld by hazard kind, or not planned and why).
 */
import { isInformational } from '../diff/changes.js';
import { differenceText } from '../ledger/describe.js';
import type { Plan } from '../plan/types.js';

export function driftLines(plan: Plan, options: { ledger?: boolean } = {}): string[] {
  const planned = new Set(plan.statements.map((s) => s.source));
  const withheld = new Map<unknown, Set<string>>();
  for (const s of plan.withheld) {
    const kinds = withheld.get(s.source) ?? new Set<string>();
    for (const h of s.hazards) kinds.add(h.kind);
    withheld.set(s.source, kinds);
  }
  const warnings = new Map<unknown, string>();
  for (const n of plan.notes) if (n.level === 'warning' && n.source && !warnings.has(n.source)) warnings.set(n.source, n.message);
  return plan.changes
    .filter((c) => !isInformational(c) && (options.ledger !== false || c.kind !== 'ledger-differs'))
    .map((c) => {
      const kinds = withheld.get(c);
      if (kinds) return `${differenceText(c)} (withheld: ${[...kinds].join(', ')})`;
      if (planned.has(c)) return differenceText(c);
      const why = warnings.get(c);
      return why ? `${differenceText(c)} (not planned: ${why})` : differenceText(c);
    });
}
