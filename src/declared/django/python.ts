/**
 * The project's Python, running the driver inside `manage.py shell`: start it,
 * send commands, read answers (one JSON line each on a pipe of its own), and
 * turn a process that dies into one clear line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Connection } from '../../db/connection.js';
import { ReconcileError } from '../../errors.js';
import { DRIVER_MODULE, DRIVER_PY, SETTINGS_MODULE, SETTINGS_PY } from './driver-py.js';
import type { DjangoProject } from './project.js';

export interface Ready {
  readonly django: string;
  readonly python: string;
  readonly executable: string;
  readonly engine: string;
}

export interface PlanStep {
  readonly app: string;
  readonly name: string;
  readonly replaces: readonly string[];
  readonly file: string | null;
  readonly atomic: boolean;
  /** Its operations run code or SQL of their own (RunPython, RunSQL, or an operation class Django does not ship): not state only. */
  readonly runsCode: boolean;
}

export interface PlanAnswer {
  readonly plan: readonly PlanStep[];
  readonly inputs: readonly string[];
  readonly unmigrated: readonly string[];
}

export type MigrateAnswer = { readonly ok: true; readonly sql: readonly string[] } | { readonly ok: false; readonly error: string; readonly statement: string | null };

/** The interpreter: `$PYTHON`, else `python3`. */
export function pythonCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env['PYTHON']?.trim() || 'python3';
}

/** The last line of a Python traceback (`ModuleNotFoundError: No module named 'django'`), or the last line printed. */
export function lastErrorLine(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const error = [...lines].reverse().find((l) => /^[\w.]+(Error|Exception|Exit|Configured|Interrupt)\b.*:|^[\w.]+Error$/.test(l));
  return (error ?? lines.at(-1) ?? '').slice(0, 500);
}

function startError(python: string, project: DjangoProject, stderr: string, code: number | null): ReconcileError {
  const line = lastErrorLine(stderr);
  const venv = 'set PYTHON to the interpreter of the project\'s virtualenv (e.g. PYTHON=.venv/bin/python)';
  if (/No module named '?django'?|Couldn't import Django/.test(line)) {
    return new ReconcileError('source', `cannot import Django with ${python}: ${line}`, `install Django for that interpreter, or ${venv}`);
  }
  if (/psycopg/.test(line)) {
    return new ReconcileError('source', `Django cannot load its PostgreSQL driver with ${python}: ${line}`, `install psycopg2 (or psycopg) for that interpreter, or ${venv}`);
  }
  const what = line || `exited with ${code ?? 'a signal'} and printed nothing`;
  return new ReconcileError('source', `${project.manage} shell (settings ${project.settings}) failed with ${python}: ${what}`);
}

