/**
 * Every user-facing error, as a table: the command as a user types it, the exit
 * code, the one line on stderr (prefixed `reconcile:`, no stack trace, no
 * second line), and the target database unchanged (its model and its ledger rows
 * compared before and after).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADVISORY_KEYS } from '../../src/apply/advisory.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { adminUrl, createDatabase, urlFor, type TestDb } from '../helpers/db.js';
import { CHAT_MANAGE, CHAT_PROJECT, requireDjango } from '../helpers/django.js';
import { recordStats } from '../property/stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DJANGO_TREE = path.join(ROOT, 'schemas/chat/django');

const DECLARED = `CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE app.orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES app.users (id), total numeric(10,2) DEFAULT 0);
CREATE INDEX orders_user_idx ON app.orders (user_id);
`;
const LIVE = `CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE app.orders (id bigint PRIMARY KEY, user_id bigint);
INSERT INTO app.users VALUES (1, 'a@x.org'), (2, 'b@x.org');
INSERT INTO app.orders VALUES (10, 1), (11, 2);
`;

interface Ctx {
  dir: string;
  declared: string;
  db: TestDb;
  /** A role that may connect and read, owns nothing. */
  reader: { name: string; password: string };
  url(db: TestDb, role?: { name: string; password: string }): string;
}

interface BadCase {
  readonly name: string;
  /** Set up what the case needs, run the CLI; the database it returns is checked for changes. */
  run(ctx: Ctx, snapshot: (db: TestDb) => Promise<void>): Promise<{ result: CliRun; target: TestDb | null }>;
  readonly code: number;
  /** The one line on stderr; null when the case is not an error and stderr must stay empty. */
  readonly message: RegExp | null;
  readonly stdout?: RegExp;
  /** A bug this suite found and left open (outside the folders it may change): run as it.fails, explained in the report. */
  readonly knownBug?: string;
}

