/**
 * Property-based convergence for the registry kinds (functions, views, triggers,
 * policies, row-level security, domains, comments, grants, composite types,
 * materialized view indexes, replica identity): a random subset of a small catalogue of objects
 * is declared; on the live side each is the same, missing, or a variant (a body,
 * a result type, a view's columns, a trigger's timing or state, a policy's roles,
 * expression or command), with extra live objects. Then compare() must report
 * exactly what the oracle below expects (dependents of a changed function or view
 * included), and the plan (with `replace` allowed) must converge, leave a second
 * plan empty and change nothing when run again.
 *
 * 40 cases by default; RECONCILE_RUNS=n, RECONCILE_SEED=n as in convergence.test.ts.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from '../../src/db/pool.js';
import { compare } from '../../src/diff/index.js';
import { isInformational, type Change } from '../../src/diff/changes.js';
import { CATALOG_SETTINGS, inspect } from '../../src/introspect/index.js';
import { keyOf, objectKey } from '../../src/objects/index.js';
import { plan as makePlan } from '../../src/plan/index.js';
import { renderPlanSql } from '../../src/render/plan-sql.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runScript } from '../helpers/script.js';

const RUNS = Number(process.env['RECONCILE_RUNS'] ?? 40);
const SEED = process.env['RECONCILE_SEED'] !== undefined ? Number(process.env['RECONCILE_SEED']) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
const HEADER = { source: 'declared', target: 'live', serverVersion: 'N', toolVersion: 'test', plannedAt: 'T', liveHash: 'H', lockTimeout: '2s' };

const live = <T extends string>(...variants: T[]) => fc.constantFrom<'same' | 'missing' | T>('same', 'missing', ...variants);

const specArb = fc.record({
  f1: fc.record({ declared: fc.boolean(), live: live('body', 'result'), n: fc.integer({ min: 1, max: 9 }) }),
  trgfn: fc.record({ declared: fc.boolean(), live: live('body') }),
  trg: fc.record({
    declared: fc.boolean(),
    live: live('timing', 'state'),
    timing: fc.constantFrom('BEFORE INSERT', 'BEFORE UPDATE'),
    enabled: fc.constantFrom('O', 'D', 'A'),
  }),
  v1: fc.record({ declared: fc.boolean(), live: live('where', 'addcol', 'idtype'), k: fc.integer({ min: 0, max: 5 }) }),
  v2: fc.record({ declared: fc.boolean(), live: live('body') }),
  pol: fc.record({ declared: fc.boolean(), live: live('roles', 'expr', 'cmd'), cmd: fc.constantFrom('ALL', 'SELECT', 'UPDATE', 'DELETE') }),
  rls: fc.record({ enable: fc.boolean(), force: fc.boolean(), liveEnable: fc.boolean(), liveForce: fc.boolean() }),
  dom: fc.record({ declared: fc.boolean(), live: live('check', 'default', 'notnull'), n: fc.integer({ min: 0, max: 9 }) }),
  cmt: fc.record({ declared: fc.boolean(), live: live('text'), text: fc.constantFrom('people', "it's", 'ünï ✓') }),
  // A grant on a table (with or without grant option), a default privilege revoked on f_add (lost when f_add is replaced), an extra grant.
  gr: fc.record({ declared: fc.boolean(), live: live('option'), priv: fc.constantFrom('SELECT', 'UPDATE', 'INSERT'), option: fc.boolean() }),
  rev: fc.record({ declared: fc.boolean(), live: live() }),
  extraGrant: fc.boolean(),
  // A composite type (an attribute missing at the end, or of another type); a materialized view with a unique index
  // (missing, on another column, or the view's query differs: dropped and created, its index built again); replica identity of t2.
  ct: fc.record({ declared: fc.boolean(), live: live('short', 'type') }),
  mv: fc.record({ declared: fc.boolean(), live: live('noindex', 'index', 'body') }),
  ri: fc.record({ declared: fc.constantFrom('DEFAULT', 'FULL', 'NOTHING'), live: fc.constantFrom('DEFAULT', 'FULL', 'NOTHING') }),
  // A rule on t2 (another WHERE, or disabled), a rule on v1 (carried along when v1 is dropped and created),
  // extended statistics on t1 (other kinds, another target), a range type (another collation).
  rul: fc.record({ declared: fc.boolean(), live: live('where', 'state') }),
  vr: fc.record({ declared: fc.boolean(), live: live() }),
  st: fc.record({ declared: fc.boolean(), live: live('kinds', 'target') }),
  rg: fc.record({ declared: fc.boolean(), live: live('collation') }),
  // An aggregate (another initial condition: CREATE OR REPLACE; another result: dropped and created);
  // a child of t1 (missing, or made by hand without INHERITS).
  ag: fc.record({ declared: fc.boolean(), live: live('initcond', 'result') }),
  inh: fc.record({ declared: fc.boolean(), live: live('unlinked') }),
  extraComment: fc.boolean(),
  extraPolicy: fc.boolean(),
  extraView: fc.boolean(),
  rows: fc.integer({ min: 0, max: 5 }),
});
type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

const BASE = `CREATE SCHEMA p;
CREATE TABLE p.t1 (id bigint PRIMARY KEY, a integer NOT NULL DEFAULT 0, b text);
CREATE TABLE p.t2 (id bigint PRIMARY KEY, t1_id bigint REFERENCES p.t1, c text);`;

const ENABLE = { O: 'ENABLE TRIGGER', D: 'DISABLE TRIGGER', A: 'ENABLE ALWAYS TRIGGER' } as const;
const otherState = (e: 'O' | 'D' | 'A'): 'O' | 'D' | 'A' => (e === 'O' ? 'D' : e === 'D' ? 'A' : 'O');
const otherCmd = (c: string): string => (c === 'ALL' ? 'SELECT' : 'ALL');

/** Which declared objects exist on each side (a dependent needs what it depends on). */
function exists(s: Spec) {
  const d = {
    f1: s.f1.declared || s.v2.declared,
    trgfn: s.trgfn.declared || s.trg.declared,
    trg: s.trg.declared,
    v1: s.v1.declared || s.v2.declared,
    v2: s.v2.declared,
    pol: s.pol.declared,
    dom: s.dom.declared,
    cmt: s.cmt.declared,
    gr: s.gr.declared,
    rev: s.rev.declared && (s.f1.declared || s.v2.declared),
    ct: s.ct.declared,
    mv: s.mv.declared,
    mvi: s.mv.declared,
    rul: s.rul.declared,
    vr: s.vr.declared && (s.v1.declared || s.v2.declared),
    st: s.st.declared,
    rg: s.rg.declared,
    ag: s.ag.declared,
    inh: s.inh.declared,
  };
  const l = {
    f1: d.f1 && s.f1.live !== 'missing',
    trgfn: d.trgfn && s.trgfn.live !== 'missing',
    trg: false,
    v1: d.v1 && s.v1.live !== 'missing',
    v2: false,
    pol: d.pol && s.pol.live !== 'missing',
    dom: d.dom && s.dom.live !== 'missing',
    cmt: d.cmt && s.cmt.live !== 'missing',
    gr: d.gr && s.gr.live !== 'missing',
    rev: false,
    ct: d.ct && s.ct.live !== 'missing',
    mv: d.mv && s.mv.live !== 'missing',
    mvi: d.mvi && s.mv.live !== 'missing' && s.mv.live !== 'noindex',
    rul: d.rul && s.rul.live !== 'missing',
    vr: false,
    st: d.st && s.st.live !== 'missing',
    rg: d.rg && s.rg.live !== 'missing',
    ag: d.ag && s.ag.live !== 'missing',
    inh: d.inh && s.inh.live === 'same',
  };
  l.vr = d.vr && l.v1 && s.vr.live !== 'missing';
  l.rev = d.rev && l.f1 && s.rev.live !== 'missing';
  l.trg = d.trg && l.trgfn && s.trg.live !== 'missing';
  l.v2 = d.v2 && l.v1 && l.f1 && s.v2.live !== 'missing';
  return { d, l };
}

