/**
 * Per-document messages. Stages never return `null` without a reason: they push a message
 * with a severity and an origin such as `extract:too-short`, and the run goes on.
 */

/** How bad a message is: `error` means the document could not be used. */
export type Severity = 'info' | 'warning' | 'error';

/** One message about one document, from one stage rule. */
export interface Diagnostic {
  readonly severity: Severity;
  /** `stage:rule`, e.g. `extract:too-short`, `ingest:binary`. */
  readonly origin: string;
  readonly message: string;
  /** The input path or URL the message is about. */
  readonly source?: string;
}

/** Collects messages during a stage; passed in, never global. */
export class Messages {
  readonly #items: Diagnostic[] = [];

  /** Records a message. */
  push(severity: Severity, origin: string, message: string, source?: string): void {
    this.#items.push(source === undefined ? { severity, origin, message } : { severity, origin, message, source });
  }

  info(origin: string, message: string, source?: string): void {
    this.push('info', origin, message, source);
  }

  warn(origin: string, message: string, source?: string): void {
    this.push('warning', origin, message, source);
  }

  error(origin: string, message: string, source?: string): void {
    this.push('error', origin, message, source);
  }

  /** A frozen copy of what was collected so far. */
  list(): readonly Diagnostic[] {
    return Object.freeze([...this.#items]);
  }

  get hasErrors(): boolean {
    return this.#items.some((d) => d.severity === 'error');
  }
}
