/** Collations created in the user's schemas (`CREATE COLLATION`). */
export interface CollationObject {
  readonly kind: 'collation';
  readonly schema: string;
  readonly name: string;
  /**
   * The options as `CREATE COLLATION … (…)` takes them, built from pg_collation the same
   * way on every server: provider and locale (or `lc_collate` and `lc_ctype`), then
   * `deterministic = false` and ICU `rules` where set.
   */
  readonly options: string;
}
