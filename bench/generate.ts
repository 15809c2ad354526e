/**
 * Deterministic generator of a realistic PostgreSQL schema with N tables, for
 * benchmarks. Same `{tables, seed}` → byte-identical DDL.
 *
 * Per table (averages): ~12.3 columns (uuid or bigint identity/bigserial key,
 * varchar(n), text, an enum, numeric(p,s), integer, jsonb, an array, boolean,
 * timestamptz, timestamp, 1-2 foreign-key columns), a primary key, 1-2 foreign
 * keys (targets drawn from every table, so cycles and self-references occur;
 * all added with ALTER TABLE after every table exists), one unique constraint
 * (single or multi-column), one check, 1-2 secondary indexes (the first FK
 * column, then multi-column / partial / expression / GIN), defaults. Tables are
 * split over two schemas (`app`, `billing`) and reference across them; about
 * 1% have mixed-case names that need quoting. At 10,000 tables that is
 * ~123k columns, ~45k constraints, ~36k indexes.
 *
 * The result is structured (tables, foreign keys, indexes each carry their own
 * SQL) so a caller can drop a fraction with `withoutFraction` and render the
 * rest with `renderDdl`, e.g. a plan benchmark with 10% of objects missing.
 *
 * CLI: npx tsx bench/generate.ts --tables 1000 [--seed 1] [--out file.sql] [--stats]
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface QName {
  readonly schema: string;
  readonly name: string;
}

export interface GenEnum extends QName {
  readonly labels: readonly string[];
  readonly sql: string;
}

export interface GenTable extends QName {
  readonly keyType: 'uuid' | 'bigint';
  /** Column names in order. */
  readonly columns: readonly string[];
  readonly checks: number;
  readonly uniques: number;
  /** `CREATE TABLE` (with primary key, unique and check), no foreign keys. */
  readonly sql: string;
}

export interface GenForeignKey {
  readonly name: string;
  readonly table: QName;
  readonly column: string;
  readonly references: QName;
  /** `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY …` */
  readonly sql: string;
}

export interface GenIndex {
  readonly name: string;
  readonly table: QName;
  readonly kind: 'fk' | 'multi' | 'partial' | 'expression' | 'gin';
  readonly sql: string;
}

export interface GeneratedSchema {
  readonly seed: number;
  readonly schemas: readonly string[];
  readonly enums: readonly GenEnum[];
  readonly tables: readonly GenTable[];
  readonly foreignKeys: readonly GenForeignKey[];
  readonly indexes: readonly GenIndex[];
  /** With `objects`: views, functions, triggers, policies (with RLS) and comments, as SQL, after the indexes. */
  readonly objects: readonly string[];
  /** Everything, in dependency order: schemas, enums, tables, foreign keys, indexes, objects. */
  readonly ddl: string;
}

export interface SchemaStats {
  readonly tables: number;
  readonly columns: number;
  readonly primaryKeys: number;
  readonly foreignKeys: number;
  readonly uniques: number;
  readonly checks: number;
  /** Constraints in pg_constraint (pk + fk + unique + check). */
  readonly constraints: number;
  /** Every index, including those behind primary keys and unique constraints. */
  readonly indexes: number;
  readonly secondaryIndexes: number;
  readonly enums: number;
}

export const SCHEMAS = ['app', 'billing'] as const;

const NOUNS = [
  'account', 'address', 'invoice', 'invoice_line', 'payment', 'refund', 'customer', 'order', 'order_item', 'product',
  'price', 'discount', 'shipment', 'parcel', 'warehouse', 'stock_move', 'supplier', 'purchase', 'contract', 'ticket',
  'comment', 'attachment', 'message', 'thread', 'member', 'team', 'project', 'task', 'label', 'event',
  'session', 'device', 'notification', 'subscription', 'plan', 'coupon', 'tax_rate', 'ledger_entry', 'journal', 'audit',
];
const ROLES = ['owner', 'parent', 'account', 'source', 'target', 'created_by', 'assignee', 'origin'];
const ENUM_WORDS = [
  'active', 'inactive', 'pending', 'archived', 'draft', 'open', 'closed', 'paid', 'void', 'failed',
  'queued', 'running', 'done', 'cancelled', 'on_hold', 'review', 'approved', 'rejected', 'new', 'sent',
];
const FK_ACTIONS = ['NO ACTION', 'CASCADE', 'RESTRICT'] as const;

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualified(q: QName): string {
  return `${ident(q.schema)}.${ident(q.name)}`;
}

