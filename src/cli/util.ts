/** Small helpers shared by commands. */

export function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Run a task and, on a terminal, show a progress line when it takes more than a
 * second. Nothing is printed when stderr is not a TTY (scripts, CI, pipes).
 */
export async function withProgress<T>(label: string, task: () => Promise<T>): Promise<T> {
  if (!process.stderr.isTTY) return task();
  const started = Date.now();
  const timer = setInterval(() => {
    process.stderr.write(`\r${label}… ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }, 250);
  const first = setTimeout(() => undefined, 1000);
  try {
    return await task();
  } finally {
    clearInterval(timer);
    clearTimeout(first);
    if (Date.now() - started > 1000) process.stderr.write('\r\x1b[K');
  }
}
