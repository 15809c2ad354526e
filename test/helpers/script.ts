/**
 * Runs a plan script the way `psql -v ON_ERROR_STOP=1 -f` does. Uses the real
 * psql when it is installed (CI installs it); otherwise a small interpreter of
 * the psql subset our scripts use (`\set`, `\gset PREFIX`, `\if :var`, `\endif`).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export function hasPsql(): boolean {
  return spawnSync('psql', ['--version']).status === 0;
}

export async function runScript(url: string, script: string): Promise<void> {
  if (hasPsql()) return runWithPsql(url, script);
  return runInterpreted(url, script);
}

export function runWithPsql(url: string, script: string): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-script-'));
  const file = path.join(dir, 'plan.sql');
  writeFileSync(file, script);
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed (${r.status}): ${r.stderr}`);
}

/** Split into SQL statements and backslash commands (our scripts put each on its own line(s)). */
export async function runInterpreted(url: string, script: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  const vars = new Map<string, string>();
  const skip: boolean[] = [];
  let buffer = '';
  try {
    for (const line of script.split('\n')) {
      const trimmed = line.trim();
      if (buffer === '' && trimmed.startsWith('\\')) {
        const [cmd, ...args] = trimmed.split(/\s+/);
        if (cmd === '\\if') skip.push(skip.includes(true) || !['t', 'true', 'on', '1'].includes(vars.get((args[0] ?? '').replace(/^:/, '')) ?? ''));
        else if (cmd === '\\endif') skip.pop();
        else if (cmd !== '\\set') throw new Error(`unsupported psql command ${cmd}`);
        continue;
      }
      if (buffer === '' && (trimmed === '' || trimmed.startsWith('--'))) continue;
      buffer += line + '\n';
      const gset = /\\gset\s+(\S+)\s*$/.exec(line);
      if (gset) {
        const sql = buffer.replace(/\\gset\s+\S+\s*$/, '');
        buffer = '';
        if (skip.includes(true)) continue;
        const res = await client.query(sql);
        const row = res.rows[0] as Record<string, unknown>;
        for (const [k, v] of Object.entries(row)) vars.set(`${gset[1]}${k}`, v === true ? 't' : v === false ? 'f' : String(v));
        continue;
      }
      if (trimmed.endsWith(';') && balanced(buffer)) {
        const sql = buffer;
        buffer = '';
        if (!skip.includes(true)) await client.query(sql);
      }
    }
  } finally {
    await client.end();
  }
}

/** True when no quote or dollar-quote is left open. */
function balanced(sql: string): boolean {
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      const end = sql.indexOf(ch, i + 1);
      if (end < 0) return false;
      i = end + 1;
      continue;
    }
    if (ch === '$') {
      const m = /^\$[A-Za-z0-9_]*\$/.exec(sql.slice(i));
      if (m) {
        const end = sql.indexOf(m[0], i + m[0].length);
        if (end < 0) return false;
        i = end + m[0].length;
        continue;
      }
    }
    i++;
  }
  return true;
}
