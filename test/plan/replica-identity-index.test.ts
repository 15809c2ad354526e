/**
 * A table's replica identity index that differs from the model is replaced without a
 * moment when the table has no identity: the declared index is built under a temporary
 * name, made the identity, the old one dropped and the new one renamed. With a
 * publication that publishes updates, every UPDATE and DELETE on a table without an
 * identity fails; here they are tried after the repair, and the identity is checked
 * after every statement of the plan. A table whose identity index was dropped by hand
 * (relreplident 'i', no index marked) reads as differing, so the plan sets it again.
 */
import { describe, expect, it } from 'vitest';
import { applyRepair } from '../../src/api/apply.js';
import { planRepair } from '../../src/api/plan.js';
import { tempDir, writeFile } from '../declared/helpers.js';
import { databasesForFile } from '../helpers/databases.js';
import type { TestDb } from '../helpers/db.js';

const DECLARED = `
CREATE TABLE shipment (carrier text NOT NULL, tracking text NOT NULL, region text NOT NULL, status text);
CREATE UNIQUE INDEX shipment_key ON shipment (carrier, tracking, region);
ALTER TABLE shipment REPLICA IDENTITY USING INDEX shipment_key;
CREATE PUBLICATION shipments FOR TABLE shipment;
`;

const ROWS = `INSERT INTO shipment SELECT 'c' || (g % 3), 't' || g, 'r' || (g % 2), 'ok' FROM generate_series(1, 20) g;`;

const LIVE_OTHER_KEY = `
CREATE TABLE shipment (carrier text NOT NULL, tracking text NOT NULL, region text NOT NULL, status text);
CREATE UNIQUE INDEX shipment_key ON shipment (carrier, tracking);
ALTER TABLE shipment REPLICA IDENTITY USING INDEX shipment_key;
CREATE PUBLICATION shipments FOR TABLE shipment;
${ROWS}`;

/** The identity index was dropped and built again by hand: relreplident stays 'i', no index is marked. */
const LIVE_IDENTITY_LOST = `
CREATE TABLE shipment (carrier text NOT NULL, tracking text NOT NULL, region text NOT NULL, status text);
CREATE UNIQUE INDEX shipment_key ON shipment (carrier, tracking, region);
ALTER TABLE shipment REPLICA IDENTITY USING INDEX shipment_key;
DROP INDEX shipment_key;
CREATE UNIQUE INDEX shipment_key ON shipment (carrier, tracking, region);
CREATE PUBLICATION shipments FOR TABLE shipment;
${ROWS}`;

const database = databasesForFile();

/** Which index of public.shipment is its replica identity (null: none), and its definition. */
async function identity(db: TestDb): Promise<{ index: string | null; definition: string | null; relreplident: string }> {
  const [row] = await db.query<{ index: string | null; definition: string | null; relreplident: string }>(
    `SELECT (SELECT i.relname::text FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = t.oid AND x.indisreplident) AS index,
            (SELECT pg_get_indexdef(x.indexrelid) FROM pg_index x WHERE x.indrelid = t.oid AND x.indisreplident) AS definition,
            t.relreplident::text AS relreplident
     FROM pg_class t WHERE t.oid = 'public.shipment'::regclass`,
  );
  return row!;
}

/** UPDATE and DELETE on the published table work (PostgreSQL refuses both without a replica identity). */
async function writesWork(db: TestDb): Promise<void> {
  await db.exec(`UPDATE shipment SET status = 'moved' WHERE tracking = 't1'`);
  await db.exec(`DELETE FROM shipment WHERE tracking = 't2'`);
  const [row] = await db.query<{ moved: string; gone: string }>(
    `SELECT count(*) FILTER (WHERE status = 'moved')::text AS moved, count(*) FILTER (WHERE tracking = 't2')::text AS gone FROM shipment`,
  );
  expect(row).toEqual({ moved: '1', gone: '0' });
}

