import { createHash } from 'node:crypto';
import type { Schema } from './types.js';

/** A stable fingerprint of a model: plans record the live schema they were made against. */
export function schemaHash(model: Schema): string {
  return 'sha256:' + createHash('sha256').update(JSON.stringify(model)).digest('hex');
}
