/**
 * A table inheriting from another (`CREATE TABLE … INHERITS`, `ALTER TABLE …
 * INHERIT`), partitions excepted (their link is the partition shape, compared
 * with the table). The child's own columns, keys and checks are compared with
 * the table; this object is only the link, so a child created by hand without
 * `INHERITS` is found and linked.
 */
export interface InheritanceObject {
  readonly kind: 'inheritance';
  /** The child table. */
  readonly schema: string;
  readonly name: string;
  /** The parent table. */
  readonly parentSchema: string;
  readonly parent: string;
}
