/**
 * A domain CHECK that is NOT VALID on live and validated in the model (an interrupted
 * add-NOT-VALID-then-validate): the rows breaking it are counted column by column before
 * `ALTER DOMAIN ... VALIDATE CONSTRAINT`, so a violating row stops the run with a message
 * naming the table and column (and the check stays NOT VALID); without one apply validates
 * it and a re-plan is empty. A model that declares the check NOT VALID asks for nothing
 * when live has it validated.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { applyRepair } from '../../src/api/apply.js';
import { planRepair } from '../../src/api/plan.js';
import { valueReplaced } from '../../src/objects/domain/index.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { tempDir, writeFile } from '../declared/helpers.js';

const DECLARED = `
CREATE DOMAIN percent AS numeric(5,2) CONSTRAINT percent_range CHECK (VALUE >= 0 AND VALUE <= 100);
CREATE TABLE discount (id bigint PRIMARY KEY, code text NOT NULL, rate percent NOT NULL);
CREATE TABLE promo (id bigint PRIMARY KEY, floor_rate percent);
`;
const LIVE = `
CREATE DOMAIN percent AS numeric(5,2);
CREATE TABLE discount (id bigint PRIMARY KEY, code text NOT NULL, rate percent NOT NULL);
CREATE TABLE promo (id bigint PRIMARY KEY, floor_rate percent);
INSERT INTO discount SELECT g, 'CODE' || g, g * 5 FROM generate_series(1, 12) g;
INSERT INTO promo VALUES (1, 10), (2, NULL);
`;
const NOT_VALID = `ALTER DOMAIN percent ADD CONSTRAINT percent_range CHECK (VALUE >= 0 AND VALUE <= 100) NOT VALID;`;

const validated = async (db: TestDb): Promise<boolean | undefined> => {
  const rows = await db.query<{ convalidated: boolean }>("SELECT convalidated FROM pg_constraint WHERE conname = 'percent_range'");
  return rows[0]?.convalidated;
};

describe('domain check NOT VALID on live, validated in the model', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('plans a count per column of the domain, then VALIDATE CONSTRAINT under SHARE on the tables using it', async () => {
    const db = await createDatabase('domain_validate_plan');
    dbs.push(db);
    await db.exec(`${LIVE} ${NOT_VALID}`);
    const r = await planRepair({ url: db.url, from: writeFile(tempDir('domain-validate'), 'schema.sql', DECLARED) });
    expect(r.plan.statements.map((s) => [s.description, s.lockLevel, s.locks.map((t) => `${t.schema}.${t.name}`)])).toEqual([
      ['check rows of public.discount column rate against check percent_range of domain public.percent', 'ACCESS SHARE', ['public.discount']],
      ['check rows of public.promo column floor_rate against check percent_range of domain public.percent', 'ACCESS SHARE', ['public.promo']],
      ['validate check percent_range of domain public.percent (scans every column of the domain)', 'SHARE', ['public.discount', 'public.promo']],
    ]);
    expect(r.plan.statements.every((s) => s.phase === 'validate' && s.duration === 'long')).toBe(true);
    expect(r.plan.statements[2]?.sql).toBe('ALTER DOMAIN "public"."percent" VALIDATE CONSTRAINT "percent_range"');
  });

  it('a violating row stops the count with the table, column and a query to find it; the check stays NOT VALID', async () => {
    const db = await createDatabase('domain_validate_bad');
    dbs.push(db);
    await db.exec(`${LIVE} UPDATE promo SET floor_rate = 150 WHERE id = 1; ${NOT_VALID}`);
    const file = writeFile(tempDir('domain-validate'), 'schema.sql', DECLARED);
    const report = await applyRepair({ url: db.url, from: file });
    expect(report.complete).toBe(false);
    const failed = report.outcomes.find((o) => o.error !== null);
    expect(failed?.statement.description).toBe('check rows of public.promo column floor_rate against check percent_range of domain public.percent');
    expect(failed?.error).toContain('check percent_range of domain public.percent cannot be validated: rows of public.promo violate it in column floor_rate: 1 row(s)');
    expect(failed?.statement.sql).toContain('find them with SELECT * FROM ONLY "public"."promo" WHERE NOT');
    const validate = report.outcomes.find((o) => o.statement.sql.includes('VALIDATE CONSTRAINT'));
    expect(validate?.status).not.toBe('ran');
    expect(await validated(db)).toBe(false);
    // The hint's query finds the row.
    const hint = /find them with (SELECT .*?); fix them/.exec(failed?.statement.sql ?? '')?.[1] ?? '';
    expect((await db.query<{ id: string }>(hint)).map((row) => String(row.id))).toEqual(['1']);
    // Fixed, a second run finishes the validation.
    await db.exec('UPDATE promo SET floor_rate = 15 WHERE id = 1');
    const again = await applyRepair({ url: db.url, from: file });
    expect(again.complete).toBe(true);
    expect(await validated(db)).toBe(true);
  });

  it('without violating rows apply validates it, and the re-plan is empty', async () => {
    const db = await createDatabase('domain_validate_ok');
    dbs.push(db);
    await db.exec(`${LIVE} ${NOT_VALID}`);
    const file = writeFile(tempDir('domain-validate'), 'schema.sql', DECLARED);
    const report = await applyRepair({ url: db.url, from: file });
    expect(report.complete).toBe(true);
    expect(report.stillNeeded).toEqual([]);
    expect(await validated(db)).toBe(true);
    expect((await planRepair({ url: db.url, from: file })).plan.statements).toEqual([]);
  });

  it('a check the model declares NOT VALID asks for nothing against a live validated one, nor against a live NOT VALID one', async () => {
    const declared = `${DECLARED.replace(' CONSTRAINT percent_range CHECK (VALUE >= 0 AND VALUE <= 100)', '')} ${NOT_VALID}`;
    const file = writeFile(tempDir('domain-validate'), 'schema.sql', declared);
    const strong = await createDatabase('domain_validate_strong');
    dbs.push(strong);
    await strong.exec(DECLARED);
    expect((await planRepair({ url: strong.url, from: file })).plan.statements).toEqual([]);
    const weak = await createDatabase('domain_validate_weak');
    dbs.push(weak);
    await weak.exec(`${LIVE} ${NOT_VALID}`);
    expect((await planRepair({ url: weak.url, from: file })).plan.statements).toEqual([]);
  });

  it('replaces VALUE only outside string literals and quoted names', () => {
    expect(valueReplaced(`((VALUE ~ '^VALUE$'::text) AND ("VALUE" IS NOT NULL) AND (VALUE <> 'it''s VALUE'::text))`, '"c"')).toBe(
      `(("c" ~ '^VALUE$'::text) AND ("VALUE" IS NOT NULL) AND ("c" <> 'it''s VALUE'::text))`,
    );
  });
});
