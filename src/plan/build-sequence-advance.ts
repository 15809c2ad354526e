/**
 * A sequence that becomes the default (`nextval`) of columns already holding values
 * must hand out values past them: a sequence the plan creates starts at its START,
 * and an existing one may be behind values written without it. Identity columns get
 * this from `START WITH` (build-identity.ts); for `nextval` defaults one statement per
 * sequence, after the defaults are set, advances it with `setval` past the largest value
 * (the smallest, for a descending sequence) of every column whose declared default is
 * `nextval` of it. It is computed at run time and only ever moves the sequence forward:
 * the guard holds only while the next value the sequence would hand out is one the
 * columns already hold, so a second run, or a sequence already past them, does nothing.
 */
import type { Change } from '../diff/changes.js';
import type { QualifiedName } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { displayName } from '../render/model-text.js';
import { ident, literal, qualified } from '../render/quote.js';
import { holdsRows, statement, type BuildContext } from './build-context.js';
import { dollarQuote, needed } from './sql.js';
import type { Statement } from './types.js';

type DefaultDiffers = Extract<Change, { kind: 'default-differs' }>;
const show = (q: QualifiedName): string => displayName(q.schema, q.name);

/** One identifier as `regclass` output prints it: quoted (`""` inside) or a bare lower-case word. */
const PART = String.raw`("(?:[^"]|"")+"|[^."]+)`;
const REGCLASS = new RegExp(String.raw`^${PART}\.${PART}$`);
const unquote = (p: string): string => (p.startsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p);

/**
 * The sequence a default draws from when it is exactly `nextval('schema.name'::regclass)`
 * (as PostgreSQL prints it with search_path pg_catalog); null for any other expression.
 */
export function nextvalSequence(expression: string | null): QualifiedName | null {
  const m = /^nextval\('((?:[^']|'')+)'::regclass\)$/.exec(expression ?? '');
  if (!m) return null;
  const parts = REGCLASS.exec(m[1]!.replace(/''/g, "'"));
  if (!parts) return null;
  return { schema: unquote(parts[1]!), name: unquote(parts[2]!) };
}

/** The columns whose default the plan sets to `nextval` of the sequence, in plan order. */
function columnsOf(changes: readonly Change[], seq: QualifiedName): DefaultDiffers[] {
  const k = qualifiedKey(seq);
  return changes.filter((x): x is DefaultDiffers => x.kind === 'default-differs' && qualifiedKey(nextvalSequence(x.declared) ?? { schema: '', name: '' }) === k);
}

/**
 * One row: `up` (the increment is positive), `next` (what nextval would return now:
 * numeric, so the step past the last value cannot overflow) and `used` (the largest
 * value the columns hold, or the smallest for a descending sequence; NULL when they hold none).
 */
function stateSql(seq: QualifiedName, columns: readonly DefaultDiffers[]): string {
  const rel = `${literal(qualified(seq))}::regclass`;
  const agg = (fn: 'max' | 'min'): string => columns.map((c) => `(SELECT ${fn}(${ident(c.column)}) FROM ${qualified(c.table)})::bigint`).join(', ');
  return (
    `SELECT p.seqincrement > 0 AS up, CASE WHEN s.is_called THEN s.last_value::numeric + p.seqincrement ELSE s.last_value::numeric END AS next, ` +
    `CASE WHEN p.seqincrement > 0 THEN greatest(${agg('max')}) ELSE least(${agg('min')}) END AS used ` +
    `FROM ${qualified(seq)} s, pg_catalog.pg_sequence p WHERE p.seqrelid = ${rel}`
  );
}

/** The next value is one the columns hold already (or lies before them): NULL when they hold none. */
const BEHIND = 'CASE WHEN f.up THEN f.next <= f.used ELSE f.next >= f.used END';

/**
 * The `setval` for the sequence of `c`'s declared default, built once per sequence
 * (with the last of its default changes, so it runs after every SET DEFAULT), when
 * one of the columns' tables holds rows; otherwise nothing.
 */
export function sequenceAdvance(c: DefaultDiffers, ctx: BuildContext): Statement[] {
  const seq = nextvalSequence(c.declared);
  if (!seq) return [];
  const columns = columnsOf(ctx.changes, seq);
  if (columns[columns.length - 1] !== c || !columns.some((x) => holdsRows(ctx, x.table))) return [];
  const rel = `${literal(qualified(seq))}::regclass`;
  const state = stateSql(seq, columns);
  const where = columns.map((x) => `${show(x.table)}.${x.column}`).join(', ');
  const tables = [...new Map(columns.map((x) => [qualifiedKey(x.table), x.table])).values()];
  return [
    statement(c, {
      phase: 'fixes',
      description: `advance sequence ${show(seq)} past the values ${where} already hold${columns.length > 1 ? ' (the largest of them)' : ''}, where it is behind them (the ${columns.length > 1 ? "columns' new default draws" : "column's new default draws"} from it)`,
      sql: `DO ${dollarQuote(` BEGIN PERFORM pg_catalog.setval(${rel}, f.used, true) FROM (${state}) f WHERE ${BEHIND}; END `)}`,
      guard: needed(`coalesce((SELECT ${BEHIND} FROM (${state}) f), false)`),
      // setval takes no table lock; reading the largest value takes ACCESS SHARE (a scan where no index leads with the column).
      lockLevel: 'ACCESS SHARE',
      locks: tables,
      duration: 'long',
    }),
  ];
}