/** Run the CLI and send it SIGINT once `ready()` says it is where it should be interrupted. */
function runCliInterrupted(args: readonly string[], ready: () => Promise<boolean>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const started = Date.now();
    const poll = async (): Promise<void> => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if ((await ready().catch(() => false)) || Date.now() - started > 60_000) child.kill('SIGINT');
      else setTimeout(() => void poll(), 200);
    };
    void poll();
    const hard = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(hard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const dbs: TestDb[] = [];
const roles: string[] = [];
let ctx: Ctx;

async function admin(sql: string, database = 'postgres'): Promise<void> {
  const c = new pg.Client(urlFor(database));
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function fresh(prefix: string, sql = LIVE): Promise<TestDb> {
  const db = await createDatabase(prefix);
  dbs.push(db);
  if (sql) await db.exec(sql);
  return db;
}

/** What must not change: the whole model of the database, and the ledger rows if any. */
async function state(db: TestDb): Promise<string> {
  const model = await db.inspect();
  const ledger = await db.query("SELECT to_regclass('public.django_migrations') IS NOT NULL AS present");
  const rows = ledger[0]?.['present'] ? await db.query('SELECT * FROM public.django_migrations ORDER BY 1') : [];
  return JSON.stringify({ model, rows });
}

const plan = (c: Ctx, url: string, ...extra: string[]): Promise<CliRun> => runCli(['plan', '--url', url, '--from', c.declared, '--format', 'sql', ...extra]);
const apply = (c: Ctx, url: string, ...extra: string[]): Promise<CliRun> => runCli(['apply', '--url', url, '--from', c.declared, ...extra]);

const CASES: readonly BadCase[] = [
  // ---- connections
  {
    name: 'unreachable host',
    run: async (c) => ({ result: await plan(c, 'postgres://postgres:pw@no-such-host.invalid:5432/app'), target: null }),
    code: 1,
    message: /unknown host in postgres:\/\/postgres@no-such-host\.invalid:5432\/app \(check the host name/,
  },
  {
    name: 'refused port',
    run: async (c) => ({ result: await plan(c, 'postgres://postgres:pw@127.0.0.1:1/app'), target: null }),
    code: 1,
    message: /connection refused by postgres:\/\/postgres@127\.0\.0\.1:1\/app/,
  },
  {
    name: 'wrong password',
    run: async (c) => {
      const u = new URL(c.db.url);
      u.password = 'not-the-password';
      return { result: await plan(c, u.toString()), target: c.db };
    },
    code: 1,
    message: /password authentication failed for user "postgres"/,
  },
  {
    name: 'missing database',
    run: async (c) => ({ result: await plan(c, urlFor('no_such_database_here')), target: null }),
    code: 1,
    message: /database in postgres:\/\/postgres@127\.0\.0\.1:\d+\/no_such_database_here does not exist \(check the database name/,
  },
  {
    name: 'not a URL',
    run: async (c) => ({ result: await plan(c, 'localhost:5432'), target: null }),
    code: 1,
    message: /not a (connection|PostgreSQL) URL/,
  },
  {
    name: 'not a PostgreSQL URL',
    run: async (c) => ({ result: await plan(c, 'mysql://root:pw@127.0.0.1/app'), target: null }),
    code: 1,
    message: /not a PostgreSQL URL: mysql:\/\/root@127\.0\.0\.1\/app/,
  },
  // ---- privileges
  {
    name: 'role without CONNECT on the database',
    run: async (c, snapshot) => {
      const db = await fresh('noconnect');
      await snapshot(db);
      await admin(`REVOKE CONNECT ON DATABASE "${db.name}" FROM PUBLIC`);
      return { result: await plan(c, c.url(db, c.reader)), target: db };
    },
    code: 1,
    message: /permission denied .*"?noconnect_|may not connect|not permitted to (log in|connect)/,
  },
  {
    name: 'role that may not read the catalog',
    run: async (c, snapshot) => {
      const db = await fresh('nocatalog');
      await snapshot(db);
      await db.exec('REVOKE SELECT ON pg_catalog.pg_constraint FROM PUBLIC');
      return { result: await plan(c, c.url(db, c.reader)), target: db };
    },
    code: 1,
    message: /permission denied for (table|relation) pg_constraint/,
  },
  {
    name: 'role that may read but not change the tables',
    run: async (c, snapshot) => {
      const db = await fresh('nowrite');
      await db.exec(`GRANT USAGE ON SCHEMA app TO "${c.reader.name}"; GRANT SELECT ON ALL TABLES IN SCHEMA app TO "${c.reader.name}";`);
      await snapshot(db);
      return { result: await apply(c, c.url(db, c.reader)), target: db };
    },
    code: 1,
    message: /statement 1 of \d+ failed: must be owner of table orders \(done: 0, already in place: 0, failed: \d+, not run because they need a failed one: \d+\)/,
  },
  {
    name: 'read-only database (default_transaction_read_only)',
    run: async (c, snapshot) => {
      const db = await fresh('readonly');
      await snapshot(db);
      await admin(`ALTER DATABASE "${db.name}" SET default_transaction_read_only = on`);
      return { result: await apply(c, db.url), target: db };
    },
    code: 1,
    message: /statement 1 of \d+ failed: cannot execute ALTER TABLE in a read-only transaction/,
  },
  // ---- what to compare
  {
    name: 'unknown schema',
    run: async (c) => ({ result: await plan(c, c.db.url, '--schema', 'app,nosuch'), target: c.db }),
    code: 1,
    message: /schema "nosuch" does not exist \(the database has: app/,
  },
  {
    name: 'missing source file',
    run: async (c) => ({ result: await runCli(['plan', '--url', c.db.url, '--from', path.join(c.dir, 'nope.sql')]), target: c.db }),
    code: 1,
    message: /nope\.sql/,
  },
  {
    name: 'empty source',
    run: async (c) => {
      const file = path.join(c.dir, 'empty.sql');
      writeFileSync(file, '-- nothing here\n');
      return { result: await runCli(['apply', '--url', c.db.url, '--from', file]), target: c.db };
    },
    code: 1,
    message: /empty\.sql declares nothing at all \(check the --from path/,
  },
  {
    name: 'source with a syntax error',
    run: async (c) => {
      const file = path.join(c.dir, 'broken.sql');
      writeFileSync(file, 'CREATE TABLE a (id int);\nCREATE TABLE b (\n  id int,\n  oops oops oops\n);\n');
      return { result: await runCli(['apply', '--url', c.db.url, '--from', file]), target: c.db };
    },
    code: 1,
    message: /broken\.sql:4: .*syntax error/,
  },
  {
    name: 'folder of no known shape (a Prisma folder without migration_lock.toml)',
    run: async (c) => {
      const dir = path.join(c.dir, 'no-lock-migrations');
      mkdirSync(path.join(dir, '20240105093000_init'), { recursive: true });
      writeFileSync(path.join(dir, '20240105093000_init', 'migration.sql'), 'CREATE TABLE "User" ("id" SERIAL NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));\n');
      return { result: await runCli(['apply', '--url', c.db.url, '--from', dir]), target: c.db };
    },
    code: 1,
    message:
      /cannot tell what kind of source the folder .*no-lock-migrations is: its subfolders hold migration\.sql like a Prisma folder, but it has no migration_lock\.toml \(expected a drizzle-kit folder .*; a Prisma migrations folder .*; a Django sqlmigrate tree .*; a Flyway folder .*; a goose folder .*; a Django project \(manage\.py\); or name it with a prefix: drizzle-kit:DIR, prisma:DIR, django:DIR, flyway:DIR, golang-migrate:DIR, dbmate:DIR, goose:DIR\)$/,
  },
  {
    name: 'Prisma folder for another provider',
    run: async (c) => {
      const dir = path.join(c.dir, 'mysql-migrations');
      mkdirSync(path.join(dir, '20240105093000_init'), { recursive: true });
      writeFileSync(path.join(dir, 'migration_lock.toml'), '# Please do not edit this file manually\nprovider = "mysql"\n');
      writeFileSync(path.join(dir, '20240105093000_init', 'migration.sql'), 'CREATE TABLE `User` (`id` INTEGER NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`));\n');
      return { result: await runCli(['plan', '--url', c.db.url, '--from', dir]), target: c.db };
    },
    code: 1,
    message: /mysql-migrations\/migration_lock\.toml is for provider "mysql", not "postgresql" \(reconcile reads PostgreSQL migrations only\)$/,
  },
  // ---- SQL-file migration tools (Flyway, golang-migrate, dbmate, goose)
  {
    name: '<version>_<name>.sql files with neither dbmate nor goose markers (nothing decides the tool)',
    run: async (c) => {
      const dir = path.join(c.dir, 'unmarked-migrations');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, '001_users.sql'), 'CREATE TABLE users (id int);\n');
      writeFileSync(path.join(dir, '002_orders.sql'), 'CREATE TABLE orders (id int);\n');
      return { result: await runCli(['apply', '--url', c.db.url, '--from', dir]), target: c.db };
    },
    code: 1,
    message:
      /cannot tell what kind of source the folder .*unmarked-migrations is: its \.sql files \(e\.g\. 001_users\.sql\) match no tool's shape exactly: .*\(-- migrate:up for dbmate, -- \+goose Up for goose\) \(expected .*; or name it with a prefix: .*flyway:DIR, golang-migrate:DIR, dbmate:DIR, goose:DIR\)$/,
  },
  {
    name: 'golang-migrate folder with a version twice',
    run: async (c) => {
      const dir = path.join(c.dir, 'gm-dup');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, '1_users.up.sql'), 'CREATE TABLE users (id int);\n');
      writeFileSync(path.join(dir, '1_users.down.sql'), 'DROP TABLE users;\n');
      writeFileSync(path.join(dir, '01_again.up.sql'), 'CREATE TABLE again (id int);\n');
      return { result: await runCli(['plan', '--url', c.db.url, '--from', dir]), target: c.db };
    },
    code: 1,
    message: /gm-dup holds two migrations with version 1: 01_again\.up\.sql and 1_users\.up\.sql \(golang-migrate refuses such a folder too; rename one\)$/,
  },
  {
    name: 'dbmate file without a down block',
    run: async (c) => {
      const dir = path.join(c.dir, 'dbmate-nodown');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, '20240101000000_users.sql'), '-- migrate:up\nCREATE TABLE users (id int);\n');
      return { result: await runCli(['plan', '--url', c.db.url, '--from', `dbmate:${dir}`]), target: c.db };
    },
    code: 1,
    message: /20240101000000_users\.sql: no down block: dbmate requires each migration to define a down block with '-- migrate:down' \(dbmate refuses this file too\)$/,
  },
  {
    name: 'goose file without -- +goose Up, named with goose:',
    run: async (c) => {
      const dir = path.join(c.dir, 'goose-noup');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, '00001_users.sql'), 'CREATE TABLE users (id int);\n');
      return { result: await runCli(['plan', '--url', c.db.url, '--from', `goose:${dir}`]), target: c.db };
    },
    code: 1,
    message: /00001_users\.sql: no '-- \+goose Up' annotation \(goose refuses a SQL migration without one too\)$/,
  },
  {
    name: 'Flyway script misnamed (one underscore) in a flyway: folder',
    run: async (c) => {
      const dir = path.join(c.dir, 'flyway-misnamed');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'V1__users.sql'), 'CREATE TABLE users (id int);\n');
      writeFileSync(path.join(dir, 'V2_orders.sql'), 'CREATE TABLE orders (id int);\n');
      return { result: await runCli(['plan', '--url', c.db.url, '--from', `flyway:${dir}`]), target: c.db };
    },
    code: 1,
    message: /V2_orders\.sql is not named like a Flyway migration \(V<version>__<description>\.sql or R__<description>\.sql\) \(Flyway fails on such a file in its locations too\)$/,
  },
  {
    name: 'ledger of another tool named for a goose folder (--ledger flyway)',
    run: async (c) => ({ result: await runCli(['apply', '--url', c.db.url, '--from', path.join(ROOT, 'test/fixtures/goose/shop'), '--ledger', 'flyway']), target: c.db }),
    code: 1,
    message: /--ledger flyway is not the ledger of .*shop \(goose-folder\): its migrations are recorded in the goose ledger \(use --ledger goose, --ledger none, or leave --ledger out\)$/,
  },
  {
    name: "golang-migrate's schema_migrations under a dbmate folder",
    run: async (c, snapshot) => {
      const db = await fresh('gm-for-dbmate', 'CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null); INSERT INTO schema_migrations VALUES (3, false);');
      await snapshot(db);
      return { result: await runCli(['apply', '--url', db.url, '--from', path.join(ROOT, 'test/fixtures/dbmate/shop')]), target: db };
    },
    code: 1,
    message: /public\.schema_migrations is golang-migrate's ledger \(it has a dirty column\), not dbmate's \(use --ledger golang-migrate with a golang-migrate folder, or --ledger none\)$/,
  },
  {
    name: 'flyway_schema_history of another shape',
    run: async (c, snapshot) => {
      const db = await fresh('fly-shape', 'CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text);');
      await snapshot(db);
      return { result: await runCli(['plan', '--url', db.url, '--from', path.join(ROOT, 'test/fixtures/flyway/shop')]), target: db };
    },
    code: 1,
    message: /public\.flyway_schema_history is not Flyway's migration ledger: it has no column description, type, script, checksum, installed_by, installed_on, execution_time, success \(it has installed_rank, version\) \(choose the ledger with --ledger .*flyway.*\)$/,
  },
  // ---- Django projects (--from manage.py): real Python, real Django
  {
    name: 'Django project: python not found',
    run: async (c) => ({
      result: await runCli(['status', '--url', c.db.url, '--from', CHAT_MANAGE, '--shadow', adminUrl()], { PYTHON: path.join(c.dir, 'no-such-python3') }),
      target: c.db,
    }),
    code: 1,
    message: /no-such-python3 not found: a Django project is read by running its manage\.py with \$PYTHON or python3 \(install Python 3 with Django, or set PYTHON=\/path\/to\/the\/project\/python\)$/,
  },
  {
    name: 'Django project: Django not importable by that python',
    run: async (c) => {
      // The same interpreter without its site packages (-S): Django and psycopg2 are not importable.
      const wrapper = path.join(c.dir, 'python-without-django');
      writeFileSync(wrapper, `#!/bin/sh\nexec ${JSON.stringify(requireDjango())} -S "$@"\n`);
      chmodSync(wrapper, 0o755);
      return { result: await runCli(['plan', '--url', c.db.url, '--from', CHAT_MANAGE, '--shadow', adminUrl()], { PYTHON: wrapper }), target: c.db };
    },
    code: 1,
    message: /cannot import Django with .*python-without-django: ModuleNotFoundError: No module named 'django' \(install Django for that interpreter, or set PYTHON to the interpreter of the project's virtualenv \(e\.g\. PYTHON=\.venv\/bin\/python\)\)$/,
  },
  {
    name: 'Django project: a migration fails in manage.py migrate',
    run: async (c) => {
      const project = path.join(c.dir, 'broken-project');
      cpSync(CHAT_PROJECT, project, { recursive: true });
      writeFileSync(
        path.join(project, 'chat/migrations/0007_broken.py'),
        'from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("chat", "0006_callsession_guard")]\n    operations = [migrations.RunSQL("ALTER TABLE chat_nosuch ADD COLUMN x int")]\n',
      );
      return { result: await runCli(['apply', '--url', c.db.url, '--from', path.join(project, 'manage.py'), '--shadow', adminUrl()], { PYTHON: requireDjango() }), target: c.db };
    },
    code: 1,
    message:
      /broken-project\/chat\/migrations\/0007_broken\.py \(migration chat\.0007_broken\): manage\.py migrate chat 0007_broken failed: ProgrammingError: relation "chat_nosuch" does not exist \[ALTER TABLE chat_nosuch ADD COLUMN x int\] \(replayed in temporary database reconcile_shadow_[0-9a-f]+ on postgres:\/\/.* \(PostgreSQL [\d.]+\)\)$/,
  },
  {
    name: 'Django project: manage.py that names no settings module',
    run: async (c) => {
      const project = path.join(c.dir, 'no-settings-project');
      mkdirSync(project, { recursive: true });
      writeFileSync(path.join(project, 'manage.py'), 'import sys\nfrom django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n');
      return { result: await runCli(['status', '--url', c.db.url, '--from', project], { DJANGO_SETTINGS_MODULE: '' }), target: c.db };
    },
    code: 1,
    message: /no-settings-project\/manage\.py does not set DJANGO_SETTINGS_MODULE \(set DJANGO_SETTINGS_MODULE=yourproject\.settings\)$/,
  },
  {
    name: 'Django project: django-project: prefix on a folder without manage.py',
    run: async (c) => ({ result: await runCli(['status', '--url', c.db.url, '--from', `django-project:${c.dir}`]), target: c.db }),
    code: 1,
    message: /holds no manage\.py \(give --from the Django project's manage\.py, or the folder that holds it\)$/,
  },
  {
    name: 'no source given',
    run: async (c) => ({ result: await runCli(['verify', '--url', c.db.url]), target: c.db }),
    code: 1,
    message: /no declared source given/,
  },
  // ---- ledgers
  {
    name: 'ledger table missing (--ledger django)',
    run: async (c, snapshot) => {
      const db = await fresh('noledger', '');
      await snapshot(db);
      return { result: await runCli(['status', '--url', db.url, '--from', DJANGO_TREE, '--ledger', 'django']), target: db };
    },
    // Not an error: status says the ledger is absent and every migration pending (drift, exit 2).
    code: 2,
    message: null,
    stdout: /Ledger: django \(public\.django_migrations, absent\)/,
  },
  {
    name: 'ledger of another format',
    run: async (c, snapshot) => {
      const db = await fresh('badledger', 'CREATE TABLE public.django_migrations (id serial PRIMARY KEY, migration text, batch int); INSERT INTO public.django_migrations (migration, batch) VALUES (\'x\', 1);');
      await snapshot(db);
      return { result: await runCli(['plan', '--url', db.url, '--from', DJANGO_TREE, '--format', 'sql']), target: db };
    },
    code: 1,
    message: /django_migrations.*(column|format|expected)/,
  },
  {
    name: "ledger of another tool named for a Prisma folder (--ledger django)",
    run: async (c) => ({
      result: await runCli(['apply', '--url', c.db.url, '--from', path.join(ROOT, 'test/fixtures/prisma/blog/migrations'), '--ledger', 'django']),
      target: c.db,
    }),
    code: 1,
    message: /--ledger django is not the ledger of .*migrations \(prisma-folder\): its migrations are recorded in the prisma ledger \(use --ledger prisma, --ledger none, or leave --ledger out\)$/,
  },
  // ---- saved plans
  {
    name: 'plan file edited by hand',
    run: async (c, snapshot) => {
      const db = await fresh('edited');
      const file = path.join(c.dir, `edited-${db.name}.json`);
      expect((await runCli(['plan', '--url', db.url, '--from', c.declared, '--out', file])).code).toBe(2);
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { statements: { sql: string }[] };
      const ix = doc.statements.find((st) => st.sql.startsWith('CREATE INDEX'));
      if (!ix) throw new Error('no CREATE INDEX in the plan');
      ix.sql = ix.sql.replace('CREATE INDEX', 'CREATE UNIQUE INDEX');
      writeFileSync(file, JSON.stringify(doc, null, 2));
      await snapshot(db);
      return { result: await runCli(['apply', '--url', db.url, '--plan', file]), target: db };
    },
    code: 3,
    message: /were changed after it was written \(plan again, or pass --force/,
  },
  {
    name: 'plan for another database',
    run: async (c, snapshot) => {
      const planned = await fresh('planned');
      const other = await fresh('other', LIVE.replace('user_id bigint)', 'user_id bigint, note text)'));
      const file = path.join(c.dir, `other-${planned.name}.json`);
      expect((await runCli(['plan', '--url', planned.url, '--from', c.declared, '--out', file])).code).toBe(2);
      await snapshot(other);
      return { result: await runCli(['apply', '--url', other.url, '--plan', file]), target: other };
    },
    code: 3,
    message: /live schema changed since this plan was made \(or the plan is for another database\)/,
  },
  {
    name: 'a SQL plan given to --plan',
    run: async (c) => {
      const file = path.join(c.dir, 'repair.sql');
      expect((await runCli(['plan', '--url', c.db.url, '--from', c.declared, '--out', file])).code).toBe(2);
      return { result: await runCli(['apply', '--url', c.db.url, '--plan', file]), target: c.db };
    },
    code: 1,
    message: /is not a JSON plan \(this looks like a SQL plan/,
  },
  {
    name: 'missing plan file',
    run: async (c) => ({ result: await runCli(['apply', '--url', c.db.url, '--plan', path.join(c.dir, 'none.json')]), target: c.db }),
    code: 1,
    message: /cannot read plan .*none\.json: ENOENT/,
  },
  // ---- options
  {
    name: 'unknown --format',
    run: async (c) => ({ result: await runCli(['plan', '--url', c.db.url, '--from', c.declared, '--format', 'yaml']), target: c.db }),
    code: 1,
    message: /unknown --format "yaml"/,
  },
  {
    name: 'bad --lock-timeout',
    run: async (c) => ({ result: await runCli(['apply', '--url', c.db.url, '--from', c.declared, '--lock-timeout', 'soon']), target: c.db }),
    code: 1,
    message: /lock-timeout|duration/,
  },
  {
    name: 'unknown hazard kind',
    run: async (c) => ({ result: await runCli(['apply', '--url', c.db.url, '--from', c.declared, '--allow-hazards', 'everything']), target: c.db }),
    code: 1,
    message: /unknown hazard kind "everything"/,
  },
  {
    name: 'both --plan and --from',
    run: async (c) => ({ result: await runCli(['apply', '--url', c.db.url, '--from', c.declared, '--plan', 'x.json']), target: c.db }),
    code: 1,
    message: /either --plan or --from, not both/,
  },
  {
    name: 'unknown option',
    run: async (c) => ({ result: await runCli(['plan', '--url', c.db.url, '--from', c.declared, '--frobnicate']), target: c.db }),
    code: 1,
    message: /unknown option '--frobnicate'/,
  },
  {
    name: 'unknown command',
    run: async () => ({ result: await runCli(['repair']), target: null }),
    code: 1,
    message: /unknown command 'repair'/,
  },
  // ---- interrupted
  {
    name: 'apply interrupted (SIGINT while it waits for another run)',
    run: async (c, snapshot) => {
      const db = await fresh('interrupted');
      await snapshot(db);
      // Another run holds the run lock: apply waits (--wait 60s) and is interrupted while it waits.
      const holder = new pg.Client(db.url);
      await holder.connect();
      await holder.query('SELECT pg_advisory_lock($1, $2)', [...ADVISORY_KEYS]);
      try {
        const result = await runCliInterrupted(['apply', '--url', db.url, '--from', c.declared, '--wait', '60s'], async () => {
          const waiting = await holder.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'pg-reconcile' AND query LIKE '%pg_try_advisory_lock%'");
          return (waiting.rowCount ?? 0) > 0;
        });
        return { result, target: db };
      } finally {
        await holder.end();
      }
    },
    code: 1,
    message: /apply interrupted by SIGINT \(statements that finished are committed/,
  },
];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-bad-'));
  mkdirSync(dir, { recursive: true });
  const declared = path.join(dir, 'declared.sql');
  writeFileSync(declared, DECLARED);
  const reader = { name: `reader_${randomBytes(4).toString('hex')}`, password: `pw-${randomBytes(6).toString('hex')}` };
  await admin(`CREATE ROLE "${reader.name}" LOGIN PASSWORD '${reader.password}'`);
  roles.push(reader.name);
  ctx = {
    dir,
    declared,
    db: await fresh('bad'),
    reader,
    url(db, role) {
      const u = new URL(db.url);
      if (role) {
        u.username = role.name;
        u.password = role.password;
      }
      return u.toString();
    },
  };
});

afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
  for (const r of roles) await admin(`DROP ROLE IF EXISTS "${r}"`);
  recordStats({ suite: 'bad-input', badInputs: CASES.length, failures: 0 });
});