describe('replica identity index replaced or lost', () => {
  it('a differing identity index is replaced with the identity moved to the new index before the old one goes; UPDATE and DELETE work after', async () => {
    const db = await database('ri_replaced', LIVE_OTHER_KEY);
    const file = writeFile(tempDir('ri-replaced'), 'schema.sql', DECLARED);
    const planned = await planRepair({ url: db.url, from: file, options: { allowHazards: ['replace-index'] } });
    const statements = planned.plan.statements;
    expect(statements.map((s) => s.description)).toContain(
      'set replica identity USING INDEX shipment_key_reconciled of public.shipment (it replaces shipment_key, which is dropped next)',
    );
    const setIdentity = statements.find((s) => s.sql.includes('REPLICA IDENTITY USING INDEX'))!;
    expect(setIdentity.lockLevel).toBe('ACCESS EXCLUSIVE');

    // Statement by statement, as apply runs them (guard, then the statement): the table never lacks an identity.
    const seen: (string | null)[] = [];
    for (const s of statements) {
      const needed = s.guard ? (await db.query<{ needed: boolean }>(s.guard))[0]?.needed === true : true;
      if (needed) await db.exec(s.sql);
      const now = await identity(db);
      expect(now.relreplident).toBe('i');
      expect(now.index, `after: ${s.description}`).not.toBeNull();
      seen.push(now.index);
    }
    expect(seen).toContain('shipment_key_reconciled');
    expect(await identity(db)).toEqual({
      index: 'shipment_key',
      definition: 'CREATE UNIQUE INDEX shipment_key ON public.shipment USING btree (carrier, tracking, region)',
      relreplident: 'i',
    });
    await writesWork(db);
    expect((await planRepair({ url: db.url, from: file })).plan.statements).toEqual([]);
  });

  it('apply converges the same way (pg_index.indisreplident on the declared index)', async () => {
    const db = await database('ri_apply', LIVE_OTHER_KEY);
    const file = writeFile(tempDir('ri-apply'), 'schema.sql', DECLARED);
    const report = await applyRepair({ url: db.url, from: file, planOptions: { allowHazards: ['replace-index'] } });
    expect(report.stillNeeded).toEqual([]);
    const [row] = await db.query<{ ok: boolean }>(
      `SELECT x.indisreplident AS ok FROM pg_index x WHERE x.indexrelid = 'public.shipment_key'::regclass
         AND pg_get_indexdef(x.indexrelid) LIKE '%(carrier, tracking, region)'`,
    );
    expect(row?.ok).toBe(true);
    await writesWork(db);
  });

  it('a live index that is not the identity is still dropped and built under its name (the swap steps are skipped)', async () => {
    const db = await database('ri_not_identity', LIVE_OTHER_KEY.replace('ALTER TABLE shipment REPLICA IDENTITY USING INDEX shipment_key;', 'ALTER TABLE shipment REPLICA IDENTITY FULL;'));
    const file = writeFile(tempDir('ri-not-identity'), 'schema.sql', DECLARED);
    const report = await applyRepair({ url: db.url, from: file, planOptions: { allowHazards: ['replace-index'] } });
    expect(report.stillNeeded).toEqual([]);
    expect(await identity(db)).toEqual({
      index: 'shipment_key',
      definition: 'CREATE UNIQUE INDEX shipment_key ON public.shipment USING btree (carrier, tracking, region)',
      relreplident: 'i',
    });
    expect((await db.query(`SELECT 1 FROM pg_class WHERE relname = 'shipment_key_reconciled'`)).length).toBe(0);
    await writesWork(db);
  });

  it('relreplident i with no index marked reads as no identity: the plan sets the declared one again', async () => {
    const db = await database('ri_lost', LIVE_IDENTITY_LOST);
    await expect(db.exec(`UPDATE shipment SET status = 'x' WHERE tracking = 't1'`)).rejects.toThrow(/does not have a replica identity/);
    const file = writeFile(tempDir('ri-lost'), 'schema.sql', DECLARED);
    const planned = await planRepair({ url: db.url, from: file });
    expect(planned.plan.statements.map((s) => `${s.phase}: ${s.description}`)).toEqual([
      'replica-identity: set replica identity USING INDEX shipment_key of public.shipment (live: USING INDEX (none: its index was dropped, so the table has no identity))',
    ]);
    const report = await applyRepair({ url: db.url, from: file });
    expect(report.stillNeeded).toEqual([]);
    expect((await identity(db)).index).toBe('shipment_key');
    await writesWork(db);
  });
});
