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
  | { op: 'drop-default'; table: QName; column: string };

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
