/**
 * The registry kinds end to end on a real server (and PGlite): the same objects
 * created in another order and under another search_path give the same model;
 * what the model does not compare is counted and reported; a migration's
 * function or policy that is missing makes its effect missing, never present.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRepair } from '../../src/api/apply.js';
import { planRepair } from '../../src/api/plan.js';
import { loadDeclared } from '../../src/declared/index.js';
import { compare, type Change } from '../../src/diff/index.js';
import { checkEffect } from '../../src/ledger/effects.js';
import type { Schema } from '../../src/model/types.js';
import { describeObject } from '../../src/objects/index.js';
import { plan } from '../../src/plan/index.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { renderPlanJson } from '../../src/render/plan-json.js';
import { renderPlanSql } from '../../src/render/plan-sql.js';
import { createDatabase, serverVersion, type TestDb } from '../helpers/db.js';
import { NO_CACHE, tempDir, writeFile } from '../declared/helpers.js';

const TABLES = `
CREATE SCHEMA app;
CREATE TABLE app.posts (id bigint PRIMARY KEY, author text NOT NULL, title text NOT NULL, published boolean NOT NULL DEFAULT false);
`;
const FUNCTION = `CREATE FUNCTION app.visible(p app.posts) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT p.published OR p.author = current_user $$;`;
const TRIGGER_FN = `CREATE FUNCTION app.no_title_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.title <> OLD.title THEN RAISE EXCEPTION 'no'; END IF; RETURN NEW; END $$;`;
const TRIGGER = `CREATE TRIGGER posts_title BEFORE UPDATE ON app.posts FOR EACH ROW EXECUTE FUNCTION app.no_title_change();`;
const RLS = `ALTER TABLE app.posts ENABLE ROW LEVEL SECURITY;`;
const POLICY = `CREATE POLICY posts_read ON app.posts FOR SELECT USING (published OR author = current_user);`;
const VIEW = `CREATE VIEW app.published AS SELECT id, title FROM app.posts WHERE published;`;
const VIEW2 = `CREATE VIEW app.published_titles AS SELECT title FROM app.published;`;

/** The same objects, unqualified under another search_path and in another order. */
const REORDERED = `
CREATE SCHEMA app;
SET search_path = app, public;
CREATE TABLE posts (id bigint PRIMARY KEY, author text NOT NULL, title text NOT NULL, published boolean NOT NULL DEFAULT false);
CREATE VIEW published AS SELECT id, title FROM posts WHERE published;
CREATE POLICY posts_read ON posts FOR SELECT USING (published OR author = current_user);
CREATE FUNCTION no_title_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.title <> OLD.title THEN RAISE EXCEPTION 'no'; END IF; RETURN NEW; END $$;
CREATE VIEW published_titles AS SELECT title FROM published;
CREATE TRIGGER posts_title BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION no_title_change();
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
SET search_path = public;
${FUNCTION}
`;

const ORIGINAL = [TABLES, FUNCTION, TRIGGER_FN, TRIGGER, RLS, POLICY, VIEW, VIEW2].join('\n');

const ctx = { serverVersion: 0, tablesWithRows: new Set<string>(), options: {} };

