import type { Command } from 'commander';
import { applyRepair } from '../../api/apply.js';
import { planRepair } from '../../api/plan.js';
import { DEFAULT_APPLY_OPTIONS, type ApplyEvent, type ApplyOptions } from '../../apply/index.js';
import { ReconcileError } from '../../errors.js';
import { addCompareOptions, planRequestFrom, type CompareFlags } from '../compare-options.js';
import { parseDuration } from '../duration.js';
import { driftLines } from '../../render/drift.js';
import { ledgerOutOfSync } from './plan.js';
import { CliExit, EXIT, write } from '../output.js';

interface ApplyFlags extends CompareFlags {
  plan?: string;
  retries: string;
  rewriteTimeout?: string;
  wait: string;
  waitForBlockers: string;
  olderThan: string;
  dryRun?: boolean;
  force?: boolean;
  skipWithheld?: boolean;
  rehearse?: boolean;
  format: string;
}

function textEvents(e: ApplyEvent): void {
  switch (e.event) {
    case 'warning':
      // On stdout with the rest of the run's account: stderr stays the one line of an error.
      write(`warning: ${e.message}\n`);
      return;
    case 'rehearsal':
      write(`${e.summary}\n`);
      return;
    case 'lock-acquired':
      write(`run lock taken (session pid ${e.pid})\n`);
      return;
    case 'preflight':
      if (e.blockers.length > 0) write(`waiting for sessions ${e.blockers.join(', ')} that lock the plan's tables (${Math.round(e.waitingMs / 1000)}s)\n`);
      return;
    case 'retry':
      write(`  [${e.index + 1}] lock not available (${e.code}), retry ${e.attempt} in ${e.delayMs}ms\n`);
      return;
    case 'statement-end': {
      const n = `[${String(e.index + 1).padStart(String(e.total).length)}/${e.total}]`;
      const retries = e.attempts > 1 ? `, ${e.attempts - 1} retr${e.attempts === 2 ? 'y' : 'ies'}` : '';
      write(`${n} ${e.statement.phase.padEnd(11)} ${e.status.padEnd(9)} ${(e.elapsedMs / 1000).toFixed(2)}s${retries}  ${e.statement.description}\n`);
      if (e.error) write(`    error: ${e.error}\n`);
      return;
    }
    case 'statement-timeout':
    case 'statement-start':
      return;
  }
}

function jsonEvents(e: ApplyEvent): void {
  const { statement, ...rest } = e as ApplyEvent & { statement?: { description: string; phase: string; lockLevel: string } };
  write(JSON.stringify({ ...rest, ...(statement ? { phase: statement.phase, description: statement.description, lockLevel: statement.lockLevel } : {}), at: new Date().toISOString() }) + '\n');
}

function applyOptions(flags: ApplyFlags, lockTimeout: string): ApplyOptions {
  const retries = Number(flags.retries);
  if (!Number.isInteger(retries) || retries < 0) throw new ReconcileError('bad-input', `--retries takes a whole number, got ${JSON.stringify(flags.retries)}`);
  return {
    ...DEFAULT_APPLY_OPTIONS,
    lockTimeoutMs: parseDuration(lockTimeout),
    retries,
    rewriteTimeoutMs: flags.rewriteTimeout === undefined ? null : parseDuration(flags.rewriteTimeout),
    waitForLockMs: parseDuration(flags.wait),
    waitForBlockersMs: parseDuration(flags.waitForBlockers),
    olderThanMs: parseDuration(flags.olderThan),
    dryRun: flags.dryRun ?? false,
    rehearse: flags.rehearse ?? 'auto',
  };
}

