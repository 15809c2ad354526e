/**
 * The Markdown incident report for the seed's incident matches a golden file
 * (UPDATE_GOLDEN=1 rewrites it). Times, hashes and the test database's address
 * are replaced by placeholders.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { CHAT_DJANGO_DIR, buildIncident } from '../../src/demo/incident.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';

const GOLDEN = path.join(path.dirname(new URL(import.meta.url).pathname), 'incident.md');

function normalize(md: string, db: TestDb): string {
  const target = new URL(db.url);
  return md
    .replaceAll(CHAT_DJANGO_DIR, 'schemas/chat/django')
    .replaceAll(`postgres://${target.username}@${target.host}/${db.name}`, 'postgres://USER@HOST/DB')
    .replace(/PostgreSQL \d+\.\d+/g, 'PostgreSQL N')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME')
    .replace(/sha256:[0-9a-f]{64}/g, 'sha256:HASH')
    .replace(/pg-reconcile \d+\.\d+\.\d+/g, 'pg-reconcile VERSION');
}

describe('incident report', () => {
  let db: TestDb;
  afterAll(async () => db?.drop());

  it('shows migrations, drift, hazards (none left), an ER diagram and the script', async () => {
    db = await createDatabase('report');
    const c = new pg.Client(db.url);
    await c.connect();
    await buildIncident(c);
    await c.end();
    const run = await runCli(['plan', '--url', db.url, '--from', CHAT_DJANGO_DIR, '--format', 'markdown']);
    expect(run.code).toBe(2);
    const md = normalize(run.stdout, db);
    expect(md).toMatch(/\| chat \| 0004_callsession \| `\[~\]` different \|/);
    expect(md).toMatch(/```mermaid\nerDiagram/);
    expect(md).toMatch(/timestamp_with_time_zone start_time "live is timestamp without time zone"/);
    // The timestamp columns become timestamptz in the catalog only (TimeZone UTC): no hazard left.
    expect(md).toMatch(/## Hazards\n\nNone: /);
    expect(md).toMatch(/\(no rewrite, under TimeZone UTC\)\n[\s\S]*?SET LOCAL TimeZone = 'UTC';/);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, md);
    expect(md).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
