/**
 * Steps of the source's migrations that the declared model cannot show, for the
 * plan (plan/build-steps.ts builds their statements):
 *
 * - **drops**: an object a migration dropped (a removal effect of it, judged
 *   `missing` by effects.ts: the live database still has it and no later
 *   migration made it again) that the plan sees as extra. Only these extras may be
 *   dropped, under the `drop` hazard; every other extra is kept.
 * - **data**: the data statements (UPDATE, INSERT, DELETE, ...) of a migration
 *   whose schema effects are missing (faked, partial, pending; see dataNeverRan): they never ran.
 *
 * Computed from the per-migration snapshots and the live model, apart from
 * `compare()`, and handed to `plan()` in its context.
 */
import type { Declared } from '../declared/types.js';
import { changeTable, type Change } from '../diff/index.js';
import { checkSignature, exclusionSignature, foreignKeyIdentity, indexSignature, uniqueSignature } from '../diff/signatures.js';
import type { Schema, Table } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import type { AttributedDrop, DataStep, MigrationSteps } from '../plan/types.js';
import { dataNeverRan, dataStatements } from './data.js';
import { differenceKey } from './effects.js';
import { migrationStatuses } from './status.js';

const findTable = (m: Schema, t: { schema: string; name: string }): Table | undefined => m.tables.find((x) => qualifiedKey(x) === qualifiedKey(t));

/** The live name of the constraint or index a removal effect names (the live one may be named otherwise, same structure). */
function liveConstraintName(effect: Extract<Change, { kind: 'extra-constraint' }>, before: Schema, live: Schema): string | null {
  const now = findTable(live, effect.table);
  const was = findTable(before, effect.table);
  if (!now) return null;
  const pick = <T extends { name: string }>(old: T | undefined, xs: readonly T[], sig: (x: T) => string): string | null =>
    (xs.find((x) => x.name === effect.name && (!old || sig(x) === sig(old))) ?? (old ? xs.find((x) => sig(x) === sig(old)) : undefined))?.name ?? null;
  switch (effect.objectKind) {
    case 'foreign key':
      return pick(was?.foreignKeys.find((f) => f.name === effect.name), now.foreignKeys, foreignKeyIdentity);
    case 'unique constraint':
      return pick(was?.uniques.find((u) => u.name === effect.name), now.uniques, uniqueSignature);
    case 'check constraint':
      return pick(was?.checks.find((c) => c.name === effect.name), now.checks, checkSignature);
    case 'exclusion constraint':
      return pick(was?.exclusions.find((x) => x.name === effect.name), now.exclusions, exclusionSignature);
    case 'index':
      return pick(was?.indexes.find((i) => i.name === effect.name), now.indexes.filter((i) => i.constraint === null), indexSignature);
    default:
      return null;
  }
}

/** The key by which a removal effect and the plan's extra change name the same live object. */
function liveKey(c: Change, name?: string): string | null {
  switch (c.kind) {
    case 'extra-table':
      return JSON.stringify([c.kind, qualifiedKey(c.table)]);
    case 'extra-column':
      return JSON.stringify([c.kind, qualifiedKey(c.table), c.column]);
    case 'extra-enum':
      return JSON.stringify([c.kind, qualifiedKey(c.enum)]);
    case 'extra-sequence':
      return JSON.stringify([c.kind, qualifiedKey(c.sequence)]);
    case 'extra-constraint':
      return c.objectKind === 'primary key' ? null : JSON.stringify([c.kind, qualifiedKey(c.table), c.objectKind, name ?? c.name]);
    default:
      return null;
  }
}

const NO_MATCH = { entries: new Map(), unknown: [], outside: [], notes: [] };

/**
 * Which of the plan's extra changes a migration dropped, and the data statements
 * that never ran. `changes` are the plan's (compare(declared, live)); `live` the
 * live model; `declared` loaded with snapshots. `destroys` are filled in later (api/plan.ts probes them).
 */
export function migrationSteps(declared: Pick<Declared, 'migrations' | 'snapshots' | 'baseline'>, live: Schema, changes: readonly Change[]): MigrationSteps {
  if (declared.migrations.length === 0 || declared.baseline === null) return { drops: new Map(), data: [] };
  const statuses = migrationStatuses({ declared, db: live, ledger: 'none', match: NO_MATCH });
  const extras = new Map<string, Change>();
  for (const c of changes) {
    const k = liveKey(c);
    if (k) extras.set(k, c);
  }
  const drops = new Map<Change, AttributedDrop>();
  const data: DataStep[] = [];
  statuses.forEach((s, order) => {
    const before = order === 0 ? declared.baseline : declared.snapshots[order - 1]?.after;
    const mine: Change[] = [];
    for (const check of s.checks) {
      const e = check.effect;
      if (check.state !== 'missing' || !before) continue;
      const k = e.kind === 'extra-constraint' ? liveKey(e, liveConstraintName(e, before, live) ?? e.name) : liveKey(e);
      const c = k ? extras.get(k) : undefined;
      if (c && !drops.has(c)) {
        drops.set(c, { migration: s.migration.key, order, destroys: [] });
        mine.push(c);
      }
    }
    if (!dataNeverRan(s.effects, s.checks)) return;
    const statements = dataStatements(s.migration);
    if (statements.length === 0) return;
    const source = sourceFor(s.checks, changes) ?? mine[0] ?? changes[0];
    if (source) data.push({ migration: s.migration.key, order, statements, source });
  });
  return { drops, data };
}

/** The plan change that repairs one of the migration's missing effects (its data statements go with it). */
function sourceFor(checks: ReturnType<typeof migrationStatuses>[number]['checks'], changes: readonly Change[]): Change | undefined {
  const missing = checks.filter((c) => c.state === 'missing' && !c.effect.kind.startsWith('extra-'));
  const keys = new Set(missing.flatMap((c) => c.differences.map(differenceKey)));
  const exact = changes.find((c) => keys.has(differenceKey(c)));
  if (exact) return exact;
  const tables = new Set(missing.flatMap((c) => {
    const t = changeTable(c.effect);
    return t ? [qualifiedKey(t)] : [];
  }));
  return changes.find((c) => {
    const t = changeTable(c);
    return t !== null && tables.has(qualifiedKey(t)) && !c.kind.startsWith('extra-');
  });
}

/** The steps with what each drop destroys (probed at plan time). */
export function withDestroys(steps: MigrationSteps, destroys: ReadonlyMap<Change, readonly string[]>): MigrationSteps {
  const drops = new Map([...steps.drops].map(([c, d]) => [c, { ...d, destroys: destroys.get(c) ?? d.destroys }]));
  return { ...steps, drops };
}
