/** The data statements of a migration: what the replay skips (the shadow holds no rows), and what never ran when its migration was faked. */
import { classify } from '../declared/filter.js';
import { splitStatements } from '../declared/split.js';
import type { Migration } from '../declared/types.js';
import type { EffectState } from './effects.js';

/** Exact SQL of each statement of `m` that changes data only (UPDATE, INSERT, DELETE, MERGE, TRUNCATE, COPY), in file order. */
export function dataStatements(m: Migration): string[] {
  if (m.dataOnly) return [];
  return splitStatements(m.sql).statements.flatMap((s) => {
    const v = classify(s);
    return v.action === 'skip' && v.reason === 'data' ? [s.sql] : [];
  });
}

/**
 * Did the migration's data statements never run? Yes when its schema effects are
 * absent or partly missing, or when any of its own effects is still missing
 * (a column added by an earlier repair, the drops not done): the migration as a
 * whole did not run. No when its effects are all there, or there only differently.
 */
export function dataNeverRan(effects: 'present' | 'absent' | 'partial' | 'different' | 'none', checks: readonly { state: EffectState; evidence: { kind: string } }[]): boolean {
  if (effects === 'absent' || effects === 'partial') return true;
  return effects === 'different' && checks.some((c) => c.state === 'missing' && c.evidence.kind === 'own');
}