function sideSql(s: Spec, side: 'declared' | 'live'): string {
  const { d, l } = exists(s);
  const has = side === 'declared' ? d : l;
  const v = <T extends string>(o: { live: T }): T | 'same' => (side === 'declared' ? 'same' : o.live);
  const out = [BASE];
  if (has.f1) {
    const n = v(s.f1) === 'body' ? s.f1.n + 1 : s.f1.n;
    out.push(
      v(s.f1) === 'result'
        ? `CREATE FUNCTION p.f_add(x integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT (x + ${n})::bigint $$;`
        : `CREATE FUNCTION p.f_add(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + ${n} $$;`,
    );
  }
  if (has.trgfn) out.push(`CREATE FUNCTION p.trg_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.b := ${v(s.trgfn) === 'body' ? 'lower' : 'upper'}(NEW.b); RETURN NEW; END $$;`);
  if (has.trg) {
    const timing = v(s.trg) === 'timing' ? (s.trg.timing === 'BEFORE INSERT' ? 'BEFORE UPDATE' : 'BEFORE INSERT') : s.trg.timing;
    const enabled = v(s.trg) === 'state' ? otherState(s.trg.enabled) : s.trg.enabled;
    out.push(`CREATE TRIGGER t1_trg ${timing} ON p.t1 FOR EACH ROW EXECUTE FUNCTION p.trg_fn();`, `ALTER TABLE p.t1 ${ENABLE[enabled]} t1_trg;`);
  }
  if (has.v1) {
    const k = v(s.v1) === 'where' ? s.v1.k + 1 : s.v1.k;
    const cols = v(s.v1) === 'addcol' ? 'id, a, b' : v(s.v1) === 'idtype' ? 'id::integer AS id, a' : 'id, a';
    out.push(`CREATE VIEW p.v1 AS SELECT ${cols} FROM p.t1 WHERE a > ${k};`);
  }
  if (has.v2) out.push(`CREATE VIEW p.v2 AS SELECT id, p.f_add(${v(s.v2) === 'body' ? 'a + 1' : 'a'}) AS x FROM p.v1;`);
  if (has.pol) {
    const cmd = v(s.pol) === 'cmd' ? otherCmd(s.pol.cmd) : s.pol.cmd;
    const to = v(s.pol) === 'roles' ? 'pg_monitor' : 'PUBLIC';
    out.push(`CREATE POLICY t1_pol ON p.t1 FOR ${cmd} TO ${to} USING (a > ${v(s.pol) === 'expr' ? 1 : 0});`);
  }
  if (has.dom) {
    const check = `CHECK (VALUE > ${v(s.dom) === 'check' ? s.dom.n + 1 : s.dom.n})`;
    out.push(`CREATE DOMAIN p.amount AS integer${v(s.dom) === 'default' ? ' DEFAULT 7' : ''}${v(s.dom) === 'notnull' ? ' NOT NULL' : ''} ${check};`);
  }
  if (has.gr) out.push(`GRANT ${s.gr.priv} ON p.t2 TO pg_monitor${(v(s.gr) === 'option') !== s.gr.option ? ' WITH GRANT OPTION' : ''};`);
  if (has.rev) out.push('REVOKE EXECUTE ON FUNCTION p.f_add(integer) FROM PUBLIC;');
  if (has.ct) out.push(`CREATE TYPE p.pair AS (x ${v(s.ct) === 'type' ? 'bigint' : 'integer'}, y text${v(s.ct) === 'short' ? '' : ', z numeric'});`);
  if (has.mv) out.push(`CREATE MATERIALIZED VIEW p.mv AS SELECT a, count(*) AS n FROM p.t1${v(s.mv) === 'body' ? ' WHERE a > 0' : ''} GROUP BY a;`);
  if (has.mvi) out.push(`CREATE UNIQUE INDEX mv_a ON p.mv (${v(s.mv) === 'index' ? 'a, n' : 'a'});`);
  if (has.rul) {
    out.push(`CREATE RULE t2_rule AS ON UPDATE TO p.t2 WHERE ${v(s.rul) === 'where' ? 'new.c IS NULL' : 'new.c IS DISTINCT FROM old.c'} DO ALSO INSERT INTO p.t1 (id, a, b) VALUES (new.id + 1000, 0, old.c);`);
    if (v(s.rul) === 'state') out.push('ALTER TABLE p.t2 DISABLE RULE t2_rule;');
  }
  if (has.vr) out.push('CREATE RULE v1_no_delete AS ON DELETE TO p.v1 DO INSTEAD NOTHING;');
  if (has.st) {
    out.push(`CREATE STATISTICS p.t1_st (${v(s.st) === 'kinds' ? 'dependencies' : 'ndistinct'}) ON a, b FROM p.t1;`);
    if (v(s.st) === 'target') out.push('ALTER STATISTICS p.t1_st SET STATISTICS 50;');
  }
  if (has.ag) out.push(`CREATE AGGREGATE p.total(integer) (${v(s.ag) === 'result' ? 'SFUNC = int4_sum, STYPE = bigint' : `SFUNC = int4pl, STYPE = integer, INITCOND = '${v(s.ag) === 'initcond' ? 1 : 0}'`});`);
  if (has.inh) out.push('CREATE TABLE p.t3 (x integer) INHERITS (p.t1);');
  else if (side === 'live' && exists(s).d.inh && s.inh.live === 'unlinked') out.push('CREATE TABLE p.t3 (id bigint NOT NULL, a integer NOT NULL DEFAULT 0, b text, x integer);');
  if (has.rg) out.push(`CREATE TYPE p.tr AS RANGE (SUBTYPE = text${v(s.rg) === 'collation' ? ', COLLATION = "C"' : ''});`);
  const ri = side === 'declared' ? s.ri.declared : s.ri.live;
  if (ri !== 'DEFAULT') out.push(`ALTER TABLE p.t2 REPLICA IDENTITY ${ri};`);
  if (has.cmt) out.push(`COMMENT ON TABLE p.t1 IS '${(v(s.cmt) === 'text' ? `${s.cmt.text} (old)` : s.cmt.text).replace(/'/g, "''")}';`);
  const enable = side === 'declared' ? s.rls.enable : s.rls.liveEnable;
  const force = side === 'declared' ? s.rls.force : s.rls.liveForce;
  if (enable) out.push('ALTER TABLE p.t1 ENABLE ROW LEVEL SECURITY;');
  if (force) out.push('ALTER TABLE p.t1 FORCE ROW LEVEL SECURITY;');
  if (side === 'live') {
    if (s.extraPolicy) out.push('CREATE POLICY t2_extra ON p.t2 USING (true);');
    if (s.extraView) out.push('CREATE VIEW p.v_extra AS SELECT 1 AS one;');
    if (s.extraComment) out.push("COMMENT ON COLUMN p.t2.c IS 'added by hand';");
    if (s.extraGrant) out.push('GRANT DELETE ON p.t1 TO pg_monitor;');
    if (s.rows > 0) out.push(`INSERT INTO p.t1 (id, a, b) SELECT g, g, 'r' || g FROM generate_series(1, ${s.rows}) g;`);
  }
  return out.join('\n');
}

