/** A table's row-level security flags; present in the model only when one is set. */
export interface RowSecurityObject {
  readonly kind: 'row-security';
  readonly schema: string;
  /** The table. */
  readonly name: string;
  /** `relrowsecurity`: ENABLE ROW LEVEL SECURITY. */
  readonly enabled: boolean;
  /** `relforcerowsecurity`: FORCE ROW LEVEL SECURITY (applies to the owner too). */
  readonly forced: boolean;
}
