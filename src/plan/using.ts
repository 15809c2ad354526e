/**
 * `--using 'schema.table.column=EXPR'`: the conversion expression for one
 * column type change, for casts PostgreSQL has no path for or values that do
 * not convert as they are. Names are dot-separated, double-quoted when they
 * hold dots, quotes or capitals (as in SQL); `table.column` means `public`.
 */
import { ReconcileError } from '../errors.js';
import type { QualifiedName } from '../model/types.js';

export interface UsingExpression {
  readonly table: QualifiedName;
  readonly column: string;
  /** SQL over the table's columns; the plan casts its result to the declared type. */
  readonly expression: string;
}

function bad(spec: string, why: string): ReconcileError {
  return new ReconcileError('bad-input', `--using ${JSON.stringify(spec)}: ${why}`, "write --using 'schema.table.column=EXPR', e.g. --using 'public.items.price=NULLIF(price, ''n/a'')::numeric'");
}

/** Parses the names before `=`; returns them and where the expression starts. */
function names(spec: string): { parts: string[]; rest: number } {
  const parts: string[] = [];
  let i = 0;
  for (;;) {
    let name = '';
    if (spec[i] === '"') {
      i++;
      for (;;) {
        if (i >= spec.length) throw bad(spec, 'unterminated quoted name');
        if (spec[i] === '"') {
          if (spec[i + 1] === '"') {
            name += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += spec[i++];
      }
    } else {
      while (i < spec.length && spec[i] !== '.' && spec[i] !== '=') name += spec[i++];
      name = name.trim();
    }
    if (name === '') throw bad(spec, 'empty name');
    parts.push(name);
    if (spec[i] === '.') {
      i++;
      continue;
    }
    if (spec[i] === '=') return { parts, rest: i + 1 };
    throw bad(spec, 'expected "=" after schema.table.column');
  }
}

export function parseUsing(spec: string): UsingExpression {
  const { parts, rest } = names(spec);
  const expression = spec.slice(rest).trim();
  if (expression === '') throw bad(spec, 'no expression after "="');
  if (parts.length === 2) return { table: { schema: 'public', name: parts[0]! }, column: parts[1]!, expression };
  if (parts.length === 3) return { table: { schema: parts[0]!, name: parts[1]! }, column: parts[2]!, expression };
  throw bad(spec, `expected schema.table.column, got ${parts.length} name(s)`);
}

/** `schema.table.column` as `--using` reads it back. */
export function usingTarget(t: QualifiedName, column: string): string {
  const part = (n: string): string => (/^[a-z_][a-z0-9_$]*$/.test(n) ? n : `"${n.replaceAll('"', '""')}"`);
  return `${part(t.schema)}.${part(t.name)}.${part(column)}`;
}

export function findUsing(list: readonly UsingExpression[] | undefined, t: QualifiedName, column: string): UsingExpression | undefined {
  return list?.find((u) => u.table.schema === t.schema && u.table.name === t.name && u.column === column);
}
