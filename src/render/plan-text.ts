/**
 * The plan for people: drift per table, the unified diff of declared against
 * live DDL for each table that differs, the statements with their locks and
 * hazards, and notes.
 */
import { createTwoFilesPatch } from 'diff';
import { changeTable, isInformational, type Change } from '../diff/changes.js';
import type { Schema, Table } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import type { Plan } from '../plan/types.js';
import { describeObject, objectText } from '../objects/index.js';
import { notComparedText } from '../objects/not-compared.js';
import { tableDdl } from './ddl.js';
import { displayName } from './model-text.js';

export type Category = 'missing' | 'different' | 'extra' | 'info';

export function categoryOf(c: Change): Category {
  if (c.kind.startsWith('missing-')) return 'missing';
  if (c.kind.startsWith('extra-')) return 'extra';
  if (isInformational(c)) return 'info';
  return 'different';
}

export interface TextOptions {
  readonly color: boolean;
  readonly title: string;
  /** The ledger's disagreements with the source (`status`'s problems); a plan with none to repair still shows them. */
  readonly ledgerProblems?: readonly string[];
}

const paint = (on: boolean, code: string, s: string): string => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

function tableDrift(changes: readonly Change[]): { name: string; counts: Record<Category, number> }[] {
  const rows = new Map<string, { name: string; counts: Record<Category, number> }>();
  for (const c of changes) {
    const t = changeTable(c);
    const name = t ? displayName(t.schema, t.name) : '(database)';
    const row = rows.get(name) ?? { name, counts: { missing: 0, different: 0, extra: 0, info: 0 } };
    row.counts[categoryOf(c)]++;
    rows.set(name, row);
  }
  return [...rows.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function unifiedDiffs(changes: readonly Change[], declared: Schema, live: Schema, color: boolean): string[] {
  const tables = new Map<string, true>();
  for (const c of changes) {
    const t = changeTable(c);
    // A ledger row to record is no table difference (the model never holds the ledger table).
    if (t && c.kind !== 'ledger-differs' && categoryOf(c) !== 'info' && categoryOf(c) !== 'extra') tables.set(qualifiedKey(t), true);
  }
  const find = (m: Schema, key: string): Table | undefined => m.tables.find((t) => qualifiedKey(t) === key);
  const patches: { from: string; to: string; a: string; b: string }[] = [];
  for (const key of tables.keys()) {
    const d = find(declared, key);
    const l = find(live, key);
    const ref = d ?? l;
    if (!ref) continue;
    const name = displayName(ref.schema, ref.name);
    const [a, b] = [d ? tableDdl(d) : '', l ? tableDdl(l) : ''];
    // A table whose differences are all in its policies, triggers or flags: those are shown below.
    if (a !== b) patches.push({ from: `declared ${name}`, to: `live ${name}`, a, b });
  }
  for (const c of changes) {
    if (c.kind !== 'object-differs') continue;
    const what = describeObject(c.declared);
    patches.push({ from: `declared ${what}`, to: `live ${what}`, a: objectText(c.declared) + '\n', b: objectText(c.live) + '\n' });
  }
  const out: string[] = [];
  for (const p of patches) {
    const patch = createTwoFilesPatch(p.from, p.to, p.a, p.b, undefined, undefined, { context: 2 });
    const lines = patch.split('\n').filter((line) => !line.startsWith('====') && line !== '\\ No newline at end of file');
    for (const line of lines) {
      if (line.startsWith('-') && !line.startsWith('---')) out.push(paint(color, '31', line));
      else if (line.startsWith('+') && !line.startsWith('+++')) out.push(paint(color, '32', line));
      else if (line.startsWith('@@')) out.push(paint(color, '36', line));
      else out.push(line);
    }
  }
  return out;
}

export const WITHHELD_DROPS = 'Withheld drops (allow with --allow-hazards drop)';
export const WITHHELD_DATA = 'Withheld data steps (allow with --allow-hazards data)';

/**
 * Withheld statements by what a reviewer must read before allowing them: every
 * destructive one (hazard `drop`), the data steps of migrations (hazard `data`), the rest.
 */
export function withheldSections(plan: Pick<Plan, 'withheld'>): { drops: Plan['withheld']; data: Plan['withheld']; other: Plan['withheld'] } {
  const has = (s: Plan['withheld'][number], kind: string): boolean => s.hazards.some((h) => h.kind === kind);
  const drops = plan.withheld.filter((s) => has(s, 'drop'));
  const data = plan.withheld.filter((s) => !has(s, 'drop') && has(s, 'data'));
  const other = plan.withheld.filter((s) => !has(s, 'drop') && !has(s, 'data'));
  return { drops, data, other };
}

export function renderPlanText(plan: Plan, declared: Schema, live: Schema, options: TextOptions): string {
  const out: string[] = [options.title, ''];
  const drift = tableDrift(plan.changes);
  const uncompared = notComparedText(live.notCompared);
  const uncomparedLine = uncompared ? `Not compared (the model does not hold these kinds yet): ${uncompared}` : null;
  const ledgerProblems = options.ledgerProblems ?? [];
  if (drift.length === 0 && ledgerProblems.length > 0) {
    // Exit 2 with "In sync" printed would contradict itself: the schema matches, the ledger does not.
    out.push(`Schema in sync, ledger not: the live schema matches the declared model, but its ledger disagrees with the source (${ledgerProblems.length} problem(s)):`);
    out.push(...ledgerProblems.map((p) => `  - ${p}`));
    out.push('Nothing in the schema to repair; `reconcile status` shows each migration against the live database.');
    if (uncomparedLine) out.push(uncomparedLine);
    return out.join('\n') + '\n';
  }
  if (drift.length === 0) {
    out.push('In sync: the live database matches the declared model.');
    if (uncomparedLine) out.push(uncomparedLine);
    return out.join('\n') + '\n';
  }
  const width = Math.max(20, ...drift.map((r) => r.name.length)) + 2;
  out.push(`${pad('object', width)}missing  different  extra  info`);
  for (const r of drift) {
    out.push(`${pad(r.name, width)}${pad(String(r.counts.missing), 9)}${pad(String(r.counts.different), 11)}${pad(String(r.counts.extra), 7)}${r.counts.info}`);
  }
  const diffs = unifiedDiffs(plan.changes, declared, live, options.color);
  if (diffs.length > 0) out.push('', 'Declared (-) against live (+):', '', ...diffs);
  if (uncomparedLine) out.push('', uncomparedLine);
  out.push('', `Plan: ${plan.statements.length} statement(s), ${plan.withheld.length} withheld for hazards`);
  plan.statements.forEach((s, i) => {
    const flags = [s.lockLevel === 'none' ? null : s.lockLevel, s.transactional ? null : 'concurrently', ...s.hazards.map((h) => `HAZARD ${h.kind}`)].filter(Boolean);
    out.push(`  ${String(i + 1).padStart(3)}. [${s.phase}] ${s.description}${flags.length ? `  (${flags.join(', ')})` : ''}`);
  });
  const sections = withheldSections(plan);
  if (sections.other.length > 0) {
    out.push('', 'Withheld (allow by kind with --allow-hazards):');
    for (const w of sections.other) out.push(`  - ${w.description}: ${w.hazards.map((h) => `${h.kind}: ${h.message}`).join('; ')}`);
  }
  for (const [title, list] of [[WITHHELD_DROPS, sections.drops], [WITHHELD_DATA, sections.data]] as const) {
    if (list.length === 0) continue;
    out.push('', `${title}:`);
    for (const w of list) {
      out.push(`  - ${w.description}: ${w.hazards.map((h) => h.message).join('; ')}`);
      for (const line of w.sql.split('\n')) out.push(`      ${line}`);
    }
  }
  const isExtra = (n: Plan['notes'][number]): boolean => n.level === 'info' && n.source !== null && categoryOf(n.source) === 'extra';
  const notes = plan.notes.filter((n) => !isExtra(n));
  const extras = plan.notes.filter(isExtra).length;
  if (notes.length > 0 || extras > 0) {
    out.push('', 'Notes:');
    for (const n of notes) out.push(`  ${n.level === 'warning' ? paint(options.color, '33', '!') : '-'} ${n.message}`);
    if (extras > 0) out.push(`  - ${extras} object(s) in the live database are not in the model; they are kept (see --format json)`);
  }
  return out.join('\n') + '\n';
}
