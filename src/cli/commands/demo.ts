/**
 * `reconcile demo`: the incident on an embedded PostgreSQL, diagnosed and
 * repaired with the real commands, each printed as a user would type it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import pg from 'pg';
import { redactUrl } from '../../db/connection.js';
import { CHAT_DJANGO_DIR, buildIncident } from '../../demo/incident.js';
import { startEmbedded } from '../../embedded/server.js';
import { write } from '../output.js';

interface DemoFlags {
  keep?: boolean;
  pgVersion: string;
}

type Run = (args: string[]) => Promise<number>;

function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function banner(text: string): void {
  write(`\n\x1b[1m== ${text}\x1b[0m\n`.replace(/\x1b\[[0-9;]*m/g, process.stdout.isTTY && !process.env['NO_COLOR'] ? '$&' : ''));
}

async function step(run: Run, args: string[], expect: number[], why: string): Promise<number> {
  write(`\n$ reconcile ${args.map((a) => (/^[\w@:/.=,+-]+$/.test(a) ? a : `'${a}'`)).join(' ')}\n`);
  const code = await run(args);
  if (!expect.includes(code)) throw new Error(`demo step failed: reconcile ${args[0]} exited ${code} (${why})`);
  write(`(exit ${code}: ${why})\n`);
  return code;
}

export function registerDemo(program: Command, run: Run): void {
  program
    .command('demo')
    .description('reproduce the incident on an embedded PostgreSQL and repair it, step by step')
    .option('--keep', 'leave the server running at the end and print how to connect')
    .option('--pg-version <major>', 'embedded PostgreSQL major version (18, or 14 when installed)', '18')
    .action(async (flags: DemoFlags) => {
      const started = Date.now();
      banner(`Starting an embedded PostgreSQL ${flags.pgVersion}`);
      const server = await startEmbedded({ version: flags.pgVersion });
      const adminUrl = new URL(server.url);
      const password = decodeURIComponent(adminUrl.password);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-demo-'));
      // Commands get the password from a pgpass file, so no command line (and no output) shows it.
      const passfile = path.join(dir, 'pgpass');
      writeFileSync(passfile, `127.0.0.1:${server.port}:*:postgres:${password}\n`, { mode: 0o600 });
      process.env['PGPASSFILE'] = passfile;
      process.env['PGPASSWORD'] = password;
      const url = redactUrl(server.urlFor('chat'));
      const holder = new pg.Client(server.urlFor('chat'));
      // The demo ends this session itself: its termination is expected.
      holder.on('error', () => undefined);
      let keep = false;
      try {
        const admin = new pg.Client(server.url);
        await admin.connect();
        await admin.query('CREATE DATABASE chat');
        await admin.end();
        banner('Reproducing the incident');
        const client = new pg.Client(server.urlFor('chat'));
        await client.connect();
        await buildIncident(client, { onStep: (t) => write(`  - ${t}\n`) });
        await client.end();
        await holder.connect();
        const pid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
        await holder.query("SET application_name = 'chat-worker'");
        await holder.query('BEGIN');
        await holder.query('SELECT count(*) FROM chat_callsession');
        write('  - a worker opened a transaction on chat_callsession and went idle: its lock stays\n');
        await new Promise((r) => setTimeout(r, 1200));

        const from = shown(CHAT_DJANGO_DIR);
        banner('1. Diagnose locks (the seed did this by hand with pg_stat_activity and pg_locks)');
        await step(run, ['locks', '--url', url, '--older-than', '1s'], [2], 'a session is idle in transaction');
        await step(run, ['locks', '--url', url, '--terminate', String(pid), '--yes'], [0], 'the stuck worker is ended');

        const hasStatus = programHas(program, 'status');
        if (hasStatus) {
          banner('2. What the ledger says against what the database holds');
          await step(run, ['status', '--url', url, '--from', from], [2], 'faked and differing migrations found');
        }
        banner('3. Plan the repair: the differences, then the script');
        await step(run, ['plan', '--url', url, '--from', from, '--format', 'text'], [2], 'drift found');
        const script = path.join(dir, 'repair.sql');
        await step(run, ['plan', '--url', url, '--from', from, '--allow-hazards', 'rewrite', '--out', script], [2], 'script written');
        const lines = readFileSync(script, 'utf8').split('\n');
        write(`\n--- ${script} (first 40 of ${lines.length} lines) ---\n${lines.slice(0, 40).join('\n')}\n--- … ---\n`);

        banner('4. Apply it: short lock timeouts, retries, verification');
        await step(run, ['apply', '--url', url, '--from', from, '--allow-hazards', 'rewrite'], [0], 'repaired and verified');

        banner('5. Check again');
        if (hasStatus) await step(run, ['status', '--url', url, '--from', from], [0], 'every migration applied and verified');
        await step(run, ['verify', '--url', url, '--from', from], [0], 'in sync');
        write(`\nDemo finished in ${((Date.now() - started) / 1000).toFixed(1)}s.\n`);
        keep = flags.keep ?? false;
      } finally {
        await holder.end().catch(() => undefined);
        if (keep) {
          write(`\nThe server is still running. Try commands by hand:\n  export PGPASSFILE=${passfile}\n  npx reconcile status --url ${url} --from ${shown(CHAT_DJANGO_DIR)}\nPress Ctrl-C to stop it.\n`);
          await new Promise<void>((resolve) => {
            process.once('SIGINT', () => resolve());
            process.once('SIGTERM', () => resolve());
          });
        }
        await server.stop();
      }
    });
}

function programHas(program: Command, name: string): boolean {
  return program.commands.some((c) => c.name() === name);
}
