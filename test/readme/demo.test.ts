/** The newcomer's path: `reconcile demo` reproduces the incident and repairs it (its duration is reported by bench/, not asserted here). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('reconcile demo', () => {
  it('reproduces the incident, repairs it, ends with every migration verified, and never prints a password', async () => {
    const run = await runCli(['demo'], {}, 120_000);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\[~\] 0004_callsession +applied differently/);
    expect(run.stdout).toMatch(/pid \d+: terminated/);
    expect(run.stdout).toMatch(/Summary: 7 verified, 1 not checkable; schema matches the source; in sync/);
    expect(run.stdout).toMatch(/in sync: postgres:\/\/postgres@127\.0\.0\.1:\d+\/chat matches/);
    // The embedded server's password is 24 hex characters; no URL in the output carries one.
    expect(run.stdout).not.toMatch(/postgres:\/\/postgres:[^@\s]+@/);
  });
});