export interface DriverOptions {
  readonly project: DjangoProject;
  /** The shadow database Django migrates. */
  readonly connection: Connection;
  readonly url: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** A running driver. Commands are answered in order. */
export class Driver {
  private buffer = '';
  private readonly lines: string[] = [];
  private waiter: { resolve: (line: string) => void; reject: (e: Error) => void } | null = null;
  private exited: ReconcileError | null = null;
  private stderr = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly python: string,
    private readonly project: DjangoProject,
    private readonly tmp: string,
  ) {
    const answers = child.stdio[3] as Readable;
    answers.setEncoding('utf8');
    answers.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let i = this.buffer.indexOf('\n'); i >= 0; i = this.buffer.indexOf('\n')) {
        this.lines.push(this.buffer.slice(0, i));
        this.buffer = this.buffer.slice(i + 1);
      }
      this.flush();
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => {
      this.stderr = (this.stderr + d).slice(-20_000);
    });
    child.stdin?.on('error', () => undefined); // a driver that died is reported by 'close'
    child.stdout?.resume(); // what migrations print is not ours to show
    child.on('error', (e: NodeJS.ErrnoException) => {
      this.exited =
        e.code === 'ENOENT'
          ? new ReconcileError('source', `${python} not found: a Django project is read by running its manage.py with $PYTHON or python3`, 'install Python 3 with Django, or set PYTHON=/path/to/the/project/python')
          : new ReconcileError('source', `cannot run ${python}: ${e.message}`);
      this.flush();
    });
    child.on('close', (code) => {
      this.exited ??= startError(python, project, this.stderr, code);
      this.flush();
    });
  }

  private flush(): void {
    if (!this.waiter) return;
    const line = this.lines.shift();
    if (line !== undefined) {
      const w = this.waiter;
      this.waiter = null;
      w.resolve(line);
    } else if (this.exited) {
      const w = this.waiter;
      this.waiter = null;
      w.reject(this.exited);
    }
  }

  private next(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
      this.flush();
    });
  }

  private async answer<T>(): Promise<T> {
    const line = await this.next();
    try {
      return JSON.parse(line) as T;
    } catch {
      throw new ReconcileError('internal', `the Django driver answered something that is not JSON: ${line.slice(0, 200)}`);
    }
  }

  private async ask<T>(command: Record<string, string>): Promise<T> {
    if (this.exited) throw this.exited;
    (this.child.stdin as Writable).write(JSON.stringify(command) + '\n');
    return this.answer<T>();
  }

  static async start(options: DriverOptions): Promise<{ driver: Driver; ready: Ready }> {
    const { project, connection } = options;
    const env = options.env ?? process.env;
    const python = pythonCommand(env);
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-reconcile-django-'));
    await fs.writeFile(path.join(tmp, `${SETTINGS_MODULE}.py`), SETTINGS_PY);
    await fs.writeFile(path.join(tmp, `${DRIVER_MODULE}.py`), DRIVER_PY);
    const c = connection.config;
    const sslmode = (() => {
      try {
        return new URL(options.url).searchParams.get('sslmode') ?? '';
      } catch {
        return '';
      }
    })();
    const childEnv: NodeJS.ProcessEnv = {
      ...env,
      PYTHONPATH: env['PYTHONPATH'] ? `${tmp}${path.delimiter}${env['PYTHONPATH']}` : tmp,
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONUNBUFFERED: '1',
      DJANGO_SETTINGS_MODULE: SETTINGS_MODULE,
      RECONCILE_USER_SETTINGS: project.settings,
      RECONCILE_FD: '3',
      RECONCILE_SHADOW_NAME: String(c.database ?? ''),
      RECONCILE_SHADOW_USER: String(c.user ?? ''),
      RECONCILE_SHADOW_PASSWORD: typeof c.password === 'string' ? c.password : '',
      RECONCILE_SHADOW_HOST: String(c.host ?? 'localhost'),
      RECONCILE_SHADOW_PORT: String(c.port ?? 5432),
      RECONCILE_SHADOW_SSLMODE: sslmode,
      // Settings that read the URL themselves (dj-database-url, django-environ) see the shadow too.
      DATABASE_URL: options.url,
    };
    const child = spawn(python, [project.manage, 'shell', '-c', `import ${DRIVER_MODULE} as d; d.main()`], {
      cwd: project.root,
      env: childEnv,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    const driver = new Driver(child, python, project, tmp);
    try {
      const ready = await driver.answer<Ready>();
      return { driver, ready };
    } catch (e) {
      await driver.close();
      throw e;
    }
  }

  async plan(): Promise<PlanAnswer> {
    const a = await this.ask<{ ok: boolean; error?: string } & PlanAnswer>({ cmd: 'plan' });
    if (!a.ok) throw new ReconcileError('source', `Django cannot plan the migrations of ${this.project.manage}: ${a.error ?? 'unknown error'}`);
    return a;
  }

  async migrate(app: string, name: string): Promise<MigrateAnswer> {
    const a = await this.ask<{ ok: boolean; sql?: string[]; error?: string; statement?: string | null }>({ cmd: 'migrate', app, name });
    return a.ok ? { ok: true, sql: a.sql ?? [] } : { ok: false, error: a.error ?? 'unknown error', statement: a.statement ?? null };
  }

  /** After the last migration: the post_migrate signal, once, as `manage.py migrate` sends it. */
  async finish(): Promise<{ ok: true } | { ok: false; error: string; statement: string | null }> {
    const a = await this.ask<{ ok: boolean; error?: string; statement?: string | null }>({ cmd: 'finish' });
    return a.ok ? { ok: true } : { ok: false, error: a.error ?? 'unknown error', statement: a.statement ?? null };
  }

  async close(): Promise<void> {
    if (!this.exited && this.child.exitCode === null) {
      const closed = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
      (this.child.stdin as Writable).end();
      const killer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      killer.unref();
      await closed;
      clearTimeout(killer);
    }
    await fs.rm(this.tmp, { recursive: true, force: true });
  }
}
