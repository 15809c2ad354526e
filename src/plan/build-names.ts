/**
 * A name the plan needs that another live relation holds: an index (or a
 * constraint's index) is renamed aside under the `rename` hazard; a table,
 * sequence or view is left to a person.
 */
import type { Change, NameHolder } from '../diff/changes.js';
import type { QualifiedName } from '../model/types.js';
import { displayName } from '../render/model-text.js';
import { ident, qualified } from '../render/quote.js';
import { statement } from './build-context.js';
import { derivedName, indexExists, needed } from './sql.js';
import type { Hazard, Statement } from './types.js';

const show = (q: QualifiedName): string => displayName(q.schema, q.name);

export function moveAside(c: Change, schema: string, holder: NameHolder, needed_: string): { statements: Statement[]; hazard: Hazard } | { note: string } {
  const held = holder.table ? `${holder.relkind} ${holder.name} on ${show(holder.table)}` : `${holder.relkind} ${displayName(schema, holder.name)}`;
  if (holder.relkind !== 'index' && holder.relkind !== 'constraint index') {
    return { note: `the name ${holder.name} is held by ${held}: rename or drop it by hand, then run again` };
  }
  const aside = derivedName(holder.name, '_old');
  const hazard: Hazard = {
    kind: 'rename',
    message: `the name ${holder.name} is held by ${held}; it is renamed to ${aside} so the declared object can take it (queries, hints or ON CONFLICT ON CONSTRAINT clauses that name it must follow)`,
  };
  const table = holder.table ?? { schema, name: holder.name };
  const sql =
    holder.relkind === 'constraint index' && holder.constraint
      ? `ALTER TABLE ${qualified(table)} RENAME CONSTRAINT ${ident(holder.constraint)} TO ${ident(aside)}`
      : `ALTER INDEX ${qualified({ schema, name: holder.name })} RENAME TO ${ident(aside)}`;
  return {
    hazard,
    statements: [
      statement(c, {
        phase: 'keys',
        description: `rename ${held} to ${aside} (the declared ${needed_} needs its name)`,
        sql,
        guard: needed(`${indexExists(schema, holder.name)} AND NOT ${indexExists(schema, aside)}`),
        lockLevel: holder.relkind === 'index' ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE',
        locks: [table],
        hazards: [hazard],
      }),
    ],
  };
}

