/**
 * A generated case as SQL: the schema DDL (run on both sides), rows that respect
 * every constraint (live side only), printed in full when a case fails.
 */
import { isKeyable } from './generate.js';
import { lit, q, qn } from './quote.js';
import type { CaseSpec, ColSpec, FkSpec, IndexSpec, KeySpec, TableSpec } from './spec.js';

function columnSql(c: ColSpec): string {
  let s = `${q(c.name)} ${c.sqlType}`;
  if (c.generated) s += ` GENERATED ALWAYS AS (${c.generated.expression}) ${c.generated.kind.toUpperCase()}`;
  if (c.identity) s += ` GENERATED ${c.identity.toUpperCase()} AS IDENTITY`;
  if (c.default !== null) s += ` DEFAULT ${c.default}`;
  if (c.notNull && !c.serial && !c.identity) s += ' NOT NULL';
  return s;
}

const timing = (k: { deferrable: boolean; initiallyDeferred: boolean }): string =>
  k.deferrable ? (k.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE') : '';

const cols = (names: readonly string[]): string => names.map(q).join(', ');

function keySql(kind: 'PRIMARY KEY' | 'UNIQUE', k: KeySpec): string {
  return `CONSTRAINT ${q(k.name)} ${kind}${k.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${cols(k.columns)})${timing(k)}`;
}

export function fkSql(t: TableSpec, fk: FkSpec): string {
  const setCols = fk.setColumns.length > 0 ? ` (${cols(fk.setColumns)})` : '';
  return (
    `ALTER TABLE ${qn(t)} ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY (${cols(fk.columns)}) REFERENCES ${qn(fk.target)} (${cols(fk.targetColumns)})` +
    ` MATCH ${fk.match} ON DELETE ${fk.onDelete}${setCols} ON UPDATE ${fk.onUpdate}${timing(fk)};`
  );
}

export function schemaDdl(spec: CaseSpec): string {
  const out: string[] = [];
  for (const s of spec.schemas) out.push(`CREATE SCHEMA ${q(s)};`);
  for (const e of spec.enums) out.push(`CREATE TYPE ${qn(e)} AS ENUM (${e.labels.map(lit).join(', ')});`);
  for (const t of spec.tables) {
    if (t.partitionOf) {
      out.push(`CREATE TABLE ${qn(t)} PARTITION OF ${qn(t.partitionOf.parent)} FOR VALUES ${t.partitionOf.bound};`);
      continue;
    }
    const items = [
      ...t.columns.map(columnSql),
      ...(t.pk ? [keySql('PRIMARY KEY', t.pk)] : []),
      ...t.checks.map((c) => `CONSTRAINT ${q(c.name)} CHECK (${c.expression})`),
    ];
    const by = t.partitioning ? ` PARTITION BY ${t.partitioning.strategy} (${q(t.partitioning.key)})` : '';
    out.push(`CREATE TABLE ${qn(t)} (\n  ${items.join(',\n  ')}\n)${by};`);
  }
  // Apart from CREATE TABLE, which silently drops a UNIQUE that duplicates the primary key or another UNIQUE.
  for (const t of spec.tables) for (const u of t.uniques) out.push(`ALTER TABLE ${qn(t)} ADD ${keySql('UNIQUE', u)};`);
  const indexSql = (t: TableSpec, ix: IndexSpec): string => `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${q(ix.name)} ON ${qn(t)} ${ix.body};`;
  // Unique indexes that foreign keys reference come before the foreign keys.
  for (const t of spec.tables) for (const ix of t.indexes) if (ix.fkTarget) out.push(indexSql(t, ix));
  for (const t of spec.tables) for (const fk of t.fks) out.push(fkSql(t, fk));
  for (const t of spec.tables) for (const ix of t.indexes) if (!ix.fkTarget) out.push(indexSql(t, ix));
  return out.join('\n') + '\n';
}
/** mulberry32: small, fast, seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'b', 'Z', ' ', "'", '"', '\\', ';', '-', '\n', 'é', 'ß', '👍', '\u202e', '\u0301', '$', '%', '_'];

function text(r: () => number, min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min + 1));
  const chars: string[] = [];
  for (let i = 0; i < n; i++) chars.push(ALPHABET[Math.floor(r() * ALPHABET.length)] ?? 'a');
  // Never blank (checks say <> ''), and char(n) trims trailing spaces: start with a letter.
  chars[0] = 'v';
  return chars.join('');
}

const ri = (r: () => number, max: number): number => Math.floor(r() * (max + 1));

/** A value that differs for every row index (keys and unique columns). */
function injective(c: ColSpec, i: number, base: number): string {
  const n = base + i;
  switch (c.kind) {
    case 'integer':
    case 'smallint':
    case 'numeric':
      return String(n);
    case 'bigint':
      return String(10_000_000_000 + n);
    case 'text':
      return lit(`k${n};'"\\ é`);
    case 'varchar':
      return lit(`k${n}'x`);
    case 'uuid':
      return lit(`00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`);
    case 'date':
      return `(date '2000-01-01' + ${n})`;
    case 'timestamptz':
      return `(timestamptz '2000-01-01 00:00:00+00' + interval '${n} minutes')`;
    default:
      throw new Error(`not a key type: ${c.kind}`);
  }
}

function randomValue(c: ColSpec, r: () => number, spec: CaseSpec): string {
  switch (c.kind) {
    case 'integer':
      return String(ri(r, 100_000));
    case 'smallint':
      return String(ri(r, 30_000));
    case 'bigint':
      return String(ri(r, 1_000_000_000) * 1000);
    case 'numeric': {
      const intDigits = (c.precision ?? 10) - (c.scale ?? 0);
      return `${ri(r, Math.min(10 ** intDigits - 1, 99_999))}.25`;
    }
    case 'text':
      return lit(text(r, 1, 20));
    case 'varchar':
    case 'char':
      return lit(text(r, 1, Math.min(c.length ?? 1, 20)));
    case 'boolean':
      return r() < 0.5 ? 'true' : 'false';
    case 'timestamptz':
      return lit(`20${String(10 + ri(r, 15))}-0${1 + ri(r, 8)}-1${ri(r, 8)} 0${ri(r, 9)}:3${ri(r, 9)}:00+0${ri(r, 5)}`);
    case 'timestamp':
      return lit(`20${String(10 + ri(r, 15))}-0${1 + ri(r, 8)}-1${ri(r, 8)} 1${ri(r, 9)}:00:00`);
    case 'date':
      return lit(`19${String(50 + ri(r, 49))}-1${ri(r, 2)}-2${ri(r, 8)}`);
    case 'time':
      return lit(`1${ri(r, 9)}:2${ri(r, 9)}:00`);
    case 'interval':
      return lit(`${ri(r, 100)} hours`);
    case 'jsonb':
      return `${lit(JSON.stringify({ k: ri(r, 9), s: text(r, 0, 6) }))}::jsonb`;
    case 'uuid':
      return lit(
        Array.from({ length: 32 }, () => '0123456789abcdef'[ri(r, 15)])
          .join('')
          .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
      );
    case 'bytea':
      return lit(`\\x${Array.from({ length: 1 + ri(r, 6) }, () => ri(r, 255).toString(16).padStart(2, '0')).join('')}`);
    case 'float8':
    case 'real':
      return `${ri(r, 10_000)}.5`;
    case 'inet':
      return lit(`10.${ri(r, 255)}.${ri(r, 255)}.${ri(r, 255)}`);
    case 'int[]':
      return `ARRAY[${Array.from({ length: ri(r, 3) }, () => ri(r, 99)).join(', ')}]::integer[]`;
    case 'text[]':
      return `ARRAY[${Array.from({ length: 1 + ri(r, 2) }, () => lit(text(r, 1, 5))).join(', ')}]::text[]`;
    case 'enum':
    case 'enum[]': {
      const e = spec.enums.find((x) => x.schema === c.enumRef?.schema && x.name === c.enumRef?.name);
      const label = lit(e?.labels[ri(r, (e?.labels.length ?? 1) - 1)] ?? '');
      return c.kind === 'enum' ? label : `ARRAY[${label}]::${c.sqlType}`;
    }
  }
}

/** Columns that hold a key (primary key, unique constraint, unique index): distinct and never null. */
export function keyColumns(t: TableSpec): Set<string> {
  const out = new Set<string>();
  for (const k of [...(t.pk ? [t.pk] : []), ...t.uniques]) for (const c of k.columns) out.add(c);
  for (const ix of t.indexes) if (ix.unique) for (const c of ix.deps) out.add(c);
  return out;
}

/** A value of the partition key that falls in one of the partitions (round robin). */
function partitionKeyValue(spec: CaseSpec, t: TableSpec, i: number, base: number): string {
  const parts = spec.tables.filter((p) => p.partitionOf && p.partitionOf.parent.schema === t.schema && p.partitionOf.parent.name === t.name);
  const part = parts[i % parts.length];
  if (!part?.partitionOf) throw new Error('a partitioned table without partitions');
  const v = part.partitionOf.values;
  if (t.partitioning?.strategy === 'RANGE') return String(Number(v[0]) + ((base + i * 7) % 100));
  return lit(v[(base + i) % v.length] ?? '');
}

/** INSERTs for every table, then UPDATEs that point foreign key columns at existing rows. */
export function dataSql(spec: CaseSpec): string {
  const r = prng(spec.dataSeed);
  const out: string[] = [];
  for (const t of spec.tables) {
    if (t.rows === 0) continue;
    const keys = keyColumns(t);
    const insertable = t.columns.filter((c) => !c.generated && c.identity !== 'always' && !c.serial && !c.fkColumn);
    const base = ri(r, 1000);
    const rows: string[] = [];
    for (let i = 0; i < t.rows; i++) {
      const values = insertable.map((c) => {
        if (t.partitioning && c.name === t.partitioning.key) return partitionKeyValue(spec, t, i, base);
        if (keys.has(c.name) && isKeyable(c)) return injective(c, i, base);
        if (c.identity === 'by default') return String(base + i);
        if (!c.notNull && r() < 0.25) return 'NULL';
        if (c.default !== null && r() < 0.2) return 'DEFAULT';
        return randomValue(c, r, spec);
      });
      rows.push(`(${values.join(', ')})`);
    }
    out.push(
      insertable.length > 0
        ? `INSERT INTO ${qn(t)} (${cols(insertable.map((c) => c.name))}) VALUES\n  ${rows.join(',\n  ')};`
        : `INSERT INTO ${qn(t)} SELECT FROM generate_series(1, ${t.rows});`,
    );
  }
  for (const t of spec.tables) {
    for (const fk of t.fks) {
      const target = spec.tables.find((x) => x.schema === fk.target.schema && x.name === fk.target.name);
      if (t.rows === 0 || !target || target.rows === 0) continue;
      const seed = ri(r, 1000);
      const pcols = fk.targetColumns.map((c, i) => `${q(c)} AS k${i}`).join(', ');
      const order = cols(fk.targetColumns);
      const sets = fk.columns.map((c, i) => `${q(c)} = __p.k${i}`).join(', ');
      out.push(
        `WITH __p AS (SELECT ${pcols}, row_number() OVER (ORDER BY ${order}) - 1 AS rn, count(*) OVER () AS n FROM ${qn(target)}),\n` +
          `     __c AS (SELECT ctid AS id, row_number() OVER (ORDER BY ctid) - 1 AS rn FROM ${qn(t)})\n` +
          `UPDATE ${qn(t)} SET ${sets} FROM __c JOIN __p ON __p.rn = (__c.rn * 7 + ${seed}) % __p.n\n` +
          `WHERE ${qn(t)}.ctid = __c.id AND (__c.rn + ${seed}) % 4 <> 0;`,
      );
    }
  }
  return out.join('\n') + (out.length > 0 ? '\n' : '');
}
