/**
 * A table that is UNLOGGED (`relpersistence = 'u'`): its rows skip the WAL, so a
 * crash empties it and replicas never see them. In the model only when set, so a
 * live unlogged table the model declares logged is an extra object: kept (turning
 * it logged rewrites it), and shown as a warning, since its data is not durable.
 */
export interface UnloggedObject {
  readonly kind: 'unlogged';
  readonly schema: string;
  /** The table. */
  readonly name: string;
}
