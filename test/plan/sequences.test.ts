/**
 * Sequence options: what is compared, what is planned, what is only reported
 * (START), and bounds that the sequence's START or current value would violate.
 * Pure: no database (the case folders outside-*-options-differ run the SQL).
 */
import { describe, expect, it } from 'vitest';
import { compare, isInformational, type Change } from '../../src/diff/index.js';
import { sequenceAspects } from '../../src/diff/sequences.js';
import type { Column, Schema, Sequence, SequenceOptions, Table } from '../../src/model/types.js';
import { plan } from '../../src/plan/index.js';
import { NO_TYPE_FACTS, type TypeFacts } from '../../src/plan/type-facts.js';
import { identityOptionsSql } from '../../src/render/ddl.js';

const BIG: SequenceOptions = { type: 'bigint', start: '1', increment: '1', min: '1', max: '9223372036854775807', cache: '1', cycle: false };
const seq = (o: Partial<SequenceOptions>): Sequence => ({ schema: 'public', name: 's', ...BIG, ...o, ownedBy: null });
const schema = (sequences: Sequence[], tables: Table[] = []): Schema => ({ schemas: ['public'], tables, enums: [], sequences, extensions: [], views: [], objects: [], notCompared: [] });
const idColumn = (o: Partial<SequenceOptions>): Column => ({ name: 'id', type: 'bigint', notNull: true, default: null, identity: 'always', identitySequence: { ...BIG, ...o }, generated: null, collation: null });
const table = (c: Column): Table => ({ schema: 'public', name: 't', kind: 'table', partitionKey: null, partitionOf: null, columns: [c], primaryKey: null, foreignKeys: [], uniques: [], checks: [], exclusions: [], indexes: [] });

function planOf(changes: Change[], facts: TypeFacts = NO_TYPE_FACTS) {
  return plan(changes, { serverVersion: 180000, tablesWithRows: new Set(), options: {}, typeFacts: facts });
}

describe('sequence options', () => {
  it('compares every option but the type of an identity sequence, and its bounds only for the same type', () => {
    expect(sequenceAspects(BIG, { ...BIG, increment: '5', cache: '3' }, { identity: false })).toEqual(['increment', 'cache']);
    const int = { ...BIG, type: 'integer', max: '2147483647' };
    expect(sequenceAspects(BIG, int, { identity: false })).toEqual(['type', 'max']);
    expect(sequenceAspects(BIG, int, { identity: true })).toEqual([]);
  });

  it('plans ALTER SEQUENCE guarded by pg_sequence, and only reports START', () => {
    const changes = compare(schema([seq({ increment: '10', start: '100', min: '100', cycle: true })]), schema([seq({})]));
    expect(changes.map((c) => c.kind)).toEqual(['sequence-differs']);
    const p = planOf(changes);
    // MINVALUE 100 is above the live START 1: withheld; START is an info note; the rest is planned.
    expect(p.statements.map((s) => s.sql)).toEqual(['ALTER SEQUENCE "public"."s" INCREMENT BY 10 CYCLE']);
    expect(p.statements[0]?.guard).toContain('s.seqincrement = 10 AND s.seqcycle');
    expect(p.statements[0]?.sql).not.toMatch(/RESTART|START/);
    expect(p.notes.filter((n) => n.level === 'warning').map((n) => n.message).join('\n')).toMatch(/sequence public\.s: MINVALUE 100 .*START 1 is below it/);
    expect(p.notes.filter((n) => n.level === 'info').map((n) => n.message).join('\n')).toMatch(/START of sequence public\.s is 1, declared 100: not changed/);
  });

  it('a START-only difference is informational: no statement', () => {
    const changes = compare(schema([seq({ start: '50', min: '1' })]), schema([seq({})]));
    expect(changes).toHaveLength(1);
    expect(isInformational(changes[0]!)).toBe(true);
    expect(planOf(changes).statements).toEqual([]);
  });

  it('a narrower MAXVALUE is planned only when the current value lies within it', () => {
    const changes = compare(schema([seq({ max: '1000' })]), schema([seq({})]));
    const key = JSON.stringify(['public', 's']);
    expect(planOf(changes).statements).toEqual([]);
    expect(planOf(changes).notes.map((n) => n.message).join('\n')).toMatch(/current value could not be read/);
    const over = planOf(changes, { ...NO_TYPE_FACTS, sequenceValues: new Map([[key, '5000']]) });
    expect(over.statements).toEqual([]);
    expect(over.notes.map((n) => n.message).join('\n')).toMatch(/current value 5000 is above it/);
    const within = planOf(changes, { ...NO_TYPE_FACTS, sequenceValues: new Map([[key, '10']]) });
    expect(within.statements.map((s) => s.sql)).toEqual(['ALTER SEQUENCE "public"."s" MAXVALUE 1000']);
  });

  it('a wider bound needs no value', () => {
    const changes = compare(schema([seq({ min: '-5' })]), schema([seq({})]));
    expect(planOf(changes).statements.map((s) => s.sql)).toEqual(['ALTER SEQUENCE "public"."s" MINVALUE -5']);
  });

  it('identity sequences: ALTER COLUMN ... SET ..., START reported only', () => {
    const changes = compare(schema([], [table(idColumn({ increment: '7', start: '1000', cache: '20' }))]), schema([], [table(idColumn({}))]));
    expect(changes.map((c) => c.kind)).toEqual(['identity-options-differ']);
    const p = planOf(changes);
    expect(p.statements.map((s) => s.sql)).toEqual(['ALTER TABLE "public"."t" ALTER COLUMN "id" SET INCREMENT BY 7 SET CACHE 20']);
    expect(p.statements[0]?.guard).toContain(`pg_get_serial_sequence('"public"."t"', 'id')`);
    expect(p.notes.map((n) => n.message).join('\n')).toMatch(/START of identity sequence of public\.t\.id is 1, declared 1000/);
  });

  it('renders identity options that differ from the defaults of the type', () => {
    expect(identityOptionsSql(BIG)).toBe('');
    expect(identityOptionsSql({ ...BIG, type: 'integer', max: '2147483647' })).toBe('');
    expect(identityOptionsSql({ ...BIG, increment: '7', start: '1000' })).toBe(' (INCREMENT BY 7 START WITH 1000)');
    expect(identityOptionsSql({ ...BIG, increment: '-1', min: '-9223372036854775808', max: '-1', start: '-1' })).toBe(' (INCREMENT BY -1)');
  });
});
