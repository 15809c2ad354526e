/**
 * A large source is replayed on the embedded PostgreSQL instead of PGlite (src/declared/shadow.ts,
 * EMBEDDED_SHADOW_BYTES). The threshold is lowered here so the chat app counts as large: the model
 * must be the one PGlite reads, and the notice must say where it was replayed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadDeclared } from '../../src/declared/index.js';
import { EMBEDDED_SHADOW_BYTES, wantsEmbedded } from '../../src/declared/shadow.js';
import { DJANGO_TREE, NO_CACHE } from './helpers.js';

const KEY = 'RECONCILE_EMBEDDED_SHADOW_BYTES';
const before = process.env[KEY];
afterEach(() => {
  if (before === undefined) delete process.env[KEY];
  else process.env[KEY] = before;
});

describe('the shadow chosen by size', () => {
  it('from the threshold on, without --shadow and without extensions: the embedded server; else PGlite', () => {
    delete process.env[KEY];
    expect(wantsEmbedded({ extensions: [], cacheDir: null, ddlBytes: EMBEDDED_SHADOW_BYTES })).toBe(true);
    expect(wantsEmbedded({ extensions: [], cacheDir: null, ddlBytes: EMBEDDED_SHADOW_BYTES - 1 })).toBe(false);
    expect(wantsEmbedded({ url: 'postgres://x/y', extensions: [], cacheDir: null, ddlBytes: EMBEDDED_SHADOW_BYTES })).toBe(false);
    expect(wantsEmbedded({ extensions: [{ name: 'citext', file: 'a.sql', line: 1 }], cacheDir: null, ddlBytes: EMBEDDED_SHADOW_BYTES })).toBe(false);
    process.env[KEY] = '-1';
    expect(wantsEmbedded({ extensions: [], cacheDir: null, ddlBytes: 10 * EMBEDDED_SHADOW_BYTES })).toBe(false);
  });

  it('a source replayed on the embedded server reads as the same model as in PGlite, and says where it ran', async () => {
    delete process.env[KEY];
    const inPglite = await loadDeclared(DJANGO_TREE, { ...NO_CACHE, snapshots: true });
    expect(inPglite.notices.join('\n')).not.toContain('embedded PostgreSQL');
    process.env[KEY] = '0';
    const onServer = await loadDeclared(DJANGO_TREE, { ...NO_CACHE, snapshots: true });
    expect(onServer.notices.join('\n')).toMatch(/shadow: 0\.\d MB of DDL replayed on the embedded PostgreSQL 18/);
    expect(onServer.schema).toEqual(inPglite.schema);
    expect(onServer.snapshots.map((s) => s.after)).toEqual(inPglite.snapshots.map((s) => s.after));
  });
});
