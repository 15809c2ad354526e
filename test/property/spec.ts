/**
 * The shape of one generated case: schemas, enums, tables with columns, keys,
 * checks, indexes and foreign keys, row counts, and the objects removed from the
 * live side afterwards. Plain data, so a failing case can be printed and replayed.
 */

export interface QName {
  readonly schema: string;
  readonly name: string;
}

export type TypeKind =
  | 'integer'
  | 'bigint'
  | 'smallint'
  | 'text'
  | 'varchar'
  | 'char'
  | 'numeric'
  | 'boolean'
  | 'timestamptz'
  | 'timestamp'
  | 'date'
  | 'time'
  | 'interval'
  | 'jsonb'
  | 'uuid'
  | 'bytea'
  | 'float8'
  | 'real'
  | 'inet'
  | 'int[]'
  | 'text[]'
  | 'enum'
  | 'enum[]';

export interface ColSpec {
  name: string;
  kind: TypeKind;
  /** SQL type text as written in DDL (`varchar(12)`, `numeric(10,2)`, `"s"."mood"[]`). */
  sqlType: string;
  /** Length / precision facts for value generation. */
  length?: number;
  precision?: number;
  scale?: number;
  enumRef?: QName;
  notNull: boolean;
  /** DDL text of the default, or null. */
  default: string | null;
  identity: 'always' | 'by default' | null;
  /** `serial` / `bigserial`: an owned sequence and a nextval default. */
  serial: boolean;
  generated: { expression: string; deps: string[]; kind: 'stored' | 'virtual' } | null;
  /** Added for a foreign key (values set after all rows are in). */
  fkColumn: boolean;
}

export interface KeySpec {
  name: string;
  columns: string[];
  deferrable: boolean;
  initiallyDeferred: boolean;
  nullsNotDistinct: boolean;
}

export interface CheckSpec {
  name: string;
  /** The boolean expression, without `CHECK`. */
  expression: string;
  deps: string[];
}

export interface IndexSpec {
  name: string;
  /** Everything after `ON table`: `USING btree ("a" DESC) INCLUDE ("b") WHERE ...`. */
  body: string;
  unique: boolean;
  deps: string[];
  /** A plain unique index (no predicate, no expression) that foreign keys may reference: built before them. */
  fkTarget?: boolean;
}

export type Action = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

export interface FkSpec {
  name: string;
  columns: string[];
  target: QName;
  targetColumns: string[];
  /** The PK or unique constraint of the target it relies on. */
  targetKey: string;
  onDelete: Action;
  onUpdate: Action;
  setColumns: string[];
  match: 'SIMPLE' | 'FULL';
  deferrable: boolean;
  initiallyDeferred: boolean;
}

export interface TableSpec extends QName {
  columns: ColSpec[];
  pk: KeySpec | null;
  uniques: KeySpec[];
  checks: CheckSpec[];
  indexes: IndexSpec[];
  fks: FkSpec[];
  rows: number;
  /** A partitioned table: `PARTITION BY strategy (key)`; no keys, checks or foreign keys. */
  partitioning?: { strategy: 'RANGE' | 'LIST'; key: string };
  /** A partition: `PARTITION OF parent FOR VALUES bound`; its columns repeat the parent's, rows go through the parent. */
  partitionOf?: { parent: QName; bound: string; values: string[] };
}

export interface EnumSpec extends QName {
  labels: string[];
}

export type Removal =
  | { op: 'drop-schema'; schema: string }
  | { op: 'drop-table'; table: QName }
  | { op: 'drop-enum'; enum: QName }
  | { op: 'drop-column'; table: QName; column: string }
  | { op: 'drop-fk'; table: QName; name: string }
  | { op: 'drop-pk'; table: QName; name: string }
  | { op: 'drop-unique'; table: QName; name: string }
  | { op: 'drop-check'; table: QName; name: string }
  | { op: 'drop-index'; table: QName; name: string }
  | { op: 'drop-not-null'; table: QName; column: string }
  | { op: 'drop-default'; table: QName; column: string }
  // Twists: the live side keeps something under the declared name, but not the declared object.
  /** The key is dropped and a plain unique index on the same columns takes its name (repair: USING INDEX). */
  | { op: 'key-to-index'; table: QName; name: string; key: 'pk' | 'unique'; columns: string[]; nullsNotDistinct: boolean }
  /** The check is dropped and another check with the same name and columns is added (repair: replaced). */
  | { op: 'check-redefined'; table: QName; name: string; expression: string }
  /** The foreign key is dropped and re-added with other actions (repair: replaced). */
  | { op: 'fk-redefined'; table: QName; name: string; sql: string }
  /** The index is dropped and an index on another table of the schema takes its name (repair: moved aside, hazard rename). */
  | { op: 'index-name-elsewhere'; table: QName; name: string; other: QName; column: string }
  /** ALWAYS <-> BY DEFAULT. */
  | { op: 'identity-flip'; table: QName; column: string; to: 'always' | 'by default' }
  /** A declared identity column is a serial column on the live side. */
  | { op: 'identity-to-serial'; table: QName; column: string }
  /** A declared serial column is an identity column on the live side. */
  | { op: 'serial-to-identity'; table: QName; column: string };

export interface CaseSpec {
  schemas: string[];
  enums: EnumSpec[];
  tables: TableSpec[];
  /** Candidate removals in the order drawn; `removalPlan` keeps the ones that apply. */
  removals: Removal[];
  dataSeed: number;
  serverVersion: number;
}

export const qk = (q: QName): string => JSON.stringify([q.schema, q.name]);
