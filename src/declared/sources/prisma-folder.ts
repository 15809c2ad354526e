/**
 * A Prisma Migrate folder (`prisma/migrations`): `migration_lock.toml` names the
 * provider; every subfolder is one migration, `<timestamp>_<name>/migration.sql`,
 * and its name is the migration's name in `_prisma_migrations`.
 *
 * Order, as Prisma lists them: every directory of the folder (hidden ones too,
 * symlinks not), sorted by name. The Prisma CLI sorts with `localeCompare`
 * (prisma/prisma `packages/migrate/src/utils/listMigrations.ts`) and hands the
 * list to the schema engine; engines that listed the folder themselves sorted by
 * bytes (prisma-engines `schema-engine/connectors/schema-connector/src/migrations_directory.rs`,
 * `list_migrations`). The two agree unless two names share a timestamp and differ
 * in case or punctuation: then this uses the CLI's order and says so.
 * A folder without `migration.sql` fails in Prisma ("Failed to read migration
 * script"), and here. The provider must be `postgresql`, as the engine's
 * `error_on_changed_provider` checks against the datasource.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ReconcileError } from '../../errors.js';
import { isDataOnly } from '../filter.js';
import { splitStatements } from '../split.js';
import type { InputFile, Prepared, Script } from '../types.js';
import { listDir, readSourceFile } from './files.js';

export const PRISMA_LOCK = 'migration_lock.toml';
export const PRISMA_SCRIPT = 'migration.sql';

/** The provider line as the engine reads it (`read_provider_from_lock_file`): the first line starting with `provider`. */
export function lockProvider(text: string): string | null {
  const line = text.split(/\r?\n/).find((l) => l.startsWith('provider'));
  if (line === undefined) return null;
  return line.replace(/^provider = /, '').replace(/^"+|"+$/g, '');
}

/** The CLI's order (`localeCompare`), and whether the engine's byte order differs from it. */
export function prismaOrder(names: readonly string[]): { ordered: string[]; byteOrderDiffers: boolean } {
  const ordered = [...names].sort((a, b) => a.localeCompare(b));
  const bytes = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return { ordered, byteOrderDiffers: ordered.some((n, i) => n !== bytes[i]) };
}

export async function preparePrismaFolder(dir: string): Promise<Prepared> {
  const lockFile = path.join(dir, PRISMA_LOCK);
  const notices: string[] = [];
  const inputs: InputFile[] = [];
  // Prisma checks the provider only when the lock file exists (`prisma:DIR` names a folder without one).
  const lock = existsSync(lockFile) ? await readSourceFile(lockFile) : null;
  if (lock) inputs.push(lock.input);
  else notices.push(`${lockFile} not found: the provider is not checked`);
  const provider = lock ? lockProvider(lock.text) : 'postgresql';
  if (provider !== 'postgresql') {
    throw new ReconcileError(
      'bad-input',
      `${lockFile} ${provider === null ? 'names no provider' : `is for provider "${provider}"`}, not "postgresql"`,
      'reconcile reads PostgreSQL migrations only',
    );
  }
  const entries = await listDir(dir);
  const { ordered, byteOrderDiffers } = prismaOrder(entries.filter((e) => e.isDir).map((e) => e.name));
  if (ordered.length === 0) {
    throw new ReconcileError('bad-input', `${dir} holds no <timestamp>_<name>/${PRISMA_SCRIPT} folders`, 'write them with: npx prisma migrate dev --create-only');
  }
  const scripts: Script[] = [];
  for (const name of ordered) {
    const file = path.join(dir, name, PRISMA_SCRIPT);
    let read;
    try {
      read = await readSourceFile(file);
    } catch (e) {
      if (e instanceof ReconcileError) {
        throw new ReconcileError('bad-input', `${path.join(dir, name)} has no readable ${PRISMA_SCRIPT}: ${e.message}`, 'Prisma fails on such a folder too; remove it or add the script');
      }
      throw e;
    }
    const { statements } = splitStatements(read.text);
    scripts.push({
      file,
      statements,
      migration: { key: name, app: 'prisma', name, file, sql: read.text, hash: read.input.sha256, when: null, dataOnly: isDataOnly(statements) },
    });
    inputs.push(read.input);
  }
  if (byteOrderDiffers) {
    notices.push(`${dir}: migration names that share a timestamp sort differently in Prisma's CLI (localeCompare) and in older engines (byte order): replayed in the CLI's order`);
  }
  return { scripts, order: 'fixed', inputs, notices };
}
