/**
 * A declared schema that uses every hostile name in every role (schema, table,
 * column, primary key, check, foreign key, unique, index, enum type, enum label,
 * string default), and a "partial" live version of it that lacks pieces of every
 * kind on tables that hold rows, so the repair takes every path (new schemas and
 * tables, ADD COLUMN, keys built concurrently and attached, NOT VALID + VALIDATE,
 * concurrent indexes, enum values, defaults).
 */
import { lit, q } from '../property/quote.js';
import { bytes, truncated } from './corpus.js';

/** Names PostgreSQL refuses for a role, or that already exist there. */
const SYSTEM_COLUMNS = new Set(['ctid', 'xmin', 'xmax', 'cmin', 'cmax', 'tableoid']);
export const asSchema = (n: string): boolean => !truncated(n).startsWith('pg_') && !['public', 'information_schema'].includes(truncated(n)) && !n.startsWith('h_');
export const asColumn = (n: string): boolean => !SYSTEM_COLUMNS.has(n) && n !== 'ref';
export const asLabel = (v: string): boolean => bytes(v) <= 63;

export interface HostileSchema {
  readonly declared: string;
  readonly partial: string;
  /** Every (truncated) name, per role, as the model should hold it. */
  readonly expect: {
    readonly schemas: string[];
    readonly tables: string[];
    readonly columns: string[];
    readonly checks: string[];
    readonly foreignKeys: string[];
    readonly uniques: string[];
    readonly indexes: string[];
    readonly enums: string[];
    readonly labels: string[];
    readonly defaults: string[];
  };
}

export function hostileSchema(names: readonly string[], values: readonly string[]): HostileSchema {
  const columnNames = names.filter(asColumn);
  const labels = [...new Set([...values, ...names].filter(asLabel))];
  const common = [
    'CREATE SCHEMA h_tables;',
    'CREATE SCHEMA h_indexes;',
    'CREATE SCHEMA h_uniques;',
    'CREATE SCHEMA h_types;',
    'CREATE SCHEMA h_values;',
  ];
  const declared = [...common];
  const partial = [...common];

  // A schema per name holding a table: missing entirely (odd) or missing its table (even).
  names.filter(asSchema).forEach((n, i) => {
    declared.push(`CREATE SCHEMA ${q(n)};`, `CREATE TABLE ${q(n)}."t" ("c" int);`);
    if (i % 2 === 0) partial.push(`CREATE SCHEMA ${q(n)};`);
  });

  // A table per name: column and check named after it; the live one lacks the key, check and a column, and holds a row.
  for (const n of columnNames) {
    const t = `h_tables.${q(n)}`;
    declared.push(`CREATE TABLE ${t} (${q(n)} int NOT NULL PRIMARY KEY, "ref" int, CONSTRAINT ${q(n)} CHECK (${q(n)} >= 0));`);
    partial.push(`CREATE TABLE ${t} (${q(n)} int NOT NULL);`, `INSERT INTO ${t} VALUES (1);`);
  }

  // One table with a column, an index and a foreign key per name; the live one has the columns and a row only.
  const baseCols = columnNames.map((n) => `${q(n)} int`).join(', ');
  declared.push(`CREATE TABLE h_indexes.base (${baseCols});`);
  partial.push(`CREATE TABLE h_indexes.base (${baseCols});`, `INSERT INTO h_indexes.base VALUES (${columnNames.map(() => '1').join(', ')});`);
  for (const n of columnNames) {
    declared.push(`CREATE INDEX ${q(n)} ON h_indexes.base (${q(n)});`);
    declared.push(`ALTER TABLE h_indexes.base ADD CONSTRAINT ${q(n)} FOREIGN KEY (${q(n)}) REFERENCES h_tables.${q(n)} (${q(n)});`);
  }

  // Unique constraints named after each name, added to a table with a row.
  declared.push(`CREATE TABLE h_uniques.base (${baseCols});`);
  partial.push(`CREATE TABLE h_uniques.base (${baseCols});`, `INSERT INTO h_uniques.base VALUES (${columnNames.map((_, i) => String(i)).join(', ')});`);
  for (const n of columnNames) declared.push(`ALTER TABLE h_uniques.base ADD CONSTRAINT ${q(n)} UNIQUE (${q(n)});`);

  // An enum per name (the live one lacks a label), and one enum whose labels are the hostile values.
  for (const n of names) {
    declared.push(`CREATE TYPE h_types.${q(n)} AS ENUM ('x', 'y');`);
    partial.push(`CREATE TYPE h_types.${q(n)} AS ENUM ('x');`);
  }
  declared.push(`CREATE TYPE h_values."labels" AS ENUM (${labels.map(lit).join(', ')});`);
  partial.push(`CREATE TYPE h_values."labels" AS ENUM (${lit(labels[0] ?? 'x')});`);

  // String defaults: text and enum columns whose defaults are the hostile values (missing on the live side).
  const valueCols = values.map((v, i) => `"v${i}" text DEFAULT ${lit(v)}`);
  const labelCols = labels.map((v, i) => `"e${i}" h_values."labels" DEFAULT ${lit(v)}`);
  declared.push(`CREATE TABLE h_values.vals (${[...valueCols, ...labelCols].join(', ')});`);
  partial.push(
    `CREATE TABLE h_values.vals (${[...values.map((_, i) => `"v${i}" text`), ...labels.map((_, i) => `"e${i}" h_values."labels"`)].join(', ')});`,
    'INSERT INTO h_values.vals DEFAULT VALUES;',
  );

  const tr = (xs: readonly string[]): string[] => xs.map(truncated).sort();
  return {
    declared: declared.join('\n') + '\n',
    partial: partial.join('\n') + '\n',
    expect: {
      schemas: tr(names.filter(asSchema)),
      tables: tr(columnNames),
      columns: tr(columnNames),
      checks: tr(columnNames),
      foreignKeys: tr(columnNames),
      uniques: tr(columnNames),
      indexes: tr(columnNames),
      enums: tr(names),
      labels,
      defaults: [...values],
    },
  };
}
