/**
 * Real Django (Debian's python3-django, python3-psycopg2, python3-django-taggit,
 * python3-django-guardian, installed by .ci/run) for the Django project tests. No test skips when Django
 * is missing: `requireDjango()` throws, so the test file fails and says what to install.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHAT_PROJECT = path.join(ROOT, 'schemas/chat/django-project');
export const CHAT_MANAGE = path.join(CHAT_PROJECT, 'manage.py');
export const SHOP_PROJECT = path.join(ROOT, 'test/fixtures/django/shop');
export const SHOP_MANAGE = path.join(SHOP_PROJECT, 'manage.py');
export const GUARDED_MANAGE = path.join(ROOT, 'test/fixtures/django/guarded/manage.py');

const SETTINGS: Record<string, string> = { [CHAT_MANAGE]: 'chatproject.settings', [SHOP_MANAGE]: 'shop.settings', [GUARDED_MANAGE]: 'guarded.settings' };

function importsDjango(python: string): boolean {
  const r = spawnSync(python, ['-c', 'import django, psycopg2, taggit, guardian'], { stdio: 'ignore' });
  return r.status === 0;
}

/**
 * The interpreter with Django, psycopg2 and django-taggit: $PYTHON, python3, or
 * Debian's /usr/bin/python3 (a python3 earlier on PATH, e.g. pyenv's, may lack them).
 * Sets PYTHON so that the code under test uses the same one. Throws when none has them.
 */
export function requireDjango(): string {
  const tried = [process.env['PYTHON'], 'python3', '/usr/bin/python3'].filter((p): p is string => !!p);
  const found = tried.find(importsDjango);
  if (!found) {
    throw new Error(
      `Django is not importable by ${tried.join(', ')}: these tests need real Django (apt-get install python3-django python3-psycopg2 python3-django-taggit python3-django-guardian; .ci/run installs them)`,
    );
  }
  process.env['PYTHON'] = found;
  return found;
}

/**
 * Run the project's real `manage.py ARGS` on the database `url`, the way a
 * team points its settings at a database: a settings module of the test's own
 * that imports the project's and sets DATABASES (independent of the code under test).
 */
export function manage(manageFile: string, url: string, ...args: string[]): string {
  const python = requireDjango();
  const u = new URL(url);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-test-django-'));
  const db = {
    ENGINE: 'django.db.backends.postgresql',
    NAME: decodeURIComponent(u.pathname.slice(1)),
    USER: decodeURIComponent(u.username),
    PASSWORD: decodeURIComponent(u.password),
    HOST: u.hostname,
    PORT: u.port || '5432',
  };
  writeFileSync(path.join(dir, 'test_db_settings.py'), `from ${SETTINGS[manageFile] ?? ''} import *\nDATABASES = {"default": ${JSON.stringify(db)}}\n`);
  try {
    return execFileSync(python, [manageFile, ...args], {
      cwd: path.dirname(manageFile),
      env: { ...process.env, PYTHONPATH: dir, DJANGO_SETTINGS_MODULE: 'test_db_settings', PYTHONDONTWRITEBYTECODE: '1', DATABASE_URL: url },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`manage.py ${args.join(' ')} failed: ${(err.stderr ?? err.message).trim().split('\n').slice(-3).join(' | ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `showmigrations --plan` marks as Django reads them: `[X]  app.name` lines. */
export function djangoPlan(manageFile: string, url: string): string[] {
  return manage(manageFile, url, 'showmigrations', '--plan')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\[.\]/.test(l));
}
