/** Flag value parsers: "expected X, found Y" usage errors, mapped to exit code 2. */
import { InvalidArgumentError } from 'commander';

/** A parser for a positive integer flag. */
export function positiveInt(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${flag}: expected a positive integer, found "${value}"`);
    return n;
  };
}
