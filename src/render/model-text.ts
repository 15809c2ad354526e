/**
 * A short text summary of a model: totals, then one line per table.
 */
import { describeObject } from '../objects/index.js';
import { notComparedText } from '../objects/not-compared.js';
import type { Schema, Table } from '../model/types.js';

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** `app.users` with quotes only where a name needs them, for reading (not for SQL). */
export function displayName(schema: string, name: string): string {
  const part = (s: string): string => (/^[a-z_][a-z0-9_$]*$/.test(s) ? s : JSON.stringify(s));
  return `${part(schema)}.${part(name)}`;
}

export function countObjects(model: Schema): Record<string, number> {
  const sum = (f: (t: Table) => number): number => model.tables.reduce((n, t) => n + f(t), 0);
  return {
    schemas: model.schemas.length,
    tables: model.tables.length,
    columns: sum((t) => t.columns.length),
    'primary keys': sum((t) => (t.primaryKey ? 1 : 0)),
    'foreign keys': sum((t) => t.foreignKeys.length),
    'unique constraints': sum((t) => t.uniques.length),
    'check constraints': sum((t) => t.checks.length),
    indexes: sum((t) => t.indexes.length),
    enums: model.enums.length,
    sequences: model.sequences.length,
    views: model.views.length,
    extensions: model.extensions.length,
    functions: model.objects.filter((o) => o.kind === 'function').length,
    triggers: model.objects.filter((o) => o.kind === 'trigger').length,
    policies: model.objects.filter((o) => o.kind === 'policy').length,
    'tables with row-level security': model.objects.filter((o) => o.kind === 'row-security').length,
  };
}

function tableLine(t: Table): string {
  const parts = [plural(t.columns.length, 'column')];
  if (t.primaryKey) parts.push(`pk (${t.primaryKey.columns.join(', ')})`);
  else parts.push('no primary key');
  if (t.foreignKeys.length) parts.push(plural(t.foreignKeys.length, 'foreign key'));
  if (t.uniques.length) parts.push(plural(t.uniques.length, 'unique'));
  if (t.checks.length) parts.push(plural(t.checks.length, 'check'));
  const own = t.indexes.filter((i) => i.constraint === null).length;
  if (own) parts.push(plural(own, 'index', 'indexes'));
  const invalid = t.indexes.filter((i) => !i.valid).length + t.foreignKeys.filter((f) => !f.validated).length + t.checks.filter((c) => !c.validated).length;
  if (invalid) parts.push(`${invalid} invalid or not validated`);
  const kind = t.kind === 'partitioned' ? ' (partitioned)' : t.partitionOf ? ` (partition of ${displayName(t.partitionOf.parent.schema, t.partitionOf.parent.name)})` : '';
  return `  ${displayName(t.schema, t.name)}${kind}: ${parts.join(', ')}`;
}

export function renderModelText(model: Schema, header: string): string {
  const counts = Object.entries(countObjects(model))
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const lines = [header, counts];
  if (model.tables.length) lines.push('', 'tables:', ...model.tables.map(tableLine));
  if (model.enums.length) lines.push('', 'enums:', ...model.enums.map((e) => `  ${displayName(e.schema, e.name)}: ${e.labels.map((l) => JSON.stringify(l)).join(', ')}`));
  if (model.views.length) lines.push('', 'views:', ...model.views.map((v) => `  ${displayName(v.schema, v.name)}${v.materialized ? ' (materialized)' : ''}`));
  const others = model.objects.filter((o) => o.kind !== 'view');
  if (others.length) lines.push('', 'functions, triggers, policies, row-level security:', ...others.map((o) => `  ${describeObject(o)}`));
  const uncompared = notComparedText(model.notCompared);
  if (uncompared) lines.push('', `not compared (the model does not hold these kinds yet): ${uncompared}`);
  return lines.join('\n') + '\n';
}

export function formatServerVersion(num: number): string {
  const major = Math.floor(num / 10000);
  return `${major}.${num % 10000}`;
}
