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
    expect(run.stdout).toMatch(/Summary: 8 verified, 1 not checkable; schema matches the source; in sync/);
    // The RunSQL migration that never ran: its function, trigger and policy are created, then verified.
    expect(run.stdout).toMatch(/\[ \] 0006_callsession_guard +pending: 1 function, 1 trigger, 1 policy, 1 row-level security setting/);
    expect(run.stdout).toMatch(/create trigger chat_callsession_touch on public\.chat_callsession/);
    expect(run.stdout).toMatch(/create policy chat_callsession_participants on public\.chat_callsession/);
    expect(run.stdout).toMatch(/\[X\] 0006_callsession_guard +verified: 1 function, 1 trigger, 1 policy, 1 row-level security setting/);
    expect(run.stdout).toMatch(/in sync: postgres:\/\/postgres@127\.0\.0\.1:\d+\/chat matches/);
    // The embedded server's password is 24 hex characters; no URL in the output carries one.
    expect(run.stdout).not.toMatch(/postgres:\/\/postgres:[^@\s]+@/);
  });
});
