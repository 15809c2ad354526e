/** A comment (COMMENT ON ... IS ...) on a table, view, sequence, column, function, procedure or type. */
export interface CommentObject {
  readonly kind: 'comment';
  /** What the comment is on, as COMMENT ON names it. */
  readonly on: 'table' | 'view' | 'materialized view' | 'sequence' | 'foreign table' | 'column' | 'function' | 'procedure' | 'type';
  readonly schema: string;
  /** The relation, function or type name. */
  readonly name: string;
  /** The column (`column`), the identity arguments (`function`, `procedure`, e.g. `integer, text`), or ''. */
  readonly sub: string;
  readonly text: string;
}
