/**
 * Composite types, materialized view indexes, replica identity and UNLOGGED, end to end:
 * the same objects created in another order and under another search_path, on a
 * real server and replayed in the PGlite shadow, give the same model; from a
 * live database lacking them, apply builds them and converges (re-plan empty).
 */
import { describe, expect, it } from 'vitest';
import { applyRepair } from '../../src/api/apply.js';
import { planRepair } from '../../src/api/plan.js';
import { loadDeclared } from '../../src/declared/index.js';
import { compare } from '../../src/diff/index.js';
import { describeObject } from '../../src/objects/index.js';
import { NO_CACHE, tempDir, writeFile } from '../declared/helpers.js';
import { databasesForFile } from '../helpers/databases.js';

const TABLES = `
CREATE SCHEMA shop;
CREATE TABLE shop.orders (id bigint PRIMARY KEY, sku text NOT NULL, qty integer NOT NULL, at timestamptz NOT NULL);
CREATE UNIQUE INDEX orders_sku_at ON shop.orders (sku, at);
`;

const OBJECTS = `
CREATE TYPE shop.dims AS (w numeric, h numeric, unit text COLLATE "C");
CREATE TYPE shop.parcel AS (id bigint, size shop.dims, tags text[]);
CREATE MATERIALIZED VIEW shop.per_sku AS SELECT sku, sum(qty) AS qty FROM shop.orders GROUP BY sku;
CREATE UNIQUE INDEX per_sku_sku ON shop.per_sku (sku);
CREATE INDEX "per sku qty" ON shop.per_sku (qty DESC NULLS LAST) WHERE qty > 0;
ALTER TABLE shop.orders REPLICA IDENTITY USING INDEX orders_sku_at;
CREATE UNLOGGED TABLE shop.scratch (id bigint PRIMARY KEY, note text);
`;

/** The same, unqualified under another search_path, in another order. */
const REORDERED = `
CREATE SCHEMA shop;
SET search_path = shop, public;
CREATE TYPE dims AS (w numeric, h numeric, unit text COLLATE "C");
CREATE TABLE orders (id bigint PRIMARY KEY, sku text NOT NULL, qty integer NOT NULL, at timestamptz NOT NULL);
CREATE MATERIALIZED VIEW per_sku AS SELECT sku, sum(qty) AS qty FROM orders GROUP BY sku;
CREATE INDEX "per sku qty" ON per_sku (qty DESC NULLS LAST) WHERE qty > 0;
CREATE UNIQUE INDEX orders_sku_at ON orders (sku, at);
ALTER TABLE orders REPLICA IDENTITY USING INDEX orders_sku_at;
CREATE TYPE parcel AS (id bigint, size dims, tags text[]);
CREATE UNIQUE INDEX per_sku_sku ON per_sku (sku);
CREATE UNLOGGED TABLE scratch (id bigint PRIMARY KEY, note text);
SET search_path = public;
`;

const database = databasesForFile();

const KINDS = new Set(['composite-type', 'view-index', 'replica-identity', 'unlogged']);

describe('composite types, materialized view indexes, replica identity, unlogged tables', () => {
  it('read alike on a real server in any order and search_path, and in the PGlite shadow', async () => {
    const real = await database('kinds_real', `${TABLES}\n${OBJECTS}`);
    const model = await real.inspect();
    expect(model.objects.filter((o) => KINDS.has(o.kind)).map(describeObject)).toEqual([
      'composite type shop.dims',
      'composite type shop.parcel',
      'index "per sku qty" on materialized view shop.per_sku',
      'index per_sku_sku on materialized view shop.per_sku',
      'replica identity USING INDEX orders_sku_at of shop.orders',
      'UNLOGGED on shop.scratch',
    ]);
    expect(model.notCompared ?? []).toEqual([]);
    const other = await database('kinds_other', REORDERED);
    expect(compare(model, await other.inspect())).toEqual([]);
    const declared = await loadDeclared(writeFile(tempDir('kinds'), 'schema.sql', REORDERED), NO_CACHE);
    expect(compare(declared.schema, model)).toEqual([]);
  });

  it('apply builds what is missing (types before the table using them, indexes after their view) and converges', async () => {
    const db = await database('kinds_apply', `${TABLES}\nINSERT INTO shop.orders SELECT g, 's' || (g % 5), g, now() + g * interval '1 s' FROM generate_series(1, 40) g;`);
    const file = writeFile(tempDir('kinds-apply'), 'schema.sql', `${TABLES}\n${OBJECTS}\nCREATE TABLE shop.shipments (id bigint PRIMARY KEY, parcel shop.parcel NOT NULL);`);
    const first = await planRepair({ url: db.url, from: file });
    const order = first.plan.statements.map((s) => `${s.phase}: ${s.description}`);
    expect(order.indexOf('types: create composite type shop.dims')).toBeLessThan(order.indexOf('types: create composite type shop.parcel'));
    expect(order.indexOf('types: create composite type shop.parcel')).toBeLessThan(order.indexOf('tables: create table shop.shipments'));
    expect(order.indexOf('views: create materialized view shop.per_sku')).toBeLessThan(order.indexOf('view-indexes: create index per_sku_sku on materialized view shop.per_sku concurrently'));
    expect(order).toContain('replica-identity: set replica identity USING INDEX orders_sku_at of shop.orders');
    // A table the plan creates is made unlogged without the rewrite hazard.
    expect(first.plan.statements.find((s) => s.description === 'make shop.scratch unlogged')?.hazards).toEqual([]);
    const report = await applyRepair({ url: db.url, from: file, planOptions: { allowHazards: [] } });
    expect(report.stillNeeded).toEqual([]);
    const [{ ok }] = (await db.query<{ ok: boolean }>(
      `SELECT (SELECT relreplident FROM pg_class WHERE oid = 'shop.orders'::regclass) = 'i'
          AND (SELECT indisvalid AND indisunique FROM pg_index WHERE indexrelid = 'shop.per_sku_sku'::regclass)
          AND (SELECT relpersistence FROM pg_class WHERE oid = 'shop.scratch'::regclass) = 'u' AS ok`,
    )) as [{ ok: boolean }];
    expect(ok).toBe(true);
    // The unique index is what REFRESH ... CONCURRENTLY needs: it works now.
    await db.exec('REFRESH MATERIALIZED VIEW CONCURRENTLY shop.per_sku');
    const again = await planRepair({ url: db.url, from: file });
    expect(again.plan.statements).toEqual([]);
  });
});
