/**
 * Columns and tables that look renamed: a missing one with exactly one live twin the
 * model lacks (same definition, see diff/tables.ts and diff/index.ts). A column is
 * renamed only under --rename and the `rename` hazard (its rows stay); otherwise, and
 * for tables, the plan says what it saw, and creates the declared one empty.
 */
import type { Change } from '../diff/changes.js';
import { displayName } from '../render/model-text.js';
import { ident, qualified } from '../render/quote.js';
import { built, statement, type BuildContext, type Built } from './build-context.js';
import { columnExists, needed } from './sql.js';
import type { Note } from './types.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;

/** The rename of a look-alike column under --rename, or null when the column is simply added. */
export function renamedColumn(c: Of<'missing-column'>, ctx: BuildContext): Built | null {
  if (!c.looksRenamedFrom || !ctx.options.rename) return null;
  const where = `${displayName(c.table.schema, c.table.name)}`;
  return built([
    statement(c, {
      phase: 'columns',
      description: `rename column ${where}.${c.looksRenamedFrom} to ${c.column.name} (same definition; the model lacks ${c.looksRenamedFrom})`,
      sql: `ALTER TABLE ${qualified(c.table)} RENAME COLUMN ${ident(c.looksRenamedFrom)} TO ${ident(c.column.name)}`,
      guard: needed(`${columnExists(c.table, c.looksRenamedFrom)} AND NOT ${columnExists(c.table, c.column.name)}`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [c.table],
      hazards: [
        {
          kind: 'rename',
          message: `${where}.${c.looksRenamedFrom} is taken for the declared ${c.column.name} (same definition): queries and views that name ${c.looksRenamedFrom} must follow`,
        },
      ],
    }),
  ]);
}

/** What a plan says about a look-alike it does not rename. */
export function lookalikeNote(c: Change): Note | null {
  if (c.kind === 'missing-column' && c.looksRenamedFrom) {
    const where = displayName(c.table.schema, c.table.name);
    return {
      level: 'warning',
      message: `column ${where}.${c.column.name} is missing and ${where}.${c.looksRenamedFrom}, which the model lacks, has the same definition: if it was renamed, --rename --allow-hazards rename renames it and keeps its values; this plan adds an empty ${c.column.name}`,
      source: c,
    };
  }
  if (c.kind === 'missing-table' && c.looksRenamedFrom) {
    const was = c.looksRenamedFrom;
    return {
      level: 'warning',
      message:
        `table ${displayName(c.table.schema, c.table.name)} is missing and ${displayName(was.schema, was.name)}, which the model lacks, has the same columns: ` +
        `if it was renamed, rename it (ALTER TABLE ${qualified(was)} RENAME TO ${ident(c.table.name)}) and plan again to keep its rows; this plan creates an empty ${displayName(c.table.schema, c.table.name)}`,
      source: c,
    };
  }
  return null;
}

/** An extra column a rename in this plan takes: it is not "kept". */
export function takenByRename(c: Of<'extra-column'>, ctx: BuildContext): boolean {
  if (!ctx.options.rename) return false;
  return ctx.changes.some(
    (x) => x.kind === 'missing-column' && x.looksRenamedFrom === c.column && x.table.schema === c.table.schema && x.table.name === c.table.name,
  );
}
