/** Row-level security policies. */
export interface PolicyObject {
  readonly kind: 'policy';
  /** The table's schema. */
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly command: 'all' | 'select' | 'insert' | 'update' | 'delete';
  readonly permissive: boolean;
  /** Role names, sorted; `public` for PUBLIC. */
  readonly roles: readonly string[];
  /** `pg_get_expr` under `search_path = pg_catalog`, or null. */
  readonly using: string | null;
  readonly withCheck: string | null;
}
