/**
 * Privileges as a registry kind, end to end: GRANT / REVOKE / ALTER DEFAULT
 * PRIVILEGES replayed in the PGlite shadow (roles the source names are created
 * there) give the model the same statements give on a real server; missing
 * privileges are granted (or a default revoked) and converge through `apply`; a
 * grantee the live server lacks is reported, never created; privileges outside
 * the model (ON DATABASE) or that the shadow refuses never stop a replay.
 */
import { describe, expect, it } from 'vitest';
import { applyRepair } from '../../src/api/apply.js';
import { planRepair } from '../../src/api/plan.js';
import { loadDeclared } from '../../src/declared/index.js';
import { compare } from '../../src/diff/index.js';
import { describeObject } from '../../src/objects/index.js';
import { adminUrl } from '../helpers/db.js';
import { NO_CACHE, tempDir, writeFile } from '../declared/helpers.js';
import { databasesForFile } from '../helpers/databases.js';

const ROLES = ['reconcile_grants_app', 'reconcile_grants_ro']
  .map((r) => `DO $$ BEGIN CREATE ROLE ${r} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`)
  .join('\n');

const SCHEMA = `
CREATE SCHEMA shop;
CREATE TABLE shop.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer text NOT NULL, total numeric NOT NULL);
CREATE VIEW shop.order_totals AS SELECT customer, sum(total) AS total FROM shop.orders GROUP BY customer;
CREATE FUNCTION shop.close_day() RETURNS void LANGUAGE sql SECURITY DEFINER AS $$ DELETE FROM shop.orders WHERE false $$;
CREATE DOMAIN shop.money_amount AS numeric CHECK (VALUE >= 0);
`;

const GRANTS = `
GRANT USAGE ON SCHEMA shop TO reconcile_grants_app, reconcile_grants_ro;
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA shop TO reconcile_grants_app;
GRANT SELECT ON shop.order_totals TO reconcile_grants_ro;
GRANT SELECT (customer) ON shop.orders TO reconcile_grants_ro;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA shop TO reconcile_grants_app;
REVOKE EXECUTE ON FUNCTION shop.close_day() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION shop.close_day() TO reconcile_grants_app WITH GRANT OPTION;
REVOKE USAGE ON DOMAIN shop.money_amount FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA shop GRANT SELECT ON TABLES TO reconcile_grants_ro;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
`;

const database = databasesForFile();

