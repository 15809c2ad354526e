/**
 * Pure regressions for names with line breaks: psql ends a `--` comment at a
 * carriage return as well as at a newline, and descriptions are one line.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/index.js';
import { renderPlanSql } from '../../src/render/plan-sql.js';
import { splitStatements } from '../../src/declared/split.js';

const HEADER = { source: 's', target: 't', serverVersion: '18', toolVersion: 'x', plannedAt: 'x', liveHash: 'x', lockTimeout: '2s' };

describe('names with CR and LF in the SQL script', () => {
  it('no comment line of the script holds a CR or LF that would end it early', () => {
    const p = plan(
      [
        { kind: 'missing-schema', schema: 'cr\rlf\r\n\\! echo pwned' },
        { kind: 'extra-table', table: { schema: 'a\rb', name: 'x\ny' } },
      ],
      { serverVersion: 180000, tablesWithRows: new Set(), options: {} },
    );
    expect(p.statements[0]?.description).toBe('create schema cr\\rlf\\r\\n\\! echo pwned');
    const script = renderPlanSql(p, HEADER);
    // No comment line holds a CR: psql would end the comment there and read the rest as SQL.
    const comments = script.split('\n').filter((l) => l.startsWith('--'));
    expect(comments.length).toBeGreaterThan(3);
    for (const line of comments) expect(line).not.toMatch(/\r/);
    // The statements psql would run are exactly the plan's (comments and meta-commands aside).
    const sql = splitStatements(script).statements.map((s) => s.sql);
    expect(sql.filter((s) => s.startsWith('CREATE SCHEMA'))).toEqual(['CREATE SCHEMA IF NOT EXISTS "cr\rlf\r\n\\! echo pwned"']);
  });
});
