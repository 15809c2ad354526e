/**
 * A column type change under objects PostgreSQL will not change it under (views, policies,
 * triggers, SQL-standard function bodies): they are dropped before the ALTER and created
 * again after it in one transaction, so no other session ever finds them missing; without
 * the `replace` hazard allowed the whole group is withheld (the plan still runs); what cannot
 * be dropped around it (outside the compared schemas, a generated column) is a warning.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyRepair } from '../../src/api/apply.js';
import { planRepair } from '../../src/api/plan.js';
import { readTypeFacts } from '../../src/api/type-facts.js';
import { compare } from '../../src/diff/index.js';
import { openPool } from '../../src/db/pool.js';
import { plan as makePlan } from '../../src/plan/index.js';
import { tempDir, writeFile } from '../declared/helpers.js';
import { databasesForFile } from '../helpers/databases.js';
import { createDatabase } from '../helpers/db.js';

const TABLE = (width: number): string => `
CREATE TABLE ticket (id bigint PRIMARY KEY, owner varchar(${width}) NOT NULL, title text NOT NULL);
CREATE VIEW open_ticket AS SELECT id, owner FROM ticket;
ALTER TABLE ticket ENABLE ROW LEVEL SECURITY;
CREATE POLICY ticket_owner ON ticket USING (owner = current_user);
CREATE FUNCTION ticket_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER ticket_owner_changed BEFORE UPDATE OF owner ON ticket FOR EACH ROW EXECUTE FUNCTION ticket_touch();
`;
const DECLARED = TABLE(64);
const LIVE = `${TABLE(16)}
INSERT INTO ticket SELECT g, 'u' || g, 't' || g FROM generate_series(1, 10) g;`;

const database = databasesForFile();

async function ownerType(db: { query: <R extends object>(sql: string) => Promise<R[]> }): Promise<string> {
  const [row] = await db.query<{ t: string }>(`SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = 'public.ticket'::regclass AND attname = 'owner'`);
  return row!.t;
}

describe('type change under dependent objects', () => {
  it('without replace allowed the whole group is withheld: the plan holds nothing of it and apply refuses by name', async () => {
    const db = await database('tdep_withheld', LIVE);
    const file = writeFile(tempDir('tdep-withheld'), 'schema.sql', DECLARED);
    const planned = await planRepair({ url: db.url, from: file });
    expect(planned.plan.statements.map((s) => s.description)).toEqual([]);
    const alter = planned.plan.withheld.find((s) => s.sql.includes('ALTER COLUMN "owner" TYPE'));
    expect(alter?.description).toBe(
      'change type of public.ticket.owner from character varying(16) to character varying(64), dropping and creating again policy ticket_owner on public.ticket, trigger ticket_owner_changed on public.ticket, view public.open_ticket',
    );
    expect(alter?.hazards.map((h) => h.kind)).toEqual(['replace']);
    // apply names what it will not do and changes nothing.
    await expect(applyRepair({ url: db.url, from: file })).rejects.toThrow(/hazardous \(replace\) and were not allowed: change type of public\.ticket\.owner/);
    expect(await ownerType(db)).toBe('character varying(16)');
  });

  it('with replace allowed, another session waits on the lock and never finds the view or the policy missing', async () => {
    const db = await database('tdep_atomic', LIVE);
    const file = writeFile(tempDir('tdep-atomic'), 'schema.sql', DECLARED);
    const planned = await planRepair({ url: db.url, from: file, options: { allowHazards: ['replace'] } });
    const [alter] = planned.plan.statements;
    expect(planned.plan.statements).toHaveLength(1);
    const a = new pg.Client(db.url);
    const b = new pg.Client(db.url);
    await a.connect();
    await b.connect();
    try {
      await a.query('BEGIN');
      await a.query(alter!.sql);
      // Inside the open transaction the view is back already; outside it, it has never gone.
      await b.query(`SET lock_timeout = '200ms'`);
      await expect(b.query('SELECT count(*) FROM open_ticket')).rejects.toThrow(/lock timeout/);
      await a.query('COMMIT');
      const r = await b.query<{ n: string }>('SELECT count(*)::text AS n FROM open_ticket');
      expect(r.rows[0]?.n).toBe('10');
    } finally {
      await a.end();
      await b.end();
    }
    expect(await ownerType(db)).toBe('character varying(64)');
    const [policy] = await db.query<{ qual: string }>(`SELECT qual FROM pg_policies WHERE tablename = 'ticket' AND policyname = 'ticket_owner'`);
    expect(policy?.qual).toContain('CURRENT_USER');
    const [trigger] = await db.query<{ def: string }>(`SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgname = 'ticket_owner_changed'`);
    expect(trigger?.def).toContain('UPDATE OF owner');
    expect((await planRepair({ url: db.url, from: file })).plan.statements).toEqual([]);
  });

  it('a view outside the compared schemas reading the column is a warning, not a script that stops', async () => {
    const live = `${LIVE}\nCREATE SCHEMA reporting; CREATE VIEW reporting.owners AS SELECT DISTINCT owner FROM public.ticket;`;
    const db = await database('tdep_scope', live);
    const file = writeFile(tempDir('tdep-scope'), 'schema.sql', DECLARED);
    const planned = await planRepair({ url: db.url, from: file, schemas: ['public'], options: { allowHazards: ['replace'] } });
    expect(planned.plan.statements.filter((s) => s.sql.includes('ALTER COLUMN "owner" TYPE'))).toEqual([]);
    const warning = planned.plan.notes.find((n) => n.message.startsWith('type change of public.ticket.owner'));
    expect(warning?.level).toBe('warning');
    expect(warning?.message).toContain('used by view reporting.owners (it is not in the compared schemas');
    const report = await applyRepair({ url: db.url, from: file, schemas: ['public'], planOptions: { allowHazards: ['replace'] } });
    expect(report.stillNeeded.length).toBeGreaterThan(0);
    expect(await ownerType(db)).toBe('character varying(16)');
  });

  it('a planner given no registry objects warns instead of planning an ALTER PostgreSQL would refuse', async () => {
    const declaredDb = await database('tdep_noobj_declared', DECLARED);
    const live = await createDatabase('tdep_noobj_live');
    try {
      await live.exec(LIVE);
      const liveModel = await live.inspect();
      const changes = compare(await declaredDb.inspect(), liveModel);
      const pool = await openPool(live.connection, { max: 1 });
      try {
        const typeFacts = await readTypeFacts(pool, changes, liveModel, {});
        const p = makePlan(changes, { serverVersion: 0, tablesWithRows: new Set(['["public","ticket"]']), options: { allowHazards: ['replace'] }, typeFacts });
        expect(p.statements.filter((s) => s.sql.includes('ALTER COLUMN "owner" TYPE'))).toEqual([]);
        expect(p.notes.map((n) => n.message).join('\n')).toContain('type change of public.ticket.owner from character varying(16) to character varying(64) is not planned');
      } finally {
        await pool.end();
      }
    } finally {
      await live.drop();
    }
  });
});
