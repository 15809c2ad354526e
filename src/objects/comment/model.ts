/**
 * A comment (COMMENT ON ... IS ...) on a table, view, sequence, column, function, procedure,
 * type (domain, enum, composite, range), schema, index, constraint (of a table or a domain),
 * trigger or policy.
 */
export interface CommentObject {
  readonly kind: 'comment';
  /** What the comment is on, as COMMENT ON names it (`domain constraint`: `CONSTRAINT c ON DOMAIN d`). */
  readonly on:
    | 'table'
    | 'view'
    | 'materialized view'
    | 'sequence'
    | 'foreign table'
    | 'column'
    | 'function'
    | 'procedure'
    | 'type'
    | 'schema'
    | 'index'
    | 'constraint'
    | 'domain constraint'
    | 'trigger'
    | 'policy';
  /** The schema (of the schema itself for `schema`). */
  readonly schema: string;
  /**
   * The relation, function, type or domain; the table of a column, index, constraint, trigger
   * or policy; '' for a schema.
   */
  readonly name: string;
  /**
   * The column (`column`), the identity arguments (`function`, `procedure`, e.g. `integer, text`),
   * the index, constraint, trigger or policy name, or ''.
   */
  readonly sub: string;
  readonly text: string;
  /** Registry keys of the object the comment is on (a function, trigger, policy, domain, type, view index), when it is one. */
  readonly dependsOn?: readonly string[];
}
