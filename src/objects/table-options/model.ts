/**
 * A table's storage parameters (`WITH (fillfactor = 70)`, `autovacuum_*`,
 * `toast.*`), in the model only when it has some.
 */
export interface TableOptionsObject {
  readonly kind: 'table-options';
  readonly schema: string;
  /** The table. */
  readonly name: string;
  /** `name=value`, sorted; the TOAST table's as `toast.name=value`. */
  readonly options: readonly string[];
}
