/** An index on a materialized view (views hold none; tables' indexes are in the table model). */
export interface ViewIndexObject {
  readonly kind: 'view-index';
  /** The schema of the view and of the index. */
  readonly schema: string;
  /** The materialized view. */
  readonly view: string;
  readonly name: string;
  /** `pg_get_indexdef` under `search_path = pg_catalog`: `CREATE [UNIQUE] INDEX name ON schema.view USING ...`. */
  readonly definition: string;
  /** False for the leftover of a failed concurrent build (live only). */
  readonly valid: boolean;
}
