/**
 * Typed errors. Library code throws `ReconcileError` with a `code`; only `cli/`
 * turns codes into exit codes and one line on stderr.
 */
export type ErrorCode =
  | 'bad-input' // options, paths, sources the user gave us
  | 'connection' // server unreachable, refused, TLS
  | 'auth' // wrong password, role missing, no privilege
  | 'not-found' // database or schema that does not exist
  | 'source' // declared source failed to load or replay
  | 'refused' // hazards not allowed, blockers, another run holds the lock
  | 'internal';

export class ReconcileError extends Error {
  override readonly name = 'ReconcileError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What the user can do about it, appended after the message. */
    readonly hint?: string,
    /** A longer report printed before the one-line error (e.g. the lock report behind a refusal). */
    readonly details?: string,
  ) {
    super(message);
  }

  /** One line: what, where, what to do. */
  oneLine(): string {
    return this.hint ? `${this.message} (${this.hint})` : this.message;
  }
}

export function isReconcileError(e: unknown): e is ReconcileError {
  return e instanceof ReconcileError;
}
