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
  /**
   * CHECK constraints sorted by name; `definition` is `pg_get_constraintdef` (`CHECK ((VALUE > 0))`) without
   * ` NOT VALID`; `notValid` is set (true) only when the check is not validated (pg_constraint.convalidated false).
   */
  readonly checks: readonly DomainCheck[];
  /**
   * Columns of tables and materialized views (in any schema) whose type is the domain or a domain over it,
   * as the server holds them (absent when none): `VALIDATE CONSTRAINT` and `SET NOT NULL` scan and lock them.
   */
  readonly columns?: readonly DomainColumn[];
  /** Registry keys of the functions its checks or default call (absent when none): it is created after them. */
  readonly dependsOn?: readonly string[];
}

export interface DomainCheck {
  readonly name: string;
  readonly definition: string;
  readonly notValid?: true;
}

export interface DomainColumn {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
}
