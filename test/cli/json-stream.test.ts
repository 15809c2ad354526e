import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/cli/json-stream.js';

describe('streamed JSON', () => {
  it('is byte for byte JSON.stringify(value, null, 2)', () => {
    const model = JSON.parse(readFileSync(new URL('../introspect/fixtures/full.expected.json', import.meta.url), 'utf8')) as unknown;
    const samples: unknown[] = [
      { serverVersion: 180004, model },
      { a: [], b: {}, c: [1, [2, [3, [4]]]], d: 'x\ny "q"', e: null, f: { g: { h: { i: { j: true } } } } },
      [],
      'text',
    ];
    for (const v of samples) expect([...jsonPieces(v)].join('')).toBe(JSON.stringify(v, null, 2));
  });
});
