/**
 * The evaluation gate: suites measure quality on labelled data in `../shared/bench` (and the
 * seeds), print figures, and fail the run when a metric falls below its pinned minimum.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** One measured figure, with the minimum the gate pins for it (if any). */
export interface Metric {
  readonly name: string;
  readonly value: number;
  /** The gate fails when `value` is below this. Absent: reported only (e.g. held-out figures). */
  readonly min?: number;
}

/** What a suite reports. */
export interface SuiteResult {
  readonly metrics: readonly Metric[];
  /** Extra lines to print (per-set tables, examples). */
  readonly notes?: readonly string[];
}

/** An evaluation suite. */
export interface EvalSuite {
  readonly name: string;
  /** Runs the suite; `shared` is the folder holding `bench/` and `corpus/`. */
  run(shared: string): Promise<SuiteResult>;
}

/** The `shared` folder: `$DOSSIER_SHARED`, else `../shared` beside the checkout. */
export function sharedDir(): string | null {
  const candidates = [process.env['DOSSIER_SHARED'], resolve(process.cwd(), '../shared')].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(resolve(p, 'bench')) || existsSync(resolve(p, 'corpus'))) ?? null;
}
