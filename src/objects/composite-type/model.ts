/** An attribute of a composite type, in order. */
export interface CompositeAttribute {
  readonly name: string;
  /** `format_type` under `search_path = pg_catalog`. */
  readonly type: string;
  /** A collation other than the type's default (quoted, schema-qualified outside pg_catalog), or null. */
  readonly collation: string | null;
}

/** A composite type (`CREATE TYPE … AS (…)`); tables' row types are not these. */
export interface CompositeTypeObject {
  readonly kind: 'composite-type';
  readonly schema: string;
  readonly name: string;
  readonly attributes: readonly CompositeAttribute[];
  /** Registry keys of the domains and composite types its attributes use. */
  readonly dependsOn: readonly string[];
}
