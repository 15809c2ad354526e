/**
 * One row-level security flag of a table, present in the model only when set:
 * `enable` (`relrowsecurity`) or `force` (`relforcerowsecurity`, applies to the
 * owner too). One object per flag, so a flag the live table has and the model
 * does not is an extra object (kept, shown as a warning), never a perpetual difference.
 */
export interface RowSecurityObject {
  readonly kind: 'row-security';
  readonly schema: string;
  /** The table. */
  readonly name: string;
  readonly flag: 'enable' | 'force';
}
