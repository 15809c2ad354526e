/**
 * The password file as libpq reads it: fields, wildcards, escapes, comments, the
 * first matching line, and a file others may read is ignored. Pure: no server.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConnection } from '../../src/db/connection.js';
import { pgpassLookup } from '../../src/db/pgpass.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-pgpass-'));
function file(text: string, mode = 0o600): string {
  const f = path.join(dir, `pgpass-${Math.random().toString(36).slice(2)}`);
  writeFileSync(f, text);
  chmodSync(f, mode);
  return f;
}
const target = { host: 'db.example', port: 5432, database: 'app', user: 'alice' };

describe('pgpass', () => {
  it('takes the first matching line; * matches anything; comments and short lines are skipped', () => {
    const f = file(['# comment', 'db.example:5432:other:alice:no', 'short:line', '*:5432:app:alice:first', '*:*:*:*:second'].join('\n'));
    expect(pgpassLookup(target, { PGPASSFILE: f })).toBe('first');
    expect(pgpassLookup({ ...target, user: 'bob' }, { PGPASSFILE: f })).toBe('second');
  });

  it('resolves \\: and \\\\ in every field, and keeps colons of the password', () => {
    const f = file('db.example:5432:a\\:b:alice:p\\:w\\\\d:tail\n');
    expect(pgpassLookup({ ...target, database: 'a:b' }, { PGPASSFILE: f })).toBe('p:w\\d:tail');
  });

  it('a Unix socket directory matches localhost', () => {
    const f = file('localhost:5432:app:alice:sock\n');
    expect(pgpassLookup({ ...target, host: '/var/run/postgresql' }, { PGPASSFILE: f })).toBe('sock');
  });

  it('a file group or others may read is ignored, as libpq does', () => {
    const f = file('*:*:*:*:open\n', 0o644);
    expect(pgpassLookup(target, { PGPASSFILE: f })).toBeUndefined();
  });

  it('~/.pgpass when PGPASSFILE is unset or empty; nothing when there is no file', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'reconcile-home-'));
    writeFileSync(path.join(home, '.pgpass'), '*:*:*:*:fromhome\n', { mode: 0o600 });
    expect(pgpassLookup(target, { HOME: home })).toBe('fromhome');
    expect(pgpassLookup(target, { HOME: home, PGPASSFILE: '' })).toBe('fromhome');
    expect(pgpassLookup(target, { PGPASSFILE: path.join(dir, 'missing') })).toBeUndefined();
  });

  it('resolveConnection: URL password, then PGPASSWORD, then the file; an empty password is none', () => {
    const f = file('*:*:*:*:filepw\n');
    const pw = (url: string, env: NodeJS.ProcessEnv): unknown => resolveConnection({ url, env }).config.password;
    expect(pw('postgres://alice:urlpw@db.example/app', { PGPASSWORD: 'envpw', PGPASSFILE: f })).toBe('urlpw');
    expect(pw('postgres://alice@db.example/app', { PGPASSWORD: 'envpw', PGPASSFILE: f })).toBe('envpw');
    expect(pw('postgres://alice@db.example/app', { PGPASSFILE: f })).toBe('filepw');
    expect(pw('postgres://alice:@db.example/app', { PGPASSFILE: f })).toBe('filepw');
    expect(typeof pw('postgres://alice@db.example/app', { PGPASSFILE: path.join(dir, 'missing') })).toBe('function');
  });

  it('an empty DATABASE_URL is unset: the PG* variables are used', () => {
    const c = resolveConnection({ env: { DATABASE_URL: '', PGHOST: 'h.example', PGPORT: '6543', PGUSER: 'u', PGDATABASE: 'd', PGPASSWORD: 'x' } });
    expect(c.display).toBe('postgres://u@h.example:6543/d');
  });
});
