import type { EnabledState } from '../sql.js';

/** Rewrite rules on tables and views (`CREATE RULE`), other than a view's own `_RETURN` rule. */
export interface RuleObject {
  readonly kind: 'rule';
  /** The table's (or view's) schema. */
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** `pg_get_ruledef` under `search_path = pg_catalog`: the `CREATE RULE` statement (its final `;` removed). */
  readonly definition: string;
  /** `O` origin and local, `D` disabled, `R` replica only, `A` always. */
  readonly enabled: EnabledState;
  /** Registry keys of the views and functions it reads or is on. */
  readonly dependsOn: readonly string[];
}
