/**
 * Rehearsal: before the live database is touched, the plan runs on a throwaway
 * copy of the live schema (no data) in the shadow, and the source is compared
 * with the copy again. A statement that fails there, or a difference the plan
 * should have repaired and did not, is reported before the window.
 *
 * The copy holds the tables the plan touches and those their foreign keys
 * connect, built by the planner itself (the live model planned against an empty
 * database). Indexes are built without CONCURRENTLY there (the copy is empty and
 * private). Objects the tool does not model (functions, for example) are not
 * copied: a statement that fails for want of one is "not rehearsed", not a failure.
 */
import { defaultCacheDir } from '../declared/cache.js';
import { openShadow, type Shadow } from '../declared/shadow.js';
import { changeTable, compare, isInformational, type Change } from '../diff/index.js';
import type { Scope } from '../diff/scope.js';
import { inspect } from '../introspect/index.js';
import { differenceText } from '../ledger/describe.js';
import { differenceKey } from '../ledger/effects.js';
import { qualifiedKey, type QualifiedName, type Schema, type Table } from '../model/types.js';
import { plan as buildPlan } from '../plan/index.js';
import type { Plan, PlanOptions, Statement } from '../plan/types.js';
import { blockedBy } from './depends.js';

export interface RehearsalInput {
  readonly live: Schema;
  readonly plan: Plan;
  /** The declared model, to compare again after the run (absent for a saved plan). */
  readonly declared?: Schema | undefined;
  readonly scope?: Scope;
  readonly options?: PlanOptions;
  readonly serverVersion: number;
  readonly shadowUrl?: string | undefined;
  /** Skip (and say so) when the copy would hold more tables than this. */
  readonly maxTables?: number;
}

/**
 * The default ceiling: bench/rehearse.ts measured 1.6 s for a 93-table copy, 4.2 s
 * for 886 and 49 s for 8,963 (PGlite replays the copy's DDL one statement at a time).
 */
export const REHEARSAL_MAX_TABLES = 2000;

export interface Rehearsal {
  /** Statements that failed on the copy, with PostgreSQL's message. */
  readonly failed: readonly { readonly statement: Statement; readonly error: string }[];
  /** Statements that could not be tried: they need an object the copy lacks. */
  readonly notRehearsed: readonly { readonly statement: Statement; readonly error: string }[];
  /** Differences the plan should have repaired, still there on the copy after the run. */
  readonly left: readonly string[];
  /** Tables in the copy. */
  readonly tables: number;
  /** Why the copy could not be built (then nothing was rehearsed), or null. */
  readonly skipped: string | null;
  readonly elapsedMs: number;
}

/** Errors that mean "the copy lacks an object the live database has", not "the statement is wrong". */
const MISSING_IN_COPY = new Set(['42883', '42704', '58P01', '3F000', '42P01']);

function message(e: unknown): { code: string; text: string } {
  const err = e as { code?: string; message?: string };
  return { code: err.code ?? '', text: (err.message ?? String(e)).split('\n')[0] ?? '' };
}

/** Tables the plan touches, and every table a foreign key connects to them (both ways, transitively). */
function tablesToCopy(live: Schema, plan: Plan): Table[] {
  const byKey = new Map(live.tables.map((t) => [qualifiedKey(t), t]));
  const want = new Set<string>();
  const add = (q: QualifiedName | null): void => {
    if (q && byKey.has(qualifiedKey(q))) want.add(qualifiedKey(q));
  };
  for (const s of [...plan.statements, ...plan.withheld]) {
    for (const l of s.locks) add(l);
    add(changeTable(s.source));
  }
  for (const c of plan.changes) if (c.kind === 'missing-foreign-key') add(c.foreignKey.references);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of live.tables) {
      const k = qualifiedKey(t);
      const linked = t.foreignKeys.some((fk) => want.has(qualifiedKey(fk.references)));
      if (want.has(k)) {
        for (const fk of t.foreignKeys) {
          if (!want.has(qualifiedKey(fk.references)) && byKey.has(qualifiedKey(fk.references))) {
            want.add(qualifiedKey(fk.references));
            grew = true;
          }
        }
      } else if (linked) {
        want.add(k);
        grew = true;
      }
      if (t.partitionOf && want.has(k) && !want.has(qualifiedKey(t.partitionOf.parent))) {
        want.add(qualifiedKey(t.partitionOf.parent));
        grew = true;
      }
    }
  }
  return live.tables.filter((t) => want.has(qualifiedKey(t)));
}

const EMPTY: Schema = { schemas: [], tables: [], enums: [], sequences: [], extensions: [], views: [], objects: [], notCompared: [] };

function restrictTo(model: Schema, tables: ReadonlySet<string>): Schema {
  // Views, functions, triggers and policies are not copied: a statement that needs one is "not rehearsed".
  // A sequence owned by a table left out is copied without its OWNED BY (that table is not there to own it).
  const sequences = model.sequences.map((q) => (q.ownedBy && !tables.has(qualifiedKey(q.ownedBy.table)) ? { ...q, ownedBy: null } : q));
  return { ...model, tables: model.tables.filter((t) => tables.has(qualifiedKey(t))), sequences, views: [], objects: [] };
}

