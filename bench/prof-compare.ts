/**
 * Helper for profiling (not a benchmark): times compare() and the live-schema
 * hash on models written by bench/dump-models.ts.
 *   npx tsx bench/prof-compare.ts --dir DIR [--runs 7]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from '../src/diff/index.js';
import { schemaHash, schemaHashInterleaved } from '../src/model/hash.js';
import type { Schema } from '../src/model/types.js';
import { args, median } from './process.js';

const { opt } = args(import.meta.url);
const dir = opt('dir', '/tmp');
const runs = Number(opt('runs', '7'));
const live = JSON.parse(readFileSync(join(dir, 'live.json'), 'utf8')) as Schema;
const declared = JSON.parse(readFileSync(join(dir, 'declared.json'), 'utf8')) as Schema;

async function main(): Promise<void> {
  const t: Record<string, number[]> = { compare: [], hash: [], hashInterleaved: [] };
  let changes = 0;
  for (let i = 0; i <= runs; i++) {
    const a = performance.now();
    changes = compare(declared, live, {}).length;
    const b = performance.now();
    schemaHash(live);
    const c = performance.now();
    await schemaHashInterleaved(live);
    const d = performance.now();
    if (i === 0) continue;
    t['compare']!.push(b - a);
    t['hash']!.push(c - b);
    t['hashInterleaved']!.push(d - c);
  }
  process.stdout.write(`${live.tables.length} live tables, ${changes} changes; medians of ${runs} ms: ${Object.entries(t).map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join(', ')}\n`);
}
void main();
