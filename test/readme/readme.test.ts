/**
 * The README cannot rot: every ```console block in it is run, in order, on the
 * incident (the demo's state), and the output must still contain the lines
 * the README shows, in the same order, once numbers, addresses and times are
 * masked. A last line `# exit N` gives the expected exit code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIncident } from '../../src/demo/incident.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Block {
  readonly command: string;
  readonly lines: readonly string[];
  readonly exit: number;
}

function blocks(readme: string): Block[] {
  const out: Block[] = [];
  for (const m of readme.matchAll(/```console\n([\s\S]*?)```/g)) {
    const body = (m[1] ?? '').split('\n').filter((l) => l.length > 0);
    const command = (body[0] ?? '').replace(/^\$ /, '');
    const exitLine = body.find((l) => /^# exit \d+$/.test(l));
    out.push({ command, lines: body.slice(1).filter((l) => !l.startsWith('# exit')), exit: Number(exitLine?.slice(7) ?? 0) });
  }
  return out;
}

export function mask(line: string): string {
  return line
    .replace(/postgres(ql)?:\/\/\S+/g, 'URL')
    .replace(/\d{4}-\d\d-\d\dT[\d:.+]+(Z|\+\d\d:\d\d)?/g, 'TIME')
    .replace(/\d+(\.\d+)?(ms|s)?/g, 'N')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const all = blocks(readme);
  let db: TestDb;
  afterAll(async () => db?.drop());

  it('has console blocks to check', () => {
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(all.every((b) => b.command.startsWith('reconcile '))).toBe(true);
  });

  it('shows commands whose real output still has the lines it quotes', async () => {
    db = await createDatabase('readme');
    const c = new pg.Client(db.url);
    await c.connect();
    await buildIncident(c);
    await c.end();
    const holder = new pg.Client(db.url);
    holder.on('error', () => undefined);
    await holder.connect();
    const pid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
    await holder.query("SET application_name = 'chat-worker'");
    await holder.query('BEGIN');
    await holder.query('SELECT count(*) FROM chat_callsession');
    // `locks --older-than 1s` must see the worker idle for a second: wait until the server says so.
    await waitUntil(async () => {
      const [r] = await db.query<{ idle: boolean }>('SELECT now() - state_change > interval \'1.1 seconds\' AS idle FROM pg_stat_activity WHERE pid = $1', [pid]);
      return r?.idle === true;
    }, 'the worker has been idle in transaction for over a second');
    try {
      for (const block of all) {
        const args = block.command
          .split(/\s+/)
          .slice(1)
          .map((a) => (a === '$DATABASE_URL' ? db.url : a));
        const t = args.indexOf('--terminate');
        if (t >= 0) args[t + 1] = String(pid);
        const run = await runCli(args);
        expect(run.code, `${block.command}\n${run.stderr}`).toBe(block.exit);
        const actual = run.stdout.split('\n').map(mask);
        let at = 0;
        for (const line of block.lines) {
          const want = mask(line);
          const found = actual.indexOf(want, at);
          expect(found, `README line not in the output of "${block.command}" (in order):\n${line}\n--- output ---\n${run.stdout}`).toBeGreaterThanOrEqual(0);
          at = found + 1;
        }
      }
    } finally {
      await holder.end().catch(() => undefined);
    }
  });
});
