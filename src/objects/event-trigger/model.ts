/**
 * An event trigger (`CREATE EVENT TRIGGER`): database-wide, it runs a function
 * on DDL (`ddl_command_start`, `ddl_command_end`, `sql_drop`, `table_rewrite`,
 * `login` on 17+), for every command or only the tags it names.
 */
import type { EnabledState } from '../sql.js';

export interface EventTriggerObject {
  readonly kind: 'event-trigger';
  readonly name: string;
  readonly event: string;
  /** The function it runs (it takes no arguments and returns `event_trigger`). */
  readonly functionSchema: string;
  readonly function: string;
  /** The command tags of `WHEN TAG IN (…)`, sorted; empty: every command. */
  readonly tags: readonly string[];
  readonly enabled: EnabledState;
}
