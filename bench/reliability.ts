/**
 * The reliability report: runs the property, hostile-name, bad-input and secrets
 * suites once (on the embedded PostgreSQL, like `npm test`) and prints what they
 * tried and what failed.
 *
 *   npx tsx bench/reliability.ts                 # PostgreSQL 18, 200 property cases
 *   npx tsx bench/reliability.ts --pg 14         # PostgreSQL 14
 *   npx tsx bench/reliability.ts --deep          # 2,000 property cases (RECONCILE_DEEP=1)
 *   RECONCILE_SEED=123 npx tsx bench/reliability.ts
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SUITES = ['test/property', 'test/hostile', 'test/bad-input', 'test/secrets'];

interface Stats {
  suite: string;
  cases?: number;
  identifiers?: number;
  badInputs?: number;
  secretsChecks?: number;
  rowsChecked?: number;
  seed?: number;
}

interface VitestJson {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { name: string; startTime: number; endTime: number; assertionResults: { title: string; fullName: string; status: string }[] }[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-reliability-'));
  const statsFile = path.join(dir, 'stats.jsonl');
  const jsonFile = path.join(dir, 'vitest.json');
  const pgVersion = arg('--pg') ?? process.env['RECONCILE_TEST_PG_VERSION'] ?? '18';
  const env = {
    ...process.env,
    RECONCILE_STATS_FILE: statsFile,
    RECONCILE_TEST_PG_VERSION: pgVersion,
    ...(process.argv.includes('--deep') ? { RECONCILE_DEEP: '1' } : {}),
  };
  const started = Date.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...SUITES, '--reporter=json', `--outputFile=${jsonFile}`], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // The suites print their seed and counts on stdout; keep those lines.
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) if (/^(property|PostgreSQL|collision)/.test(line)) process.stdout.write(`  ${line}\n`);
    });
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const seconds = (Date.now() - started) / 1000;
  const stats: Stats[] = existsSync(statsFile)
    ? readFileSync(statsFile, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Stats)
    : [];
  const sum = (k: keyof Stats): number => stats.reduce((n, s) => n + (typeof s[k] === 'number' && k !== 'seed' ? (s[k] as number) : 0), 0);
  const report = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as VitestJson) : null;
  const all = report?.testResults.flatMap((f) => f.assertionResults) ?? [];
  const known = all.filter((t) => /known bug/i.test(t.title));
  const failed = all.filter((t) => t.status === 'failed');
  const seed = stats.find((s) => s.seed !== undefined)?.seed;

  const rows: [string, string | number][] = [
    ['PostgreSQL', pgVersion],
    ['property cases generated', sum('cases')],
    ['property seed', seed ?? '-'],
    ['rows checked (checksums)', sum('rowsChecked')],
    ['hostile identifiers tried', sum('identifiers')],
    ['bad inputs tried', sum('badInputs')],
    ['secret/connection checks', sum('secretsChecks')],
    ['tests', report ? report.numTotalTests : '-'],
    ['failures', report ? failed.length : 'no report'],
    ['known bugs (it.fails, expected to fail)', known.length],
    ['time', `${seconds.toFixed(0)} s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write('\npg-reconcile reliability report\n');
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
  for (const f of report?.testResults ?? []) {
    process.stdout.write(`  ${path.relative(ROOT, f.name).padEnd(width)}  ${((f.endTime - f.startTime) / 1000).toFixed(1)} s\n`);
  }
  for (const t of failed) process.stdout.write(`  FAILED: ${t.fullName}\n`);
  for (const t of known) process.stdout.write(`  expected failure: ${t.title}\n`);
  process.exitCode = code;
}

await main();
