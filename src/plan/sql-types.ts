/**
 * SQL for column type changes: the guard (type and collation), a statement run
 * under `TimeZone = 'UTC'`, and the probe that counts values that would not
 * convert and stops with their keys before the ALTER runs.
 */
import type { QualifiedName } from '../model/types.js';
import { ident, literal, qualified } from '../render/quote.js';
import { dollarQuote, regclass } from './sql.js';

/** The column has this type and this collation (null: the type's default), as the introspector prints them. */
export function columnHasTypeAndCollation(t: QualifiedName, column: string, type: string, collation: string | null): string {
  const coll = collation === null ? '(SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid)' : `pg_catalog.to_regcollation(${literal(collation)})`;
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = ${regclass(t)} AND a.attname = ${literal(column)} AND NOT a.attisdropped ` +
    `AND pg_catalog.format_type(a.atttypid, a.atttypmod) = ${literal(type)} AND a.attcollation = ${coll})`
  );
}

/**
 * `sql` (one utility statement) run with `TimeZone = 'UTC'` for its own
 * transaction only: a DO block with SET LOCAL, so it holds in `apply` and in the
 * psql script alike, and the session's zone is back afterwards.
 */
export function underUtc(sql: string): string {
  return `DO ${dollarQuote(`\nBEGIN\n  SET LOCAL TimeZone = 'UTC';\n  ${sql};\nEND\n`)}`;
}

export interface ProbeInput {
  readonly table: QualifiedName;
  readonly column: string;
  readonly from: string;
  readonly to: string;
  /**
   * How the ALTER converts: `assign` for a bare `TYPE` (assignment cast: what a
   * typed PL/pgSQL variable does), or the USING expression over the row.
   */
  readonly conversion: { readonly kind: 'assign' } | { readonly kind: 'using'; readonly expression: string };
  /** The source is a string type and the conversion its target's input function: pg_input_is_valid is exact (16+). */
  readonly byInput: boolean;
  /** Primary key columns of the live table, for sample labels (ctid when none). */
  readonly keys: readonly string[];
  /** Shown in the message: `schema.table.column`. */
  readonly where: string;
  readonly hint: string;
}

const SAMPLES = 3;

/**
 * A DO block that tries the conversion on every row: a fast pass first (one
 * scan, no subtransaction); only when it fails, a count row by row (each try in
 * its own sub-block), or `pg_input_is_valid` on PostgreSQL 16+ when exact. It
 * raises with the count and a few sample keys when any row fails.
 */
export function probeConversion(p: ProbeInput): string {
  const tbl = qualified(p.table);
  const col = ident(p.column);
  const key =
    p.keys.length === 0
      ? `'ctid ' || ctid::text`
      : p.keys.length === 1
        ? `${literal(p.keys[0] + '=')} || ${ident(p.keys[0]!)}::text`
        : `${literal(`(${p.keys.join(', ')})=`)} || ROW(${p.keys.map(ident).join(', ')})::text`;
  const shown = `CASE WHEN ${col} IS NULL THEN 'NULL' ELSE pg_catalog.quote_literal(pg_catalog.left(${col}::text, 40)) END`;
  const sample = (error: string): string => `reconcile_samples := reconcile_samples || (reconcile_r.k || ': ' || reconcile_r.v || ' (' || ${error} || ')');`;
  const fast =
    p.conversion.kind === 'assign'
      ? `FOR reconcile_r IN SELECT ${col} AS v FROM ${tbl} LOOP reconcile_x := reconcile_r.v; END LOOP;`
      : `PERFORM count(${p.conversion.expression}) FROM ${tbl};`;
  const tryRow = p.conversion.kind === 'assign' ? `SELECT ${col} INTO reconcile_x FROM ${tbl} WHERE ctid = reconcile_r.c;` : `PERFORM ${p.conversion.expression} FROM ${tbl} WHERE ctid = reconcile_r.c;`;
  const byInput = p.byInput
    ? [
        `  IF pg_catalog.current_setting('server_version_num')::int >= 160000 THEN`,
        `    SELECT count(*) INTO reconcile_bad FROM ${tbl} WHERE ${col} IS NOT NULL AND NOT pg_catalog.pg_input_is_valid(${col}::text, ${literal(p.to)});`,
        `    FOR reconcile_r IN SELECT ${key} AS k, ${shown} AS v, (pg_catalog.pg_input_error_info(${col}::text, ${literal(p.to)})).message AS e FROM ${tbl} WHERE ${col} IS NOT NULL AND NOT pg_catalog.pg_input_is_valid(${col}::text, ${literal(p.to)}) LIMIT ${SAMPLES} LOOP`,
        `      ${sample('reconcile_r.e')}`,
        `    END LOOP;`,
        `  ELSE`,
      ]
    : [];
  const loop = [
    `  FOR reconcile_r IN SELECT ctid AS c, ${key} AS k, ${shown} AS v FROM ${tbl} LOOP`,
    `    BEGIN`,
    `      ${tryRow}`,
    `    EXCEPTION WHEN others THEN`,
    `      reconcile_bad := reconcile_bad + 1;`,
    `      IF reconcile_bad <= ${SAMPLES} THEN ${sample('SQLERRM')} END IF;`,
    `    END;`,
    `  END LOOP;`,
  ];
  const body = [
    '',
    `DECLARE reconcile_bad bigint := 0; reconcile_samples text[] := '{}'; reconcile_r record; reconcile_x ${p.to};`,
    'BEGIN',
    '  BEGIN',
    `    ${fast}`,
    '    RETURN;',
    '  EXCEPTION WHEN others THEN NULL;',
    '  END;',
    ...byInput,
    ...(p.byInput ? loop.map((l) => '  ' + l) : loop),
    ...(p.byInput ? ['  END IF;'] : []),
    `  IF reconcile_bad > 0 THEN`,
    `    RAISE EXCEPTION USING ERRCODE = '22P02', MESSAGE = ${literal(`${p.where} cannot change from ${p.from} to ${p.to}: `)} || reconcile_bad || ' row(s) do not convert, e.g. ' || pg_catalog.array_to_string(reconcile_samples, '; '), HINT = ${literal(p.hint)};`,
    `  END IF;`,
    'END',
    '',
  ];
  return `DO ${dollarQuote(body.join('\n'))}`;
}
