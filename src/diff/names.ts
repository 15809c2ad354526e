/**
 * Who holds a relation name in a schema of the live database. Indexes, tables,
 * sequences and views share one namespace per schema (pg_class), so a missing
 * key or index cannot take a name another relation already has.
 */
import type { QualifiedName, Schema } from '../model/types.js';
import type { NameHolder } from './changes.js';

export type NameLookup = (schema: string, name: string) => NameHolder | null;

export function relationNames(model: Schema): NameLookup {
  const map = new Map<string, NameHolder>();
  // PostgreSQL names cannot hold a NUL character: it separates without ambiguity.
  const key = (schema: string, name: string): string => `${schema}\u0000${name}`;
  const put = (schema: string, holder: NameHolder): void => {
    const k = key(schema, holder.name);
    if (!map.has(k)) map.set(k, holder);
  };
  for (const t of model.tables) {
    put(t.schema, { relkind: 'table', name: t.name, table: null, constraint: null });
    const table: QualifiedName = { schema: t.schema, name: t.name };
    for (const ix of t.indexes) {
      put(t.schema, { relkind: ix.constraint ? 'constraint index' : 'index', name: ix.name, table, constraint: ix.constraint });
    }
  }
  for (const s of model.sequences) put(s.schema, { relkind: 'sequence', name: s.name, table: null, constraint: null });
  for (const v of model.views) put(v.schema, { relkind: 'view', name: v.name, table: null, constraint: null });
  return (schema, name) => map.get(key(schema, name)) ?? null;
}

export const noNames: NameLookup = () => null;
