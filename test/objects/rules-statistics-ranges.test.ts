/**
 * Range types, extended statistics and rewrite rules, end to end: the same objects
 * created in another order and under another search_path, on a real server and
 * replayed in the PGlite shadow (PostgreSQL 18, whatever the server is), give the
 * same model; from a live database lacking them or holding other versions of them,
 * apply builds them and converges (re-plan empty), and the rules do what they say.
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
CREATE TABLE shop.orders (id bigint PRIMARY KEY, city text, zip text, total numeric NOT NULL, at date NOT NULL);
CREATE TABLE shop.audit (order_id bigint, what text);
`;

const OBJECTS = `
CREATE TYPE shop.amounts AS RANGE (SUBTYPE = numeric);
CREATE TYPE shop.names AS RANGE (SUBTYPE = text, COLLATION = "C");
CREATE TABLE shop.offers (id bigint PRIMARY KEY, amount shop.amounts NOT NULL, names shop.names);
CREATE STATISTICS shop.orders_place (dependencies, ndistinct) ON city, zip FROM shop.orders;
CREATE STATISTICS shop.orders_expr ON (total * 2), at FROM shop.orders;
ALTER STATISTICS shop.orders_expr SET STATISTICS 300;
CREATE VIEW shop.big_orders AS SELECT id, total FROM shop.orders WHERE total > 100;
CREATE RULE big_orders_keep AS ON DELETE TO shop.big_orders DO INSTEAD NOTHING;
CREATE RULE orders_audit AS ON UPDATE TO shop.orders WHERE old.total <> new.total DO ALSO INSERT INTO shop.audit (order_id, what) VALUES (new.id, 'total ' || old.total || ' -> ' || new.total);
CREATE RULE orders_audit_off AS ON INSERT TO shop.orders DO ALSO INSERT INTO shop.audit (order_id, what) VALUES (new.id, 'inserted');
ALTER TABLE shop.orders DISABLE RULE orders_audit_off;
`;

/** The same, unqualified under another search_path, in another order. */
const REORDERED = `
CREATE SCHEMA shop;
SET search_path = shop, public;
CREATE TYPE names AS RANGE (SUBTYPE = text, COLLATION = "C");
CREATE TABLE audit (order_id bigint, what text);
CREATE TABLE orders (id bigint PRIMARY KEY, city text, zip text, total numeric NOT NULL, at date NOT NULL);
CREATE RULE orders_audit_off AS ON INSERT TO orders DO ALSO INSERT INTO audit (order_id, what) VALUES (new.id, 'inserted');
ALTER TABLE orders DISABLE RULE orders_audit_off;
CREATE STATISTICS orders_expr ON (total * 2), at FROM orders;
CREATE RULE orders_audit AS ON UPDATE TO orders WHERE old.total <> new.total DO ALSO INSERT INTO audit (order_id, what) VALUES (new.id, 'total ' || old.total || ' -> ' || new.total);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
CREATE TYPE amounts AS RANGE (SUBTYPE = numeric);
CREATE TABLE offers (id bigint PRIMARY KEY, amount amounts NOT NULL, names names);
CREATE RULE big_orders_keep AS ON DELETE TO big_orders DO INSTEAD NOTHING;
ALTER STATISTICS orders_expr SET STATISTICS 300;
CREATE STATISTICS orders_place (ndistinct, dependencies) ON zip, city FROM orders;
SET search_path = public;
`;

const database = databasesForFile();
const KINDS = new Set(['range-type', 'statistics', 'rule']);

describe('range types, extended statistics, rewrite rules', () => {
  it('read alike on a real server in any order and search_path, and in the PGlite shadow (no constructor functions read as functions)', async () => {
    const real = await database('rsr_real', `${TABLES}\n${OBJECTS}`);
    const model = await real.inspect();
    expect(model.objects.filter((o) => KINDS.has(o.kind)).map(describeObject)).toEqual([
      'range type shop.amounts',
      'range type shop.names',
      'rule big_orders_keep on shop.big_orders',
      'rule orders_audit on shop.orders',
      'rule orders_audit_off on shop.orders',
      'statistics shop.orders_expr on shop.orders',
      'statistics shop.orders_place on shop.orders',
    ]);
    // The constructors PostgreSQL makes with a range (shop.amounts(numeric, numeric), ...) are not functions of the model.
    expect(model.objects.filter((o) => o.kind === 'function')).toEqual([]);
    expect(model.notCompared ?? []).toEqual([]);
    const other = await database('rsr_other', REORDERED);
    expect(compare(model, await other.inspect())).toEqual([]);
    const declared = await loadDeclared(writeFile(tempDir('rsr'), 'schema.sql', REORDERED), NO_CACHE);
    expect(compare(declared.schema, model)).toEqual([]);
  });

  it('apply builds what is missing and replaces what differs, converges, and the rules work', async () => {
    const db = await database(
      'rsr_apply',
      `${TABLES}
      CREATE TYPE shop.names AS RANGE (SUBTYPE = text);
      CREATE STATISTICS shop.orders_place (ndistinct) ON city, zip FROM shop.orders;
      CREATE VIEW shop.big_orders AS SELECT id, city, total FROM shop.orders WHERE total > 100;
      CREATE RULE orders_audit AS ON UPDATE TO shop.orders DO ALSO INSERT INTO shop.audit (order_id, what) VALUES (new.id, 'any update');
      INSERT INTO shop.orders SELECT g, 'c' || (g % 3), 'z' || g, g * 50, DATE '2026-01-01' + g FROM generate_series(1, 10) g;`,
    );
    const file = writeFile(tempDir('rsr-apply'), 'schema.sql', `${TABLES}\n${OBJECTS}`);
    const first = await planRepair({ url: db.url, from: file, options: { allowHazards: ['replace'] } });
    const order = first.plan.statements.map((s) => `${s.phase}: ${s.description}`);
    expect(order.indexOf('types: create range type shop.amounts')).toBeLessThan(order.indexOf('tables: create table shop.offers'));
    expect(order).toContain('triggers: create rule big_orders_keep on shop.big_orders');
    expect(order).toContain('types: drop and create range type shop.names (its options differ)');
    expect(first.plan.withheld).toEqual([]);
    const report = await applyRepair({ url: db.url, from: file, planOptions: { allowHazards: ['replace'] } });
    expect(report.stillNeeded).toEqual([]);
    const again = await planRepair({ url: db.url, from: file, options: { allowHazards: ['replace'] } });
    expect(again.plan.statements.map((s) => s.description)).toEqual([]);
    expect(again.plan.withheld).toEqual([]);
    // The repaired rules act as declared: an update that keeps the total is not audited, one that changes it is;
    // the disabled rule does nothing; a delete through the view is swallowed.
    await db.exec(`DELETE FROM shop.audit; UPDATE shop.orders SET city = 'x' WHERE id = 1; UPDATE shop.orders SET total = 7 WHERE id = 2;
      INSERT INTO shop.orders VALUES (99, 'c', 'z', 1, DATE '2026-02-01'); DELETE FROM shop.big_orders;`);
    expect(await db.query('SELECT order_id::int AS order_id, what FROM shop.audit ORDER BY 1')).toEqual([{ order_id: 2, what: 'total 100 -> 7' }]);
    expect(await db.query('SELECT count(*)::int AS n FROM shop.orders')).toEqual([{ n: 11 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM shop.offers WHERE shop.amounts(1, 2) @> 1.5`)).toEqual([{ n: 0 }]);
  });
});
