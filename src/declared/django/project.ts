/**
 * A Django project given as `--from path/to/manage.py` (or the folder holding
 * it): where it is, which settings module it uses, and the files its declared
 * model depends on (for the cache key, read without running Python).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ReconcileError } from '../../errors.js';
import { sha256 } from '../sources/files.js';

export interface DjangoProject {
  /** The folder holding manage.py (the working folder of every Python run). */
  readonly root: string;
  readonly manage: string;
  /** The user's settings module: DJANGO_SETTINGS_MODULE, or the one manage.py sets. */
  readonly settings: string;
  /** Where the settings module came from, for notices. */
  readonly settingsFrom: 'environment' | 'manage.py';
}

/** `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")`, as startproject writes it. */
const SETTINGS_IN_MANAGE = /DJANGO_SETTINGS_MODULE['"]\s*,\s*(?:default\s*=\s*)?['"]([A-Za-z_][\w.]*)['"]/;

export function locateProject(location: string, env: NodeJS.ProcessEnv = process.env): DjangoProject {
  const manage = existsSync(location) && statSync(location).isDirectory() ? path.join(location, 'manage.py') : location;
  if (!existsSync(manage)) {
    throw new ReconcileError('bad-input', `${location} holds no manage.py`, 'give --from the Django project\'s manage.py, or the folder that holds it');
  }
  const root = path.dirname(path.resolve(manage));
  const fromEnv = env['DJANGO_SETTINGS_MODULE']?.trim();
  if (fromEnv) return { root, manage: path.resolve(manage), settings: fromEnv, settingsFrom: 'environment' };
  const found = SETTINGS_IN_MANAGE.exec(readFileSync(manage, 'utf8'))?.[1];
  if (!found) {
    throw new ReconcileError('bad-input', `${manage} does not set DJANGO_SETTINGS_MODULE`, 'set DJANGO_SETTINGS_MODULE=yourproject.settings');
  }
  return { root, manage: path.resolve(manage), settings: found, settingsFrom: 'manage.py' };
}

/** Folders never searched for migrations: virtualenvs, caches, other tools' trees. */
const SKIP_DIRS = new Set(['node_modules', '__pycache__', 'site-packages', 'dist-packages', 'venv', 'env', 'static', 'media']);

async function list(dir: string): Promise<{ name: string; isDir: boolean }[]> {
  try {
    const es = await fs.readdir(dir, { withFileTypes: true });
    return es.map((e) => ({ name: e.name, isDir: e.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Every `.py` file under a `migrations` folder of the project (not in virtualenvs or hidden folders). */
async function migrationFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, inMigrations: boolean, depth: number): Promise<void> => {
    if (depth > 8) return;
    const entries = await list(dir);
    if (!inMigrations && entries.some((e) => e.name === 'pyvenv.cfg')) return;
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDir) {
        if (!SKIP_DIRS.has(e.name)) await walk(p, inMigrations || e.name === 'migrations', depth + 1);
      } else if (inMigrations && e.name.endsWith('.py')) {
        out.push(p);
      }
    }
  };
  await walk(root, false, 0);
  return out;
}

/** The settings module's file(s) in the project: `a/b.py`, or every `.py` of the package `a/b/`. */
async function settingsFiles(project: DjangoProject): Promise<string[]> {
  const base = path.join(project.root, ...project.settings.split('.'));
  if (existsSync(`${base}.py`)) return [`${base}.py`];
  if (existsSync(path.join(base, '__init__.py'))) return (await list(base)).filter((e) => !e.isDir && e.name.endsWith('.py')).map((e) => path.join(base, e.name));
  return [];
}

/**
 * `relative/path:sha256` of manage.py, the settings module and every migration
 * file of the project. Third-party apps' migrations (in site-packages) are not
 * here: they are the cache entry's recorded inputs, checked when it is used.
 */
export async function projectContents(location: string): Promise<{ contents: string[]; extra: string[] }> {
  const project = locateProject(location);
  const files = [project.manage, ...(await settingsFiles(project)), ...(await migrationFiles(project.root))];
  const contents: string[] = [];
  for (const f of [...new Set(files)]) contents.push(`${path.relative(project.root, f)}:${sha256(await fs.readFile(f))}`);
  return { contents, extra: [`settings:${project.settings}`, `python:${process.env['PYTHON'] ?? 'python3'}`] };
}
