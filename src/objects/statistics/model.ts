/** Extended statistics (`CREATE STATISTICS`): what the planner knows about column groups and expressions. */
export interface StatisticsObject {
  readonly kind: 'statistics';
  /** The statistics object's own schema (it may differ from its table's). */
  readonly schema: string;
  readonly name: string;
  /** The table (or materialized view) it is on. */
  readonly tableSchema: string;
  readonly table: string;
  /** `pg_get_statisticsobjdef` under `search_path = pg_catalog`: the whole `CREATE STATISTICS` statement. */
  readonly definition: string;
  /** `ALTER STATISTICS … SET STATISTICS n`; -1 is the default (the table's target). */
  readonly target: number;
  /** The registry key of the materialized view it is on, when it is on one. */
  readonly dependsOn: readonly string[];
}
