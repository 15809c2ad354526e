/** Functions and procedures (aggregates are their own kind, objects/aggregate). */
export interface FunctionObject {
  readonly kind: 'function';
  readonly schema: string;
  readonly name: string;
  readonly routine: 'function' | 'procedure' | 'window';
  /** `oidvectortypes(proargtypes)`, e.g. `integer, text`: the identity, with `name` (argument names are not part of it). */
  readonly argumentTypes: string;
  /** `pg_get_function_identity_arguments` (with names), to name it in `DROP`. */
  readonly identityArguments: string;
  /** `pg_get_function_arguments`: names, modes and defaults (CREATE OR REPLACE keeps names, modes and types, and may change or add defaults). */
  readonly arguments: string;
  /** `pg_get_function_result`; null for procedures. */
  readonly result: string | null;
  /** `pg_get_functiondef` under `search_path = pg_catalog`: the whole `CREATE OR REPLACE` statement. */
  readonly definition: string;
  /**
   * Created after tables and columns: its body is parsed at creation (`BEGIN ATOMIC`)
   * or its signature uses a table's row type. Others come before tables (created
   * with `check_function_bodies` off), so that defaults and checks may call them.
   */
  readonly late: boolean;
  /** Registry keys of the functions and views it depends on. */
  readonly dependsOn: readonly string[];
}
