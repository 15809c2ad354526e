/** Helper: prints the sha256 of JSON.stringify(compare(declared, live)) on bench/dump-models.ts output (to check an optimisation changes nothing). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from '../src/diff/index.js';
import type { Schema } from '../src/model/types.js';
import { args } from './process.js';

const dir = args(import.meta.url).opt('dir', '/tmp');
const live = JSON.parse(readFileSync(join(dir, 'live.json'), 'utf8')) as Schema;
const declared = JSON.parse(readFileSync(join(dir, 'declared.json'), 'utf8')) as Schema;
const h = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex');
// Both directions, and each side against itself (all pairs): different paths through matchBy.
process.stdout.write(`${h(compare(declared, live, {}))} ${h(compare(live, declared, {}))} ${h(compare(live, live, {}))}\n`);