/** The changes compare() must report, as `kind key`. */
function expected(s: Spec): string[] {
  const { d, l } = exists(s);
  const fn = (name: string, args: string) => objectKey('function', ['p', name, args]);
  const view = (name: string) => objectKey('view', ['p', name]);
  const keys: Record<keyof typeof d, string> = {
    f1: fn('f_add', 'integer'),
    trgfn: fn('trg_fn', ''),
    trg: objectKey('trigger', ['p', 't1', 't1_trg']),
    v1: view('v1'),
    v2: view('v2'),
    pol: objectKey('policy', ['p', 't1', 't1_pol']),
    dom: objectKey('domain', ['p', 'amount']),
    cmt: objectKey('comment', ['table', 'p', 't1', '']),
    gr: objectKey('grant', ['table', 'p', 't2', '', 'pg_monitor', s.gr.priv, 'granted']),
    rev: objectKey('grant', ['function', 'p', 'f_add', 'integer', 'public', 'EXECUTE', 'revoked']),
    ct: objectKey('composite-type', ['p', 'pair']),
    mv: view('mv'),
    mvi: objectKey('view-index', ['p', 'mv_a']),
    rul: objectKey('rule', ['p', 't2', 't2_rule']),
    vr: objectKey('rule', ['p', 'v1', 'v1_no_delete']),
    st: objectKey('statistics', ['p', 't1_st']),
    rg: objectKey('range-type', ['p', 'tr']),
    ag: objectKey('aggregate', ['p', 'total', 'integer']),
    inh: objectKey('inheritance', ['p', 't3', 'p', 't1']),
  };
  const variant: Record<keyof typeof d, boolean> = {
    f1: s.f1.live !== 'same',
    trgfn: s.trgfn.live !== 'same',
    trg: s.trg.live !== 'same',
    v1: s.v1.live !== 'same',
    // v2's columns follow f_add's result type and v1's id type.
    v2: s.v2.live !== 'same' || s.f1.live === 'result' || s.v1.live === 'idtype',
    pol: s.pol.live !== 'same',
    dom: s.dom.live !== 'same',
    cmt: s.cmt.live !== 'same',
    gr: s.gr.live !== 'same',
    rev: false,
    ct: s.ct.live !== 'same',
    mv: s.mv.live === 'body',
    mvi: s.mv.live === 'index',
    rul: s.rul.live !== 'same',
    vr: false,
    st: s.st.live !== 'same',
    rg: s.rg.live !== 'same',
    ag: s.ag.live !== 'same',
    inh: false,
  };
  const out: string[] = [];
  for (const k of Object.keys(d) as (keyof typeof d)[]) {
    if (!d[k]) continue;
    if (!l[k]) out.push(`missing-object ${keys[k]}`);
    else if (variant[k]) out.push(`object-differs ${keys[k]}`);
  }
  const flag = (f: 'enable' | 'force', want: boolean, has: boolean): void => {
    const key = objectKey('row-security', ['p', 't1', f]);
    if (want && !has) out.push(`missing-object ${key}`);
    if (!want && has) out.push(`extra-object ${key}`);
  };
  flag('enable', s.rls.enable, s.rls.liveEnable);
  flag('force', s.rls.force, s.rls.liveForce);
  const ri = objectKey('replica-identity', ['p', 't2']);
  if (s.ri.declared !== 'DEFAULT' && s.ri.live === 'DEFAULT') out.push(`missing-object ${ri}`);
  else if (s.ri.declared === 'DEFAULT' && s.ri.live !== 'DEFAULT') out.push(`extra-object ${ri}`);
  else if (s.ri.declared !== s.ri.live) out.push(`object-differs ${ri}`);
  if (s.extraPolicy) out.push(`extra-object ${objectKey('policy', ['p', 't2', 't2_extra'])}`);
  if (s.extraView) out.push(`extra-object ${view('v_extra')}`);
  if (s.extraComment) out.push(`extra-object ${objectKey('comment', ['column', 'p', 't2', 'c'])}`);
  if (s.extraGrant) out.push(`extra-object ${objectKey('grant', ['table', 'p', 't1', '', 'pg_monitor', 'DELETE', 'granted'])}`);
  return out.sort();
}

