/**
 * Defaults a migration used only while adding a NOT NULL column: Django's
 * `ADD COLUMN "x" boolean DEFAULT false NOT NULL; ALTER ... DROP DEFAULT`, or a
 * Prisma / drizzle `ADD COLUMN ... NOT NULL DEFAULT 0` later dropped. The final
 * model has no default, so on a table that holds rows the repair would have to
 * ask for a backfill; with the migration's own constant it can do what the
 * migration did. Only plain constants are taken (numbers, strings, booleans,
 * with an optional cast): nothing that PostgreSQL would evaluate per row.
 */
import { splitStatements } from './split.js';
import type { Migration } from './types.js';

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const ALTER_ADD = new RegExp(String.raw`^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${IDENT}(?:\s*\.\s*${IDENT})?)\s+(ADD\s[\s\S]*)$`, 'i');
const ADD_COLUMN = new RegExp(String.raw`^\s*ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})\s+([\s\S]*)$`, 'i');
const CONSTANT = /^(?:'(?:[^']|'')*'|-?\d+(?:\.\d+)?|true|false)(?:\s*::\s*[\w\s"().[\]]+)?$/i;
const AFTER_DEFAULT = /\s+(?:NOT\s+NULL|NULL|CONSTRAINT|REFERENCES|CHECK|UNIQUE|PRIMARY\s+KEY|COLLATE|GENERATED)\b/i;

function unquote(id: string): string {
  const t = id.trim();
  return t.startsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t.toLowerCase();
}

/** Split at commas outside quotes and parentheses. */
function topLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** `JSON([schema, table, column])` -> the constant default a migration added the column with (the latest one wins). */
export function migrationColumnDefaults(migrations: readonly Migration[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of migrations) {
    for (const { sql: st } of splitStatements(m.sql).statements) {
      const alter = ALTER_ADD.exec(st);
      if (!alter) continue;
      const parts = alter[1]!.split(/\s*\.\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      const [schema, table] = parts.length === 2 ? [unquote(parts[0]!), unquote(parts[1]!)] : ['public', unquote(parts[0]!)];
      for (const clause of topLevel(alter[2]!)) {
        const add = ADD_COLUMN.exec(clause);
        if (!add) continue;
        const rest = add[2]!;
        const at = /\bDEFAULT\s+/i.exec(rest);
        if (!at) continue;
        const tail = rest.slice(at.index + at[0].length);
        const stop = AFTER_DEFAULT.exec(tail);
        const expr = (stop ? tail.slice(0, stop.index) : tail).trim();
        if (CONSTANT.test(expr)) out.set(JSON.stringify([schema, table, unquote(add[1]!)]), expr);
      }
    }
  }
  return out;
}
