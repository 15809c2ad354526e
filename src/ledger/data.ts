/** The data statements of a migration: what the replay skips (the shadow holds no rows), and what never ran when its migration was faked. */
import { classify } from '../declared/filter.js';
import { splitStatements } from '../declared/split.js';
import type { Migration } from '../declared/types.js';

/** Exact SQL of each statement of `m` that changes data only (UPDATE, INSERT, DELETE, MERGE, TRUNCATE, COPY), in file order. */
export function dataStatements(m: Migration): string[] {
  if (m.dataOnly) return [];
  return splitStatements(m.sql).statements.flatMap((s) => {
    const v = classify(s);
    return v.action === 'skip' && v.reason === 'data' ? [s.sql] : [];
  });
}
