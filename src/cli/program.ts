/**
 * The command-line program: the only module that touches argv, the console and exit codes.
 */
import { Command, CommanderError } from 'commander';
import { configAsOptions, findConfig, loadConfig } from '../config/index.js';
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
    // Usage errors are one line like every other error: `reconcile: unknown option '--x' (run reconcile --help for usage)`.
    .configureOutput({ outputError: (text, write) => write(`reconcile: ${text.replace(/^error: /, '').trim()} (run reconcile --help for usage)\n`) })
    .exitOverride();
  // Configuration fills options the command line did not give; the command line wins.
  program.hook('preAction', async (_root, command) => {
    const given = command.opts<{ config?: string }>().config;
    const file = given ?? findConfig(process.cwd());
    if (!file) return;
    const values = configAsOptions(await loadConfig(file));
    const known = new Set(command.options.map((o) => o.attributeName()));
    for (const [key, value] of Object.entries(values)) {
      if (!known.has(key)) continue;
      const source = command.getOptionValueSource(key);
      if (source === undefined || source === 'default') command.setOptionValueWithSource(key, value, 'config');
    }
  });
  registerInspect(program);
  registerLocks(program);
  registerPlan(program);
  registerVerify(program);
  registerStatus(program);
  registerApply(program);
  registerDemo(program, (args) => main(['node', 'reconcile', ...args]));
  for (const command of program.commands) {
    if (command.name() !== 'demo') command.option('--config <file>', 'configuration file (default: reconcile.config.json or .ts, searched upward)');
  }
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
