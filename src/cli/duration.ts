/**
 * Durations on the command line: `500ms`, `2s`, `1m`, `1h`, and sums such as `1m30s`.
 * Decimals are allowed (`1.5s`); a bare number is refused (is `5` seconds or
 * milliseconds?) except `0`.
 */
import { ReconcileError } from '../errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/** Milliseconds in `text`; throws `ReconcileError('bad-input')` with an example on anything else. */
export function parseDuration(text: string): number {
  const t = text.trim().toLowerCase();
  if (t === '0') return 0;
  if (!WHOLE.test(t)) {
    const hint = /^\d+(\.\d+)?$/.test(t) ? `give a unit, e.g. ${t}s or ${t}ms` : 'use a number and a unit: 500ms, 2s, 1m, 1h (or sums like 1m30s)';
    throw new ReconcileError('bad-input', `not a duration: ${JSON.stringify(text)}`, hint);
  }
  let total = 0;
  for (const m of t.matchAll(PART)) total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? Number.NaN);
  if (!Number.isFinite(total) || total > Number.MAX_SAFE_INTEGER) {
    throw new ReconcileError('bad-input', `duration out of range: ${JSON.stringify(text)}`);
  }
  return Math.round(total);
}