export function registerApply(program: Command): void {
  addCompareOptions(
    program
      .command('apply')
      .description('run the repair: short locks, retries, one run at a time, verified at the end')
      .option('--plan <file>', 'a JSON plan written by reconcile plan --out plan.json (instead of --from)')
      .option('--retries <n>', 'retries per statement when its lock is not available', '5')
      .option('--rewrite-timeout <duration>', 'statement_timeout of table rewrites (default: 30s + 2m per GiB of the table and its indexes; 0: none)')
      .option('--wait <duration>', 'wait this long for another apply run to finish', '0')
      .option('--wait-for-blockers <duration>', 'wait this long for sessions that lock the plan\'s tables', '0')
      .option('--older-than <duration>', 'report transactions older than this at preflight', '1m')
      .option('--dry-run', 'check guards and say what would run; change nothing')
      .option('--force', 'run a saved plan even if the live schema changed since, or the file was edited')
      .option('--skip-withheld', 'apply the safe statements and leave the hazardous ones out')
      .option('--rehearse', 'run the plan on a copy of the live schema (in the shadow) first even when the copy is large (default: when it holds at most 2,000 tables)')
      .option('--no-rehearse', 'do not run the plan on a copy of the live schema before touching the database')
      .option('--format <format>', 'text | json (newline-delimited events)', 'text'),
  ).action(async (flags: ApplyFlags) => {
    // Interrupted (Ctrl-C, a CI timeout). Before apply holds its session on the live database, nothing
    // was changed: exit at once. After, the running statement is cancelled on the server first
    // (src/apply/index.ts), then one line says what state the database is in.
    const controller = new AbortController();
    let live = false;
    let signalName: NodeJS.Signals | null = null;
    const resumable = 'statements that finished are committed; every statement is idempotent: run apply again to finish';
    const interrupted = (signal: NodeJS.Signals): void => {
      if (signalName !== null || !live) {
        process.stderr.write(`reconcile: apply interrupted by ${signalName ?? signal} (${resumable})\n`);
        process.exit(EXIT.error);
      }
      signalName = signal;
      controller.abort();
      // Bounded: if the server does not answer the cancel, leave anyway (the server rolls the statement back when it notices).
      setTimeout(() => {
        process.stderr.write(`reconcile: apply interrupted by ${signal}; the server did not confirm the cancel within 10s (${resumable})\n`);
        process.exit(EXIT.error);
      }, 10_000).unref();
    };
    process.on('SIGINT', interrupted);
    process.on('SIGTERM', interrupted);
    try {
      if (!flags.plan && !flags.from) throw new ReconcileError('bad-input', 'apply needs --plan FILE or --from SOURCE', 'see reconcile apply --help');
      if (flags.plan && flags.from) throw new ReconcileError('bad-input', 'give either --plan or --from, not both');
      if (flags.format !== 'text' && flags.format !== 'json') throw new ReconcileError('bad-input', `unknown --format ${JSON.stringify(flags.format)}`, 'use text or json');
      const options = applyOptions(flags, flags.lockTimeout ?? '2s');
      const format = flags.format === 'json' ? jsonEvents : textEvents;
      const emit = (e: ApplyEvent): void => {
        if (e.event === 'lock-acquired') live = true;
        format(e);
      };
      // In JSON mode every line is an event, the final words included.
      const say = flags.format === 'json' ? (text: string) => write(JSON.stringify({ event: 'result', message: text.trimEnd() }) + '\n') : write;
      const request = flags.from ? planRequestFrom(flags) : null;
      const report = await applyRepair({
        url: flags.url,
        from: request?.from,
        planFile: flags.plan,
        shadowUrl: request?.shadowUrl,
        schemas: request?.schemas,
        exclude: request?.exclude,
        ...(request?.options ? { planOptions: request.options } : {}),
        ledger: request?.ledger,
        options,
        force: flags.force ?? false,
        skipWithheld: flags.skipWithheld ?? false,
        onEvent: emit,
        signal: controller.signal,
      });
      live = false;
      const planned = report.planned;
      if (report.interrupted) {
        const done = report.outcomes.filter((o) => o.status === 'done').length;
        const what = report.interrupted.cancelled ? `statement ${report.interrupted.at + 1} of ${planned} (${report.interrupted.cancelled.description}) was cancelled on the server and rolled back` : `no statement was running`;
        process.stderr.write(`reconcile: apply interrupted by ${signalName ?? 'a signal'}: ${what}; ${done} statement(s) done this run (${resumable})\n`);
        throw new CliExit(EXIT.error);
      }
      const done = report.outcomes.filter((o) => o.status === 'done').length;
      const skipped = report.outcomes.filter((o) => o.status === 'skipped').length;
      if (!report.complete) {
        const failed = report.outcomes.filter((o) => o.status === 'failed');
        const blocked = report.outcomes.filter((o) => o.status === 'blocked');
        const counts = `done: ${done}, already in place: ${skipped}, failed: ${failed.length}, not run because they need a failed one: ${blocked.length}`;
        say(`not done (${failed.length + blocked.length} of ${planned}):\n${[...failed, ...blocked].map((o) => `  - ${o.statement.description}: ${o.error ?? o.status}`).join('\n')}\n`);
        // Locks that stayed busy through every retry: refused (3). Anything else the server said no to: an error (1).
        const busy = failed.every((o) => /^could not get the lock after /.test(o.error ?? ''));
        throw new ReconcileError(
          busy ? 'refused' : 'internal',
          `statement ${(report.stoppedAt ?? 0) + 1} of ${planned} failed: ${report.stopReason} (${counts})`,
          `every statement is idempotent: ${busy ? '' : 'fix the cause, then '}run apply again to finish`,
        );
      }
      if (options.dryRun) {
        say(`dry run: ${report.outcomes.filter((o) => o.status === 'would-run').length} statement(s) would run, ${skipped} already in place\n`);
        return;
      }
      say(`applied: ${done} statement(s) run, ${skipped} already in place\n`);
      if (report.stillNeeded.length > 0) {
        say(`verification failed: ${report.stillNeeded.length} statement(s) still needed:\n${report.stillNeeded.map((s) => `  - ${s.description}`).join('\n')}\n`);
        throw new CliExit(EXIT.drift);
      }
      if (flags.from) {
        // The same verdict as `reconcile verify`: every difference that is not information only.
        const after = await planRepair(planRequestFrom(flags));
        // The same verdict as `reconcile verify` for what apply was asked to do: the schema, and the ledger rows it would record.
        const lines = driftLines(after.plan);
        if (lines.length > 0) {
          say(`verified with differences left: ${lines.length}\n${lines.map((l) => `  - ${l}`).join('\n')}\n`);
          throw new CliExit(EXIT.drift);
        }
        // What the ledger still says that this run could not or was not asked to fix (no ledger table without --ledger, a
        // migration that must run): not a failure of the run, but `verify` exits 2 on it, so it is said here.
        const problems = ledgerOutOfSync(after) ? (after.ledger?.verdict.problems ?? []) : [];
        if (problems.length > 0) {
          say(`verified: the schema matches the plan; the ledger still disagrees with the source (reconcile verify exits 2 on it):\n${problems.map((l) => `  - ${l}`).join('\n')}\n`);
          return;
        }
      }
      say('verified: the live database matches the plan\n');
    } finally {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    }
  });
}
