/**
 * Statements for objects that exist but differ: nullability, defaults,
 * foreign key behaviour, index structure, names.
 */
import type { Change } from '../diff/changes.js';
import type { Index, QualifiedName } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { createIndexSql, foreignKeyClause } from '../render/ddl.js';
import { displayName } from '../render/model-text.js';
import { replicaIdentityIs } from '../objects/replica-identity/index.js';
import { ident, qualified, storageParameterChange, storageParameters } from '../render/quote.js';
import { countFirst, validateForeignKey } from './build-constraints.js';
import { dropPrimaryKeyFor } from './build-keys.js';
import { built, holdsRows, statement, type BuildContext, type Built } from './build-context.js';
import type { Hazard, Statement } from './types.js';
import { columnNullable, constraintExists, derivedName, failIfRows, foreignKeyMatches, indexExists, indexMatches, indexStorageMatches, needed } from './sql.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;
const show = (q: QualifiedName): string => displayName(q.schema, q.name);

/** NOT NULL without a long lock: a NOT VALID check, validated, lets SET NOT NULL skip its scan. */
export function nullabilityDiffers(c: Of<'nullability-differs'>, ctx: BuildContext): Built {
  const t = c.table;
  const col = ident(c.column);
  const where = `${show(t)}.${c.column}`;
  if (!c.declaredNotNull) {
    const drop = { description: `drop NOT NULL on ${where}`, sql: `ALTER TABLE ${qualified(t)} ALTER COLUMN ${col} DROP NOT NULL`, lockLevel: 'ACCESS EXCLUSIVE' as const, locks: [t] };
    if (!c.inLivePrimaryKey) return built([statement(c, { phase: 'fixes', ...drop })]);
    // PostgreSQL keeps NOT NULL on primary key columns: only after the key is replaced or dropped.
    const tk = qualifiedKey(t);
    if (ctx.primaryKeyReplaced.has(tk)) return built([statement(c, { phase: 'constraints', ...drop, guard: needed(`NOT ${columnNullable(t, c.column)}`) })]);
    if (ctx.primaryKeyDropped.has(tk)) {
      const { hazard } = dropPrimaryKeyFor(c, t, c.inLivePrimaryKey, [c.column]);
      return built([statement(c, { phase: 'constraints', ...drop, guard: needed(`NOT ${columnNullable(t, c.column)}`), hazards: [hazard] })]);
    }
    return built([], [
      { level: 'warning', message: `${where} is declared nullable but belongs to the live primary key ${c.inLivePrimaryKey}, which stays: PostgreSQL keeps primary key columns NOT NULL (not attempted)`, source: c },
    ]);
  }
  const setNotNull = statement(c, {
    phase: 'fixes',
    description: `set NOT NULL on ${where}`,
    sql: `ALTER TABLE ${qualified(t)} ALTER COLUMN ${col} SET NOT NULL`,
    guard: needed(columnNullable(t, c.column)),
    lockLevel: 'ACCESS EXCLUSIVE',
    locks: [t],
  });
  if (!holdsRows(ctx, t)) return built([setNotNull]);
  const check = derivedName(c.column, '_reconcile_not_null');
  return built([
    statement(c, {
      phase: 'fixes',
      description: `check ${where} for NULLs`,
      sql: failIfRows({
        from: qualified(t),
        where: `${col} IS NULL`,
        message: `${where} cannot be set NOT NULL: it holds NULLs`,
        hint: `backfill them (UPDATE ${qualified(t)} SET ${col} = ... WHERE ${col} IS NULL), then run again`,
      }),
      guard: needed(columnNullable(t, c.column)),
      lockLevel: 'ACCESS SHARE',
      locks: [t],
      duration: 'long',
    }),
    statement(c, {
      phase: 'fixes',
      description: `add check ${check} (NOT VALID) on ${show(t)}`,
      sql: `ALTER TABLE ${qualified(t)} ADD CONSTRAINT ${ident(check)} CHECK (${col} IS NOT NULL) NOT VALID`,
      guard: needed(`${columnNullable(t, c.column)} AND NOT ${constraintExists(t, check)}`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [t],
    }),
    statement(c, {
      phase: 'fixes',
      description: `validate check ${check} on ${show(t)}`,
      sql: `ALTER TABLE ${qualified(t)} VALIDATE CONSTRAINT ${ident(check)}`,
      guard: needed(constraintExists(t, check)),
      lockLevel: 'SHARE UPDATE EXCLUSIVE',
      locks: [t],
      duration: 'long',
    }),
    setNotNull,
    statement(c, {
      phase: 'fixes',
      description: `drop helper check ${check} on ${show(t)}`,
      sql: `ALTER TABLE ${qualified(t)} DROP CONSTRAINT IF EXISTS ${ident(check)}`,
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [t],
    }),
  ]);
}

export function defaultDiffers(c: Of<'default-differs'>): Built {
  const action = c.declared === null ? 'DROP DEFAULT' : `SET DEFAULT ${c.declared}`;
  return built([
    statement(c, {
      phase: 'fixes',
      description: `${c.declared === null ? 'drop' : 'set'} default of ${show(c.table)}.${c.column}`,
      sql: `ALTER TABLE ${qualified(c.table)} ALTER COLUMN ${ident(c.column)} ${action}`,
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [c.table],
    }),
  ]);
}

export function foreignKeyDiffers(c: Of<'foreign-key-differs'>): Built {
  const t = c.table;
  const d = c.declared;
  if (c.aspects.length === 1 && c.aspects[0] === 'deferrability') {
    const timing = d.deferrable ? (d.initiallyDeferred ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE INITIALLY IMMEDIATE') : 'NOT DEFERRABLE';
    return built([
      statement(c, {
        phase: 'fixes',
        description: `make foreign key ${c.live.name} on ${show(t)} ${timing}`,
        sql: `ALTER TABLE ${qualified(t)} ALTER CONSTRAINT ${ident(c.live.name)} ${timing}`,
        guard: needed(`${constraintExists(t, c.live.name)} AND NOT ${foreignKeyMatches(t, d, { name: c.live.name })}`),
        lockLevel: 'ACCESS EXCLUSIVE',
        locks: [t],
      }),
    ]);
  }
  // Actions or MATCH differ: count the rows the declared key refuses, add it beside the old one, validate, drop the old.
  const fresh = c.live.name === d.name ? derivedName(d.name, '_reconciled') : d.name;
  const [count, validate] = validateForeignKey(c, t, d, fresh);
  const steps: Statement[] = [
    // Counted before the ADD (see countFirst): a stop there leaves only the live key.
    ...countFirst(
      statement(c, {
        phase: 'fixes',
        description: `add foreign key ${fresh} on ${show(t)} with the declared ${c.aspects.join(' and ')} (NOT VALID)`,
        sql: `ALTER TABLE ${qualified(t)} ADD ${foreignKeyClause(d, fresh)} NOT VALID`,
        guard: needed(`NOT ${foreignKeyMatches(t, d)}`),
        lockLevel: 'SHARE ROW EXCLUSIVE',
        locks: [t, d.references],
      }),
      [
        { ...count, guard: needed(`NOT ${foreignKeyMatches(t, d, { validated: true })}`) },
        { ...validate, phase: 'fixes', guard: needed(`${constraintExists(t, fresh)} AND NOT ${foreignKeyMatches(t, d, { name: fresh, validated: true })}`) },
      ],
    ),
    statement(c, {
      phase: 'fixes',
      description: `drop the replaced foreign key ${c.live.name} on ${show(t)}`,
      sql: `ALTER TABLE ${qualified(t)} DROP CONSTRAINT IF EXISTS ${ident(c.live.name)}`,
      guard: needed(`${constraintExists(t, c.live.name)} AND NOT ${foreignKeyMatches(t, d, { name: c.live.name })} AND ${foreignKeyMatches(t, d, { validated: true })}`),
      lockLevel: 'SHARE ROW EXCLUSIVE',
      locks: [t, c.live.references],
    }),
  ];
  if (fresh !== d.name) {
    steps.push(
      statement(c, {
        phase: 'fixes',
        description: `rename foreign key ${fresh} to ${d.name} on ${show(t)}`,
        sql: `ALTER TABLE ${qualified(t)} RENAME CONSTRAINT ${ident(fresh)} TO ${ident(d.name)}`,
        guard: needed(`${constraintExists(t, fresh)} AND NOT ${constraintExists(t, d.name)}`),
        lockLevel: 'ACCESS EXCLUSIVE',
        locks: [t],
      }),
    );
  }
  return built(steps);
}

/** Storage parameters whose change PostgreSQL makes under SHARE UPDATE EXCLUSIVE (on the index); the others take ACCESS EXCLUSIVE. */
const SHARE_UPDATE_PARAMETERS = new Set(['fillfactor', 'deduplicate_items']);

/**
 * Only the storage parameters differ: set them in place (`ALTER INDEX ... SET (...)`,
 * `RESET (...)`). A catalog change: it applies to pages written from now on, nothing
 * is rebuilt. A partitioned table's index cannot be altered so (PostgreSQL refuses):
 * that one is rebuilt like any other difference.
 */
function indexStorageDiffers(c: Of<'index-differs'>): Built {
  const t = c.table;
  const { clauses: actions, touched } = storageParameterChange(c.declared.storage, c.live.storage);
  const brief = touched.every((n) => SHARE_UPDATE_PARAMETERS.has(n));
  const liveIndex = { schema: t.schema, name: c.live.name };
  const shown = c.declared.storage.length > 0 ? storageParameters(c.declared.storage) : 'none';
  return built([
    statement(c, {
      phase: 'fixes',
      description: `set storage parameters of index ${c.live.name} on ${show(t)} to ${shown} (pages written from now on; no rebuild)`,
      sql: `ALTER INDEX ${qualified(liveIndex)} ${actions.join(', ')}`,
      guard: needed(`${indexExists(t.schema, c.live.name)} AND NOT ${indexStorageMatches(t.schema, c.live.name, c.declared.storage)}`),
      lockLevel: brief ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE',
      locks: [t],
    }),
  ]);
}

/**
 * An index PostgreSQL can take as a table's replica identity (`REPLICA IDENTITY USING
 * INDEX`): unique, not partial, plain columns only. Whether its columns are NOT NULL is
 * PostgreSQL's to check when the identity is set.
 */
function replicaIdentityCapable(ix: Index): boolean {
  return ix.unique && ix.predicate === null && ix.keys.every((k) => k.column !== null);
}

/** The index with this name on `t` is the table's replica identity (the replica-identity kind's own check). */
const isReplicaIdentity = (t: QualifiedName, name: string): string => replicaIdentityIs({ kind: 'replica-identity', schema: t.schema, name: t.name, identity: 'index', index: name });

/**
 * An index that exists but differs is dropped and built again. When the live index is
 * the table's replica identity (decided where the script runs: its guards read
 * `indisreplident`), dropping it first would leave the table with none, and while a
 * publication publishes updates or deletes every UPDATE and DELETE on it fails. So for
 * a declared index that can be one, when the live catalog showed it as the identity: the
 * declared index is built concurrently under a temporary name, made the replica identity
 * (brief ACCESS EXCLUSIVE), then the old index is dropped and the new one takes the name
 * (the identity follows the index across the rename). When, where the script runs, the
 * live index is no longer the identity these steps are skipped and the
 * index is dropped and built under its name, as always. A declared model that makes a
 * rebuilt index the identity (the live one being another) is set by the replica
 * identity kind, in its phase after the indexes.
 */
/** Only its storage parameters differ: set in place, the index (and its comment) stays. */
export const storageOnly = (c: Of<'index-differs'>): boolean => !c.onPartitioned && c.aspects.length === 1 && c.aspects[0] === 'storage';

export function indexDiffers(c: Of<'index-differs'>): Built {
  if (storageOnly(c)) return indexStorageDiffers(c);
  const t = c.table;
  const hazard = {
    kind: 'replace-index' as const,
    message: `index ${c.live.name} on ${show(t)} differs (${c.aspects.join(', ')}): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends`,
  };
  const liveIndex = qualified({ schema: t.schema, name: c.live.name });
  const differs = `${indexExists(t.schema, c.live.name)} AND NOT ${indexMatches(t, { ...c.declared, name: c.live.name })}`;
  const swap = c.liveReplicaIdentity === true && !c.onPartitioned && replicaIdentityCapable(c.declared) ? replicaIdentitySwap(c, hazard) : [];
  return built([
    ...swap,
    statement(c, {
      phase: 'indexes',
      description: `drop index ${c.live.name} on ${show(t)} (it differs from the model)`,
      // A partitioned table's index cannot be dropped CONCURRENTLY (PostgreSQL refuses).
      sql: c.onPartitioned ? `DROP INDEX IF EXISTS ${liveIndex}` : `DROP INDEX CONCURRENTLY IF EXISTS ${liveIndex}`,
      // Never while it is still the replica identity: the swap above moves the identity first.
      guard: needed(swap.length > 0 ? `${differs} AND NOT ${isReplicaIdentity(t, c.live.name)}` : differs),
      lockLevel: c.onPartitioned ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE',
      locks: [t],
      transactional: c.onPartitioned,
      hazards: [hazard],
    }),
    ...(swap.length > 0 ? [renameSwapped(c, hazard)] : []),
    statement(c, {
      phase: 'indexes',
      description: `create index ${c.declared.name} on ${show(t)}${c.onPartitioned ? ' (a partitioned table: one build, each partition locked against writes while its index builds)' : ' concurrently'}`,
      sql: createIndexSql(t, c.declared, { concurrently: !c.onPartitioned, ifNotExists: true }),
      lockLevel: c.onPartitioned ? 'SHARE' : 'SHARE UPDATE EXCLUSIVE',
      locks: [t],
      transactional: c.onPartitioned,
      duration: 'long',
      hazards: [hazard],
    }),
  ]);
}

/** The temporary name the declared index is built under while the live one is still the replica identity. */
const swapName = (c: Of<'index-differs'>): string => derivedName(c.declared.name, '_reconciled');

/** Build the declared index beside the live replica identity index and move the identity to it (see indexDiffers). */
function replicaIdentitySwap(c: Of<'index-differs'>, hazard: Hazard): Statement[] {
  const t = c.table;
  const fresh = swapName(c);
  const freshIndex = { ...c.declared, name: fresh };
  const dropLeftover = { guard: needed(indexExists(t.schema, fresh, false)), sql: `DROP INDEX CONCURRENTLY IF EXISTS ${qualified({ schema: t.schema, name: fresh })}` };
  const liveIsIdentity = `${indexExists(t.schema, c.live.name)} AND NOT ${indexMatches(t, { ...c.declared, name: c.live.name })} AND ${isReplicaIdentity(t, c.live.name)}`;
  return [
    statement(c, {
      phase: 'indexes',
      description: `drop invalid leftover index ${fresh} on ${show(t)}`,
      ...dropLeftover,
      lockLevel: 'SHARE UPDATE EXCLUSIVE',
      locks: [t],
      transactional: false,
      // Withheld with the replacement it belongs to.
      hazards: [hazard],
    }),
    statement(c, {
      phase: 'indexes',
      description: `create index ${c.declared.name} as ${fresh} on ${show(t)} concurrently, when the live ${c.live.name} is the table's replica identity (it stays until the identity moves)`,
      sql: createIndexSql(t, freshIndex, { concurrently: true, ifNotExists: true }),
      guard: needed(`${liveIsIdentity} AND NOT ${indexExists(t.schema, fresh, true)}`),
      lockLevel: 'SHARE UPDATE EXCLUSIVE',
      locks: [t],
      transactional: false,
      duration: 'long',
      hazards: [hazard],
      cleanup: dropLeftover,
    }),
    statement(c, {
      phase: 'indexes',
      description: `set replica identity USING INDEX ${fresh} of ${show(t)} (it replaces ${c.live.name}, which is dropped next)`,
      sql: `ALTER TABLE ${qualified(t)} REPLICA IDENTITY USING INDEX ${ident(fresh)}`,
      guard: needed(`${indexExists(t.schema, fresh, true)} AND ${indexMatches(t, freshIndex)} AND NOT ${isReplicaIdentity(t, fresh)}`),
      // ALTER TABLE ... REPLICA IDENTITY takes ACCESS EXCLUSIVE (a catalog change; no scan, no rewrite).
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [t],
      hazards: [hazard],
    }),
  ];
}

/** The declared index built under the temporary name takes its name once the old one is gone. */
function renameSwapped(c: Of<'index-differs'>, hazard: Hazard): Statement {
  const t = c.table;
  const fresh = swapName(c);
  return statement(c, {
    phase: 'indexes',
    description: `rename index ${fresh} to ${c.declared.name} on ${show(t)} (the replica identity, now as declared)`,
    sql: `ALTER INDEX ${qualified({ schema: t.schema, name: fresh })} RENAME TO ${ident(c.declared.name)}`,
    guard: needed(`${indexExists(t.schema, fresh, true)} AND ${indexMatches(t, { ...c.declared, name: fresh })} AND NOT ${indexExists(t.schema, c.declared.name)}`),
    lockLevel: 'ACCESS EXCLUSIVE',
    locks: [t],
    hazards: [hazard],
  });
}

/** Renames on the same table and object kind where one's declared name is another's live name (a swap or a chain). */
function renameEntangled(c: Of<'name-differs'>, ctx: BuildContext): boolean {
  return ctx.changes.some(
    (o) => o !== c && o.kind === 'name-differs' && o.objectKind === c.objectKind && qualifiedKey(o.table) === qualifiedKey(c.table) && (o.live === c.declared || o.declared === c.live),
  );
}

export function nameDiffers(c: Of<'name-differs'>, ctx: BuildContext): Built {
  const t = c.table;
  const what = `${c.objectKind} ${c.live} on ${show(t)} matches the declared ${c.declared} by structure`;
  if (!ctx.options.rename) return built([], [{ level: 'info', message: `${what} (name differs; --rename renames it)`, source: c }]);
  const rename = (from: string, to: string): string =>
    c.objectKind === 'index'
      ? `ALTER INDEX ${qualified({ schema: t.schema, name: from })} RENAME TO ${ident(to)}`
      : `ALTER TABLE ${qualified(t)} RENAME CONSTRAINT ${ident(from)} TO ${ident(to)}`;
  const exists = (name: string): string => (c.objectKind === 'index' ? indexExists(t.schema, name) : constraintExists(t, name));
  const step = (phase: 'fixes' | 'keys', from: string, to: string, guard: string, description: string): Statement =>
    statement(c, { phase, description, sql: rename(from, to), guard: needed(guard), lockLevel: 'ACCESS EXCLUSIVE', locks: [t] });
  if (!renameEntangled(c, ctx)) {
    return built([step('fixes', c.live, c.declared, `${exists(c.live)} AND NOT ${exists(c.declared)}`, `rename ${c.objectKind} ${c.live} to ${c.declared} on ${show(t)}`)]);
  }
  // Names that swap or chain: every entangled one moves to a temporary name first (guarded by its
  // structure, so a second run leaves the renamed objects alone), then takes its declared name.
  if (!c.index) {
    return built([], [{ level: 'warning', message: `${what}, but the names swap with another ${c.objectKind} of the table: rename them by hand through a temporary name`, source: c }]);
  }
  const parked = derivedName(c.declared, '_reconcile_swap');
  return built([
    step('fixes', c.live, parked, `${exists(c.live)} AND ${indexMatches(t, { ...c.index, name: c.live })} AND NOT ${exists(parked)}`, `move index ${c.live} on ${show(t)} to ${parked} (its declared name ${c.declared} is held by another index being renamed)`),
    step('keys', parked, c.declared, `${exists(parked)} AND NOT ${exists(c.declared)}`, `rename index ${parked} to ${c.declared} on ${show(t)}`),
  ]);
}