const changeKey = (c: Change): string | null =>
  c.kind === 'missing-object' || c.kind === 'extra-object' ? `${c.kind} ${keyOf(c.object)}` : c.kind === 'object-differs' ? `${c.kind} ${keyOf(c.declared)}` : null;

describe('property: registry kinds converge', () => {
  let declared: TestDb;
  let liveDb: TestDb;
  let pools: pg.Pool[] = [];
  beforeAll(async () => {
    [declared, liveDb] = await Promise.all([createDatabase('prop_obj_declared'), createDatabase('prop_obj_live')]);
    pools = await Promise.all([openPool(declared.connection, { max: 2, settings: CATALOG_SETTINGS }), openPool(liveDb.connection, { max: 2, settings: CATALOG_SETTINGS })]);
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await Promise.all([declared?.drop(), liveDb?.drop()]);
  });

  it(`compare finds exactly the differences, and the plan converges (${RUNS} cases)`, async () => {
    process.stdout.write(`property (objects) seed ${SEED} (replay with RECONCILE_SEED=${SEED})\n`);
    await fc.assert(
      fc.asyncProperty(specArb, async (s) => {
        const [declaredCatalog, liveCatalog] = pools as [pg.Pool, pg.Pool];
        const reset = 'DROP SCHEMA IF EXISTS p CASCADE;';
        await Promise.all([declared.exec(reset + sideSql(s, 'declared')), liveDb.exec(reset + sideSql(s, 'live'))]);
        const d = (await inspect(declaredCatalog)).schema;
        const changes = compare(d, (await inspect(liveCatalog)).schema, { schemas: ['p'] });
        expect(changes.map(changeKey).filter((k): k is string => k !== null).sort()).toEqual(expected(s));
        const ctx = { serverVersion: 0, tablesWithRows: new Set<string>(), options: { allowHazards: ['replace' as const, 'replace-index' as const] } };
        const first = makePlan(changes, ctx);
        expect(first.withheld).toEqual([]);
        const script = renderPlanSql(first, HEADER);
        await runScript(liveDb.url, script);
        const after = (await inspect(liveCatalog)).schema;
        expect(compare(d, after, { schemas: ['p'] }).filter((c) => !isInformational(c)).map(changeKey)).toEqual([]);
        expect(makePlan(compare(d, after, { schemas: ['p'] }), ctx).statements.map((x) => x.description)).toEqual([]);
        await runScript(liveDb.url, script);
        expect((await inspect(liveCatalog)).schema).toEqual(after);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 600_000);
});
