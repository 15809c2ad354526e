/**
 * What the comparison looks at: `--schema a,b`, `--exclude PATTERN` (globs on
 * qualified names, or on bare names when the pattern has no dot), and the
 * migration ledgers' own tables, which are never "extra".
 */
import type { QualifiedName, Schema } from '../model/types.js';
import { objectTable } from '../objects/index.js';

export interface Scope {
  readonly schemas?: readonly string[] | undefined;
  readonly exclude?: readonly string[] | undefined;
}

/** Tables that belong to migration tools, not to the application's model. */
export const LEDGER_TABLES: readonly { readonly schema: string | null; readonly name: string }[] = [
  { schema: null, name: 'django_migrations' },
  { schema: 'drizzle', name: '__drizzle_migrations' },
  { schema: null, name: '_prisma_migrations' },
  { schema: null, name: 'flyway_schema_history' },
  { schema: null, name: 'schema_migrations' },
  { schema: null, name: 'goose_db_version' },
];

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's');
}

export function excluder(patterns: readonly string[] = []): (q: QualifiedName) => boolean {
  const rules = patterns.map((p) => ({ qualified: p.includes('.'), re: globToRegExp(p) }));
  return (q) => rules.some((r) => r.re.test(r.qualified ? `${q.schema}.${q.name}` : q.name));
}

/** `--exclude 'audit.*'` excludes the schema itself too, not only what it holds. */
export function schemaExcluder(patterns: readonly string[] = []): (schema: string) => boolean {
  const rules = patterns.flatMap((p) => {
    const dot = p.lastIndexOf('.');
    return dot > 0 && p.slice(dot + 1) === '*' ? [globToRegExp(p.slice(0, dot))] : [];
  });
  return (schema) => rules.some((re) => re.test(schema));
}

function isLedger(q: QualifiedName): boolean {
  return LEDGER_TABLES.some((l) => l.name === q.name && (l.schema === null || l.schema === q.schema));
}

/** Restrict a model to the scope. `ledger` also removes ledger tables and their sequences. */
export function applyScope(model: Schema, scope: Scope, options: { ledger: boolean }): Schema {
  const wholeSchemaExcluded = schemaExcluder(scope.exclude);
  const schemaOk = (s: string): boolean => (!scope.schemas || scope.schemas.includes(s)) && !wholeSchemaExcluded(s);
  const excluded = excluder(scope.exclude);
  const keep = (q: QualifiedName): boolean => schemaOk(q.schema) && !excluded(q) && !(options.ledger && isLedger(q));
  const ledgerSchemaOnly = (s: string): boolean =>
    options.ledger && s === 'drizzle' && !model.tables.some((t) => t.schema === s && !isLedger(t));
  return {
    schemas: model.schemas.filter((s) => schemaOk(s) && !ledgerSchemaOnly(s)),
    tables: model.tables.filter(keep),
    enums: model.enums.filter(keep),
    sequences: model.sequences.filter((s) => keep(s) && !(s.ownedBy && options.ledger && isLedger(s.ownedBy.table))),
    extensions: model.extensions,
    views: model.views.filter(keep),
    // Objects on a table follow the table (a ledger table's triggers are the ledger's too); database-wide ones (publications) stay.
    objects: model.objects.filter((o) => {
      const on: QualifiedName | null = objectTable(o) ?? ('schema' in o && 'name' in o ? { schema: o.schema, name: o.name } : null);
      return on === null || keep(on);
    }),
    notCompared: model.notCompared,
  };
}
