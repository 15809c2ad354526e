/**
 * `showmigrations`, checked against the database: load the source with
 * per-migration snapshots and read the live database (concurrently), read the
 * ledger, and judge every migration by its ledger row and its own effects.
 */
import { compare, isInformational } from '../diff/index.js';
import { chooseLedger, ledgerAdapter, ledgerVerdict, migrationStatuses, type LedgerChoice } from '../ledger/index.js';
import type { StatusReport } from '../ledger/report.js';
import { notComparedText } from '../objects/not-compared.js';
import { formatServerVersion } from '../render/model-text.js';
import { withBothSides } from './sides.js';

export interface StatusRequest {
  /** The live database; default `DATABASE_URL`, then the `PG*` variables. */
  readonly url?: string | undefined;
  /** The declared source (a Django sqlmigrate tree or a drizzle-kit folder for per-migration status). */
  readonly from: string;
  readonly shadowUrl?: string | undefined;
  readonly extensions?: readonly string[] | undefined;
  readonly schemas?: readonly string[] | undefined;
  readonly ledger?: LedgerChoice | undefined;
}

export async function migrationStatus(req: StatusRequest): Promise<StatusReport> {
  return withBothSides({ ...req, snapshots: true }, async ({ connection, pool, declared, live }) => {
    const kind = await chooseLedger(req.ledger ?? 'auto', declared, pool);
    const adapter = ledgerAdapter(kind);
    const reading = await adapter.read(pool);
    const match = adapter.match(reading, declared.migrations, declared.source);
    const migrations = migrationStatuses({ declared, db: live.schema, ledger: kind, match });
    const schemaDifferences = compare(declared.schema, live.schema, { schemas: req.schemas }).filter((c) => !isInformational(c)).length;
    const notes = [...match.notes];
    if (declared.migrations.length === 0) notes.push(`${declared.source.location} (${declared.source.kind}) has no migrations: schema comparison only`);
    else if (kind === 'none') notes.push('no ledger: migrations judged by their effects only');
    const uncompared = notComparedText(live.schema.notCompared);
    if (uncompared) notes.push(`not compared (the model does not hold these kinds yet): ${uncompared}`);
    const inSync =
      declared.migrations.length === 0
        ? schemaDifferences === 0
        : ledgerVerdict(migrations, match).inSync;
    return {
      source: declared.source,
      target: connection.display,
      serverVersion: formatServerVersion(live.serverVersion),
      ledger: { kind, table: reading.table, exists: reading.exists, ...(reading.shape ? { shape: reading.shape } : {}) },
      migrations,
      unknownRows: match.unknown,
      outsideRows: match.outside.length,
      notes,
      sourceNotices: declared.notices,
      schemaDifferences,
      inSync,
    };
  });
}

export type { StatusReport } from '../ledger/report.js';
