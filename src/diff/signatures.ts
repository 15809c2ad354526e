/**
 * Structural signatures: constraints and indexes are matched by what they do,
 * not by their names. A hand-made equivalent under another name is present.
 * Signatures are JSON arrays, so no name can make two different objects collide.
 */
import type { Check, Exclusion, ForeignKey, Index, PrimaryKey, Unique } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';

const sig = (...parts: unknown[]): string => JSON.stringify(parts);

/** What an FK connects: the part that identifies it. */
export function foreignKeyIdentity(fk: ForeignKey): string {
  return sig(fk.columns, qualifiedKey(fk.references), fk.referencedColumns);
}

/** Everything that changes an FK's behaviour (not its name or validation state). */
export function foreignKeyBehaviour(fk: ForeignKey): string {
  return sig(foreignKeyIdentity(fk), fk.onDelete, fk.onUpdate, fk.onDeleteSetColumns, fk.match, fk.deferrable, fk.initiallyDeferred);
}

export type ForeignKeyAspect = 'target' | 'actions' | 'match' | 'deferrability';

/** Equal lists of names: what equal JSON signatures of them mean, without building the strings. */
function sameNames(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The same verdict as comparing foreignKeyIdentity strings (this runs for every matched pair). */
function sameIdentity(a: ForeignKey, b: ForeignKey): boolean {
  return sameNames(a.columns, b.columns) && a.references.schema === b.references.schema && a.references.name === b.references.name && sameNames(a.referencedColumns, b.referencedColumns);
}

export function foreignKeyAspects(declared: ForeignKey, live: ForeignKey): ForeignKeyAspect[] {
  const aspects: ForeignKeyAspect[] = [];
  if (!sameIdentity(declared, live)) aspects.push('target');
  if (declared.onDelete !== live.onDelete || declared.onUpdate !== live.onUpdate || !sameNames(declared.onDeleteSetColumns, live.onDeleteSetColumns)) {
    aspects.push('actions');
  }
  if (declared.match !== live.match) aspects.push('match');
  if (declared.deferrable !== live.deferrable || declared.initiallyDeferred !== live.initiallyDeferred) aspects.push('deferrability');
  return aspects;
}

/** Columns, deferrability and INCLUDE columns (another INCLUDE is another index); storage parameters are set in place. */
export function primaryKeySignature(pk: PrimaryKey): string {
  return sig(pk.columns, pk.deferrable, pk.initiallyDeferred, pk.include ?? []);
}

export function uniqueSignature(u: Unique): string {
  return sig(u.columns, u.nullsNotDistinct, u.deferrable, u.initiallyDeferred, u.include ?? []);
}

export function checkSignature(c: Check): string {
  return sig(c.expression, c.noInherit);
}

/** `pg_get_constraintdef`: method, elements and operators, INCLUDE, WITH, WHERE and deferrability in one text. */
export function exclusionSignature(x: Exclusion): string {
  return sig(x.definition, x.deferrable, x.initiallyDeferred);
}

/**
 * Method, keys (column or expression, opclass, collation, order), INCLUDE, predicate, uniqueness.
 * Not storage parameters: they change how pages are filled, not what the index does, so an
 * index that differs only there is matched, and its parameters are set in place (see indexAspects).
 */
export function indexSignature(ix: Index): string {
  return sig(
    ix.method,
    ix.unique,
    ix.nullsNotDistinct,
    ix.keys.map((k) => [k.column, k.expression, k.opclass, k.collation, k.descending, k.nullsFirst]),
    ix.include,
    ix.predicate,
  );
}

/** An index's storage parameters are the declared ones (both lists are sorted). */
export function sameStorage(declared: Index, live: Index): boolean {
  return sameNames(declared.storage, live.storage);
}

export function indexAspects(declared: Index, live: Index): string[] {
  const aspects: string[] = [];
  if (declared.method !== live.method) aspects.push('method');
  if (declared.unique !== live.unique || declared.nullsNotDistinct !== live.nullsNotDistinct) aspects.push('uniqueness');
  const cols = (ix: Index): string => sig(ix.keys.map((k) => [k.column, k.expression, k.descending, k.nullsFirst]), ix.include);
  if (cols(declared) !== cols(live)) aspects.push('columns');
  const classes = (ix: Index): string => sig(ix.keys.map((k) => [k.opclass, k.collation]));
  if (classes(declared) !== classes(live)) aspects.push('opclass');
  if (declared.predicate !== live.predicate) aspects.push('predicate');
  if (!sameNames(declared.storage, live.storage)) aspects.push('storage');
  return aspects;
}
