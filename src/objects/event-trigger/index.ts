/**
 * Event triggers: compared by event, function, tags and enabled state. A missing
 * one is created (after the function it runs), its state set with `ALTER EVENT
 * TRIGGER … ENABLE/DISABLE`; one that differs is dropped and created in one
 * transaction (nothing is lost: an event trigger holds no rows). Creating one
 * needs a superuser. They are made last, after the drops: made earlier, they
 * would run on the repair's own DDL. An extra live one is kept and shown: it runs on every DDL
 * command, the repair's own included.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asEnabledState, asString, asStrings, atomically, displayName, ENABLE_WORDS, ENABLED_LABEL, needed, notExtensionMember, objectKey, showName, textArray } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { EventTriggerObject } from './model.js';

export type { EventTriggerObject } from './model.js';

const sortedTags = (tags: string): string => `ARRAY(SELECT x FROM unnest(coalesce(${tags}, '{}'::text[])) x ORDER BY x COLLATE "C")`;

const SQL = `
SELECT e.evtname AS name, e.evtevent AS event, fn.nspname AS function_schema, f.proname AS function,
       ${sortedTags('e.evttags')} AS tags, e.evtenabled AS enabled
FROM pg_event_trigger e
JOIN pg_proc f ON f.oid = e.evtfoid
JOIN pg_namespace fn ON fn.oid = f.pronamespace
WHERE ${notExtensionMember('pg_event_trigger', 'e')}
  -- Database-wide: every event trigger, whatever schemas are read ($1 is taken as every kind's query takes it).
  AND $1::text[] IS NOT NULL`;

const show = (e: EventTriggerObject): string => `event trigger ${showName(e.name)}`;
const fn = (e: EventTriggerObject): string => qualified({ schema: e.functionSchema, name: e.function });
const tagsOf = (e: EventTriggerObject): string => (e.tags.length ? ` WHEN TAG IN (${e.tags.map(literal).join(', ')})` : '');
const createSql = (e: EventTriggerObject): string => `CREATE EVENT TRIGGER ${ident(e.name)} ON ${ident(e.event)}${tagsOf(e)} EXECUTE FUNCTION ${fn(e)}()`;
const enableSql = (e: EventTriggerObject): string => `ALTER EVENT TRIGGER ${ident(e.name)} ${ENABLE_WORDS[e.enabled]}`;

const exists = (e: EventTriggerObject, condition?: string): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_event_trigger e WHERE e.evtname = ${literal(e.name)}${condition ? ` AND ${condition}` : ''})`;
const definitionMatches = (e: EventTriggerObject): string =>
  exists(e, `e.evtevent = ${literal(e.event)} AND e.evtfoid = pg_catalog.to_regprocedure(${literal(`${fn(e)}()`)}) AND ${sortedTags('e.evttags')} = ${textArray(e.tags)}`);

const statement = (e: EventTriggerObject, description: string, sql: string, guard: string): ObjectStatement => ({
  phase: 'event-triggers',
  description,
  sql,
  guard: needed(guard),
  lockLevel: 'none',
});

const enableStatement = (e: EventTriggerObject): ObjectStatement =>
  statement(e, `set ${show(e)} ${ENABLED_LABEL[e.enabled]}`, enableSql(e), exists(e, `e.evtenabled <> ${literal(e.enabled)}`));

export const eventTriggerKind: ObjectKindDef<EventTriggerObject> = {
  kind: 'event-trigger',
  noun: 'event trigger',
  securityRelevant: true,
  extraRisk: (e) => `it runs ${displayName(e.functionSchema, e.function)}() on ${e.tags.length ? e.tags.join(', ') : 'every command'} (${e.event}), the repair's own DDL included`,
  sql: () => SQL,
  fromRow: (r) => ({
    kind: 'event-trigger',
    name: asString(r['name']),
    event: asString(r['event']),
    functionSchema: asString(r['function_schema']),
    function: asString(r['function']),
    tags: asStrings(r['tags']),
    enabled: asEnabledState(r['enabled']),
  }),
  identity: (e) => [e.name],
  table: () => null,
  display: show,
  dependsOn: (e) => [objectKey('function', [e.functionSchema, e.function, ''])],
  differs: (d, l) => [
    ...(d.event !== l.event || d.functionSchema !== l.functionSchema || d.function !== l.function || d.tags.join('\0') !== l.tags.join('\0') ? ['definition'] : []),
    ...(d.enabled !== l.enabled ? ['enabled'] : []),
  ],
  create: (e) => [statement(e, `create ${show(e)}`, createSql(e), `NOT ${exists(e)}`), ...(e.enabled === 'O' ? [] : [enableStatement(e)])],
  repair: (d, l, aspects) => [
    ...(aspects.includes('definition') ? [statement(d, `drop and create ${show(d)} (live: ${createSql(l)})`, atomically([`DROP EVENT TRIGGER ${ident(l.name)}`, createSql(d)]), `NOT ${definitionMatches(d)}`)] : []),
    // A created trigger is enabled: set the state after it whenever it is not the default.
    ...(aspects.includes('enabled') || (aspects.includes('definition') && d.enabled !== 'O') ? [enableStatement(d)] : []),
  ],
  text: (e) => `${createSql(e)};${e.enabled === 'O' ? '' : `\n${enableSql(e)};`}`,
  drop: (e) => `DROP EVENT TRIGGER ${ident(e.name)}`,
  present: (e) => `(${definitionMatches(e)} AND ${exists(e, `e.evtenabled = ${literal(e.enabled)}`)})`,
};