describe('bad input: one clear line, the right exit code, nothing written', () => {
  const check = async (c: BadCase): Promise<void> => {
    let target: TestDb | null = null;
    let before: string | null = null;
    const snapshot = async (db: TestDb): Promise<void> => {
      target = db;
      before = await state(db);
    };
    await snapshot(ctx.db);
    const { result } = await c.run(ctx, snapshot);
    const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
    const shown = `exit ${result.code} ${result.signal ?? ''}\nstderr:\n${result.stderr}\nstdout:\n${result.stdout.slice(-2000)}`;
    if (c.message === null) {
      expect(lines, shown).toEqual([]);
    } else {
      expect(lines, shown).toHaveLength(1);
      expect(lines[0], shown).toMatch(/^reconcile: /);
      expect(lines[0], shown).toMatch(c.message);
    }
    if (c.stdout) expect(result.stdout, shown).toMatch(c.stdout);
    expect(result.stderr + result.stdout, shown).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
    expect(result.code, shown).toBe(c.code);
    const checked = target as TestDb | null;
    if (checked && before !== null) expect(await state(checked), 'the target database changed').toBe(before);
  };
  for (const c of CASES) {
    if (c.knownBug) it.fails(`${c.name} (known bug: ${c.knownBug})`, () => check(c));
    else it(c.name, () => check(c));
  }
});
