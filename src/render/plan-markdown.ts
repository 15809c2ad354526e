/**
 * The incident report for the change review and the postmortem: server and
 * time, migration status, drift per table, hazards, a Mermaid ER diagram of
 * the affected tables (missing columns and relations marked), and the script.
 */
import { changeTable, type Change } from '../diff/changes.js';
import { notComparedText } from '../objects/not-compared.js';
import type { StatusReport } from '../ledger/report.js';
import type { ForeignKey, QualifiedName, Schema, Table } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import type { Plan } from '../plan/types.js';
import { displayName } from './model-text.js';
import type { PlanHeader } from './plan-sql.js';
import { categoryOf, WITHHELD_DATA, WITHHELD_DROPS, withheldSections } from './plan-text.js';

export interface MarkdownInput {
  readonly plan: Plan;
  readonly header: PlanHeader;
  readonly declared: Schema;
  readonly status: StatusReport | null;
  /** The psql script, included verbatim. */
  readonly script: string;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** Mermaid entity and attribute names: word characters only. */
const entity = (q: QualifiedName): string => `${q.schema}__${q.name}`.replace(/[^A-Za-z0-9_]/g, '_');
const word = (s: string): string => s.replace(/[^A-Za-z0-9_]/g, '_') || '_';
const note = (s: string): string => `"${s.replace(/"/g, "'")}"`;

function affectedTables(changes: readonly Change[]): Map<string, QualifiedName> {
  const out = new Map<string, QualifiedName>();
  for (const c of changes) {
    if (categoryOf(c) === 'info' || categoryOf(c) === 'extra') continue;
    const t = changeTable(c);
    if (t) out.set(qualifiedKey(t), { schema: t.schema, name: t.name });
  }
  return out;
}

function columnMarks(changes: readonly Change[], t: QualifiedName): Map<string, string> {
  const marks = new Map<string, string>();
  for (const c of changes) {
    if (!('table' in c) || qualifiedKey(c.table) !== qualifiedKey(t)) continue;
    if (c.kind === 'missing-column') marks.set(c.column.name, 'MISSING');
    else if (c.kind === 'column-type-differs') marks.set(c.column, `live is ${c.live.type}`);
    else if (c.kind === 'nullability-differs') marks.set(c.column, c.declaredNotNull ? 'live is nullable' : 'live is NOT NULL');
    else if (c.kind === 'default-differs') marks.set(c.column, `live default ${c.live ?? 'none'}`);
    else if (c.kind === 'missing-table') for (const col of c.table.columns) marks.set(col.name, 'MISSING');
  }
  return marks;
}

function relationMark(changes: readonly Change[], t: QualifiedName, fk: ForeignKey): string {
  for (const c of changes) {
    if (!('table' in c) || qualifiedKey(c.table) !== qualifiedKey(t)) continue;
    if (c.kind === 'missing-table') return 'MISSING';
    if (c.kind === 'missing-foreign-key' && c.foreignKey.name === fk.name) return 'MISSING';
    if (c.kind === 'foreign-key-differs' && c.declared.name === fk.name) return `differs: ${c.aspects.join(', ')}`;
  }
  return '';
}

export function erDiagram(changes: readonly Change[], declared: Schema): string {
  const affected = affectedTables(changes);
  const tables = declared.tables.filter((t) => affected.has(qualifiedKey(t)));
  const lines = ['erDiagram'];
  const shown = new Set(tables.map((t) => qualifiedKey(t)));
  for (const t of tables) {
    const marks = columnMarks(changes, t);
    const pk = new Set(t.primaryKey?.columns ?? []);
    const fkCols = new Set(t.foreignKeys.flatMap((f) => f.columns));
    lines.push(`  ${entity(t)} {`);
    for (const col of t.columns) {
      const keys = [pk.has(col.name) ? 'PK' : null, fkCols.has(col.name) ? 'FK' : null].filter(Boolean).join(',');
      const mark = marks.get(col.name);
      lines.push(`    ${word(col.type)} ${word(col.name)}${keys ? ` ${keys}` : ''}${mark ? ` ${note(mark)}` : ''}`);
    }
    lines.push('  }');
  }
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      const mark = relationMark(changes, t, fk);
      const target: Table | undefined = declared.tables.find((x) => qualifiedKey(x) === qualifiedKey(fk.references));
      if (!target) continue;
      if (!shown.has(qualifiedKey(target))) {
        lines.push(`  ${entity(target)} {`, `    note ${word('not_affected')}`, '  }');
        shown.add(qualifiedKey(target));
      }
      lines.push(`  ${entity(t)} }o--|| ${entity(target)} : ${note(`${fk.columns.join(', ')}${mark ? ` (${mark})` : ''}`)}`);
    }
  }
  return lines.join('\n');
}

