/**
 * The repair as a psql script: idempotent (every statement guarded or
 * `IF NOT EXISTS`), runs under `psql -v ON_ERROR_STOP=1 -f plan.sql`.
 */
import type { NotCompared } from '../model/types.js';
import { notComparedText } from '../objects/not-compared.js';
import { verificationSql } from '../plan/verify.js';
import type { Plan, Statement } from '../plan/types.js';

export interface PlanHeader {
  readonly source: string;
  /** Connection without password. */
  readonly target: string;
  readonly serverVersion: string;
  readonly toolVersion: string;
  readonly plannedAt: string;
  readonly liveHash: string;
  readonly lockTimeout: string;
  /** What the live database holds that the model does not compare yet (kinds and counts). */
  readonly notCompared?: readonly NotCompared[];
}

/** psql ends a `--` comment at a carriage return as well as at a newline: split on both. */
const comment = (text: string): string => text.split(/\r\n|\r|\n/).map((l) => `-- ${l}`.trimEnd()).join('\n');

function renderStatement(s: Statement, i: number, total: number): string {
  const lines = [`-- [${i + 1}/${total}] ${s.phase}: ${s.description}`.replace(/[\r\n]/g, ' ')];
  const meta = [`lock: ${s.lockLevel}`, s.transactional ? null : 'outside any transaction', s.duration === 'long' ? 'may take long' : null]
    .filter((x): x is string => x !== null)
    .join(', ');
  lines.push(`-- ${meta}`);
  for (const h of s.hazards) lines.push(comment(`HAZARD (${h.kind}): ${h.message}`));
  if (s.duration === 'long') lines.push("SET statement_timeout = 0;");
  if (s.guard) {
    lines.push(`${s.guard} \\gset reconcile_`, '\\if :reconcile_needed', `${s.sql};`, '\\endif');
  } else {
    lines.push(`${s.sql};`);
  }
  if (s.duration === 'long') lines.push("SET statement_timeout = '60s';");
  return lines.join('\n');
}

export function renderPlanSql(plan: Plan, header: PlanHeader): string {
  const out: string[] = [
    comment(
      [
        'pg-reconcile repair plan',
        `source:      ${header.source}`,
        `target:      ${header.target}`,
        `server:      PostgreSQL ${header.serverVersion}`,
        `tool:        pg-reconcile ${header.toolVersion}`,
        `planned at:  ${header.plannedAt}`,
        `live schema: ${header.liveHash}`,
        `statements:  ${plan.statements.length} (withheld for hazards: ${plan.withheld.length})`,
        ...(notComparedText(header.notCompared) ? [`not compared: ${notComparedText(header.notCompared)}`] : []),
        '',
        'Run with: psql -v ON_ERROR_STOP=1 -f plan.sql',
        'Every statement is guarded or idempotent: running the script twice changes nothing the second time.',
      ].join('\n'),
    ),
    '',
    '\\set ON_ERROR_STOP on',
    `SET lock_timeout = ${quoteSetting(header.lockTimeout)};`,
    "SET statement_timeout = '60s';",
    'SET search_path = pg_catalog;',
    '',
  ];
  plan.statements.forEach((s, i) => out.push(renderStatement(s, i, plan.statements.length), ''));
  for (const w of plan.withheld) {
    out.push(comment(`WITHHELD (${w.hazards.map((h) => h.kind).join(', ')}; allow with --allow-hazards): ${w.description}\n${w.sql};`), '');
  }
  const verify = verificationSql(plan);
  if (verify) out.push('-- verification: every planned object is present and valid', `${verify};`, '');
  for (const n of plan.notes.filter((x) => x.level === 'warning')) out.push(comment(`NOTE: ${n.message}`));
  return out.join('\n').trimEnd() + '\n';
}

function quoteSetting(v: string): string {
  return `'${v.replaceAll("'", "''")}'`;
}
