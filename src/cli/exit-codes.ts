/**
 * Exit codes: the one place that maps errors to what the shell sees. Documented in docs/cli.md.
 */
import { DossierError, type ErrorCode } from '../errors.js';

/** What each exit code means. */
export const EXIT = Object.freeze({
  ok: 0,
  /** A bug: an exception Dossier did not expect. */
  internal: 1,
  /** Bad command line or configuration. */
  usage: 2,
  /** An input path does not exist or cannot be read. */
  input: 3,
  /** The store could not be opened or migrated. */
  store: 4,
  /** A story, article or entity id that is not in the store. */
  notFound: 5,
  /** The run finished but some documents were rejected (only with `--strict`). */
  partial: 6,
});

/** The exit code for an error. */
export function exitCodeFor(err: unknown): number {
  if (!(err instanceof DossierError)) return EXIT.internal;
  const byPrefix: Record<string, number> = { usage: EXIT.usage, config: EXIT.usage, input: EXIT.input, store: EXIT.store };
  if (err.code === ('store:not-found' satisfies ErrorCode)) return EXIT.notFound;
  return byPrefix[err.code.split(':')[0]!] ?? EXIT.internal;
}
