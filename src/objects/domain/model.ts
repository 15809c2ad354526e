/** Domains: a base type with a default, NOT NULL and named CHECK constraints. */
export interface DomainObject {
  readonly kind: 'domain';
  readonly schema: string;
  readonly name: string;
  /** `format_type` of the base type with its modifier, e.g. `integer`, `character varying(20)`. */
  readonly baseType: string;
  /** The collation when it is not the base type's default (`"C"`), or null. */
  readonly collation: string | null;
  /** The default expression as PostgreSQL prints it, or null. */
  readonly default: string | null;
  readonly notNull: boolean;
  /** CHECK constraints sorted by name; `definition` is `pg_get_constraintdef` (`CHECK ((VALUE > 0))`). */
  readonly checks: readonly { readonly name: string; readonly definition: string }[];
  /** Registry keys of the functions its checks or default call (absent when none): it is created after them. */
  readonly dependsOn?: readonly string[];
}
