/**
 * Identity differences, repaired where PostgreSQL can:
 * - ALWAYS <-> BY DEFAULT: `SET GENERATED`;
 * - a serial (or plain) column declared as identity: the default dropped and
 *   `ADD GENERATED ... AS IDENTITY` starting after the values already used;
 * - an identity column declared as serial: in one DO block (one transaction, so
 *   inserts never see the column without a generator) the identity dropped, the
 *   declared sequence created, owned by the column, set past the values used,
 *   and the column's default set to it.
 */
import type { Change } from '../diff/changes.js';
import type { QualifiedName, Sequence } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { displayName } from '../render/model-text.js';
import { ident, literal, qualified } from '../render/quote.js';
import { built, statement, type BuildContext, type Built } from './build-context.js';
import { sequenceSql } from './build-objects.js';
import { dollarQuote, needed, regclass } from './sql.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;
const show = (q: QualifiedName): string => displayName(q.schema, q.name);

const CODE = { always: 'a', 'by-default': 'd' } as const;
const GENERATED = { always: 'ALWAYS', 'by-default': 'BY DEFAULT' } as const;

function identityIs(t: QualifiedName, column: string, identity: 'always' | 'by-default' | null): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(t)} AND attname = ${literal(column)} AND NOT attisdropped AND attidentity = ${literal(identity ? CODE[identity] : '')})`;
}

/** The declared sequence a serial column's default uses, when the plan creates it (live identity -> declared serial). */
export function serialSequenceFor(changes: readonly Change[], t: QualifiedName, column: string): Sequence | null {
  for (const c of changes) {
    if (c.kind === 'missing-sequence' && c.sequence.ownedBy && qualifiedKey(c.sequence.ownedBy.table) === qualifiedKey(t) && c.sequence.ownedBy.column === column) return c.sequence;
  }
  return null;
}

/** A missing sequence that the identity repair of its column creates itself. */
export function createdByIdentityRepair(c: Of<'missing-sequence'>, changes: readonly Change[]): boolean {
  const owner = c.sequence.ownedBy;
  if (!owner) return false;
  return changes.some((x) => x.kind === 'identity-differs' && x.live.identity !== null && x.declared.identity === null && qualifiedKey(x.table) === qualifiedKey(owner.table) && x.column === owner.column);
}

export function identityDiffers(c: Of<'identity-differs'>, ctx: BuildContext): Built {
  const t = c.table;
  const col = ident(c.column);
  const where = `${show(t)}.${c.column}`;
  const { identity: want } = c.declared;
  const { identity: have } = c.live;
  if (want && have) {
    return built([
      statement(c, {
        phase: 'fixes',
        description: `make ${where} GENERATED ${GENERATED[want]} AS IDENTITY (was ${GENERATED[have]})`,
        sql: `ALTER TABLE ${qualified(t)} ALTER COLUMN ${col} SET GENERATED ${GENERATED[want]}`,
        guard: needed(identityIs(t, c.column, have)),
        lockLevel: 'ACCESS EXCLUSIVE',
        locks: [t],
      }),
    ]);
  }
  if (want) {
    // Start after every value already in the column and after the old sequence, if the default used one.
    const seq = /^nextval\('(.+)'::regclass\)$/.exec(c.live.default ?? '')?.[1];
    const fromSeq = seq ? ` v := greatest(v, coalesce(pg_catalog.pg_sequence_last_value(${literal(seq.replace(/''/g, "'"))}::regclass), 0) + 1);` : '';
    const body =
      ` DECLARE v bigint; BEGIN SELECT coalesce(max(${col}), 0) + 1 INTO v FROM ${qualified(t)};${fromSeq}` +
      ` EXECUTE pg_catalog.format(${literal(`ALTER TABLE ${qualified(t)} ALTER COLUMN ${col} DROP DEFAULT, ALTER COLUMN ${col} ADD GENERATED ${GENERATED[want]} AS IDENTITY (START WITH %s)`)}, v); END `;
    return built([
      statement(c, {
        phase: 'fixes',
        description: `make ${where} GENERATED ${GENERATED[want]} AS IDENTITY, starting after the values it holds`,
        sql: `DO ${dollarQuote(body)}`,
        guard: needed(identityIs(t, c.column, null)),
        lockLevel: 'ACCESS EXCLUSIVE',
        locks: [t],
      }),
    ]);
  }
  // Declared without identity: a serial's sequence, or no generator at all.
  const seq = serialSequenceFor(ctx.changes, t, c.column);
  const steps = [`ALTER TABLE ${qualified(t)} ALTER COLUMN ${col} DROP IDENTITY IF EXISTS;`];
  if (seq) {
    steps.push(`${sequenceSql(seq)};`, `ALTER SEQUENCE ${qualified(seq)} OWNED BY ${qualified(t)}.${col};`);
    steps.push(`PERFORM pg_catalog.setval(${literal(qualified(seq))}::regclass, coalesce((SELECT max(${col}) FROM ${qualified(t)}), 0) + 1, false);`);
  }
  if (c.declared.default !== null) steps.push(`ALTER TABLE ${qualified(t)} ALTER COLUMN ${col} SET DEFAULT ${c.declared.default};`);
  return built([
    statement(c, {
      phase: 'fixes',
      description: seq
        ? `make ${where} a serial on ${show(seq)} (was GENERATED ${GENERATED[have ?? 'by-default']} AS IDENTITY), continuing after the values it holds`
        : `drop identity of ${where}`,
      sql: `DO ${dollarQuote(` BEGIN ${steps.join(' ')} END `)}`,
      guard: needed(`NOT ${identityIs(t, c.column, null)}`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: seq ? [t] : [t],
    }),
  ]);
}
