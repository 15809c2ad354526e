/**
 * A declared grant to the role that owns the object on the live server is held there
 * (ownership holds every privilege, with grant option): not missing. The live side's
 * `owners` row says who owns what; these cases need no server.
 */
import { describe, expect, it } from 'vitest';
import { compareObjects } from '../../src/diff/objects.js';
import type { GrantEntry, GrantOwners } from '../../src/objects/grant/model.js';

const grant = (over: Partial<GrantEntry>): GrantEntry => ({
  kind: 'grant',
  on: 'table',
  schema: 'app',
  name: 't',
  sub: '',
  grantee: 'app_owner',
  privilege: 'SELECT',
  revoked: false,
  grantable: false,
  ...over,
});

const owners = (session: string, owned: string[][]): GrantOwners => ({ kind: 'grant', on: 'owners', grantee: session, owned });
const kinds = (cs: readonly { kind: string }[]): string[] => cs.map((c) => c.kind);

describe('grants to the owner on the live server', () => {
  const live = [owners('admin', [['relation', 'app', 't', '', 'app_owner'], ['routine', 'app', 'f', 'integer', 'app_owner'], ['schema', 'app', '', '', 'app_owner'], ['type', 'app', 'mood', '', 'app_owner']])];

  it('table, column, sequence, function, schema and type grants to their owner are held, with grant option or not', () => {
    const declared = [
      grant({}),
      grant({ privilege: 'UPDATE', grantable: true }),
      grant({ on: 'column', sub: 'email' }),
      grant({ on: 'function', name: 'f', sub: 'integer', privilege: 'EXECUTE', grantable: true }),
      grant({ on: 'schema', schema: 'app', name: '', privilege: 'USAGE' }),
      grant({ on: 'type', name: 'mood', privilege: 'USAGE' }),
    ];
    expect(compareObjects([...declared, owners('postgres', [])], live)).toEqual([]);
  });

  it('a grant to another role, on another overload, or on an object the owner does not own is still missing', () => {
    const declared = [grant({ grantee: 'reader' }), grant({ on: 'function', name: 'f', sub: 'text', privilege: 'EXECUTE' }), grant({ name: 'u' })];
    expect(kinds(compareObjects(declared, live))).toEqual(['missing-object', 'missing-object', 'missing-object']);
  });

  it('an object no other role owns (or one the plan creates) belongs to the session role: a grant to it is held', () => {
    expect(compareObjects([grant({ name: 'u', grantee: 'admin' })], live)).toEqual([]);
    expect(kinds(compareObjects([grant({ name: 't', grantee: 'admin' })], live))).toEqual(['missing-object']);
  });

  it('default privileges to the role whose new objects they are for are held (PostgreSQL stores nothing for them)', () => {
    const forSession = grant({ on: 'default', schema: '', name: 'tables', sub: '', grantee: 'admin' });
    const forOwner = grant({ on: 'default', schema: 'app', name: 'tables', sub: 'app_owner', grantee: 'app_owner' });
    expect(compareObjects([forSession, forOwner], live)).toEqual([]);
    expect(kinds(compareObjects([{ ...forSession, grantee: 'app_owner' }], live))).toEqual(['missing-object']);
  });

  it('revokes and PUBLIC are never held; without an owners row nothing is', () => {
    const revoke = grant({ on: 'function', name: 'f', sub: 'integer', privilege: 'EXECUTE', grantee: 'public', revoked: true });
    expect(kinds(compareObjects([revoke], live))).toEqual(['missing-object']);
    expect(kinds(compareObjects([grant({})], []))).toEqual(['missing-object']);
  });

  it('the owners row is neither missing nor extra, and an extra live grant is still extra', () => {
    expect(compareObjects([owners('postgres', [])], [])).toEqual([]);
    expect(kinds(compareObjects([], [...live, grant({ grantee: 'postgres' })]))).toEqual(['extra-object']);
  });
});
