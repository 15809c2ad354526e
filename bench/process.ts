/**
 * What the benchmark scripts share: command-line options, timing a command as a
 * whole process (wall time, peak RSS and CPU from GNU time), server CPU around a
 * run, medians.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Cluster } from './cluster.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TIME = '/usr/bin/time';

export interface Args {
  readonly argv: readonly string[];
  opt(name: string, fallback: string): string;
  numbers(text: string): number[];
  flag(name: string): boolean;
}

/** The script's options; `--help` prints the script's leading comment and exits. */
export function args(scriptUrl: string): Args {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(readFileSync(fileURLToPath(scriptUrl), 'utf8').split('*/')[0] + '*/\n');
    process.exit(0);
  }
  return {
    argv,
    opt(name, fallback) {
      const i = argv.indexOf(`--${name}`);
      return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
    },
    numbers: (s) => (s.trim() === '' ? [] : s.split(',').map((x) => Number(x.trim()))),
    flag: (name) => argv.includes(`--${name}`),
  };
}

export interface Sample {
  wallS: number;
  rssMB: number | null;
  /** User + system CPU of the measured process and its children (GNU time). */
  clientCpuS: number | null;
  /** CPU of the server processes that served it (see Cluster.serverCpuSeconds); set by withServerCpu. */
  serverCpuS: number | null;
  code: number | null;
  timedOut: boolean;
  stderr: string;
}

export const hasGnuTime = existsSync(TIME);

/** Run a command as a whole process: wall time around spawn, peak RSS and CPU from GNU time. */
export function measure(cmd: string, argList: string[], opts: { timeoutS?: number; env?: NodeJS.ProcessEnv; stdoutFile?: string } = {}): Promise<Sample> {
  const rssFile = join(tmpdir(), `reconcile-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [file, fileArgs] = hasGnuTime ? [TIME, ['-f', '%M %U %S', '-o', rssFile, cmd, ...argList]] : [cmd, argList];
  const out = openSync(opts.stdoutFile ?? '/dev/null', 'w');
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(file, fileArgs, { stdio: ['ignore', out, 'pipe'], detached: true, env: opts.env ?? process.env, cwd: ROOT });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 20_000) stderr += d.toString();
    });
    let timedOut = false;
    const timer =
      opts.timeoutS !== undefined
        ? setTimeout(() => {
            timedOut = true;
            try {
              process.kill(-(child.pid ?? 0), 'SIGKILL');
            } catch {
              /* already gone */
            }
          }, opts.timeoutS * 1000)
        : undefined;
    child.on('error', fail);
    child.on('close', (code) => {
      const wallS = (performance.now() - started) / 1000;
      if (timer) clearTimeout(timer);
      closeSync(out);
      let rssMB: number | null = null;
      let clientCpuS: number | null = null;
      if (hasGnuTime && existsSync(rssFile)) {
        // The last line is ours; GNU time puts "Command exited with non-zero status" before it.
        const [kb, user, sys] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
        if (kb !== undefined && Number.isFinite(kb) && kb > 0) rssMB = kb / 1024;
        if (user !== undefined && sys !== undefined && Number.isFinite(user + sys)) clientCpuS = user + sys;
        rmSync(rssFile, { force: true });
      }
      done({ wallS, rssMB, clientCpuS, serverCpuS: null, code, timedOut, stderr });
    });
  });
}

/** The server CPU spent on a run: backends are reaped by the postmaster when their client leaves. */
export async function withServerCpu(c: Cluster, run: () => Promise<Sample>): Promise<Sample> {
  await new Promise((r) => setTimeout(r, 100));
  const before = c.serverCpuSeconds();
  const s = await run();
  await new Promise((r) => setTimeout(r, 200));
  return { ...s, serverCpuS: c.serverCpuSeconds() - before };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
