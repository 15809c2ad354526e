/**
 * Per-migration truth for the registry kinds: a faked migration whose RunSQL
 * created a function, a trigger or a policy is faked or partial, never
 * verified; one whose only effect is a kind the model does not compare is
 * never verified either.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { markLines, recordDjango, status } from './helpers.js';

const BLOG: Record<string, string> = {
  '0001_initial': 'CREATE TABLE "blog_post" ("id" bigint NOT NULL PRIMARY KEY, "title" varchar(200) NOT NULL, "author" text NOT NULL, "updated_at" timestamptz NULL);',
  '0002_touch_trigger':
    'CREATE FUNCTION blog_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;\n' +
    'CREATE TRIGGER blog_post_touch BEFORE UPDATE ON blog_post FOR EACH ROW EXECUTE FUNCTION blog_touch();',
  '0003_row_security':
    'ALTER TABLE blog_post ENABLE ROW LEVEL SECURITY;\nCREATE POLICY blog_post_own ON blog_post FOR ALL USING (author = current_user);',
  '0004_comment': "COMMENT ON TABLE blog_post IS 'posts';",
};
const KEYS = Object.keys(BLOG).map((n) => `blog.${n}`);

const dirs: string[] = [];
const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tree(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-ledger-objects-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'blog'));
  for (const [name, sql] of Object.entries(BLOG)) writeFileSync(path.join(dir, 'blog', `${name}.sql`), `BEGIN;\n${sql}\nCOMMIT;\n`);
  writeFileSync(path.join(dir, 'plan.txt'), KEYS.map((k) => `[ ]  ${k}`).join('\n') + '\n');
  return dir;
}

describe('migrations that create functions, triggers and policies', () => {
  const blog = tree();

  it('faked: recorded, none of it there; partial when some is; verified only when all is', async () => {
    const db = await createDatabase('ledger_objects');
    dbs.push(db);
    await db.exec(BLOG['0001_initial'] ?? '');
    await recordDjango(db, KEYS);
    const lines = markLines(await status(db, blog));
    expect(lines[0]).toMatch(/^ \[X\] 0001_initial/);
    expect(lines[1]).toMatch(/^ \[F\] 0002_touch_trigger +faked/);
    expect(lines[2]).toMatch(/^ \[F\] 0003_row_security +faked/);
    // A comment is compared (a registry kind): faked while it is absent.
    expect(lines[3]).toMatch(/^ \[F\] 0004_comment +faked: recorded, but 1 comment missing/);

    await db.exec('CREATE FUNCTION blog_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;');
    await db.exec('ALTER TABLE blog_post ENABLE ROW LEVEL SECURITY');
    const partial = markLines(await status(db, blog));
    expect(partial[1]).toMatch(/^ \[P\] 0002_touch_trigger +partial: 1 of 2 effects missing/);
    expect(partial[2]).toMatch(/^ \[P\] 0003_row_security +partial: 1 of 2 effects missing/);

    await db.exec(BLOG['0002_touch_trigger']?.split('\n')[1] ?? '');
    await db.exec('CREATE POLICY blog_post_own ON blog_post FOR ALL USING (author = current_user)');
    const done = markLines(await status(db, blog));
    expect(done.slice(0, 3).every((l) => l.startsWith(' [X] '))).toBe(true);
    expect(done[3]).toMatch(/^ \[F\] 0004_comment/);
    await db.exec(BLOG['0004_comment'] ?? '');
    expect(markLines(await status(db, blog))[3]).toMatch(/^ \[X\] 0004_comment +verified: 1 comment$/);
  });

  it('a policy that differs from the migration\'s is different, not verified', async () => {
    const db = await createDatabase('ledger_objects_diff');
    dbs.push(db);
    await db.exec([BLOG['0001_initial'], BLOG['0002_touch_trigger'], 'ALTER TABLE blog_post ENABLE ROW LEVEL SECURITY; CREATE POLICY blog_post_own ON blog_post FOR ALL USING (true);'].join('\n'));
    await recordDjango(db, KEYS.slice(0, 3));
    const lines = markLines(await status(db, blog));
    expect(lines[2]).toMatch(/^ \[~\] 0003_row_security/);
  });
});

describe('a migration that grants privileges', () => {
  const ROLE = `DO $$ BEGIN CREATE ROLE reconcile_ledger_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`;
  const GRANTS = 'GRANT SELECT ON blog_post TO reconcile_ledger_reader;\nGRANT UPDATE (title) ON blog_post TO reconcile_ledger_reader;';

  function grantTree(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-ledger-grants-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'blog'));
    // The role exists only on the live server: the shadow creates it to replay the GRANTs.
    writeFileSync(path.join(dir, 'blog', '0001_initial.sql'), `BEGIN;\n${BLOG['0001_initial'] ?? ''}\nCOMMIT;\n`);
    writeFileSync(path.join(dir, 'blog', '0002_grants.sql'), `BEGIN;\n${GRANTS}\nCOMMIT;\n`);
    writeFileSync(path.join(dir, 'plan.txt'), '[ ]  blog.0001_initial\n[ ]  blog.0002_grants\n');
    return dir;
  }

  it('is faked while its grants are absent, partial with one, verified with both', async () => {
    const dir = grantTree();
    const db = await createDatabase('ledger_grants');
    dbs.push(db);
    await db.exec(`${ROLE}\n${BLOG['0001_initial'] ?? ''}`);
    await recordDjango(db, ['blog.0001_initial', 'blog.0002_grants']);
    expect(markLines(await status(db, dir))[1]).toMatch(/^ \[F\] 0002_grants +faked: recorded, but 2 grants missing/);
    await db.exec('GRANT SELECT ON blog_post TO reconcile_ledger_reader');
    expect(markLines(await status(db, dir))[1]).toMatch(/^ \[P\] 0002_grants +partial: 1 of 2 effects missing/);
    await db.exec('GRANT UPDATE (title) ON blog_post TO reconcile_ledger_reader');
    expect(markLines(await status(db, dir))[1]).toMatch(/^ \[X\] 0002_grants +verified: 2 grants$/);
  });
});

describe('a migration whose effects are a composite type, a materialized view index, replica identity and UNLOGGED', () => {
  const INITIAL = `${BLOG['0001_initial'] ?? ''}\nCREATE MATERIALIZED VIEW blog_authors AS SELECT author, count(*) AS n FROM blog_post GROUP BY author;\nCREATE TABLE blog_cache (key text PRIMARY KEY, body text);`;
  const EFFECTS = [
    'CREATE TYPE blog_byline AS (author text, shown boolean);',
    'CREATE UNIQUE INDEX blog_authors_author ON blog_authors (author);',
    'ALTER TABLE blog_post REPLICA IDENTITY FULL;',
    'ALTER TABLE blog_cache SET UNLOGGED;',
  ];

  it('is faked while they are absent, partial with some, verified with all, counted by kind', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-ledger-kinds-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'blog'));
    writeFileSync(path.join(dir, 'blog', '0001_initial.sql'), `BEGIN;\n${INITIAL}\nCOMMIT;\n`);
    writeFileSync(path.join(dir, 'blog', '0002_kinds.sql'), `BEGIN;\n${EFFECTS.join('\n')}\nCOMMIT;\n`);
    writeFileSync(path.join(dir, 'plan.txt'), '[ ]  blog.0001_initial\n[ ]  blog.0002_kinds\n');
    const db = await createDatabase('ledger_kinds');
    dbs.push(db);
    await db.exec(INITIAL);
    await recordDjango(db, ['blog.0001_initial', 'blog.0002_kinds']);
    expect(markLines(await status(db, dir))[1]).toMatch(/^ \[F\] 0002_kinds +faked: recorded, but /);
    await db.exec(EFFECTS.slice(0, 2).join('\n'));
    expect(markLines(await status(db, dir))[1]).toMatch(/^ \[P\] 0002_kinds +partial: 2 of 4 effects missing/);
    await db.exec(EFFECTS.slice(2).join('\n'));
    expect(markLines(await status(db, dir))[1]).toMatch(
      /^ \[X\] 0002_kinds +verified: 1 composite type, 1 materialized view index, 1 replica identity, 1 unlogged setting$/,
    );
  });
});
