/**
 * Row-level security policies: command, permissive or restrictive, roles,
 * `USING` and `WITH CHECK` as PostgreSQL prints them. Roles and expressions are
 * changed with `ALTER POLICY`; a different command or mode, or an expression to
 * remove, drops and creates the policy in one step. Extra live policies are kept
 * but shown as warnings: they change who sees which rows.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asNullable, asString, asStrings, atomically, displayName, needed, notExtensionMember, showName, textArray } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { PolicyObject } from './model.js';

export type { PolicyObject } from './model.js';

const COMMAND: Record<string, PolicyObject['command']> = { '*': 'all', r: 'select', a: 'insert', w: 'update', d: 'delete' };
const CODE: Record<PolicyObject['command'], string> = { all: '*', select: 'r', insert: 'a', update: 'w', delete: 'd' };

const rolesSql = (alias: string): string =>
  `ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(${alias}.polroles) AS r(oid) ORDER BY 1)`;

const SQL = `
SELECT n.nspname AS schema, c.relname AS "table", p.polname AS name, p.polcmd AS command, p.polpermissive AS permissive,
       ${rolesSql('p')} AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using_expression,
       pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1)
  AND ${notExtensionMember('pg_class', 'c')}`;

const tableOf = (p: PolicyObject): { schema: string; name: string } => ({ schema: p.schema, name: p.table });
const show = (p: PolicyObject): string => `policy ${showName(p.name)} on ${displayName(p.schema, p.table)}`;
const roleList = (roles: readonly string[]): string => roles.map((r) => (r === 'public' ? 'PUBLIC' : ident(r))).join(', ');

function present(p: PolicyObject): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass(${literal(qualified(tableOf(p)))}) ` +
    `AND p.polname = ${literal(p.name)} AND p.polcmd = ${literal(CODE[p.command])} AND p.polpermissive = ${p.permissive} ` +
    `AND ${rolesSql('p')} = ${textArray(p.roles)} ` +
    `AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM ${p.using === null ? 'NULL' : literal(p.using)} ` +
    `AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM ${p.withCheck === null ? 'NULL' : literal(p.withCheck)})`
  );
}

function createSql(p: PolicyObject): string {
  return (
    `CREATE POLICY ${ident(p.name)} ON ${qualified(tableOf(p))} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command.toUpperCase()} TO ${roleList(p.roles)}` +
    (p.using !== null ? ` USING (${p.using})` : '') +
    (p.withCheck !== null ? ` WITH CHECK (${p.withCheck})` : '')
  );
}

function statement(p: PolicyObject, description: string, sql: string, locks: boolean): ObjectStatement {
  return { phase: 'policies', description, sql, guard: needed(`NOT ${present(p)}`), lockLevel: 'ACCESS EXCLUSIVE', locks: locks ? [tableOf(p)] : [] };
}

export const policyKind: ObjectKindDef<PolicyObject> = {
  kind: 'policy',
  noun: 'policy',
  securityRelevant: true,
  sql: () => SQL,
  fromRow: (r) => ({
    kind: 'policy',
    schema: asString(r['schema']),
    table: asString(r['table']),
    name: asString(r['name']),
    command: COMMAND[asString(r['command'])] ?? 'all',
    permissive: r['permissive'] === true,
    roles: asStrings(r['roles']),
    using: asNullable(r['using_expression']),
    withCheck: asNullable(r['check_expression']),
  }),
  identity: (p) => [p.schema, p.table, p.name],
  table: tableOf,
  display: show,
  dependsOn: () => [],
  roles: (p) => p.roles.filter((r) => r !== 'public'),
  differs: (d, l) => {
    const out: string[] = [];
    if (d.command !== l.command) out.push('command');
    if (d.permissive !== l.permissive) out.push('permissive');
    if (JSON.stringify(d.roles) !== JSON.stringify(l.roles)) out.push('roles');
    if (d.using !== l.using) out.push('using');
    if (d.withCheck !== l.withCheck) out.push('with check');
    return out;
  },
  create: (p) => [statement(p, `create ${show(p)}`, createSql(p), true)],
  repair: (d, l, aspects) => {
    // ALTER POLICY cannot change the command or the mode, nor remove an expression.
    const alterable =
      !aspects.includes('command') && !aspects.includes('permissive') && (d.using !== null || l.using === null) && (d.withCheck !== null || l.withCheck === null);
    if (!alterable) {
      const sql = atomically([`DROP POLICY ${ident(l.name)} ON ${qualified(tableOf(l))}`, createSql(d)]);
      // Its comment goes with the dropped policy: set again after it.
      return [{ ...statement(d, `drop and create ${show(d)} (${aspects.join(', ')} differ)`, sql, true), recreates: true }];
    }
    const parts: string[] = [];
    if (aspects.includes('roles')) parts.push(`TO ${roleList(d.roles)}`);
    if (aspects.includes('using') && d.using !== null) parts.push(`USING (${d.using})`);
    if (aspects.includes('with check') && d.withCheck !== null) parts.push(`WITH CHECK (${d.withCheck})`);
    return [statement(d, `alter ${show(d)} (${aspects.join(', ')})`, `ALTER POLICY ${ident(d.name)} ON ${qualified(tableOf(d))} ${parts.join(' ')}`, true)];
  },
  text: (p) => `${createSql(p)};`,
  drop: (p) => `DROP POLICY ${ident(p.name)} ON ${qualified(tableOf(p))}`,
  present,
};
