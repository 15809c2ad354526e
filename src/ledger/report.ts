/**
 * The status report and its two renderings: text grouped by app like
 * `showmigrations` (one line per migration, a short reason, what is missing or
 * different below it, a summary line), and JSON with the same content.
 */
import type { DeclaredSource } from '../declared/types.js';
import type { QualifiedName } from '../model/types.js';
import { displayName } from '../render/model-text.js';
import { differenceText, effectText } from './describe.js';
import type { MigrationStatus, StatusKind } from './status.js';
import type { LedgerKind, LedgerRow } from './types.js';

export const STATUS_JSON_FORMAT = 'pg-reconcile.status/1';

export interface StatusReport {
  readonly source: DeclaredSource;
  /** The database, without its password. */
  readonly target: string;
  readonly serverVersion: string;
  readonly ledger: { readonly kind: LedgerKind; readonly table: QualifiedName | null; readonly exists: boolean; readonly shape?: string | undefined };
  readonly migrations: readonly MigrationStatus[];
  /** Rows the source should explain but does not (`--ledger-prune` removes them). */
  readonly unknownRows: readonly LedgerRow[];
  /** Rows outside the source's scope (other Django apps), not checked. */
  readonly outsideRows: number;
  /** About the ledger as a whole. */
  readonly notes: readonly string[];
  /** What loading the source said (skipped statements, shadow, cache): for stderr. */
  readonly sourceNotices: readonly string[];
  /** Non-informational differences between the whole declared model and the live one. */
  readonly schemaDifferences: number;
  /** Every migration recorded and verified (or with nothing to check), no unknown rows, no edited migration. */
  readonly inSync: boolean;
}

const WORDS: readonly [StatusKind, string][] = [
  ['verified', 'verified'],
  ['present', 'present'],
  ['unverifiable', 'not checkable'],
  ['faked', 'faked'],
  ['partial', 'partial'],
  ['different', 'applied differently'],
  ['unrecorded', 'present but unrecorded'],
  ['pending', 'pending'],
];

/** `Summary: 6 verified, 1 not checkable, 1 applied differently, 1 pending; ...` */
export function summaryLine(r: StatusReport): string {
  const parts = WORDS.flatMap(([k, word]) => {
    const n = r.migrations.filter((m) => m.status === k).length;
    const inferred = k === 'unrecorded' ? r.migrations.filter((m) => m.status === k && m.inferred !== null).length : 0;
    return n > 0 ? [`${n} ${word}${inferred > 0 ? ` (${inferred} inferred)` : ''}`] : [];
  });
  const edited = r.migrations.filter((m) => m.ledgerDrift).length;
  if (edited > 0) parts.push(`${edited} edited since recorded`);
  if (r.unknownRows.length > 0) parts.push(`${r.unknownRows.length} recorded but unknown to the source`);
  if (parts.length === 0) parts.push('no migrations');
  const schema = r.schemaDifferences === 0 ? 'schema matches the source' : `schema differs from the source in ${r.schemaDifferences} place${r.schemaDifferences === 1 ? '' : 's'}`;
  return `Summary: ${parts.join(', ')}; ${schema}; ${r.inSync ? 'in sync' : 'out of sync'}`;
}

function ledgerLine(r: StatusReport): string {
  if (r.ledger.kind === 'none' || !r.ledger.table) return 'Ledger: none';
  const t = displayName(r.ledger.table.schema, r.ledger.table.name);
  return `Ledger: ${r.ledger.kind} (${t}${r.ledger.exists ? '' : ', absent'}${r.ledger.shape ? `; ${r.ledger.shape}` : ''})`;
}

export function renderStatusText(r: StatusReport): string {
  const out: string[] = [
    `Source: ${r.source.location} (${r.source.kind})`,
    ledgerLine(r),
    `Database: ${r.target} (PostgreSQL ${r.serverVersion})`,
    '',
  ];
  const apps = [...new Set(r.migrations.map((m) => m.migration.app))].sort();
  const width = Math.max(0, ...r.migrations.map((m) => m.migration.name.length));
  for (const app of apps) {
    out.push(app);
    for (const s of r.migrations.filter((m) => m.migration.app === app)) {
      out.push(` [${s.mark}] ${s.migration.name.padEnd(width)}  ${s.reason}`);
      for (const d of s.details) out.push(`       - ${d}`);
    }
  }
  if (r.unknownRows.length > 0) {
    out.push('', 'Recorded, but no such migration in the source (reconcile plan --ledger-prune removes them):');
    for (const row of r.unknownRows) out.push(` [!] ${row.display}`);
  }
  if (r.notes.length > 0) out.push('', ...r.notes.map((n) => `Note: ${n}`));
  out.push('', summaryLine(r));
  return out.join('\n') + '\n';
}

export function renderStatusJson(r: StatusReport): string {
  const doc = {
    format: STATUS_JSON_FORMAT,
    source: r.source,
    target: r.target,
    serverVersion: r.serverVersion,
    ledger: r.ledger,
    migrations: r.migrations.map((s) => ({
      key: s.migration.key,
      app: s.migration.app,
      name: s.migration.name,
      mark: s.mark,
      status: s.status,
      recorded: s.recorded,
      effects: s.effects,
      reason: s.reason,
      details: s.details,
      notes: s.notes,
      edited: s.ledgerDrift,
      dataOnly: s.migration.dataOnly,
      effectsChecked: s.checks.map((c) => ({ effect: effectText(c.effect), state: c.state, evidence: c.evidence.kind, differences: c.differences.map(differenceText) })),
      inferred: s.inferred,
      rows: s.rows.map((row) => row.values),
    })),
    unknownRows: r.unknownRows.map((row) => row.values),
    outsideRows: r.outsideRows,
    notes: r.notes,
    schemaDifferences: r.schemaDifferences,
    summary: summaryLine(r),
    inSync: r.inSync,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
