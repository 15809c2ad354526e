/**
 * Wait for a condition by bounded polling: tests synchronise on what the system
 * shows (a catalog row, an output line), never on a fixed sleep.
 */
export async function waitUntil(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs}ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
