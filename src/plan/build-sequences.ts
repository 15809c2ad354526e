/**
 * Sequence options, repaired in place: `ALTER SEQUENCE ... INCREMENT BY ...` for a
 * standalone sequence, `ALTER TABLE ... ALTER COLUMN ... SET INCREMENT BY ...` for
 * an identity column's. Both take a brief lock (SHARE ROW EXCLUSIVE on the sequence;
 * ACCESS EXCLUSIVE on the table for an identity) and are guarded by the options
 * `pg_sequence` holds, so a second run does nothing.
 *
 * Never planned:
 * - RESTART: the sequence keeps its current value, whatever the model says.
 * - START: a declared START that differs from the live one is not a repair (the
 *   sequence is already past its start, and START only matters to a bare RESTART).
 *   It is reported as an info note and left as it is.
 * - Bounds (MINVALUE, MAXVALUE, or a narrower type) that the sequence's START or
 *   its current value (read before planning, see api/type-facts.ts) would fall
 *   outside of: PostgreSQL refuses those, and changing START or the value to fit
 *   could hand out used values. They are withheld with one warning note; the other
 *   options are still repaired.
 */
import type { Change, SequenceAspect } from '../diff/changes.js';
import { sequenceOptionsText } from '../diff/sequences.js';
import type { QualifiedName, Sequence, SequenceOptions } from '../model/types.js';
import { displayName } from '../render/model-text.js';
import { ident, literal, qualified } from '../render/quote.js';
import { built, statement, type BuildContext, type Built } from './build-context.js';
import { columnKey } from './type-facts.js';
import { needed, regclass } from './sql.js';
import type { Note, Statement } from './types.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;
const show = (q: QualifiedName): string => displayName(q.schema, q.name);

/** The numbers come from pg_sequence (int8 text); anything else would not be SQL we may write bare. */
function num(v: string): string {
  if (!/^-?\d+$/.test(v)) throw new Error(`not a sequence number: ${JSON.stringify(v)}`);
  return v;
}

/** The options a statement sets, as SQL words in `ALTER SEQUENCE` syntax (also `SET ...` for identity). */
function optionClauses(o: SequenceOptions, aspects: readonly SequenceAspect[]): string[] {
  const out: string[] = [];
  for (const a of aspects) {
    if (a === 'type') out.push(`AS ${o.type}`);
    if (a === 'increment') out.push(`INCREMENT BY ${num(o.increment)}`);
    if (a === 'min') out.push(`MINVALUE ${num(o.min)}`);
    if (a === 'max') out.push(`MAXVALUE ${num(o.max)}`);
    if (a === 'cache') out.push(`CACHE ${num(o.cache)}`);
    if (a === 'cycle') out.push(o.cycle ? 'CYCLE' : 'NO CYCLE');
  }
  return out;
}