function literal(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

function pad(i: number, width: number): string {
  return String(i).padStart(width, '0');
}

/**
 * The registry kinds in rough real-world proportions, per 100 tables: 10 views, 1 SQL function,
 * 1 trigger function per schema with 5 triggers, 3 tables with RLS and a policy each, 10 table
 * comments; grants as an application would have them: USAGE on each schema and default
 * privileges for two roles, SELECT, INSERT, UPDATE, DELETE on every table for the app role and
 * SELECT on 30% for a read-only role. Drawn from their own random streams, so the tables' DDL
 * stays byte-identical.
 */
function generateObjects(tables: readonly GenTable[], seed: number): string[] {
  const r = rng(seed ^ 0x5eed);
  const g = rng(seed ^ 0x6a47);
  const out: string[] = ['bench_app', 'bench_ro'].map((role) => `DO $$ BEGIN CREATE ROLE ${role} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`);
  for (const schema of SCHEMAS) {
    out.push(
      `GRANT USAGE ON SCHEMA ${ident(schema)} TO bench_app, bench_ro;`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${ident(schema)} GRANT SELECT ON TABLES TO bench_ro;`,
    );
    out.push(`CREATE FUNCTION ${ident(schema)}.touch_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;`);
  }
  tables.forEach((t, i) => {
    const [key, second] = t.columns;
    if (r() < 0.1) out.push(`CREATE VIEW ${qualified({ schema: t.schema, name: `v_${t.name}` })} AS SELECT ${ident(key!)}${second ? `, ${ident(second)}` : ''} FROM ${qualified(t)};`);
    if (i % 100 === 0) out.push(`CREATE FUNCTION ${qualified({ schema: t.schema, name: `f_${t.name}` })}(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + ${i} $$;`);
    if (r() < 0.05) out.push(`CREATE TRIGGER ${ident(`${t.name}_touch`)} BEFORE UPDATE ON ${qualified(t)} FOR EACH ROW EXECUTE FUNCTION ${ident(t.schema)}.touch_row();`);
    if (r() < 0.03) out.push(`ALTER TABLE ${qualified(t)} ENABLE ROW LEVEL SECURITY;`, `CREATE POLICY ${ident(`${t.name}_read`)} ON ${qualified(t)} FOR SELECT USING (true);`);
    if (r() < 0.1) out.push(`COMMENT ON TABLE ${qualified(t)} IS ${literal(`table ${t.name}`)};`);
    out.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${qualified(t)} TO bench_app;`);
    if (g() < 0.3) out.push(`GRANT SELECT ON ${qualified(t)} TO bench_ro;`);
  });
  return out;
}

export function generateSchema(options: { tables: number; seed?: number; objects?: boolean }): GeneratedSchema {
  const n = options.tables;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--tables must be a positive integer, got ${n}`);
  const seed = options.seed ?? 1;
  const r = rng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const chance = (p: number): boolean => r() < p;
  const shuffle = <T>(xs: T[]): T[] => {
    for (let k = xs.length - 1; k > 0; k--) {
      const j = Math.floor(r() * (k + 1));
      [xs[k], xs[j]] = [xs[j] as T, xs[k] as T];
    }
    return xs;
  };
  const width = Math.max(4, String(n).length);

  // Enums: about one per 50 tables, at least 3, spread over both schemas.
  const enums: GenEnum[] = [];
  const enumCount = Math.max(3, Math.round(n / 50));
  for (let e = 0; e < enumCount; e++) {
    const schema = SCHEMAS[e % SCHEMAS.length] as string;
    const name = `status_${pad(e, 4)}`;
    const count = int(3, 6);
    const start = int(0, ENUM_WORDS.length - 1);
    const labels = Array.from({ length: count }, (_, k) => ENUM_WORDS[(start + k * 3) % ENUM_WORDS.length] as string);
    const unique = [...new Set(labels)];
    enums.push({ schema, name, labels: unique, sql: `CREATE TYPE ${qualified({ schema, name })} AS ENUM (${unique.map(literal).join(', ')});` });
  }

  // Table names and key types first, so foreign keys can point anywhere (cycles).
  const heads = Array.from({ length: n }, (_, i) => {
    const schema = chance(0.7) ? 'app' : 'billing';
    const noun = pick(NOUNS);
    const mixed = chance(0.01);
    const name = mixed ? `Legacy${noun.replace(/(^|_)(\w)/g, (_m, _u: string, c: string) => c.toUpperCase())}_${pad(i, width)}` : `${noun}_${pad(i, width)}`;
    const key = r();
    const keyStyle: 'uuid' | 'identity' | 'bigserial' = key < 0.5 ? 'uuid' : key < 0.9 ? 'identity' : 'bigserial';
    return { schema, name, keyStyle, keyType: keyStyle === 'uuid' ? ('uuid' as const) : ('bigint' as const) };
  });

  const tables: GenTable[] = [];
  const foreignKeys: GenForeignKey[] = [];
  const indexes: GenIndex[] = [];

  for (let i = 0; i < n; i++) {
    const h = heads[i]!;
    const t: QName = { schema: h.schema, name: h.name };
    const short = `t${pad(i, width)}`; // constraint/index name prefix, always short enough
    const en = pick(enums);
    const cols: Array<{ name: string; def: string }> = [];
    const col = (name: string, def: string): void => void cols.push({ name, def });

    if (h.keyStyle === 'uuid') col('id', 'uuid NOT NULL DEFAULT gen_random_uuid()');
    else if (h.keyStyle === 'identity') col('id', 'bigint GENERATED BY DEFAULT AS IDENTITY');
    else col('id', 'bigserial');
    col('code', `varchar(${pick([16, 32, 40, 64, 128, 255])}) NOT NULL`);
    col('name', 'text NOT NULL');
    col('status', `${qualified(en)} NOT NULL DEFAULT ${literal(en.labels[0]!)}`);
    const p = pick([10, 12, 14, 18]);
    col('amount', `numeric(${p},${pick([0, 2, 4])}) NOT NULL DEFAULT 0`);
    col('qty', `integer NOT NULL DEFAULT ${pick([0, 1])}`);
    col('attrs', `jsonb NOT NULL DEFAULT '{}'::jsonb`);
    col('tags', pick(['text[] DEFAULT \'{}\'::text[]', 'varchar(32)[]', 'integer[]', 'uuid[]']));
    col('active', 'boolean NOT NULL DEFAULT true');
    col('created_at', 'timestamptz NOT NULL DEFAULT now()');
    if (chance(0.45)) col('updated_at', 'timestamp without time zone');
    const hasDeleted = chance(0.45);
    if (hasDeleted) col('deleted_at', 'timestamptz');

    // 1-2 foreign keys; targets anywhere (earlier, later, itself): cycles.
    const fkCount = chance(0.5) ? 2 : 1;
    const roles = shuffle([...ROLES]).slice(0, fkCount);
    const fkCols: string[] = [];
    roles.forEach((role, k) => {
      const target = chance(0.03) ? i : int(0, n - 1);
      const th = heads[target]!;
      const column = `${role}_id`;
      const notNull = k === 0 && chance(0.6);
      col(column, `${th.keyType}${notNull ? ' NOT NULL' : ''}`);
      fkCols.push(column);
      const onDelete = notNull ? pick(FK_ACTIONS) : pick([...FK_ACTIONS, 'SET NULL'] as const);
      const deferrable = chance(0.2) ? ' DEFERRABLE INITIALLY DEFERRED' : chance(0.1) ? ' DEFERRABLE' : '';
      const name = `${short}_${column}_fkey`;
      foreignKeys.push({
        name,
        table: t,
        column,
        references: { schema: th.schema, name: th.name },
        sql: `ALTER TABLE ${qualified(t)} ADD CONSTRAINT ${ident(name)} FOREIGN KEY (${ident(column)}) REFERENCES ${qualified(th)} (id) ON DELETE ${onDelete}${deferrable};`,
      });
    });

    // Table constraints: primary key, one unique, one check (sometimes two).
    const lines = cols.map((c) => `  ${ident(c.name)} ${c.def}`);
    lines.push(`  CONSTRAINT ${ident(`${short}_pkey`)} PRIMARY KEY (id)`);
    const uniqueCols = chance(0.6) ? ['code'] : chance(0.5) ? [fkCols[0]!, 'code'] : ['name', 'created_at'];
    lines.push(`  CONSTRAINT ${ident(`${short}_${uniqueCols.join('_')}_key`)} UNIQUE (${uniqueCols.map(ident).join(', ')})`);
    lines.push(`  CONSTRAINT ${ident(`${short}_qty_check`)} CHECK (qty >= 0)`);
    let checks = 1;
    if (chance(0.1)) {
      lines.push(`  CONSTRAINT ${ident(`${short}_amount_check`)} CHECK (amount >= 0 AND amount < 1e9)`);
      checks++;
    }
    tables.push({
      ...t,
      keyType: h.keyType,
      columns: cols.map((c) => c.name),
      checks,
      uniques: 1,
      sql: `CREATE TABLE ${qualified(t)} (\n${lines.join(',\n')}\n);`,
    });

    // Secondary indexes: the first FK column, then (60%) one more of several shapes.
    const ix = (kind: GenIndex['kind'], suffix: string, body: string, unique = false): void => {
      const name = `${short}_${suffix}_idx`;
      indexes.push({ name, table: t, kind, sql: `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${ident(name)} ON ${qualified(t)} ${body};` });
    };
    ix('fk', fkCols[0]!, `(${ident(fkCols[0]!)})`);
    if (chance(0.6)) {
      const shape = r();
      if (shape < 0.4) ix('multi', 'status_created', `(${ident('status')}, ${ident('created_at')} DESC)`);
      else if (shape < 0.7)
        ix('partial', 'live', hasDeleted ? `(${ident('created_at')}) WHERE ${ident('deleted_at')} IS NULL` : `(${ident('created_at')}) WHERE ${ident('active')}`);
      else if (shape < 0.85) ix('expression', 'lower_name', `(lower(${ident('name')}))`);
      else ix('gin', 'attrs', `USING gin (${ident('attrs')})`);
    }
  }

  const objects = options.objects ? generateObjects(tables, seed) : [];
  const schema = { seed, schemas: [...SCHEMAS], enums, tables, foreignKeys, indexes, objects };
  return { ...schema, ddl: renderDdl(schema) };
}

/** DDL for any subset of a generated schema, in dependency order. */
export function renderDdl(s: Pick<GeneratedSchema, 'schemas' | 'enums' | 'tables' | 'foreignKeys' | 'indexes'> & { readonly objects?: readonly string[] }): string {
  const out: string[] = ['-- generated by bench/generate.ts', 'SET client_min_messages = warning;'];
  for (const name of s.schemas) out.push(`CREATE SCHEMA IF NOT EXISTS ${ident(name)};`);
  for (const e of s.enums) out.push(e.sql);
  for (const t of s.tables) out.push(t.sql);
  for (const f of s.foreignKeys) out.push(f.sql);
  for (const i of s.indexes) out.push(i.sql);
  for (const o of s.objects ?? []) out.push(o);
  return out.join('\n') + '\n';
}

const key = (q: QName): string => `${q.schema}\u0000${q.name}`;

/**
 * The schema with a fraction of objects removed, chosen deterministically: that
 * fraction of tables (with every foreign key and index on or to them), then that
 * fraction of the remaining foreign keys and of the remaining secondary indexes.
 */
export function withoutFraction(
  s: GeneratedSchema,
  options: { fraction: number; seed?: number },
): { kept: GeneratedSchema; removed: Pick<GeneratedSchema, 'tables' | 'foreignKeys' | 'indexes'> } {
  const r = rng(options.seed ?? s.seed + 1000);
  const f = options.fraction;
  const dropTables = s.tables.filter(() => r() < f);
  const gone = new Set(dropTables.map(key));
  const fkOnKept = s.foreignKeys.filter((fk) => !gone.has(key(fk.table)) && !gone.has(key(fk.references)));
  const fkDropped = new Set(fkOnKept.filter(() => r() < f).map((fk) => fk.name + key(fk.table)));
  const ixOnKept = s.indexes.filter((i) => !gone.has(key(i.table)));
  const ixDropped = new Set(ixOnKept.filter(() => r() < f).map((i) => i.name + key(i.table)));
  const keptParts = {
    seed: s.seed,
    schemas: s.schemas,
    enums: s.enums,
    tables: s.tables.filter((t) => !gone.has(key(t))),
    foreignKeys: fkOnKept.filter((fk) => !fkDropped.has(fk.name + key(fk.table))),
    indexes: ixOnKept.filter((i) => !ixDropped.has(i.name + key(i.table))),
    // Objects may depend on a dropped table: a fraction-dropped schema has none (plan benchmarks generate without them).
    objects: [] as string[],
  };
  const keptFk = new Set(keptParts.foreignKeys);
  const keptIx = new Set(keptParts.indexes);
  return {
    kept: { ...keptParts, ddl: renderDdl(keptParts) },
    removed: {
      tables: dropTables,
      foreignKeys: s.foreignKeys.filter((fk) => !keptFk.has(fk)),
      indexes: s.indexes.filter((i) => !keptIx.has(i)),
    },
  };
}

export function stats(s: Pick<GeneratedSchema, 'enums' | 'tables' | 'foreignKeys' | 'indexes'>): SchemaStats {
  const tables = s.tables.length;
  const columns = s.tables.reduce((a, t) => a + t.columns.length, 0);
  const uniques = s.tables.reduce((a, t) => a + t.uniques, 0);
  const checks = s.tables.reduce((a, t) => a + t.checks, 0);
  const foreignKeys = s.foreignKeys.length;
  return {
    tables,
    columns,
    primaryKeys: tables,
    foreignKeys,
    uniques,
    checks,
    constraints: tables + foreignKeys + uniques + checks,
    indexes: tables + uniques + s.indexes.length,
    secondaryIndexes: s.indexes.length,
    enums: s.enums.length,
  };
}

function cli(argv: string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write('usage: npx tsx bench/generate.ts --tables N [--seed S] [--objects] [--out FILE] [--stats]\n');
    return;
  }
  const schema = generateSchema({ tables: Number(arg('tables') ?? 100), seed: Number(arg('seed') ?? 1), objects: argv.includes('--objects') });
  const out = arg('out');
  if (out) writeFileSync(out, schema.ddl);
  else process.stdout.write(schema.ddl);
  if (argv.includes('--stats')) process.stderr.write(JSON.stringify(stats(schema)) + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) cli(process.argv.slice(2));
