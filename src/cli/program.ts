/**
 * The command-line program: the only module that touches argv, the console and exit codes.
 */
import { Command, CommanderError } from 'commander';
import { toolVersion } from '../version.js';
import { registerInspect } from './commands/inspect.js';
import { registerLocks } from './commands/locks.js';
import { registerApply } from './commands/apply.js';
import { registerDemo } from './commands/demo.js';
import { registerPlan, registerVerify } from './commands/plan.js';
import { registerStatus } from './commands/status.js';
import { CliExit, EXIT, reportError } from './output.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('reconcile')
    .description('Compare a PostgreSQL database with its declared model and repair what a lying migration ledger left behind.')
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(run reconcile --help for usage)')
    .exitOverride();
  registerInspect(program);
  registerLocks(program);
  registerPlan(program);
  registerVerify(program);
  registerStatus(program);
  registerApply(program);
  registerDemo(program, (args) => main(['node', 'reconcile', ...args]));
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