/** `pg_sequence` of the sequence `rel` (an SQL expression giving its OID) holds these options. */
function optionsHeld(rel: string, o: SequenceOptions, aspects: readonly SequenceAspect[]): string {
  const conds = [`s.seqrelid = ${rel}`];
  for (const a of aspects) {
    if (a === 'type') conds.push(`pg_catalog.format_type(s.seqtypid, NULL) = ${literal(o.type)}`);
    if (a === 'increment') conds.push(`s.seqincrement = ${num(o.increment)}`);
    if (a === 'min') conds.push(`s.seqmin = ${num(o.min)}`);
    if (a === 'max') conds.push(`s.seqmax = ${num(o.max)}`);
    if (a === 'cache') conds.push(`s.seqcache = ${num(o.cache)}`);
    if (a === 'cycle') conds.push(o.cycle ? 's.seqcycle' : 'NOT s.seqcycle');
  }
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_sequence s WHERE ${conds.join(' AND ')})`;
}

interface Split {
  /** What the statement sets. */
  readonly apply: SequenceAspect[];
  readonly notes: Note[];
}

/**
 * Which aspects can be repaired. `current` is the sequence's last_value read before
 * planning (undefined: not read). Bounds that only widen are always safe (the
 * value and START lie within the live bounds already).
 */
function split(c: Change, what: string, d: SequenceOptions, l: SequenceOptions, aspects: readonly SequenceAspect[], current: string | undefined): Split {
  const notes: Note[] = [];
  if (aspects.includes('start')) {
    notes.push({
      level: 'info',
      message: `START of ${what} is ${l.start}, declared ${d.start}: not changed (the sequence continues from its current value; START only matters to a RESTART, which is never planned)`,
      source: c,
    });
  }
  let apply = aspects.filter((a) => a !== 'start');
  // Each bound on its own (a new type comes with both): one that narrows must still hold START and the current value.
  const [min, max] = [BigInt(d.min), BigInt(d.max)];
  const typeChange = apply.includes('type');
  const problem = (bound: 'min' | 'max'): string | null => {
    if (!apply.includes(bound) && !typeChange) return null;
    const narrows = bound === 'min' ? min > BigInt(l.min) : max < BigInt(l.max);
    if (!narrows) return null;
    const outside = (v: string): boolean => (bound === 'min' ? BigInt(v) < min : BigInt(v) > max);
    if (outside(l.start)) return `its START ${l.start} is ${bound === 'min' ? 'below' : 'above'} it`;
    if (current === undefined) return 'its current value could not be read';
    if (outside(current)) return `its current value ${current} is ${bound === 'min' ? 'below' : 'above'} it`;
    return null;
  };
  const refused = (['min', 'max'] as const).flatMap((b) => {
    const why = problem(b);
    return why === null ? [] : [{ bound: b, why }];
  });
  if (refused.length > 0) {
    const held: SequenceAspect[] = [...(typeChange ? (['type'] as const) : []), ...refused.map((r) => r.bound)];
    apply = apply.filter((a) => !held.includes(a));
    notes.push({
      level: 'warning',
      message:
        `${what}: ${sequenceOptionsText(d, held)} (live ${sequenceOptionsText(l, held)}) not planned: ` +
        `${refused.map((r) => `${sequenceOptionsText(d, [r.bound])}: ${r.why}`).join('; ')}; ` +
        'changing START or the value to fit could hand out used values, so decide by hand (ALTER SEQUENCE ... RESTART WITH a value past every used one, then run again)',
      source: c,
    });
  }
  return { apply, notes };
}

/** The sequence `rel` is owned by the column (or, for null, by no column): its `pg_depend` auto link. */
function ownerHeld(rel: string, owner: Sequence['ownedBy']): string {
  const link = `SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = ${rel} AND d.deptype = 'a' AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjsubid > 0`;
  if (!owner) return `NOT EXISTS (${link})`;
  const table = regclass(owner.table);
  return `EXISTS (${link} AND d.refobjid = ${table} AND d.refobjsubid = (SELECT a.attnum FROM pg_catalog.pg_attribute a WHERE a.attrelid = ${table} AND a.attname = ${literal(owner.column)}))`;
}

/** `OWNED BY` of an existing sequence: metadata only (it decides what a later DROP of the table takes with it). */
function ownerStatement(c: Of<'sequence-differs'>): Statement {
  const s = c.sequence;
  const owner = c.declared.ownedBy;
  return statement(c, {
    phase: 'fixes',
    description: `set ${sequenceOptionsText(c.declared, ['owned-by'])} on sequence ${show(s)} (was ${sequenceOptionsText(c.live, ['owned-by'])})`,
    sql: `ALTER SEQUENCE ${qualified(s)} OWNED BY ${owner ? `${qualified(owner.table)}.${ident(owner.column)}` : 'NONE'}`,
    guard: needed(`NOT ${ownerHeld(regclass(s), owner)}`),
    lockLevel: 'SHARE ROW EXCLUSIVE',
    locks: [s],
  });
}

export function sequenceDiffers(c: Of<'sequence-differs'>, ctx: BuildContext): Built {
  const s = c.sequence;
  const what = `sequence ${show(s)}`;
  const owner = c.aspects.includes('owned-by') ? [ownerStatement(c)] : [];
  const options = c.aspects.filter((a) => a !== 'owned-by');
  const { apply, notes } = split(c, what, c.declared, c.live, options, ctx.typeFacts?.sequenceValues?.get(sequenceFactKey(c)));
  // A new type sets its own default bounds unless they are given: always give them with it.
  const sets = apply.includes('type') ? [...new Set<SequenceAspect>([...apply, 'min', 'max'])] : apply;
  if (sets.length === 0) return built(owner, notes);
  return built(
    [
      statement(c, {
        phase: 'fixes',
        description: `set ${sequenceOptionsText(c.declared, sets)} on ${what} (was ${sequenceOptionsText(c.live, sets)})`,
        sql: `ALTER SEQUENCE ${qualified(s)} ${optionClauses(c.declared, sets).join(' ')}`,
        guard: needed(`NOT ${optionsHeld(regclass(s), c.declared, sets)}`),
        lockLevel: 'SHARE ROW EXCLUSIVE',
        locks: [s],
      }),
      ...owner,
    ],
    notes,
  );
}

export function identityOptionsDiffer(c: Of<'identity-options-differ'>, ctx: BuildContext): Built {
  const t = c.table;
  const what = `identity sequence of ${show(t)}.${c.column}`;
  const { apply, notes } = split(c, what, c.declared, c.live, c.aspects, ctx.typeFacts?.sequenceValues?.get(sequenceFactKey(c)));
  if (apply.length === 0) return built([], notes);
  const seq = `pg_catalog.pg_get_serial_sequence(${literal(qualified(t))}, ${literal(c.column)})::regclass`;
  return built(
    [
      statement(c, {
        phase: 'fixes',
        description: `set ${sequenceOptionsText(c.declared, apply)} on the ${what} (was ${sequenceOptionsText(c.live, apply)})`,
        sql: `ALTER TABLE ${qualified(t)} ALTER COLUMN ${ident(c.column)} ${optionClauses(c.declared, apply).map((o) => `SET ${o}`).join(' ')}`,
        guard: needed(`NOT ${optionsHeld(seq, c.declared, apply)}`),
        lockLevel: 'ACCESS EXCLUSIVE',
        locks: [t],
      }),
    ],
    notes,
  );
}

/** The key of a sequence's current value in the plan's facts. */
export function sequenceFactKey(c: Of<'sequence-differs'> | Of<'identity-options-differ'>): string {
  return c.kind === 'sequence-differs' ? JSON.stringify([c.sequence.schema, c.sequence.name]) : columnKey(c.table, c.column);
}
