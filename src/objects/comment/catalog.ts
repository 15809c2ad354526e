/**
 * The catalog query of the comment kind: one SELECT per catalog a comment can be on
 * (pg_description joined to it), as rows `on, schema, name, sub, text, depends_on`.
 * `name` is the relation (table, view, ... and the table of a column, index,
 * constraint, trigger or policy), function, type, domain, or '' for a schema; `sub`
 * the column, identity arguments, index, constraint, trigger or policy name, or ''.
 * `depends_on`: the registry keys of the object the comment is on (a function, a
 * trigger, a policy, a domain, a composite or range type, a materialized view's index).
 */
import { keySql, notExtensionMember } from '../sql.js';

const RELKIND = `CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' END`;

const RELATIONS = `
SELECT CASE WHEN d.objsubid = 0 THEN ${RELKIND} ELSE 'column' END AS "on", n.nspname AS schema, c.relname AS name,
       CASE WHEN d.objsubid = 0 THEN '' ELSE a.attname::text END AS sub, d.description AS text, ARRAY[]::text[] AS depends_on
FROM pg_description d
JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND (d.objsubid = 0 OR NOT a.attisdropped)
  AND ${notExtensionMember('pg_class', 'c')}`;

const FUNCTIONS = `
SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname, oidvectortypes(p.proargtypes), d.description,
       ARRAY[${keySql('function', ['n.nspname', 'p.proname', 'oidvectortypes(p.proargtypes)'])}]
FROM pg_description d
JOIN pg_proc p ON d.classoid = 'pg_proc'::regclass AND p.oid = d.objoid
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = ANY($1) AND p.prokind IN ('f', 'p') AND ${notExtensionMember('pg_proc', 'p')}`;

/** Domains, enums, stand-alone composite types (their pg_type row; relkind 'c') and range types. */
const TYPES = `
SELECT 'type', n.nspname, t.typname, '', d.description,
       CASE t.typtype WHEN 'd' THEN ARRAY[${keySql('domain', ['n.nspname', 't.typname'])}]
                      WHEN 'c' THEN ARRAY[${keySql('composite-type', ['n.nspname', 't.typname'])}]
                      WHEN 'r' THEN ARRAY[${keySql('range-type', ['n.nspname', 't.typname'])}]
                      ELSE ARRAY[]::text[] END
FROM pg_description d
JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND t.oid = d.objoid
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_class rc ON rc.oid = t.typrelid
WHERE n.nspname = ANY($1) AND (t.typtype IN ('d', 'e', 'r') OR (t.typtype = 'c' AND rc.relkind = 'c'))
  AND ${notExtensionMember('pg_type', 't')}`;

/** Schemas; the comment every database's `public` is created with is no comment of the user's. */
const SCHEMAS = `
SELECT 'schema', n.nspname, '', '', d.description, ARRAY[]::text[]
FROM pg_description d
JOIN pg_namespace n ON d.classoid = 'pg_namespace'::regclass AND n.oid = d.objoid AND d.objsubid = 0
WHERE n.nspname = ANY($1) AND NOT (n.nspname = 'public' AND d.description = 'standard public schema')
  AND ${notExtensionMember('pg_namespace', 'n')}`;

/** Indexes of tables, partitioned tables and materialized views (the registry's view-index on those). */
const INDEXES = `
SELECT 'index', n.nspname, c.relname, i.relname, d.description,
       CASE WHEN c.relkind = 'm' THEN ARRAY[${keySql('view-index', ['n.nspname', 'i.relname'])}, ${keySql('view', ['n.nspname', 'c.relname'])}] ELSE ARRAY[]::text[] END
FROM pg_description d
JOIN pg_class i ON d.classoid = 'pg_class'::regclass AND i.oid = d.objoid AND d.objsubid = 0
JOIN pg_index x ON x.indexrelid = i.oid
JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = i.relnamespace
WHERE n.nspname = ANY($1) AND i.relkind IN ('i', 'I')
  AND ${notExtensionMember('pg_class', 'i')} AND ${notExtensionMember('pg_class', 'c')}`;

/**
 * Constraints of tables (`CONSTRAINT name ON table`) and of domains (`CONSTRAINT name ON DOMAIN d`).
 * NOT NULL constraints (catalogued from PostgreSQL 18 on) are left out: PostgreSQL 14 to 17 hold no
 * object to comment on, so such a comment could be declared in one and never set in the other.
 */
const CONSTRAINTS = `
SELECT 'constraint', n.nspname, c.relname, k.conname, d.description, ARRAY[]::text[]
FROM pg_description d
JOIN pg_constraint k ON d.classoid = 'pg_constraint'::regclass AND k.oid = d.objoid
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE k.conrelid <> 0 AND k.contype <> 'n' AND n.nspname = ANY($1) AND ${notExtensionMember('pg_class', 'c')}
UNION ALL
SELECT 'domain constraint', n.nspname, t.typname, k.conname, d.description, ARRAY[${keySql('domain', ['n.nspname', 't.typname'])}]
FROM pg_description d
JOIN pg_constraint k ON d.classoid = 'pg_constraint'::regclass AND k.oid = d.objoid
JOIN pg_type t ON t.oid = k.contypid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE k.contypid <> 0 AND k.contype <> 'n' AND n.nspname = ANY($1) AND ${notExtensionMember('pg_type', 't')}`;

/** Triggers (not the internal ones of foreign keys) and policies, as the trigger and policy kinds key them. */
const TRIGGERS_AND_POLICIES = `
SELECT 'trigger', n.nspname, c.relname, g.tgname, d.description,
       ARRAY[${keySql('trigger', ['n.nspname', 'c.relname', 'g.tgname'])}]
         || CASE WHEN c.relkind = 'v' THEN ARRAY[${keySql('view', ['n.nspname', 'c.relname'])}] ELSE ARRAY[]::text[] END
FROM pg_description d
JOIN pg_trigger g ON d.classoid = 'pg_trigger'::regclass AND g.oid = d.objoid
JOIN pg_class c ON c.oid = g.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT g.tgisinternal AND n.nspname = ANY($1) AND ${notExtensionMember('pg_class', 'c')}
UNION ALL
SELECT 'policy', n.nspname, c.relname, p.polname, d.description, ARRAY[${keySql('policy', ['n.nspname', 'c.relname', 'p.polname'])}]
FROM pg_description d
JOIN pg_policy p ON d.classoid = 'pg_policy'::regclass AND p.oid = d.objoid
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1) AND ${notExtensionMember('pg_class', 'c')}`;

export const COMMENTS_SQL = [RELATIONS, FUNCTIONS, TYPES, SCHEMAS, INDEXES, CONSTRAINTS, TRIGGERS_AND_POLICIES].join('\nUNION ALL');
