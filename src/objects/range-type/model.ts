/** Range types (`CREATE TYPE … AS RANGE`). */
export interface RangeTypeObject {
  readonly kind: 'range-type';
  readonly schema: string;
  readonly name: string;
  /**
   * The options as `CREATE TYPE … AS RANGE (…)` takes them, built from pg_range in the
   * same order on every server: `SUBTYPE = …` then, where not the default, the operator
   * class, collation, canonical and difference functions; then the multirange type's name.
   */
  readonly options: string;
  /** Registry keys of the functions it names (canonical, subtype difference). */
  readonly dependsOn: readonly string[];
  /** Table columns whose type is it, its array, its multirange or a domain over it (`schema.table.column`, quoted where needed). */
  readonly usedBy: readonly string[];
}
