/** Views and materialized views. */
export interface ViewColumn {
  readonly name: string;
  /** `format_type`, e.g. `integer`, `character varying(20)`. */
  readonly type: string;
}

export interface ViewObject {
  readonly kind: 'view';
  readonly schema: string;
  readonly name: string;
  readonly materialized: boolean;
  /** `pg_get_viewdef` under `search_path = pg_catalog`, trimmed, without its final `;`. */
  readonly definition: string;
  /** `reloptions` sorted, e.g. `check_option=local`, `security_invoker=true`. */
  readonly options: readonly string[];
  readonly columns: readonly ViewColumn[];
  /** Materialized views: false when created `WITH NO DATA` and never refreshed. */
  readonly populated: boolean;
  /** Registry keys of the functions and views its query uses. */
  readonly dependsOn: readonly string[];
}
