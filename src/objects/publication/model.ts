/** Logical replication publications (database-wide: not in a schema). */
export interface PublicationObject {
  readonly kind: 'publication';
  readonly name: string;
  /** `FOR ALL TABLES`. */
  readonly allTables: boolean;
  /** The `WITH (…)` options as pg_publication holds them: `publish = '…', publish_via_partition_root = …`. */
  readonly options: string;
}
