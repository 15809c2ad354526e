/**
 * No ledger: the migrations are judged by their effects on the schema alone
 * (nothing is recorded, nothing is written).
 */
import type { LedgerAdapter, LedgerEntry, LedgerRow } from './types.js';

export const noLedger: LedgerAdapter<LedgerRow> = {
  kind: 'none',
  read: async () => ({ kind: 'none', table: null, exists: false, rows: [] }),
  match: (_reading, migrations) => ({
    entries: new Map<string, LedgerEntry>(migrations.map((m) => [m.key, { recorded: false, rows: [], notes: [], drift: false }])),
    unknown: [],
    outside: [],
    notes: [],
  }),
  fix: () => [],
  recordedCondition: () => 'true',
  rowGoneCondition: () => 'true',
};
