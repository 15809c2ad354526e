/**
 * Statements for column type changes: which conversions rewrite the table or
 * change values (hazard `rewrite`), and one ALTER TABLE per table group.
 */
import type { Change } from '../diff/changes.js';
import type { QualifiedName } from '../model/types.js';
import { displayName } from '../render/model-text.js';
import { ident, literal, qualified } from '../render/quote.js';
import { built, statement, type BuildContext, type Built } from './build-context.js';
import { columnHasType, needed } from './sql.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;
const show = (q: QualifiedName): string => displayName(q.schema, q.name);

/** Type changes that neither rewrite the table nor change a value. */
function isSafeWidening(from: string, to: string): boolean {
  const varchar = /^character varying\((\d+)\)$/;
  const f = varchar.exec(from);
  if (f && to === 'text') return true;
  if (f && to === 'character varying') return true;
  const t = varchar.exec(to);
  return !!(f && t && Number(t[1]) >= Number(f[1]));
}

type TypeChange = Of<'column-type-differs'>;

/** Neither rewrites the table nor changes a value: planned without a hazard. */
function isSafeTypeChange(c: TypeChange): boolean {
  return isSafeWidening(c.live.type, c.declared.type) && c.declared.collation === c.live.collation;
}

/** One `ALTER COLUMN ... TYPE` clause, the condition that it is still needed, and its hazard text. */
function typeChangeParts(c: TypeChange, ctx: BuildContext): { clause: string; condition: string; why: string } {
  const col = ident(c.column);
  const to = c.declared.type;
  const from = c.live.type;
  const zone = ctx.options.assumeTimezone ?? 'UTC';
  let using = '';
  let why = `changing ${show(c.table)}.${c.column} from ${from} to ${to} rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values`;
  if (from === 'timestamp without time zone' && to === 'timestamp with time zone') {
    using = ` USING ${col} AT TIME ZONE ${literal(zone)}`;
    why = `${show(c.table)}.${c.column}: timestamp values are taken as ${zone} (--assume-timezone to change); a bare TYPE timestamptz would shift them by the session's zone. The table is rewritten under an ACCESS EXCLUSIVE lock`;
  } else if (from === 'timestamp with time zone' && to === 'timestamp without time zone') {
    using = ` USING ${col} AT TIME ZONE ${literal(zone)}`;
  } else if (!isSafeWidening(from, to)) {
    using = ` USING ${col}::${to}`;
  }
  const collate = c.declared.collation ? ` COLLATE ${c.declared.collation}` : '';
  return { clause: `ALTER COLUMN ${col} TYPE ${to}${collate}${using}`, condition: columnHasType(c.table, c.column, from), why };
}

/**
 * Type changes of one table that are all safe, or all hazardous, form one group:
 * one `ALTER TABLE` with several `ALTER COLUMN ... TYPE` clauses, so PostgreSQL
 * rewrites the table once, not once per column. Maps every type change to its group.
 */
export function groupTypeChanges(changes: readonly Change[]): Map<Change, readonly TypeChange[]> {
  const groups = new Map<string, TypeChange[]>();
  const out = new Map<Change, readonly TypeChange[]>();
  for (const c of changes) {
    if (c.kind !== 'column-type-differs') continue;
    const key = JSON.stringify([c.table.schema, c.table.name, isSafeTypeChange(c)]);
    const group = groups.get(key) ?? [];
    group.push(c);
    groups.set(key, group);
    out.set(c, group);
  }
  return out;
}

/**
 * The statement for a group of type changes on one table. It runs only while
 * every column still has its old type (it is atomic: a partial state comes from
 * elsewhere, and a re-plan then handles the columns left).
 */
export function columnTypesDiffer(group: readonly TypeChange[], ctx: BuildContext): Built {
  const first = group[0];
  if (!first) return built();
  const t = first.table;
  const parts = group.map((c) => typeChangeParts(c, ctx));
  const safe = group.every(isSafeTypeChange);
  const description =
    group.length === 1
      ? `change type of ${show(t)}.${first.column} from ${first.live.type} to ${first.declared.type}`
      : `change types of ${show(t)}: ${group.map((c) => c.column).join(', ')} (one rewrite)`;
  return built([
    statement(first, {
      phase: 'fixes',
      description,
      sql: `ALTER TABLE ${qualified(t)} ${parts.map((p) => p.clause).join(',\n  ')}`,
      guard: needed(parts.length === 1 ? parts[0]!.condition : parts.map((p) => `(${p.condition})`).join(' AND ')),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [t],
      duration: safe ? 'brief' : 'long',
      hazards: safe ? [] : parts.map((p) => ({ kind: 'rewrite' as const, message: p.why })),
    }),
  ]);
}
