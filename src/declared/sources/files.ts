/** Reading source files: bytes, text and their sha256, with one-line errors. */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { ReconcileError } from '../../errors.js';
import type { InputFile } from '../types.js';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface ReadFile {
  readonly text: string;
  readonly input: InputFile;
}

export async function readSourceFile(file: string): Promise<ReadFile> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ReconcileError('bad-input', code === 'ENOENT' ? `${file} does not exist` : `cannot read ${file}: ${(e as Error).message}`);
  }
  return { text: bytes.toString('utf8'), input: { path: file, sha256: sha256(bytes) } };
}

/** Names in a folder, sorted; a one-line error when it cannot be read. */
export async function listDir(dir: string): Promise<{ name: string; isDir: boolean }[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDir: e.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    throw new ReconcileError('bad-input', `cannot read the folder ${dir}: ${(e as Error).message}`);
  }
}

/** True when every input still has the recorded content. */
export async function inputsUnchanged(inputs: readonly InputFile[]): Promise<boolean> {
  for (const input of inputs) {
    try {
      if (sha256(await fs.readFile(input.path)) !== input.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}
