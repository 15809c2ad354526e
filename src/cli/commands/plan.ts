import { writeFileSync, renameSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { planRepair, type PlanResult } from '../../api/plan.js';
import { migrationStatus } from '../../api/status.js';
import { isInformational } from '../../diff/changes.js';
import { ReconcileError } from '../../errors.js';
import { renderPlanJson } from '../../render/plan-json.js';
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import { renderPlanSql } from '../../render/plan-sql.js';
import { renderPlanText } from '../../render/plan-text.js';
import { addCompareOptions, planRequestFrom, type CompareFlags } from '../compare-options.js';
import { driftLines } from '../../render/drift.js';
import { CliExit, EXIT, write } from '../output.js';
import { withProgress } from '../util.js';

type Format = 'sql' | 'json' | 'text' | 'markdown';

interface PlanFlags extends CompareFlags {
  out?: string;
  format?: string;
}

function chooseFormat(flags: PlanFlags): Format {
  const byExtension = (file: string): Format => (file.endsWith('.json') ? 'json' : file.endsWith('.md') ? 'markdown' : 'sql');
  const f = flags.format ?? (flags.out ? byExtension(flags.out) : process.stdout.isTTY ? 'text' : 'sql');
  if (f !== 'sql' && f !== 'json' && f !== 'text' && f !== 'markdown') {
    throw new ReconcileError('bad-input', `unknown --format ${JSON.stringify(f)}`, 'use sql, json, text or markdown');
  }
  return f;
}

/** Write a whole file or nothing: a temporary file renamed into place. */
function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw new ReconcileError('bad-input', `cannot write ${file}: ${(e as Error).message}`, 'check the path and permissions');
  }
}

export function registerPlan(program: Command): void {
  addCompareOptions(
    program
      .command('plan')
      .description('compare the live database with the declared model and write the repair script')
      .option('--out <file>', 'write the plan to this file (format from the extension: .sql, .json or .md)')
      .option('--format <format>', 'sql | json | text | markdown (default: text on a terminal, sql otherwise)'),
  ).action(async (flags: PlanFlags) => {
    const format = chooseFormat(flags);
    const request = planRequestFrom(flags);
    const result = await withProgress('planning', () => planRepair(request));
    for (const n of result.declared.notices) process.stderr.write(`reconcile: ${n}\n`);
    const { plan, header } = result;
    let text: string;
    switch (format) {
      case 'sql':
        text = renderPlanSql(plan, header);
        break;
      case 'json':
        text = renderPlanJson(plan, header);
        break;
      case 'markdown': {
        const status = result.declared.migrations.length > 0 ? await migrationStatus({ url: request.url, from: request.from, shadowUrl: request.shadowUrl, extensions: request.extensions, schemas: request.schemas }) : null;
        text = renderPlanMarkdown({ plan, header, declared: result.declared.schema, status, script: renderPlanSql(plan, header) });
        break;
      }
      case 'text':
        text = renderPlanText(plan, result.declared.schema, result.live.schema, {
          color: !!process.stdout.isTTY && !process.env['NO_COLOR'],
          title: `Declared ${header.source} against live ${header.target} (PostgreSQL ${header.serverVersion})`,
          ledgerProblems: ledgerOutOfSync(result) ? (result.ledger?.verdict.problems ?? []) : [],
        });
        break;
    }
    if (flags.out) {
      writeAtomically(flags.out, text);
      write(`wrote ${plan.statements.length} statement(s) (${plan.withheld.length} withheld for hazards) to ${flags.out}\n`);
    } else {
      write(text);
    }
    // Drift in the schema, or a ledger that disagrees with the source even where the plan cannot fix it (as `status` and `verify` say).
    const drift = plan.changes.some((c) => !isInformational(c)) || ledgerOutOfSync(result);
    if (drift) throw new CliExit(EXIT.drift);
  });
}

/** What verify compared: the schema and the ledger, or the schema only (and why). */
function verifyScope(result: PlanResult): string {
  const l = result.ledger;
  if (result.declared.migrations.length === 0) return 'schema only: the source has no migrations, so no ledger to check';
  if (!l || l.kind === 'none') return 'schema only: --ledger none, the ledger is not checked';
  const t = l.reading.table;
  return `schema and ledger ${t ? `${t.schema}.${t.name}` : l.kind}`;
}

/** The ledger disagrees with the source (what `status` reports as out of sync); false without a ledger. */
export function ledgerOutOfSync(result: PlanResult): boolean {
  return result.ledger !== null && result.ledger.kind !== 'none' && result.declared.migrations.length > 0 && !result.ledger.verdict.inSync;
}

export function registerVerify(program: Command): void {
  addCompareOptions(program.command('verify').description('exit 0 when the live database matches the declared model (and its ledger the source), 2 with a short list when not')).action(
    async (flags: CompareFlags) => {
      const result = await planRepair(planRequestFrom(flags));
      const drift = result.plan.changes.filter((c) => !isInformational(c) && c.kind !== 'ledger-differs');
      const ledgerBad = ledgerOutOfSync(result);
      const scope = verifyScope(result);
      if (drift.length === 0 && !ledgerBad) {
        write(`in sync: ${result.header.target} matches ${result.header.source} (${scope})\n`);
        return;
      }
      // One line per schema difference, so the count and the list agree; the ledger's problems apart.
      const lines = driftLines(result.plan, { ledger: false });
      const problems = ledgerBad ? (result.ledger?.verdict.problems ?? []) : [];
      const ledgerPart = ledgerBad ? ` and ${problems.length} ledger problem(s)` : '';
      write(`drift: ${lines.length} difference(s)${ledgerPart} between ${result.header.target} and ${result.header.source} (${scope})\n`);
      for (const l of lines.slice(0, 50)) write(`  - ${l}\n`);
      if (lines.length > 50) write(`  … and ${lines.length - 50} more (reconcile plan shows all)\n`);
      if (ledgerBad) {
        write(`ledger (as reconcile status reports it):\n`);
        for (const p of problems) write(`  - ${p}\n`);
      }
      throw new CliExit(EXIT.drift);
    },
  );
}
