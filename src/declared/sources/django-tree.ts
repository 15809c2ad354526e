/**
 * A folder of Django `sqlmigrate` output, `<app>/<migration>.sql`, as written by
 * scripts/export-django.sh. Order: plan.txt (`manage.py showmigrations --plan`)
 * when present; otherwise by name within an app, and across apps the order that
 * replays (see replay.ts).
 */
import path from 'node:path';
import { ReconcileError } from '../../errors.js';
import { isDataOnly } from '../filter.js';
import { splitStatements } from '../split.js';
import type { InputFile, Migration, Prepared, Script } from '../types.js';
import { listDir, readSourceFile } from './files.js';

export const PLAN_FILE = 'plan.txt';

/**
 * `[X]  chat.0004_callsession` (marks, and the dependencies `-v 2` appends, are ignored).
 * A migration's name is its module's file name, which Django does not restrict to
 * identifiers: `0002_add-index.py` loads (through import_module) and is planned as `app.0002_add-index`.
 */
const PLAN_LINE = /^\s*(?:\[.\]\s+)?([A-Za-z_][A-Za-z0-9_]*)\.([\w-]+)(?:\s|$)/;

export function parsePlan(text: string, file: string): string[] {
  const keys: string[] = [];
  let lines = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    lines++;
    const m = PLAN_LINE.exec(line);
    if (m) keys.push(`${m[1]}.${m[2]}`);
  }
  if (lines > 0 && keys.length === 0) {
    throw new ReconcileError('bad-input', `${file} lists no migrations`, 'write it with: python manage.py showmigrations --plan > plan.txt');
  }
  return keys;
}

async function readApp(dir: string, app: string): Promise<{ scripts: Script[]; inputs: InputFile[] }> {
  const scripts: Script[] = [];
  const inputs: InputFile[] = [];
  for (const entry of await listDir(path.join(dir, app))) {
    if (entry.isDir || !entry.name.endsWith('.sql')) continue;
    const name = entry.name.slice(0, -'.sql'.length);
    const file = path.join(dir, app, entry.name);
    const { text, input } = await readSourceFile(file);
    const { statements } = splitStatements(text);
    const migration: Migration = {
      key: `${app}.${name}`,
      app,
      name,
      file,
      sql: text,
      hash: input.sha256,
      when: null,
      dataOnly: isDataOnly(statements),
    };
    scripts.push({ file, migration, statements });
    inputs.push(input);
  }
  return { scripts, inputs };
}

export async function prepareDjangoTree(dir: string): Promise<Prepared> {
  const entries = await listDir(dir);
  const scripts: Script[] = [];
  const inputs: InputFile[] = [];
  for (const entry of entries) {
    if (!entry.isDir || entry.name.startsWith('.')) continue;
    const app = await readApp(dir, entry.name);
    scripts.push(...app.scripts);
    inputs.push(...app.inputs);
  }
  if (scripts.length === 0) {
    throw new ReconcileError('bad-input', `${dir} holds no <app>/<migration>.sql files`, 'write them with scripts/export-django.sh');
  }
  if (!entries.some((e) => !e.isDir && e.name === PLAN_FILE)) {
    return { scripts, order: 'retry', inputs, notices: [`${path.join(dir, PLAN_FILE)} not found: ordered the migrations by replaying them (name order within an app)`] };
  }
  const planFile = path.join(dir, PLAN_FILE);
  const plan = await readSourceFile(planFile);
  const byKey = new Map(scripts.map((s) => [s.migration?.key ?? '', s]));
  const ordered: Script[] = [];
  const missing: string[] = [];
  for (const key of parsePlan(plan.text, planFile)) {
    const script = byKey.get(key);
    if (!script) missing.push(key);
    else if (!ordered.includes(script)) ordered.push(script);
  }
  const unplanned = scripts.filter((s) => !ordered.includes(s));
  if (unplanned.length > 0) {
    const names = unplanned.map((s) => s.file);
    throw new ReconcileError(
      'bad-input',
      `${planFile} does not list ${names.length === 1 ? names[0] : `${names.length} migrations (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`}`,
      'export again with scripts/export-django.sh, or delete plan.txt to order by replaying',
    );
  }
  const notices: string[] = [];
  if (missing.length > 0) {
    const apps = [...new Set(missing.map((k) => k.split('.')[0]))].sort();
    notices.push(`${planFile} lists ${missing.length} migration${missing.length === 1 ? '' : 's'} with no SQL file here (apps ${apps.join(', ')}): not replayed`);
  }
  return { scripts: ordered, order: 'fixed', inputs: [...inputs, plan.input], notices };
}
