/**
 * The command-line program: the only module that touches argv, the console and exit codes.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerInspect } from './commands/inspect.js';
import { registerLocks } from './commands/locks.js';
import { CliExit, EXIT, reportError } from './output.js';

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('reconcile')
    .description('Compare a PostgreSQL database with its declared model and repair what a lying migration ledger left behind.')
    .version(version(), '-V, --version')
    .showHelpAfterError('(run reconcile --help for usage)')
    .exitOverride();
  registerInspect(program);
  registerLocks(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CliExit) return e.exitCode;
    if (e instanceof CommanderError) {
      // commander already printed its message (usage errors, --help, --version).
      return e.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    return reportError(e);
  }
}
