/**
 * Sequence options compared: standalone sequences (`sequence-differs`) and the
 * sequences of identity columns (`identity-options-differ`).
 */
import type { Sequence, SequenceOptions } from '../model/types.js';
import type { SequenceAspect } from './changes.js';

const ORDER: readonly Exclude<SequenceAspect, 'owned-by'>[] = ['type', 'increment', 'min', 'max', 'start', 'cache', 'cycle'];

/**
 * The options that differ. START is listed like the others; the planner never
 * repairs it (the sequence is already past its start), it only reports it.
 * For an identity sequence the type is the column's (a type change of the column
 * changes it), and its bounds follow the type: when the types differ, neither is compared.
 */
export function sequenceAspects(d: SequenceOptions, l: SequenceOptions, options: { identity: boolean }): SequenceAspect[] {
  const sameType = d.type === l.type;
  return ORDER.filter((a) => {
    if (a === 'type') return !options.identity && !sameType;
    if ((a === 'min' || a === 'max') && options.identity && !sameType) return false;
    return d[a] !== l[a];
  });
}

type Described = SequenceOptions & { readonly ownedBy?: Sequence['ownedBy'] };

const SEQUENCE_WORDS: Record<SequenceAspect, (o: Described) => string> = {
  type: (o) => `AS ${o.type}`,
  increment: (o) => `INCREMENT BY ${o.increment}`,
  min: (o) => `MINVALUE ${o.min}`,
  max: (o) => `MAXVALUE ${o.max}`,
  start: (o) => `START WITH ${o.start}`,
  cache: (o) => `CACHE ${o.cache}`,
  cycle: (o) => (o.cycle ? 'CYCLE' : 'NO CYCLE'),
  'owned-by': (o) => (o.ownedBy ? `OWNED BY ${o.ownedBy.table.schema}.${o.ownedBy.table.name}.${o.ownedBy.column}` : 'OWNED BY NONE'),
};

/** The column that owns a standalone sequence is the declared one (or none for both). */
export function sameOwner(d: Sequence, l: Sequence): boolean {
  const key = (s: Sequence): string => (s.ownedBy ? JSON.stringify([s.ownedBy.table.schema, s.ownedBy.table.name, s.ownedBy.column]) : '');
  return key(d) === key(l);
}

/** `INCREMENT BY 1 CACHE 1`: the named options of a sequence, as SQL words. */
export function sequenceOptionsText(o: Described, aspects: readonly SequenceAspect[]): string {
  return aspects.map((a) => SEQUENCE_WORDS[a](o)).join(' ');
}
