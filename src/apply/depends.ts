/**
 * Which statements a failed one stops. A statement needs the earlier statements
 * of the same repair (one change) and those that touch the same tables; a failed
 * schema, extension, type or sequence statement stops everything after it (the
 * objects that follow may be built on it). Everything else runs: one failure
 * does not leave the independent rest of the plan undone.
 */
import { changeTable } from '../diff/changes.js';
import { qualifiedKey } from '../model/types.js';
import type { Statement } from '../plan/types.js';

const FOUNDATION = new Set(['schemas', 'extensions', 'types', 'sequences']);

function touched(s: Statement): Set<string> {
  const out = new Set(s.locks.map(qualifiedKey));
  const t = changeTable(s.source);
  if (t) out.add(qualifiedKey(t));
  if (s.source.kind === 'missing-foreign-key') out.add(qualifiedKey(s.source.foreignKey.references));
  if (s.source.kind === 'missing-table') for (const fk of s.source.table.foreignKeys) out.add(qualifiedKey(fk.references));
  return out;
}

/** The failed statement that `later` needs, if any. */
export function blockedBy(later: Statement, failed: readonly Statement[]): Statement | null {
  if (failed.length === 0) return null;
  const mine = touched(later);
  for (const f of failed) {
    if (FOUNDATION.has(f.phase) || f.source === later.source) return f;
    for (const k of touched(f)) if (mine.has(k)) return f;
  }
  return null;
}
