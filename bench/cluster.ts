/**
 * A throwaway PostgreSQL cluster for benchmarks: initdb in a temp dir, start on
 * a free port (TCP on 127.0.0.1, trust auth), stop and delete at the end.
 * Uses the server binaries in PG_BIN (default /usr/lib/postgresql/15/bin, from
 * Debian's `postgresql-15` package). Run as root, the cluster runs as `postgres`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  readonly bin: string;
  readonly port: number;
  readonly dir: string;
  /** Server version as `server_version_num`, e.g. 150020. */
  readonly version: number;
  url(database: string): string;
  /**
   * CPU seconds (user + system) used so far by the server's exited child
   * processes: backends (and their parallel workers) are reaped by the
   * postmaster when a client disconnects, so the difference around a run is
   * the server-side CPU of that run.
   */
  serverCpuSeconds(): number;
  /** Run a client binary from the cluster's bin directory. */
  tool(name: string): string;
  stop(): void;
}

/** Settings for the throwaway server; none of them changes how catalogs are read. */
export const SERVER_SETTINGS: Readonly<Record<string, string>> = {
  listen_addresses: '127.0.0.1',
  // Bulk DDL loads fast; reads are unaffected.
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  // pg_dump takes one lock per table in one transaction: 10,000 tables need more
  // than the default 64 x max_connections lock slots.
  max_locks_per_transaction: '1024',
};

export const DEFAULT_PG_BIN = '/usr/lib/postgresql/15/bin';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startCluster(options: { bin?: string } = {}): Promise<Cluster> {
  const bin = options.bin ?? process.env['PG_BIN'] ?? DEFAULT_PG_BIN;
  if (!existsSync(join(bin, 'initdb'))) {
    throw new Error(
      `no PostgreSQL server binaries in ${bin}\n` +
        '  install them with: apt-get update && apt-get install -y postgresql-15\n' +
        '  or point PG_BIN at another bin directory (pg_dump there must match the server version)',
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'reconcile-bench-'));
  const run = (cmd: string, args: string[]): string => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };
  if (asRoot) {
    const pw = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gr = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(pw), Number(gr));
  }
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
  const port = await freePort();
  const opts = [`-p ${port}`, `-k ${dir}`, ...Object.entries(SERVER_SETTINGS).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const url = (database: string): string => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const tool = (name: string): string => join(bin, name);
  const v = spawnSync(tool('psql'), ['-XAtq', '-d', url('postgres'), '-c', 'SHOW server_version_num'], { encoding: 'utf8' });
  if (v.status !== 0) {
    stop();
    throw new Error(`the benchmark server did not answer: ${v.stderr}`);
  }
  const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const serverCpuSeconds = (): number => {
    // /proc/PID/stat: the command may contain spaces, so count fields after the closing parenthesis.
    const stat = readFileSync(`/proc/${postmaster}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17.
    return (Number(fields[13]) + Number(fields[14])) / ticks;
  };
  return { bin, port, dir, version: Number(v.stdout.trim()), url, tool, serverCpuSeconds, stop };
}