describe('grants', () => {
  it('the PGlite shadow (which creates the roles it lacks) reads the same privileges as a real server', async () => {
    const real = await database('grants_real', `${ROLES}\n${SCHEMA}\n${GRANTS}`);
    const model = await real.inspect();
    const shown = model.objects.filter((o) => o.kind === 'grant').map(describeObject);
    expect(shown).toContain('revoke of EXECUTE on function shop.close_day() from PUBLIC');
    expect(shown).toContain('grant EXECUTE on function shop.close_day() to reconcile_grants_app with grant option');
    expect(shown).toContain('grant SELECT on column shop.orders.customer to reconcile_grants_ro');
    expect(shown).toContain('grant USAGE on sequence shop.orders_id_seq to reconcile_grants_app');
    expect(shown).toContain('default privilege SELECT on new tables in schema shop to reconcile_grants_ro');
    expect(shown).toContain('revoke of EXECUTE on new functions from PUBLIC');
    expect(shown).toContain('revoke of USAGE on type shop.money_amount from PUBLIC');
    // The owner's own privileges are not objects.
    expect(shown.some((s) => s.includes(' to postgres'))).toBe(false);

    const file = writeFile(tempDir('grants'), 'schema.sql', `${SCHEMA}\n${GRANTS}`);
    const declared = await loadDeclared(file, NO_CACHE);
    expect(declared.notices).toContain('created roles the source refers to in the shadow: reconcile_grants_app, reconcile_grants_ro');
    expect(compare(declared.schema, model)).toEqual([]);
  });

  it('missing privileges are granted and revoked by apply, which converges; an extra grant is kept and shown', async () => {
    const db = await database('grants_apply', `${ROLES}\n${SCHEMA}\nGRANT DELETE ON shop.orders TO reconcile_grants_ro;`);
    const file = writeFile(tempDir('grants-apply'), 'schema.sql', `${SCHEMA}\n${GRANTS}`);
    const first = await planRepair({ url: db.url, from: file });
    expect(first.plan.statements.every((s) => s.phase === 'grants')).toBe(true);
    expect(first.plan.statements.map((s) => s.description)).toContain('revoke EXECUTE on function shop.close_day() from PUBLIC');
    expect(first.plan.notes.map((n) => n.message)).toContain(
      'grant DELETE on table shop.orders to reconcile_grants_ro is in the live database, not in the model: kept, but it changes who may read or write which rows (security-relevant)',
    );
    const report = await applyRepair({ url: db.url, from: file, planOptions: { allowHazards: [] } });
    expect(report.stillNeeded).toEqual([]);
    const [{ ok }] = await db.query<{ ok: boolean }>(
      `SELECT has_function_privilege('public', 'shop.close_day()', 'EXECUTE') = false
          AND has_column_privilege('reconcile_grants_ro', 'shop.orders', 'customer', 'SELECT')
          AND NOT has_column_privilege('reconcile_grants_ro', 'shop.orders', 'total', 'SELECT')
          AND has_table_privilege('reconcile_grants_ro', 'shop.orders', 'DELETE') AS ok`,
    ) as [{ ok: boolean }];
    expect(ok).toBe(true);
    const again = await planRepair({ url: db.url, from: file });
    expect(again.plan.statements).toEqual([]);
  });

  it('a grant to the role that owns the object on the live server is held there: not planned, with or without --schema', async () => {
    // On live reconcile_grants_app owns everything (the migrations ran as it); in the PGlite
    // shadow the shadow's user does, so the grants to reconcile_grants_app are privileges beyond the default there.
    const owned = [
      'ALTER SCHEMA shop OWNER TO reconcile_grants_app;',
      'ALTER TABLE shop.orders OWNER TO reconcile_grants_app;',
      'ALTER VIEW shop.order_totals OWNER TO reconcile_grants_app;',
      'ALTER FUNCTION shop.close_day() OWNER TO reconcile_grants_app;',
      'ALTER DOMAIN shop.money_amount OWNER TO reconcile_grants_app;',
    ].join('\n');
    const db = await database('grants_owner', `${ROLES}\n${SCHEMA}\n${owned}`);
    const toOwner = `
GRANT ALL ON SCHEMA shop TO reconcile_grants_app;
GRANT ALL ON TABLE shop.orders, shop.order_totals TO postgres, reconcile_grants_app, reconcile_grants_ro;
GRANT UPDATE (total) ON shop.orders TO reconcile_grants_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA shop TO reconcile_grants_app WITH GRANT OPTION;
GRANT EXECUTE ON FUNCTION shop.close_day() TO reconcile_grants_app WITH GRANT OPTION;
GRANT USAGE ON DOMAIN shop.money_amount TO reconcile_grants_app;
ALTER DEFAULT PRIVILEGES FOR ROLE reconcile_grants_app IN SCHEMA shop GRANT SELECT ON TABLES TO reconcile_grants_app;
`;
    const file = writeFile(tempDir('grants-owner'), 'schema.sql', `${SCHEMA}\n${toOwner}`);
    const declared = await loadDeclared(file, NO_CACHE);
    // The shadow's user owns all it creates: no owners row there.
    expect(declared.schema.objects.some((o) => o.kind === 'grant' && o.on === 'owners')).toBe(false);
    expect(declared.schema.objects.filter((o) => o.kind === 'grant' && o.grantee === 'reconcile_grants_app').length).toBeGreaterThan(10);
    for (const schemas of [undefined, ['shop']]) {
      const first = await planRepair({ url: db.url, from: file, ...(schemas ? { schemas } : {}) });
      const planned = first.plan.statements.map((s) => s.description);
      expect(planned.some((d) => d.includes('reconcile_grants_app'))).toBe(false);
      expect(planned).toContain('grant SELECT on table shop.orders to reconcile_grants_ro');
      expect(first.plan.notes.filter((n) => n.level === 'warning')).toEqual([]);
    }
    const report = await applyRepair({ url: db.url, from: file, planOptions: { allowHazards: [] } });
    expect(report.stillNeeded).toEqual([]);
    const again = await planRepair({ url: db.url, from: file });
    expect(again.plan.statements).toEqual([]);
  });

  it('a grantee or policy role the live server lacks is reported, not created, and nothing fails', async () => {
    const db = await database('grants_norole', SCHEMA);
    const file = writeFile(
      tempDir('grants-norole'),
      'schema.sql',
      `${SCHEMA}\nGRANT SELECT ON shop.orders TO reconcile_grants_nobody;\nALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;\nCREATE POLICY mine ON shop.orders TO reconcile_grants_nobody USING (customer = current_user);`,
    );
    const p = await planRepair({ url: db.url, from: file });
    expect(p.plan.statements.map((s) => s.description)).toEqual(['enable row-level security on shop.orders']);
    const warnings = p.plan.notes.filter((n) => n.level === 'warning').map((n) => n.message);
    expect(warnings).toContain('grant SELECT on table shop.orders to reconcile_grants_nobody is not made: the live server has no role "reconcile_grants_nobody" (roles are not created by this tool: create it, then plan again)');
    expect(warnings.some((w) => w.startsWith('policy mine on shop.orders is not made: the live server has no role "reconcile_grants_nobody"'))).toBe(true);
    const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = 'reconcile_grants_nobody'`)) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('privileges outside the model are skipped and ones the shadow refuses are counted, without stopping the replay', async () => {
    const file = writeFile(
      tempDir('grants-skip'),
      'schema.sql',
      `${SCHEMA}\nGRANT CONNECT ON DATABASE production TO reconcile_grants_ro;\nGRANT reconcile_grants_ro TO reconcile_grants_app;\nGRANT EXECUTE ON FUNCTION shop.gone() TO reconcile_grants_app;\nGRANT SELECT ON shop.orders TO reconcile_grants_ro;`,
    );
    const declared = await loadDeclared(file, NO_CACHE);
    expect(declared.notices.some((n) => /^skipped 1 GRANT\/REVOKE statement .* refused \(first: GRANT EXECUTE ON FUNCTION shop\.gone\(\)/.test(n))).toBe(true);
    expect(declared.notices.some((n) => n.startsWith('skipped 2 statements about roles, databases'))).toBe(true);
    expect(declared.schema.objects.filter((o) => o.kind === 'grant').map(describeObject)).toEqual(['grant SELECT on table shop.orders to reconcile_grants_ro']);
  });

  it('a --shadow server (roles are cluster-wide there) skips privileges, with a notice, and creates no role', async () => {
    const file = writeFile(tempDir('grants-server'), 'schema.sql', `${SCHEMA}\nGRANT SELECT ON shop.orders TO reconcile_grants_server_only;`);
    const declared = await loadDeclared(file, { ...NO_CACHE, shadowUrl: adminUrl() });
    expect(declared.schema.objects.filter((o) => o.kind === 'grant')).toEqual([]);
    expect(declared.notices.some((n) => n.startsWith('skipped 1 statement about ownership and roles'))).toBe(true);
    const probe = await database('grants_server_probe', 'SELECT 1');
    const [{ n }] = (await probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = 'reconcile_grants_server_only'`)) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('many extra grants to one role are one warning that counts them; every one is in the JSON changes', async () => {
    const db = await database('grants_many', `${ROLES}\n${SCHEMA}\nGRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON shop.orders TO reconcile_grants_ro;`);
    const file = writeFile(tempDir('grants-many'), 'schema.sql', SCHEMA);
    const p = await planRepair({ url: db.url, from: file });
    const warnings = p.plan.notes.filter((n) => n.level === 'warning').map((n) => n.message);
    expect(warnings).toEqual([
      '5 grants to "reconcile_grants_ro" are in the live database, not in the model: kept, but they change who may read or write which rows (security-relevant): ' +
        'grant DELETE on table shop.orders to reconcile_grants_ro; grant INSERT on table shop.orders to reconcile_grants_ro; grant SELECT on table shop.orders to reconcile_grants_ro; and 2 more (each in --format json)',
    ]);
    const { renderPlanJson } = await import('../../src/render/plan-json.js');
    const json = JSON.parse(renderPlanJson(p.plan, p.header)) as { changes: { kind: string; object?: { kind: string } }[] };
    expect(json.changes.filter((c) => c.kind === 'extra-object' && c.object?.kind === 'grant')).toHaveLength(5);
  });
});
