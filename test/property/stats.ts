/**
 * Counts for bench/reliability.ts: when RECONCILE_STATS_FILE is set, each suite
 * appends one JSON line with what it tried.
 */
import { appendFileSync } from 'node:fs';

export interface SuiteStats {
  readonly suite: string;
  readonly cases?: number;
  readonly identifiers?: number;
  readonly badInputs?: number;
  readonly secretsChecks?: number;
  readonly rowsChecked?: number;
  readonly failures?: number;
  readonly seed?: number;
}

export function recordStats(stats: SuiteStats): void {
  const file = process.env['RECONCILE_STATS_FILE'];
  if (file) appendFileSync(file, JSON.stringify(stats) + '\n');
}
