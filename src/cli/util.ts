/** Small helpers shared by commands. */

export function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Run a task and, on a terminal, show a progress line once it has taken more
 * than a second (then updated every 250 ms, erased at the end). Nothing is
 * printed when stderr is not a TTY (scripts, CI, pipes), nor for quick tasks.
 */
export async function withProgress<T>(label: string, task: () => Promise<T>): Promise<T> {
  if (!process.stderr.isTTY) return task();
  const started = Date.now();
  let shown = false;
  let ticker: NodeJS.Timeout | undefined;
  const tick = (): void => {
    shown = true;
    process.stderr.write(`\r${label}… ${((Date.now() - started) / 1000).toFixed(1)}s`);
  };
  const first = setTimeout(() => {
    tick();
    ticker = setInterval(tick, 250);
  }, 1000);
  try {
    return await task();
  } finally {
    clearTimeout(first);
    if (ticker) clearInterval(ticker);
    if (shown) process.stderr.write('\r\x1b[K');
  }
}
