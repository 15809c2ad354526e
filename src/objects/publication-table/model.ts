/** A table's membership of a publication (`FOR TABLE` / `ALTER PUBLICATION … ADD TABLE`). */
export interface PublicationTableObject {
  readonly kind: 'publication-table';
  readonly publication: string;
  readonly schema: string;
  readonly table: string;
}
