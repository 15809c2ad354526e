/**
 * A statement withheld for a hazard holds back what needs it: an index, key, check or
 * foreign key naming a column whose ADD COLUMN is withheld (a STORED generated column on
 * a table with rows, say) would stop the script with `column ... does not exist`. Such a
 * statement takes the withheld ADD's hazards, with a message that says so, so the same
 * `--allow-hazards` lets both run, in their order.
 */
import { qualifiedKey } from '../model/types.js';
import { ident } from '../render/quote.js';
import type { HazardKind, Statement } from './types.js';

/** The table key and quoted column of a withheld ADD COLUMN, or null. */
function addedColumn(s: Statement): { table: string; column: string } | null {
  return s.source.kind === 'missing-column' ? { table: qualifiedKey(s.source.table), column: ident(s.source.column.name) } : null;
}

export function holdBackDependents(statements: readonly Statement[], allowed: ReadonlySet<HazardKind>): Statement[] {
  const held = statements.filter((s) => s.hazards.some((h) => !allowed.has(h.kind))).flatMap((s) => {
    const col = addedColumn(s);
    return col ? [{ s, ...col }] : [];
  });
  if (held.length === 0) return [...statements];
  // Per change: what its statements need (a change is held back whole, its clean-up steps too).
  const needsOf = new Map<Statement['source'], typeof held>();
  for (const d of statements) {
    const needs = held.filter((h) => h.s.source !== d.source && d.locks.some((t) => qualifiedKey(t) === h.table) && d.sql.includes(h.column));
    if (needs.length > 0) needsOf.set(d.source, [...(needsOf.get(d.source) ?? []), ...needs.filter((h) => !needsOf.get(d.source)?.includes(h))]);
  }
  return statements.map((d) => {
    const needs = needsOf.get(d.source);
    if (!needs) return d;
    const inherited = needs.flatMap((h) =>
      h.s.hazards.filter((z) => !allowed.has(z.kind)).map((z) => ({ kind: z.kind, message: `needs "${h.s.description}", withheld (${z.kind}): ${z.message}` })),
    );
    return { ...d, hazards: [...d.hazards, ...inherited] };
  });
}