export function renderPlanMarkdown(input: MarkdownInput): string {
  const { plan, header } = input;
  const out: string[] = [
    '# pg-reconcile report',
    '',
    '| | |',
    '| --- | --- |',
    `| target | \`${cell(header.target)}\` (PostgreSQL ${header.serverVersion}) |`,
    `| declared source | \`${cell(header.source)}\` |`,
    `| planned at | ${header.plannedAt} |`,
    `| tool | pg-reconcile ${header.toolVersion} |`,
    `| live schema | \`${header.liveHash}\` |`,
    `| statements | ${plan.statements.length} (${plan.withheld.length} withheld for hazards) |`,
    ...(notComparedText(header.notCompared) ? [`| not compared | ${cell(notComparedText(header.notCompared) ?? '')} |`] : []),
    '',
  ];
  if (input.status) {
    out.push('## Migrations', '', '| app | migration | status | reason |', '| --- | --- | --- | --- |');
    for (const m of input.status.migrations) {
      out.push(`| ${cell(m.migration.app)} | ${cell(m.migration.name)} | \`[${m.mark}]\` ${m.status} | ${cell(m.reason)} |`);
    }
    out.push('');
  }
  out.push('## Drift per table', '', '| object | missing | different | extra | kinds |', '| --- | --- | --- | --- | --- |');
  const groups = new Map<string, Change[]>();
  for (const c of plan.changes) {
    const t = changeTable(c);
    const name = t ? displayName(t.schema, t.name) : '(database)';
    groups.set(name, [...(groups.get(name) ?? []), c]);
  }
  for (const [name, changes] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const n = (cat: string): number => changes.filter((c) => categoryOf(c) === cat).length;
    const kinds = [...new Set(changes.map((c) => c.kind))].join(', ');
    out.push(`| ${cell(name)} | ${n('missing')} | ${n('different')} | ${n('extra')} | ${cell(kinds)} |`);
  }
  out.push('');
  const hazards = [...plan.statements, ...plan.withheld].filter((s) => s.hazards.length > 0);
  out.push('## Hazards', '');
  if (hazards.length === 0) out.push('None: every statement is additive or changes no data, under brief locks.');
  for (const s of hazards) {
    const state = plan.withheld.includes(s) ? 'withheld' : 'allowed';
    for (const h of s.hazards) out.push(`- **${h.kind}** (${state}): ${h.message}`);
  }
  const sections = withheldSections(plan);
  for (const [title, list] of [[WITHHELD_DROPS, sections.drops], [WITHHELD_DATA, sections.data]] as const) {
    if (list.length === 0) continue;
    out.push('', `## ${title}`, '');
    for (const w of list) out.push(`- ${cell(w.description)}: ${cell(w.hazards.map((h) => h.message).join('; '))}`, '', '  ```sql', ...w.sql.split('\n').map((l) => `  ${l}`), '  ```', '');
  }
  const warnings = plan.notes.filter((n) => n.level === 'warning');
  if (warnings.length > 0) out.push('', '## Warnings', '', ...warnings.map((w) => `- ${w.message}`));
  out.push('', '## Affected tables', '', 'Columns marked MISSING or with the live difference; relations marked MISSING or how they differ.', '', '```mermaid', erDiagram(plan.changes, input.declared), '```', '');
  out.push('## Script', '', 'Run with `psql -v ON_ERROR_STOP=1 -f repair.sql`, or `reconcile apply`.', '', '```sql', input.script.trimEnd(), '```', '');
  return out.join('\n');
}
