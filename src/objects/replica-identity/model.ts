/**
 * A table's replica identity (what logical replication writes of an old row),
 * in the model only when it is not the default (the primary key): `FULL`,
 * `NOTHING` or `USING INDEX`. A live setting the model lacks is an extra object
 * (kept: replication consumers may rely on it), never a perpetual difference.
 */
export interface ReplicaIdentityObject {
  readonly kind: 'replica-identity';
  readonly schema: string;
  /** The table. */
  readonly name: string;
  readonly identity: 'full' | 'nothing' | 'index';
  /** The index, for `index` (empty otherwise). */
  readonly index: string;
}
