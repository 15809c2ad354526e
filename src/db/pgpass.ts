/**
 * The libpq password file: `PGPASSFILE`, else `~/.pgpass`. Lines of
 * `hostname:port:database:username:password`, `*` matches anything, `\:` and
 * `\\` escape, `#` starts a comment. Like libpq, a file that group or others may
 * read is ignored.
 */
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PgpassTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

/** Split on unescaped colons, resolving `\:` and `\\`. */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
    } else if (c === ':' && out.length < 4) {
      out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur);
  return out;
}

export function pgpassFile(env: NodeJS.ProcessEnv): string {
  return env['PGPASSFILE'] || path.join(env['HOME'] || os.homedir(), '.pgpass');
}

export function pgpassLookup(target: PgpassTarget, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = pgpassFile(env);
  let text: string;
  try {
    const st = statSync(file);
    if (!st.isFile() || (process.platform !== 'win32' && (st.mode & 0o077) !== 0)) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // A Unix-socket connection (a path as host) matches "localhost", as in libpq.
  const host = target.host.startsWith('/') ? 'localhost' : target.host;
  const wanted = [host, String(target.port), target.database, target.user];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const f = fields(raw);
    if (f.length < 5) continue;
    if (wanted.every((w, i) => f[i] === '*' || f[i] === w)) return f[4];
  }
  return undefined;
}
