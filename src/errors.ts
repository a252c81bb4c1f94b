/**
 * Errors that Dossier raises on purpose. Every error carries a stable code so the CLI can map
 * it to an exit code and the HTTP layer to a status in one place each, and a message that says
 * what was expected and what was found.
 */

/** Stable error codes. The prefix names the stage or surface that raised it. */
export type ErrorCode =
  | 'input:not-found'
  | 'input:unreadable'
  | 'input:unsupported'
  | 'input:binary'
  | 'input:undecodable'
  | 'input:invalid-record'
  | 'extract:empty'
  | 'extract:failed'
  | 'config:invalid'
  | 'store:open-failed'
  | 'store:migration-failed'
  | 'store:not-found'
  | 'pipeline:worker-failed'
  | 'pipeline:worker-crashed'
  | 'pipeline:released'
  | 'usage:invalid';

/** An expected failure with a code, a human message and optional structured details. */
export class DossierError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DossierError';
    this.code = code;
    this.details = details;
  }
}

/** Builds the usual "expected X, found Y" message. */
export function expectedFound(what: string, expected: string, found: string): string {
  return `${what}: expected ${expected}, found ${found}`;
}

/** True when `err` is a {@link DossierError}, optionally with one of the given codes. */
export function isDossierError(err: unknown, ...codes: ErrorCode[]): err is DossierError {
  return err instanceof DossierError && (codes.length === 0 || codes.includes(err.code));
}
