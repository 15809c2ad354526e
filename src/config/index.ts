/**
 * `reconcile.config.json` or `reconcile.config.ts`, found upward from the
 * working directory (or given with `--config`). Command-line options override
 * it. Unknown keys and wrong types are errors that name the key.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReconcileError } from '../errors.js';

export interface Config {
  /** The live database URL. */
  readonly url?: string;
  /** Name of the environment variable that holds the URL (so the file holds no secret). */
  readonly urlEnv?: string;
  readonly from?: string;
  readonly ledger?: string;
  readonly shadow?: string;
  readonly schemas?: readonly string[];
  readonly exclude?: readonly string[];
  readonly lockTimeout?: string;
  readonly retries?: number;
  readonly allowHazards?: readonly string[];
  readonly assumeTimezone?: string;
  /** `schema.table.column=EXPR` conversions for column type changes (`--using`). */
  readonly using?: readonly string[];
}

export const CONFIG_NAMES = ['reconcile.config.json', 'reconcile.config.ts', 'reconcile.config.js'] as const;

type Kind = 'string' | 'strings' | 'number';
const KEYS: Readonly<Record<keyof Config, Kind>> = {
  url: 'string',
  urlEnv: 'string',
  from: 'string',
  ledger: 'string',
  shadow: 'string',
  schemas: 'strings',
  exclude: 'strings',
  lockTimeout: 'string',
  retries: 'number',
  allowHazards: 'strings',
  assumeTimezone: 'string',
  using: 'strings',
};

/** The nearest config file at or above `dir`, or null. */
export function findConfig(dir: string): string | null {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

function validate(raw: unknown, file: string): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ReconcileError('bad-input', `${file}: the configuration must be an object`);
  }
  for (const [key, value] of Object.entries(raw)) {
    const kind = KEYS[key as keyof Config];
    if (!kind) throw new ReconcileError('bad-input', `${file}: unknown key "${key}"`, `known keys: ${Object.keys(KEYS).join(', ')}`);
    const ok =
      kind === 'string'
        ? typeof value === 'string'
        : kind === 'number'
          ? typeof value === 'number' && Number.isInteger(value) && value >= 0
          : Array.isArray(value) && value.every((v) => typeof v === 'string');
    if (!ok) {
      const want = kind === 'string' ? 'a string' : kind === 'number' ? 'a whole number' : 'a list of strings';
      throw new ReconcileError('bad-input', `${file}: "${key}" must be ${want}`);
    }
  }
  const config = raw as Config;
  if (config.url && config.urlEnv) throw new ReconcileError('bad-input', `${file}: give "url" or "urlEnv", not both`);
  return config;
}

export async function loadConfig(file: string): Promise<Config> {
  if (!existsSync(file)) throw new ReconcileError('bad-input', `configuration file ${file} does not exist`);
  if (file.endsWith('.json')) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ReconcileError('bad-input', `${file}: not valid JSON: ${(e as Error).message.split('\n')[0]}`);
    }
    return validate(raw, file);
  }
  let mod: { default?: unknown };
  try {
    const { tsImport } = await import('tsx/esm/api');
    mod = (await tsImport(pathToFileURL(path.resolve(file)).href, import.meta.url)) as { default?: unknown };
  } catch (e) {
    throw new ReconcileError('bad-input', `${file}: cannot load: ${(e as Error).message.split('\n')[0]}`);
  }
  return validate(mod.default, file);
}

/** Command-line option names (commander's camelCase) for each config key. */
export function configAsOptions(config: Config, env: NodeJS.ProcessEnv = process.env): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const url = config.urlEnv ? env[config.urlEnv] : config.url;
  if (config.urlEnv && !url) throw new ReconcileError('bad-input', `the configuration names ${config.urlEnv} for the URL, but it is not set`);
  if (url) out['url'] = url;
  if (config.from) out['from'] = config.from;
  if (config.ledger) out['ledger'] = config.ledger;
  if (config.shadow) out['shadow'] = config.shadow;
  if (config.schemas) out['schema'] = config.schemas.join(',');
  if (config.exclude) out['exclude'] = [...config.exclude];
  if (config.lockTimeout) out['lockTimeout'] = config.lockTimeout;
  if (config.retries !== undefined) out['retries'] = String(config.retries);
  if (config.allowHazards) out['allowHazards'] = config.allowHazards.join(',');
  if (config.assumeTimezone) out['assumeTimezone'] = config.assumeTimezone;
  if (config.using) out['using'] = [...config.using];
  return out;
}
