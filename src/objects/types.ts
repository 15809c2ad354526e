/**
 * The registry's contract: what one object kind (functions, views, triggers,
 * policies, row-security flags, ...) provides to every stage of the pipeline.
 *
 * A kind keeps together its bulk catalog query (one for the whole database,
 * scoped by `nspname = ANY($1)`), its model, its comparison and its statements.
 * The stages (introspect, diff, plan, render) iterate the registry in
 * objects/index.ts instead of knowing each kind.
 */
import type { QualifiedName } from '../model/types.js';
import type { CatalogObject } from './model.js';
import type { Hazard, LockLevel, Phase } from '../plan/types.js';

/** A statement a kind proposes; the planner attaches the change it repairs. */
export interface ObjectStatement {
  readonly phase: Phase;
  readonly description: string;
  readonly sql: string;
  /** A query answering `needed`, comparing the definition (not just the name). */
  readonly guard: string;
  readonly lockLevel?: LockLevel;
  readonly locks?: readonly QualifiedName[];
  readonly duration?: 'brief' | 'long';
  readonly hazards?: readonly Hazard[];
  /**
   * The statement drops the object (and what depends on it) and creates it again:
   * PostgreSQL loses the grants and comments attached to it, so they are set again after it.
   */
  readonly recreates?: boolean;
  /**
   * The existing table the statement rewrites (SET LOGGED / UNLOGGED): the planner adds
   * the `rewrite` hazard when it holds rows, none when the plan creates it or it is empty.
   */
  readonly rewrites?: QualifiedName;
  /** False for `CONCURRENTLY` builds and drops (they run outside any transaction); true by default. */
  readonly transactional?: boolean;
  /** Guarded SQL run after the statement failed (the invalid index a failed concurrent build leaves). */
  readonly cleanup?: { readonly guard: string; readonly sql: string };
}

/** What a comparison may know beyond the two objects. */
export interface CompareContext {
  /** Schema names of both models (to tell a schema qualifier from a table qualifier in view text). */
  readonly schemas: ReadonlySet<string>;
}

/** What a kind's planning may know beyond the objects. */
export interface ObjectPlanContext {
  /** Display names of live objects that depend on the one being replaced (directly or not). */
  readonly dependents: readonly string[];
  /**
   * When those dependents can be created again from the model (views and aggregates it declares): SQL
   * dropping them (dependents first) and creating them (in creation order), to wrap a
   * drop-and-create. Null when something else depends on it: the drop then fails rather
   * than cascading.
   */
  readonly around: { readonly drops: readonly string[]; readonly creates: readonly string[] } | null;
}

export interface ObjectKindDef<O extends { readonly kind: string }> {
  readonly kind: O['kind'];
  /** `function`, `policy`, ... */
  readonly noun: string;
  /**
   * An object of this kind that depends on one being dropped and created again can be
   * dropped and created with it from the model (views, aggregates: no rows of their own).
   */
  readonly recreatable?: boolean;
  /** Extra live objects of this kind are shown as warnings (security-relevant), though kept. */
  readonly securityRelevant: boolean;
  /** Why an extra live object matters though it is kept (shown as a warning), when it does. */
  extraRisk?(o: O): string;
  /** The bulk catalog query for `server_version_num`; `$1` is the schema list. */
  sql(serverVersion: number): string;
  /** One raw row of that query to the model (raw row types stay private to the kind). */
  fromRow(row: Record<string, unknown>): O;
  /** Parts of the identity, without the kind (schema first). */
  identity(o: O): readonly string[];
  /** The table the object belongs to (policies, triggers, RLS flags), if any. */
  table(o: O): QualifiedName | null;
  /** Human name, e.g. `public.f(integer)`, `policy p on public.t`. */
  display(o: O): string;
  /** Roles the object names (policy roles, grantees): creating it fails on a server that lacks one. */
  roles?(o: O): readonly string[];
  /**
   * The keys of the registry object it may be attached to (a grant or comment on a function,
   * view or domain): dropping and creating that object takes it along, so it is set again.
   */
  partOf?(o: O): readonly string[];
  /** Keys (objectKey) of other registry objects it needs to exist first. */
  dependsOn(o: O): readonly string[];
  /**
   * The live server holds the object without an object of its own for it (a grant to the role
   * that owns the object there), or it is only read to tell that: neither missing nor extra.
   */
  held?(o: O, live: ReadonlyMap<string, CatalogObject>): boolean;
  /** Aspects that differ (empty when equal). */
  differs(declared: O, live: O, ctx: CompareContext): readonly string[];
  /**
   * Why the difference cannot be repaired here (a warning, no statement), or null: a range type
   * that columns use cannot be dropped and created again.
   */
  unrepairable?(declared: O, live: O, aspects: readonly string[]): string | null;
  /** Statements creating a missing object. */
  create(o: O): readonly ObjectStatement[];
  /** Statements making `live` as `declared`. */
  repair(declared: O, live: O, aspects: readonly string[], ctx: ObjectPlanContext): readonly ObjectStatement[];
  /** The object as DDL for people (the unified diff of a plan), e.g. its `CREATE` statement. */
  text(o: O): string;
  /** `DROP ...` of the object, for dropping it around the replacement of something it depends on. */
  drop(o: O): string;
  /** SQL condition, true when the database holds the object as declared (guards and final verification). */
  present(o: O): string;
}
