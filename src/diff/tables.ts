/**
 * Comparing one table that exists on both sides: columns by name, constraints
 * and indexes by structure.
 */
import type { Column, QualifiedName, Table } from '../model/types.js';
import type { Change } from './changes.js';
import { matchBy } from './match.js';
import {
  checkSignature,
  foreignKeyAspects,
  foreignKeyBehaviour,
  foreignKeyIdentity,
  indexAspects,
  indexSignature,
  primaryKeySignature,
  uniqueSignature,
} from './signatures.js';

function compareColumn(t: QualifiedName, d: Column, l: Column, out: Change[]): void {
  if (d.type !== l.type || d.collation !== l.collation) {
    out.push({ kind: 'column-type-differs', table: t, column: d.name, declared: d, live: l });
  }
  if (d.notNull !== l.notNull) out.push({ kind: 'nullability-differs', table: t, column: d.name, declaredNotNull: d.notNull });
  const identityOrGenerated = d.identity || l.identity || d.generated || l.generated;
  if (d.identity !== l.identity) out.push({ kind: 'identity-differs', table: t, column: d.name, declared: d, live: l });
  if (JSON.stringify(d.generated) !== JSON.stringify(l.generated)) {
    out.push({ kind: 'generated-differs', table: t, column: d.name, declared: d, live: l });
  }
  if (!identityOrGenerated && d.default !== l.default) {
    out.push({ kind: 'default-differs', table: t, column: d.name, declared: d.default, live: l.default });
  }
}

function compareColumns(t: QualifiedName, declared: Table, live: Table, out: Change[]): void {
  const liveByName = new Map(live.columns.map((c) => [c.name, c]));
  const declaredNames = new Set(declared.columns.map((c) => c.name));
  for (const d of declared.columns) {
    const l = liveByName.get(d.name);
    if (!l) out.push({ kind: 'missing-column', table: t, column: d });
    else compareColumn(t, d, l, out);
  }
  for (const l of live.columns) if (!declaredNames.has(l.name)) out.push({ kind: 'extra-column', table: t, column: l.name });
  const commonDeclared = declared.columns.map((c) => c.name).filter((n) => liveByName.has(n));
  const commonLive = live.columns.map((c) => c.name).filter((n) => declaredNames.has(n));
  if (commonDeclared.join('\u0000') !== commonLive.join('\u0000')) {
    out.push({ kind: 'column-order-differs', table: t, declared: commonDeclared, live: commonLive });
  }
}

function compareKeys(t: QualifiedName, declared: Table, live: Table, out: Change[]): void {
  if (declared.primaryKey) {
    const l = live.primaryKey;
    if (!l || primaryKeySignature(l) !== primaryKeySignature(declared.primaryKey)) {
      out.push({ kind: 'missing-primary-key', table: t, primaryKey: declared.primaryKey });
    } else if (l.name !== declared.primaryKey.name) {
      out.push({ kind: 'name-differs', table: t, objectKind: 'primary key', declared: declared.primaryKey.name, live: l.name });
    }
  }
  if (live.primaryKey && (!declared.primaryKey || primaryKeySignature(live.primaryKey) !== primaryKeySignature(declared.primaryKey))) {
    out.push({ kind: 'extra-constraint', table: t, objectKind: 'primary key', name: live.primaryKey.name });
  }

  const uniques = matchBy(declared.uniques, live.uniques, [uniqueSignature]);
  for (const u of uniques.missing) out.push({ kind: 'missing-unique', table: t, unique: u });
  for (const [d, l] of uniques.pairs) {
    if (d.name !== l.name) out.push({ kind: 'name-differs', table: t, objectKind: 'unique constraint', declared: d.name, live: l.name });
  }
  for (const l of uniques.extra) out.push({ kind: 'extra-constraint', table: t, objectKind: 'unique constraint', name: l.name });

  const checks = matchBy(declared.checks, live.checks, [checkSignature]);
  for (const c of checks.missing) out.push({ kind: 'missing-check', table: t, check: c });
  for (const [d, l] of checks.pairs) {
    if (d.name !== l.name) out.push({ kind: 'name-differs', table: t, objectKind: 'check constraint', declared: d.name, live: l.name });
    if (d.validated && !l.validated) out.push({ kind: 'constraint-not-validated', table: t, constraint: l.name, objectKind: 'check constraint', foreignKey: null, checkExpression: l.expression });
  }
  for (const l of checks.extra) out.push({ kind: 'extra-constraint', table: t, objectKind: 'check constraint', name: l.name });
}

function compareForeignKeys(t: QualifiedName, declared: Table, live: Table, out: Change[]): void {
  const fks = matchBy(declared.foreignKeys, live.foreignKeys, [foreignKeyBehaviour, foreignKeyIdentity]);
  for (const fk of fks.missing) out.push({ kind: 'missing-foreign-key', table: t, foreignKey: fk });
  for (const [d, l] of fks.pairs) {
    const aspects = foreignKeyAspects(d, l);
    if (aspects.length > 0) out.push({ kind: 'foreign-key-differs', table: t, declared: d, live: l, aspects });
    if (d.name !== l.name) out.push({ kind: 'name-differs', table: t, objectKind: 'foreign key', declared: d.name, live: l.name });
    if (d.validated && !l.validated) out.push({ kind: 'constraint-not-validated', table: t, constraint: l.name, objectKind: 'foreign key', foreignKey: l, checkExpression: null });
  }
  for (const l of fks.extra) out.push({ kind: 'extra-constraint', table: t, objectKind: 'foreign key', name: l.name });
}

function compareIndexes(t: QualifiedName, declared: Table, live: Table, out: Change[]): void {
  // Indexes that implement constraints are compared as constraints.
  const own = (tb: Table) => tb.indexes.filter((i) => i.constraint === null);
  const indexes = matchBy(own(declared), own(live), [indexSignature]);
  const extraByName = new Map(indexes.extra.map((i) => [i.name, i]));
  for (const [d, l] of indexes.pairs) {
    if (!l.valid) out.push({ kind: 'invalid-index', table: t, index: l, declared: d });
    else if (d.name !== l.name) out.push({ kind: 'name-differs', table: t, objectKind: 'index', declared: d.name, live: l.name });
  }
  for (const d of indexes.missing) {
    const sameName = extraByName.get(d.name);
    if (sameName) {
      extraByName.delete(d.name);
      out.push({ kind: 'index-differs', table: t, declared: d, live: sameName, aspects: indexAspects(d, sameName) });
    } else {
      out.push({ kind: 'missing-index', table: t, index: d });
    }
  }
  for (const l of extraByName.values()) out.push({ kind: 'extra-constraint', table: t, objectKind: 'index', name: l.name });
}

export function compareTable(declared: Table, live: Table): Change[] {
  const t: QualifiedName = { schema: declared.schema, name: declared.name };
  const out: Change[] = [];
  compareColumns(t, declared, live, out);
  compareKeys(t, declared, live, out);
  compareForeignKeys(t, declared, live, out);
  compareIndexes(t, declared, live, out);
  return out;
}
