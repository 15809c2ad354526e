/**
 * A table column's own settings, in the model only when one is not the default:
 * its statistics target (`SET STATISTICS`), storage (`SET STORAGE`) and compression
 * (`SET COMPRESSION`).
 */
export interface ColumnSettingsObject {
  readonly kind: 'column-settings';
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  /** null: the default target. */
  readonly statistics: number | null;
  /** `PLAIN`, `EXTERNAL`, `MAIN`, `EXTENDED`; null: the type's own. */
  readonly storage: string | null;
  /** `pglz`, `lz4`; null: the server's `default_toast_compression`. */
  readonly compression: string | null;
}
