/**
 * Columns, tables and enum labels that look renamed: a missing one with exactly one live
 * twin the model lacks (same definition, or for a label the same place among the others;
 * see diff/tables.ts and diff/index.ts). A column or label is renamed only under --rename
 * and the `rename` hazard (its rows stay); otherwise the plan says what it saw, and creates
 * the declared column or table empty. A label is then not added at all: once added, the
 * live label could no longer be renamed to it, and PostgreSQL cannot drop a label.
 */
import type { Change } from '../diff/changes.js';
import { qualifiedKey } from '../model/types.js';
import { displayName } from '../render/model-text.js';
import { ident, literal, qualified } from '../render/quote.js';
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

const labelExists = (c: Of<'missing-enum-value'>, label: string): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_enum WHERE enumtypid = pg_catalog.to_regtype(${literal(qualified(c.enum))}) AND enumlabel = ${literal(label)})`;

/**
 * A missing enum label where the live type has one the model lacks: under --rename the live
 * label is renamed (rows holding it now read the declared one); otherwise nothing is planned
 * and lookalikeNote says why. null for a label that is simply added.
 */
export function renamedEnumValue(c: Of<'missing-enum-value'>, ctx: BuildContext): Built | null {
  const was = c.looksRenamedFrom;
  if (was === undefined) return null;
  if (!ctx.options.rename) return built([], [lookalikeNote(c)].filter((n): n is Note => n !== null));
  const where = displayName(c.enum.schema, c.enum.name);
  return built([
    statement(c, {
      phase: 'types',
      description: `rename value ${JSON.stringify(was)} of enum ${where} to ${JSON.stringify(c.value)} (it stands where the model has ${JSON.stringify(c.value)}; the model lacks ${JSON.stringify(was)})`,
      sql: `ALTER TYPE ${qualified(c.enum)} RENAME VALUE ${literal(was)} TO ${literal(c.value)}`,
      guard: needed(`${labelExists(c, was)} AND NOT ${labelExists(c, c.value)}`),
      hazards: [
        {
          kind: 'rename',
          message: `enum ${where} value ${JSON.stringify(was)} becomes ${JSON.stringify(c.value)}: rows that hold it read ${JSON.stringify(c.value)}, and queries, defaults and checks that name ${JSON.stringify(was)} must follow`,
        },
      ],
    }),
  ]);
}

/** What a plan says about a look-alike it does not rename. */
export function lookalikeNote(c: Change): Note | null {
  if (c.kind === 'missing-enum-value' && c.looksRenamedFrom !== undefined) {
    const where = displayName(c.enum.schema, c.enum.name);
    const [v, was] = [JSON.stringify(c.value), JSON.stringify(c.looksRenamedFrom)];
    return {
      level: 'warning',
      message:
        `enum ${where} lacks value ${v} where it has ${was}, which the model lacks: if it was renamed, --rename --allow-hazards rename renames it (rows keep their value under the new name); ` +
        `if ${v} is a new value, add it by hand (ALTER TYPE ${qualified(c.enum)} ADD VALUE ${literal(c.value)}${c.after !== null ? ` AFTER ${literal(c.after)}` : c.before !== null ? ` BEFORE ${literal(c.before)}` : ''}). ` +
        `This plan adds neither: once ${v} is added, ${was} can no longer be renamed to it`,
      source: c,
    };
  }
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

/** An extra column or enum label a rename in this plan takes: it is not "kept". */
export function takenByRename(c: Of<'extra-column'> | Of<'extra-enum-value'>, ctx: BuildContext): boolean {
  if (!ctx.options.rename) return false;
  if (c.kind === 'extra-enum-value') {
    return ctx.changes.some((x) => x.kind === 'missing-enum-value' && x.looksRenamedFrom === c.value && qualifiedKey(x.enum) === qualifiedKey(c.enum));
  }
  return ctx.changes.some(
    (x) => x.kind === 'missing-column' && x.looksRenamedFrom === c.column && x.table.schema === c.table.schema && x.table.name === c.table.name,
  );
}
