/**
 * The interleaved live-schema hash (computed in slices while plan's catalog
 * queries run) is the same value as the one-piece hash, on a real model read
 * from PostgreSQL and on edge cases of JSON.stringify.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Schema } from '../../src/model/types.js';
import { schemaHash, schemaHashInterleaved } from '../../src/model/hash.js';
import { createDatabase, type TestDb } from '../helpers/db.js';

describe('schemaHashInterleaved', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('equals schemaHash on a model read from the server (600 tables: several slices)', async () => {
    const db = await createDatabase('hash');
    dbs.push(db);
    await db.exec(`
      CREATE TYPE public.mood AS ENUM ('ok', 'meh');
      CREATE SEQUENCE public.counter;
      DO $$ BEGIN FOR i IN 1..600 LOOP
        EXECUTE format('CREATE TABLE public.%I (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL DEFAULT %L, m public.mood, n numeric(10,2) CHECK (n > 0), "Odd ""name" varchar(20) UNIQUE)', 't' || i, 'x' || i);
        EXECUTE format('CREATE INDEX %I ON public.%I (lower(name)) WHERE n IS NOT NULL', 'ix' || i, 't' || i);
      END LOOP; END $$;
      CREATE VIEW public.v AS SELECT id, name FROM public.t1;`);
    const model = await db.inspect();
    expect(model.tables.length).toBe(600);
    expect(await schemaHashInterleaved(model)).toBe(schemaHash(model));
    const changed = { ...model, tables: model.tables.slice(1) };
    expect(await schemaHashInterleaved(changed)).not.toBe(schemaHash(model));
  });

  it('follows JSON.stringify on undefined values, empty arrays and unicode', async () => {
    const odd = { schemas: [], tables: [{ name: 'é\u2028"\\', schema: 'x', columns: [undefined] }], enums: [], sequences: [], extensions: [], views: [], extra: undefined } as unknown as Schema;
    expect(await schemaHashInterleaved(odd)).toBe(schemaHash(odd));
  });
});