/** The statement as the empty, private copy runs it. */
function forCopy(sql: string): string {
  return sql.replace(/\b(CREATE (?:UNIQUE )?INDEX|DROP INDEX) CONCURRENTLY\b/g, '$1');
}

async function run(shadow: Shadow, s: Statement): Promise<void> {
  if (s.guard) {
    const r = await shadow.db.query<{ needed: boolean }>(s.guard);
    if (r.rows[0]?.needed !== true) return;
  }
  await shadow.exec(forCopy(s.sql));
}

export async function rehearse(input: RehearsalInput): Promise<Rehearsal> {
  const started = Date.now();
  const copied = tablesToCopy(input.live, input.plan);
  const keys = new Set(copied.map(qualifiedKey));
  const liveCopy = restrictTo(input.live, keys);
  const build = buildPlan(compare(liveCopy, EMPTY), { serverVersion: input.serverVersion, tablesWithRows: new Set(), options: {} });
  const schemaStatements = input.plan.statements.filter((s) => s.phase !== 'ledger');
  const base = { tables: copied.length };
  if (input.maxTables !== undefined && copied.length > input.maxTables) {
    return { ...base, failed: [], notRehearsed: [], left: [], skipped: `the copy would hold ${copied.length} tables (more than ${input.maxTables}; about 5 s per 1,000): --rehearse runs it anyway`, elapsedMs: Date.now() - started };
  }
  const shadow = await openShadow({
    url: input.shadowUrl,
    extensions: input.live.extensions.filter((e) => e.name !== 'plpgsql').map((e) => ({ name: e.name, file: 'the live database', line: 0 })),
    cacheDir: defaultCacheDir(),
  }).catch((e: unknown) => message(e));
  if ('text' in shadow) return { ...base, failed: [], notRehearsed: [], left: [], skipped: `the shadow could not be opened: ${shadow.text}`, elapsedMs: Date.now() - started };
  try {
    await shadow.exec('SET search_path = pg_catalog');
    for (const s of build.statements) {
      try {
        await shadow.exec(forCopy(s.sql));
      } catch (e) {
        return { ...base, failed: [], notRehearsed: [], left: [], skipped: `the copy of the live schema could not be built (${s.description}: ${message(e).text})`, elapsedMs: Date.now() - started };
      }
    }
    const failed: { statement: Statement; error: string }[] = [];
    const notRehearsed: { statement: Statement; error: string }[] = [];
    const stopped: Statement[] = [];
    for (const s of schemaStatements) {
      if (blockedBy(s, stopped)) continue;
      try {
        await run(shadow, s);
      } catch (e) {
        const m = message(e);
        (MISSING_IN_COPY.has(m.code) ? notRehearsed : failed).push({ statement: s, error: m.text });
        stopped.push(s);
      }
    }
    let left: string[] = [];
    if (input.declared && failed.length === 0 && notRehearsed.length === 0) left = await leftOver(shadow, input, keys);
    return { ...base, failed, notRehearsed, left, skipped: null, elapsedMs: Date.now() - started };
  } finally {
    await shadow.close().catch(() => undefined);
  }
}

/** Differences between the source and the copy after the run that the plan meant to repair. */
async function leftOver(shadow: Shadow, input: RehearsalInput, copied: ReadonlySet<string>): Promise<string[]> {
  const declared = input.declared;
  if (!declared) return [];
  const created = new Set(input.plan.changes.flatMap((c) => (c.kind === 'missing-table' ? [qualifiedKey(c.table)] : [])));
  const inCopy = new Set([...copied, ...created]);
  const schemas = [...new Set([...declared.schemas, ...input.live.schemas])];
  const available = (await shadow.db.query<{ n: string }>('SELECT nspname AS n FROM pg_catalog.pg_namespace')).rows.map((r) => r.n);
  const after = await inspect(shadow.db, { schemas: schemas.filter((s) => available.includes(s)) });
  const changes = compare(restrictTo(declared, inCopy), restrictTo(after.schema, inCopy), input.scope ?? {});
  // What the plan withheld or only noted stays by design; anything else it set out to repair must be gone.
  const meant = new Set(input.plan.changes.filter((c) => input.plan.statements.some((s) => s.source === c)).map(differenceKey));
  return changes.filter((c: Change) => !isInformational(c) && meant.has(differenceKey(c))).map(differenceText);
}

/** One line for people. */
export function rehearsalSummary(r: Rehearsal): string {
  const secs = `${(r.elapsedMs / 1000).toFixed(1)}s`;
  if (r.skipped) return `rehearsal skipped: ${r.skipped}`;
  const parts = [`rehearsed on a copy of ${r.tables} table(s) without data (${secs})`];
  if (r.failed.length > 0) parts.push(`${r.failed.length} statement(s) failed`);
  if (r.left.length > 0) parts.push(`${r.left.length} difference(s) left`);
  if (r.notRehearsed.length > 0) parts.push(`${r.notRehearsed.length} not rehearsed (they need objects the copy lacks)`);
  if (r.failed.length === 0 && r.left.length === 0) parts.push('every statement ran and nothing the plan repairs is left');
  return parts.join('; ');
}
