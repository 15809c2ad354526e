/**
 * A drizzle-kit migrations folder: `meta/_journal.json` lists the migrations
 * (`tag`, `when`) in order; each is `<tag>.sql`, statements separated by
 * `--> statement-breakpoint` (a comment to PostgreSQL; statements are split on
 * their semicolons, which keeps line numbers exact).
 */
import path from 'node:path';
import { ReconcileError } from '../../errors.js';
import { isDataOnly } from '../filter.js';
import { splitStatements } from '../split.js';
import type { InputFile, Prepared, Script } from '../types.js';
import { listDir, readSourceFile } from './files.js';

export const JOURNAL = path.join('meta', '_journal.json');

interface JournalEntry {
  idx?: number;
  when?: number;
  tag?: string;
}

function parseJournal(text: string, file: string): { tag: string; when: number | null }[] {
  let json: { dialect?: string; entries?: JournalEntry[] };
  try {
    json = JSON.parse(text) as typeof json;
  } catch (e) {
    throw new ReconcileError('bad-input', `${file} is not JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(json.entries)) throw new ReconcileError('bad-input', `${file} has no "entries" list`);
  if (json.dialect && json.dialect !== 'postgresql' && json.dialect !== 'pg') {
    throw new ReconcileError('bad-input', `${file} is for dialect ${json.dialect}, not postgresql`);
  }
  const entries = [...json.entries].sort((a, b) => (a.idx ?? 0) - (b.idx ?? 0));
  return entries.map((e, i) => {
    if (typeof e.tag !== 'string' || e.tag === '') throw new ReconcileError('bad-input', `${file}: entry ${i} has no tag`);
    return { tag: e.tag, when: typeof e.when === 'number' ? e.when : null };
  });
}

export async function prepareDrizzleFolder(dir: string): Promise<Prepared> {
  const journalFile = path.join(dir, JOURNAL);
  const journal = await readSourceFile(journalFile);
  const scripts: Script[] = [];
  const inputs: InputFile[] = [journal.input];
  for (const { tag, when } of parseJournal(journal.text, journalFile)) {
    const file = path.join(dir, `${tag}.sql`);
    let read;
    try {
      read = await readSourceFile(file);
    } catch (e) {
      if (e instanceof ReconcileError) throw new ReconcileError('bad-input', `${journalFile} lists ${tag}, but ${file} cannot be read`, e.message);
      throw e;
    }
    const { statements } = splitStatements(read.text);
    scripts.push({
      file,
      statements,
      migration: { key: tag, app: 'drizzle', name: tag, file, sql: read.text, hash: read.input.sha256, when, dataOnly: isDataOnly(statements) },
    });
    inputs.push(read.input);
  }
  const listed = new Set(scripts.map((s) => path.basename(s.file)));
  const extra = (await listDir(dir)).filter((e) => !e.isDir && e.name.endsWith('.sql') && !listed.has(e.name)).map((e) => e.name);
  const notices = extra.length > 0 ? [`${journalFile} does not list ${extra.join(', ')}: drizzle-kit would not apply ${extra.length === 1 ? 'it' : 'them'}, so neither does reconcile`] : [];
  return { scripts, order: 'fixed', inputs, notices };
}
