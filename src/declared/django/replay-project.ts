/**
 * The Django project source: the project's own `manage.py migrate`, run one
 * migration at a time in Django's plan order on a throwaway database of a real
 * PostgreSQL (the embedded server, started here, or a temporary database on
 * `--shadow URL`), with the model read after each migration by the same
 * introspector as every other source. So the per-migration effects are exactly
 * what Django's schema editor does (names it looks up, RunSQL, RunPython,
 * squashed migrations), not what `sqlmigrate` prints for an empty database.
 */
import fs from 'node:fs/promises';
import { applyScope } from '../../diff/scope.js';
import { startEmbedded, type EmbeddedServer } from '../../embedded/server.js';
import { ReconcileError } from '../../errors.js';
import type { Schema } from '../../model/types.js';
import { isDataOnly } from '../filter.js';
import { readModel, type ReplayResult } from '../replay.js';
import { openServerShadow, type ServerShadow } from '../server-shadow.js';
import { sha256 } from '../sources/files.js';
import { splitStatements } from '../split.js';
import type { InputFile, Migration, MigrationSnapshot } from '../types.js';
import { locateProject, type DjangoProject } from './project.js';
import { Driver, pythonCommand, type PlanStep } from './python.js';

export interface ProjectReplayOptions {
  readonly shadowUrl?: string | undefined;
  readonly schemas?: readonly string[] | undefined;
  readonly snapshots: boolean;
}

export interface ProjectReplay extends ReplayResult {
  readonly inputs: readonly InputFile[];
}

/** The embedded server's major version used when no `--shadow` is given. */
export const EMBEDDED_SHADOW_VERSION = '18';

async function openShadow(url: string | undefined): Promise<{ shadow: ServerShadow; url: string; close: () => Promise<void> }> {
  if (url) {
    const shadow = await openServerShadow(url);
    return { shadow, url: withDatabase(url, String(shadow.connection.config.database)), close: () => shadow.close() };
  }
  const server: EmbeddedServer = await startEmbedded({ version: EMBEDDED_SHADOW_VERSION });
  try {
    const shadow = await openServerShadow(server.url);
    return {
      shadow,
      url: server.urlFor(String(shadow.connection.config.database)),
      close: async () => {
        await shadow.close();
        await server.stop();
      },
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(database);
  return u.toString();
}

/** The model without Django's own ledger table (made by the first `migrate`, it is no migration's effect). */
async function model(shadow: ServerShadow, schemas: readonly string[] | undefined, strict: boolean): Promise<Schema> {
  return applyScope(await readModel(shadow, schemas, strict), {}, { ledger: true });
}

async function fileHash(file: string | null): Promise<string | null> {
  if (!file) return null;
  try {
    return sha256(await fs.readFile(file));
  } catch {
    return null;
  }
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}

async function migrationOf(step: PlanStep, sql: readonly string[]): Promise<Migration> {
  const text = sql.map((s) => (/;\s*$/.test(s) ? s : `${s};`)).join('\n');
  const key = `${step.app}.${step.name}`;
  return {
    key,
    app: step.app,
    name: step.name,
    file: step.file ?? key,
    sql: text,
    hash: (await fileHash(step.file)) ?? sha256(text),
    when: null,
    dataOnly: isDataOnly(splitStatements(text).statements),
    ...(!step.runsCode && splitStatements(text).statements.length === 0 ? { stateOnly: true } : {}),
    ...(step.replaces.length > 0 ? { replaces: step.replaces } : {}),
  };
}

export async function replayDjangoProject(location: string, options: ProjectReplayOptions): Promise<ProjectReplay> {
  const project: DjangoProject = locateProject(location);
  const opened = await openShadow(options.shadowUrl);
  const { shadow } = opened;
  try {
    const { driver, ready } = await Driver.start({ project, connection: shadow.connection, url: opened.url });
    try {
      const answer = await driver.plan();
      const baseline = options.snapshots ? await model(shadow, options.schemas, false) : null;
      const migrations: Migration[] = [];
      const snapshots: MigrationSnapshot[] = [];
      for (const step of answer.plan) {
        const done = await driver.migrate(step.app, step.name);
        if (!done.ok) {
          const at = done.statement ? ` [${oneLine(done.statement)}]` : '';
          throw new ReconcileError(
            'source',
            `${step.file ?? project.manage} (migration ${step.app}.${step.name}): manage.py migrate ${step.app} ${step.name} failed: ${done.error}${at} (replayed in ${shadow.label})`,
          );
        }
        const migration = await migrationOf(step, done.sql);
        migrations.push(migration);
        if (options.snapshots) {
          const last = snapshots.at(-1)?.after ?? baseline;
          const after = migration.dataOnly && last ? last : await model(shadow, options.schemas, false);
          snapshots.push({ migration, after });
        }
      }
      const finished = await driver.finish();
      if (!finished.ok) {
        const at = finished.statement ? ` [${oneLine(finished.statement)}]` : '';
        throw new ReconcileError(
          'source',
          `${project.manage}: the post_migrate signal handlers failed after the last migration: ${finished.error}${at} (replayed in ${shadow.label})`,
        );
      }
      const schema = await model(shadow, options.schemas, true);
      const inputs: InputFile[] = [];
      for (const file of answer.inputs) {
        const h = await fileHash(file);
        if (h) inputs.push({ path: file, sha256: h });
      }
      const notices = [
        `read ${project.manage} with ${pythonCommand()} (Python ${ready.python}, Django ${ready.django}): manage.py migrate, one migration at a time, ` +
          `settings ${project.settings} (from ${project.settingsFrom}) with DATABASES['default'] pointed at the shadow`,
        ...shadow.notices,
      ];
      if (answer.unmigrated.length > 0) {
        notices.push(`apps without migrations (migrate creates no tables for them): ${answer.unmigrated.join(', ')}`);
      }
      return { schema, migrations, snapshots, baseline, notices, inputs };
    } finally {
      await driver.close();
    }
  } finally {
    await opened.close();
  }
}
