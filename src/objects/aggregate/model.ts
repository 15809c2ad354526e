/** An aggregate (`CREATE AGGREGATE`), normal, ordered-set or hypothetical-set. */
export interface AggregateObject {
  readonly kind: 'aggregate';
  readonly schema: string;
  readonly name: string;
  /** `oidvectortypes(proargtypes)`: the identity, with `name`. */
  readonly argumentTypes: string;
  /** `pg_get_function_identity_arguments` (`ORDER BY` included for ordered-set aggregates), to name it in `DROP`. */
  readonly identityArguments: string;
  /** `pg_get_function_arguments` and `pg_get_function_result`: what CREATE OR REPLACE cannot change. */
  readonly arguments: string;
  readonly result: string;
  /** `n` normal, `o` ordered-set, `h` hypothetical-set (CREATE OR REPLACE cannot change it either). */
  readonly aggregateKind: string;
  /**
   * The `CREATE AGGREGATE` statement, built from pg_aggregate under `search_path =
   * pg_catalog` (PostgreSQL has no pg_get_functiondef for aggregates): support
   * functions, state types, initial conditions, sort operator, parallel safety.
   */
  readonly definition: string;
  /** Registry keys of the functions it calls. */
  readonly dependsOn: readonly string[];
}
