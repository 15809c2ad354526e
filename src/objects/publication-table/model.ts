/** A table's membership of a publication (`FOR TABLE` / `ALTER PUBLICATION … ADD TABLE`). */
export interface PublicationTableObject {
  readonly kind: 'publication-table';
  readonly publication: string;
  readonly schema: string;
  readonly table: string;
  /** The row filter (`WHERE (…)`, PostgreSQL 15+) as `pg_get_expr` prints it; null: every row. */
  readonly rowFilter: string | null;
  /** The column list (PostgreSQL 15+), quoted, in its order; null: every column. */
  readonly columns: readonly string[] | null;
}
