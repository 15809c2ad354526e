import type { EnabledState } from '../sql.js';

/** Triggers on tables and views (not the internal ones behind foreign keys). */
export interface TriggerObject {
  readonly kind: 'trigger';
  /** The table's schema. */
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** `pg_get_triggerdef` under `search_path = pg_catalog`: the `CREATE [CONSTRAINT] TRIGGER` statement. */
  readonly definition: string;
  /** `O` origin and local, `D` disabled, `R` replica only, `A` always. */
  readonly enabled: EnabledState;
  readonly constraint: boolean;
  /** Registry keys of the function it calls and, for a trigger on a view, of the view. */
  readonly dependsOn: readonly string[];
}
