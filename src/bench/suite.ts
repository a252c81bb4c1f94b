/** A benchmark suite: runs, returns the lines of its table. */
export interface BenchSuite {
  readonly name: string;
  /** `shared` is the folder holding `bench/` and `corpus/`, or null when absent. */
  run(shared: string | null): Promise<string[]>;
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
