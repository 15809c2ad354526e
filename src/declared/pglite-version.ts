/** The installed PGlite version, read without loading PGlite itself (it is slow to import). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let cached: string | undefined;

export function pgliteVersion(): string {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  // The package's `exports` do not list package.json: find it next to the resolved entry (dist/index.cjs).
  const entry = require.resolve('@electric-sql/pglite');
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  cached = pkg.version;
  return cached;
}
