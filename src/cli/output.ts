/**
 * The console, exit codes and error lines: only `cli/` touches them.
 */
import { isReconcileError } from '../errors.js';

export const EXIT = { ok: 0, error: 1, drift: 2, refused: 3 } as const;

export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

export function write(text: string): void {
  process.stdout.write(text);
}

/** One line on stderr for any failure; a stack only with RECONCILE_DEBUG=1. */
export function reportError(e: unknown): number {
  if (isReconcileError(e)) {
    if (e.details) process.stderr.write(e.details.endsWith('\n') ? e.details : e.details + '\n');
    process.stderr.write(`reconcile: ${e.oneLine()}\n`);
    return e.code === 'refused' ? EXIT.refused : EXIT.error;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`reconcile: internal error: ${msg.split('\n')[0]} (run with RECONCILE_DEBUG=1 for details and report it)\n`);
  if (process.env['RECONCILE_DEBUG'] === '1' && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
  return EXIT.error;
}
