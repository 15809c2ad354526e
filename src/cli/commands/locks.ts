import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { resolveConnection } from '../../db/connection.js';
import { openClient } from '../../db/pool.js';
import { ReconcileError } from '../../errors.js';
import {
  LOCK_REPORT_FORMAT_VERSION,
  ownPid,
  readLockReport,
  renderLockReportJson,
  renderLockReportText,
  renderSignalResults,
  sessionLine,
  terminate,
  validatePids,
  type LockReport,
  type SignalMode,
  type SignalResult,
} from '../../locks/index.js';
import { parseDuration } from '../duration.js';
import { CliExit, EXIT, write } from '../output.js';

interface LocksFlags {
  url?: string;
  olderThan: string;
  format: string;
  terminate?: string[];
  cancel?: string[];
  yes?: boolean;
}

interface Target {
  readonly pid: number;
  readonly mode: SignalMode;
}

function parsePids(values: readonly string[] | undefined, flag: string): number[] {
  const out: number[] = [];
  for (const v of values ?? []) {
    for (const part of v.split(',').map((s) => s.trim()).filter((s) => s.length > 0)) {
      if (!/^\d+$/.test(part)) throw new ReconcileError('bad-input', `${flag} takes process ids, got ${JSON.stringify(part)}`, 'use the pids shown by reconcile locks');
      out.push(Number(part));
    }
  }
  return validatePids(out);
}

export function registerLocks(program: Command): void {
  program
    .command('locks')
    .description('show who blocks whom (blocking chains, idle-in-transaction sessions, old transactions); end sessions named by pid')
    .option('--url <url>', 'database URL (default: DATABASE_URL, then PG* variables)')
    .option('--older-than <duration>', 'threshold for idle-in-transaction sessions and old transactions (500ms, 2s, 1m, 1h)', '1m')
    .option('--format <format>', 'text or json', 'text')
    .option('--terminate <pid...>', 'end these sessions (pg_terminate_backend); needs --yes or a "yes" on a terminal')
    .option('--cancel <pid...>', 'cancel the running query of these sessions (pg_cancel_backend); needs --yes or a "yes" on a terminal')
    .option('--yes', 'act without asking')
    .action(async (flags: LocksFlags) => {
      const olderThanMs = parseDuration(flags.olderThan);
      if (flags.format !== 'text' && flags.format !== 'json') {
        throw new ReconcileError('bad-input', `unknown format ${JSON.stringify(flags.format)}`, 'use --format text or --format json');
      }
      const json = flags.format === 'json';
      const toTerminate = parsePids(flags.terminate, '--terminate');
      const toCancel = parsePids(flags.cancel, '--cancel');
      const both = toTerminate.filter((p) => toCancel.includes(p));
      if (both.length > 0) throw new ReconcileError('bad-input', `pid ${both.join(', ')} given to both --terminate and --cancel`, 'choose one');
      const targets: Target[] = [...toTerminate.map((pid) => ({ pid, mode: 'terminate' as const })), ...toCancel.map((pid) => ({ pid, mode: 'cancel' as const }))];

      const conn = resolveConnection({ url: flags.url });
      const client = await openClient(conn);
      try {
        // The doctor must not queue behind the locks it diagnoses (catalog reads).
        await client.query("SET lock_timeout = '10s'");
        const report = await readLockReport(client, { olderThanMs });
        if (targets.length === 0) {
          write(json ? renderLockReportJson(report) : renderLockReportText(report));
          if (report.blocking.length > 0 || report.idleInTransaction.length > 0) throw new CliExit(EXIT.drift);
          return;
        }
        const me = await ownPid(client);
        if (targets.some((t) => t.pid === me)) {
          throw new ReconcileError('bad-input', `refusing to signal pid ${me}: it is this command's own session`, 'name the pids of other sessions');
        }
        if (!json) write(describeTargets(report, targets));
        if (!flags.yes && !(await confirmed(targets))) {
          if (json) write(actionJson(report, targets, null));
          throw new ReconcileError(
            'refused',
            `not signalling ${targets.map((t) => t.pid).join(', ')} without confirmation`,
            process.stdin.isTTY ? 'answer yes, or add --yes' : 'no terminal to ask on: add --yes to act',
          );
        }
        const results: SignalResult[] = [
          ...(await terminate(client, toTerminate, { mode: 'terminate' })),
          ...(await terminate(client, toCancel, { mode: 'cancel' })),
        ];
        write(json ? actionJson(report, targets, results) : renderSignalResults(results));
        const failed = results.filter((r) => !r.ok);
        if (failed.length > 0) {
          const code = failed.some((r) => r.outcome === 'permission-denied') ? 'auth' : failed.every((r) => r.outcome === 'not-found') ? 'not-found' : 'internal';
          throw new ReconcileError(code, `${failed.length} of ${results.length} session(s) not signalled: ${failed.map((r) => `pid ${r.pid} ${r.outcome}`).join(', ')}`);
        }
      } finally {
        await client.end().catch(() => undefined);
      }
    });
}

function describeTargets(report: LockReport, targets: readonly Target[]): string {
  const byPid = new Map(report.sessions.map((s) => [s.pid, s]));
  const lines: string[] = [];
  for (const mode of ['terminate', 'cancel'] as const) {
    const list = targets.filter((t) => t.mode === mode);
    if (list.length === 0) continue;
    lines.push(mode === 'terminate' ? 'Sessions to terminate (their transaction is rolled back):' : 'Sessions whose running query to cancel:');
    for (const t of list) {
      const s = byPid.get(t.pid);
      const blocks = report.sessions.filter((o) => o.blockedBy.includes(t.pid)).length;
      lines.push(
        s
          ? `  ${sessionLine(s, { database: report.database, ...(blocks > 0 ? { blocks } : {}) })}`
          : `  pid ${t.pid}: not a session of database ${JSON.stringify(report.database)} (it may have ended, or belongs to another database)`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

function actionJson(report: LockReport, targets: readonly Target[], results: readonly SignalResult[] | null): string {
  const byPid = new Map(report.sessions.map((s) => [s.pid, s]));
  const doc = {
    formatVersion: LOCK_REPORT_FORMAT_VERSION,
    database: report.database,
    targets: targets.map((t) => ({ pid: t.pid, mode: t.mode, session: byPid.get(t.pid) ?? null })),
    results,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

async function confirmed(targets: readonly Target[]): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Signal ${targets.length} session(s) (${targets.map((t) => `${t.mode} ${t.pid}`).join(', ')})? Type "yes" to go on: `);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}
