/**
 * Fault injection for the crash tests only: `RECONCILE_TEST_FAULT=after:3` kills
 * the process right after statement 3 (0-based) commits; `during:3` kills it
 * while statement 3 runs. Read from the environment, ignored when unset.
 */
export function faultPoint(when: 'after' | 'during', index: number): void {
  const spec = process.env['RECONCILE_TEST_FAULT'];
  if (!spec) return;
  const [w, n, delay] = spec.split(':');
  if (w !== when || Number(n) !== index) return;
  const kill = (): void => void process.kill(process.pid, 'SIGKILL');
  if (when === 'during') setTimeout(kill, Number(delay ?? 100));
  else kill();
}
