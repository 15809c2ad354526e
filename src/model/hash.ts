import { createHash, type Hash } from 'node:crypto';
import type { Schema } from './types.js';

/** A stable fingerprint of a model: plans record the live schema they were made against. */
export function schemaHash(model: Schema): string {
  return 'sha256:' + createHash('sha256').update(JSON.stringify(model)).digest('hex');
}

/** Items hashed between two turns of the event loop. */
const CHUNK = 250;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The same value as `schemaHash` (the same bytes as `JSON.stringify(model)`,
 * fed to the hash piece by piece), computed in slices that give the event
 * loop a turn every few hundred objects: started next to catalog queries, it
 * runs while the server works instead of after it. The model is plain data
 * (no `toJSON`, no cycles), as every model is.
 */
export async function schemaHashInterleaved(model: Schema): Promise<string> {
  const hash = createHash('sha256');
  let sinceYield = 0;
  hash.update('{');
  let first = true;
  for (const [key, value] of Object.entries(model) as [string, unknown][]) {
    const text = Array.isArray(value) ? null : JSON.stringify(value);
    // JSON.stringify leaves out keys whose value is undefined, a function or a symbol.
    if (!Array.isArray(value) && text === undefined) continue;
    hash.update(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (!Array.isArray(value)) {
      hash.update(text as string);
      continue;
    }
    sinceYield = await updateArray(hash, value, sinceYield);
  }
  hash.update('}');
  return 'sha256:' + hash.digest('hex');
}

async function updateArray(hash: Hash, items: readonly unknown[], sinceYield: number): Promise<number> {
  hash.update('[');
  for (let i = 0; i < items.length; i++) {
    // In an array, what JSON.stringify cannot represent is written as null.
    hash.update(`${i > 0 ? ',' : ''}${JSON.stringify(items[i]) ?? 'null'}`);
    if (++sinceYield >= CHUNK) {
      sinceYield = 0;
      await yieldToLoop();
    }
  }
  hash.update(']');
  return sinceYield;
}