describe('registry kinds', () => {
  const dbs: TestDb[] = [];
  let original: Schema;
  beforeAll(async () => {
    const db = await createDatabase('objects_a');
    dbs.push(db);
    await db.exec(ORIGINAL);
    original = await db.inspect();
  });
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('reads every kind from the catalog', () => {
    expect(original.objects.map((o) => `${o.kind} ${'table' in o ? `${o.table}.` : ''}${'name' in o ? o.name : ''}`)).toEqual([
      'function no_title_change',
      'function visible',
      'view published',
      'view published_titles',
      'trigger posts.posts_title',
      'policy posts.posts_read',
      'row-security posts',
    ]);
  });

  it('the same objects in another order and under another search_path: zero differences (real server)', async () => {
    const db = await createDatabase('objects_b');
    dbs.push(db);
    await db.exec(REORDERED);
    const other = await db.inspect();
    expect(compare(original, other)).toEqual([]);
    expect(compare(other, original)).toEqual([]);
  });

  it('the same objects replayed in the PGlite shadow: zero differences (before 16 too: view text is compared without column qualifiers)', async () => {
    const dir = tempDir('objects');
    const declared = await loadDeclared(writeFile(dir, 'schema.sql', REORDERED), NO_CACHE);
    expect(compare(declared.schema, original)).toEqual([]);
    // PostgreSQL before 16 prints `posts.id` where PGlite prints `id`.
    const text = (m: Schema) => m.objects.flatMap((o) => (o.kind === 'view' ? [o.definition] : []));
    if (serverVersion() < 160000) expect(text(declared.schema)).not.toEqual(text(original));
  });

  it('creates in dependency order and converges from an empty schema', async () => {
    const db = await createDatabase('objects_c');
    dbs.push(db);
    await db.exec(TABLES);
    const p = plan(compare(original, await db.inspect()), ctx);
    const order = p.statements.map((s) => s.description);
    expect(order.indexOf('create function app.visible(app.posts)')).toBeGreaterThan(-1);
    expect(order.indexOf('create view app.published')).toBeLessThan(order.indexOf('create view app.published_titles'));
    expect(order.indexOf('create function app.no_title_change()')).toBeLessThan(order.indexOf('create trigger posts_title on app.posts'));
    // Policies before the flag that enforces them.
    expect(order.indexOf('create policy posts_read on app.posts')).toBeLessThan(order.indexOf('enable row-level security on app.posts'));
    for (const s of p.statements) expect(s.guard).not.toBeNull();
    const { runScript } = await import('../helpers/script.js');
    const header = { source: 's', target: 't', serverVersion: 'N', toolVersion: 'test', plannedAt: 'T', liveHash: 'H', lockTimeout: '2s' };
    await runScript(db.url, renderPlanSql(p, header));
    expect(compare(original, await db.inspect())).toEqual([]);
  });

  it('counts what the model does not compare and reports it in the plan text and SQL header', async () => {
    const db = await createDatabase('objects_d');
    dbs.push(db);
    await db.exec(`${TABLES}
      CREATE PUBLICATION objects_test_pub FOR TABLE app.posts;
      CREATE RULE posts_keep AS ON DELETE TO app.posts DO INSTEAD NOTHING;
      CREATE STATISTICS app.posts_stats ON author, title FROM app.posts;
      CREATE DOMAIN app.short_text AS text CHECK (length(VALUE) < 10);
      CREATE AGGREGATE app.total(int) (SFUNC = int4pl, STYPE = int);
      CREATE TABLE app.posts_archive () INHERITS (app.posts);
      CREATE OPERATOR app.=== (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq);
      CREATE TEXT SEARCH CONFIGURATION app.plain (COPY = pg_catalog.simple);
      COMMENT ON TABLE app.posts IS 'posts';
      GRANT SELECT ON app.posts TO PUBLIC;`);
    try {
      const live = await db.inspect();
      // Domains are a registry kind now: read, not counted.
      expect(live.objects.filter((o) => o.kind === 'domain').map((o) => o.name)).toEqual(['short_text']);
      expect(live.objects.filter((o) => o.kind === 'comment').map((o) => o.kind === 'comment' && o.text)).toEqual(['posts']);
      // Rules, statistics objects and publications are registry kinds now too.
      expect(live.objects.filter((o) => ['rule', 'statistics', 'publication', 'publication-table'].includes(o.kind)).map(describeObject)).toEqual([
        'rule posts_keep on app.posts',
        'statistics app.posts_stats on app.posts',
        'publication objects_test_pub',
        'app.posts in publication objects_test_pub',
      ]);
      // Aggregates and inheritance links are registry kinds now too.
      expect(live.objects.filter((o) => ['aggregate', 'inheritance'].includes(o.kind)).map(describeObject)).toEqual([
        'aggregate app.total(integer)',
        'inheritance of app.posts_archive from app.posts',
      ]);
      expect(live.notCompared).toEqual([
        { kind: 'operator', count: 1 },
        { kind: 'text search configuration', count: 1 },
      ]);
      // Grants are a registry kind now too.
      expect(live.objects.filter((o) => o.kind === 'grant').map(describeObject)).toEqual(['grant SELECT on table app.posts to PUBLIC']);
      const p = plan(compare(live, live), ctx);
      const text = renderPlanText(p, live, live, { color: false, title: 't' });
      expect(text).toContain('In sync');
      expect(text).toContain('Not compared (the model does not hold these kinds yet): 1 operator, 1 text search configuration');
      const sql = renderPlanSql(p, { source: 's', target: 't', serverVersion: 'N', toolVersion: 'test', plannedAt: 'T', liveHash: 'H', lockTimeout: '2s', notCompared: live.notCompared });
      expect(sql).toContain('-- not compared: 1 operator, 1 text search configuration');
    } finally {
      await db.exec('DROP PUBLICATION objects_test_pub');
    }
  });

  it('comments on a schema, a trigger, a policy and a domain constraint are read, repaired and then in sync', async () => {
    const [declared, live] = [await createDatabase('objects_c1'), await createDatabase('objects_c2')];
    dbs.push(declared, live);
    const base = `${TABLES} ${TRIGGER_FN} ${TRIGGER} ${RLS} ${POLICY} CREATE DOMAIN app.short_text AS text CONSTRAINT short CHECK (length(VALUE) < 10);`;
    await declared.exec(`${base}
      COMMENT ON SCHEMA app IS 'the app';
      COMMENT ON TRIGGER posts_title ON app.posts IS 'titles are fixed';
      COMMENT ON POLICY posts_read ON app.posts IS 'published or own';
      COMMENT ON CONSTRAINT short ON DOMAIN app.short_text IS 'under ten';`);
    await live.exec(`${base} COMMENT ON TRIGGER posts_title ON app.posts IS 'old text';`);
    const want = await declared.inspect();
    expect(want.objects.filter((o) => o.kind === 'comment').map(describeObject)).toEqual([
      'comment on constraint short on domain app.short_text',
      'comment on policy posts_read on app.posts',
      'comment on schema app',
      'comment on trigger posts_title on app.posts',
    ]);
    const p = plan(compare(want, await live.inspect()), ctx);
    expect(p.statements.map((s) => [s.description, s.sql, s.lockLevel])).toEqual([
      ['set comment on constraint short on domain app.short_text', `COMMENT ON CONSTRAINT "short" ON DOMAIN "app"."short_text" IS 'under ten'`, 'none'],
      ['set comment on policy posts_read on app.posts', `COMMENT ON POLICY "posts_read" ON "app"."posts" IS 'published or own'`, 'ACCESS SHARE'],
      ['set comment on schema app', `COMMENT ON SCHEMA "app" IS 'the app'`, 'none'],
      ['replace comment on trigger posts_title on app.posts', `COMMENT ON TRIGGER "posts_title" ON "app"."posts" IS 'titles are fixed'`, 'ACCESS SHARE'],
    ]);
    const { runScript } = await import('../helpers/script.js');
    const header = { source: 's', target: 't', serverVersion: 'N', toolVersion: 'test', plannedAt: 'T', liveHash: 'H', lockTimeout: '2s' };
    await runScript(live.url, renderPlanSql(p, header));
    expect(compare(want, await live.inspect())).toEqual([]);
    expect(plan(compare(want, await live.inspect()), ctx).statements).toEqual([]);
    // The script again changes nothing: every guard reads the comment it set.
    await runScript(live.url, renderPlanSql(p, header));
    expect(compare(want, await live.inspect())).toEqual([]);
  });

  it('a source that declares only a function is valid (not "declares nothing at all"), and the JSON plan lists what is not compared', async () => {
    const db = await createDatabase('objects_j');
    dbs.push(db);
    await db.exec("CREATE OPERATOR public.=== (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq); COMMENT ON FUNCTION pg_catalog.now() IS 'now';");
    try {
      const file = writeFile(tempDir('objects-only'), 'functions.sql', 'CREATE FUNCTION public.answer() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 42 $$;');
      const r = await planRepair({ url: db.url, from: file });
      expect(r.plan.statements.map((s) => s.description)).toEqual(['create function public.answer()']);
      const json = JSON.parse(renderPlanJson(r.plan, r.header)) as { notCompared: unknown; changes: { kind: string; object?: { kind: string } }[] };
      expect(json.notCompared).toEqual([{ kind: 'operator', count: 1 }]);
      expect(json.changes.map((c) => [c.kind, c.object?.kind])).toEqual([['missing-object', 'function']]);
    } finally {
      await db.exec('DROP OPERATOR public.=== (int, int)');
    }
  });

  it('apply (one session, statement by statement) repairs every kind from a declared file and verifies', async () => {
    const db = await createDatabase('objects_k');
    dbs.push(db);
    await db.exec(`${TABLES} INSERT INTO app.posts VALUES (1, 'a', 't', true); ${FUNCTION.replace('p.published OR', 'p.published AND')}`);
    const file = writeFile(tempDir('objects-apply'), 'schema.sql', REORDERED);
    const report = await applyRepair({ url: db.url, from: file, planOptions: { allowHazards: [] } });
    expect(report.stillNeeded).toEqual([]);
    expect(report.planned).toBeGreaterThan(5);
    const after = await db.inspect();
    expect(compare(original, after)).toEqual([]);
    const again = await planRepair({ url: db.url, from: file });
    expect(again.plan.statements).toEqual([]);
  });

  it('extra policies and RLS flags are kept but shown as warnings', async () => {
    const db = await createDatabase('objects_e');
    dbs.push(db);
    await db.exec(TABLES);
    const bare = await db.inspect();
    const p = plan(compare(bare, original), ctx);
    expect(p.statements).toEqual([]);
    const warnings = p.notes.filter((n) => n.level === 'warning').map((n) => n.message);
    expect(warnings).toContain('policy posts_read on app.posts is in the live database, not in the model: kept, but it changes who may read or write which rows (security-relevant)');
    expect(warnings.some((w) => w.startsWith('row-level security enabled on app.posts is in the live database'))).toBe(true);
  });

  it('a function whose result type changes is replaced only under the replace hazard, naming what depends on it', async () => {
    const db = await createDatabase('objects_h');
    dbs.push(db);
    const base = `${TABLES} CREATE FUNCTION app.rank(p app.posts) RETURNS integer LANGUAGE sql AS $$ SELECT p.id::int $$;`;
    await db.exec(`${base} CREATE VIEW app.ranked AS SELECT id, app.rank(posts) AS r FROM app.posts;`);
    const live = await db.inspect();
    const target = await createDatabase('objects_i');
    dbs.push(target);
    await target.exec(`${TABLES} CREATE FUNCTION app.rank(p app.posts) RETURNS bigint LANGUAGE sql AS $$ SELECT p.id $$;`);
    const changes = compare(await target.inspect(), live);
    const differs = changes.find((c) => c.kind === 'object-differs');
    expect(differs).toMatchObject({ aspects: ['signature'], dependents: ['view app.ranked'] });
    const p = plan(changes, ctx);
    expect(p.statements).toEqual([]);
    expect(p.withheld.map((s) => s.hazards.map((h) => h.kind))).toEqual([['replace']]);
    // The text plan shows the definitions side by side.
    const text = renderPlanText(p, await target.inspect(), live, { color: false, title: 't' });
    expect(text).toContain('--- declared function app.rank(app.posts)\n+++ live function app.rank(app.posts)');
    expect(text).toContain('- RETURNS bigint\n+ RETURNS integer');
    expect(p.withheld[0]?.hazards[0]?.message).toContain('the drop fails, since view app.ranked depends on it and cannot all be created again from the model');
    // Allowed, the drop fails while the view needs the function: nothing is dropped implicitly.
    const allowed = plan(changes, { ...ctx, options: { allowHazards: ['replace'] } });
    const { runScript } = await import('../helpers/script.js');
    const header = { source: 's', target: 't', serverVersion: 'N', toolVersion: 'test', plannedAt: 'T', liveHash: 'H', lockTimeout: '2s' };
    await expect(runScript(db.url, renderPlanSql(allowed, header))).rejects.toThrow(/cannot drop function app\.rank\(app\.posts\) because other objects depend on it/);
    expect((await db.inspect()).objects).toEqual(live.objects);
  });

  it('a migration that created a function and a policy is missing, not present, when they are absent', async () => {
    const db = await createDatabase('objects_f');
    dbs.push(db);
    await db.exec(TABLES);
    const before = await db.inspect();
    // compare(after, before): what the migration made.
    const effects: Change[] = compare(original, before).filter((c) => c.kind === 'missing-object');
    expect(effects.map((c) => (c.kind === 'missing-object' ? c.object.kind : ''))).toEqual(['function', 'function', 'view', 'view', 'trigger', 'policy', 'row-security']);
    for (const e of effects) expect(checkEffect(e, { before, after: original, later: [] }, before).state).toBe('missing');
    for (const e of effects) expect(checkEffect(e, { before, after: original, later: [] }, original).state).toBe('present');
    // A function whose body differs from the migration's is "different".
    const fn = effects.find((c) => c.kind === 'missing-object' && c.object.kind === 'function' && c.object.name === 'visible');
    const changed = await createDatabase('objects_g');
    dbs.push(changed);
    await changed.exec(ORIGINAL.replace('SELECT p.published OR', 'SELECT p.published AND'));
    expect(fn && checkEffect(fn, { before, after: original, later: [] }, await changed.inspect()).state).toBe('different');
  });
});
