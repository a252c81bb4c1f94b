/**
 * Sorting by integer keys. A story of many copies has tens of thousands of sentence pairs, sorted
 * twice per comparison; sorting numbers in a typed array is several times faster than sorting
 * records with a comparator that reads their fields.
 */

/** Keys are exact in a double below this. */
const EXACT = 2 ** 53;

/**
 * `items` ordered by `keyOf`, ascending. Keys must be distinct non-negative integers below
 * `bound`: then the order is the one any correct sort gives, whatever the algorithm. Each key is
 * packed with its item's position into one number, so one native numeric sort does the work; when
 * that number could exceed what a double holds exactly, a comparator sort on the keys does.
 */
export function sortByKey<T>(items: readonly T[], keyOf: (item: T) => number, bound: number): T[] {
  const n = items.length;
  if (n < 2) return [...items];
  if (bound * n < EXACT) {
    const packed = new Float64Array(n);
    for (let k = 0; k < n; k++) packed[k] = keyOf(items[k]!) * n + k;
    packed.sort();
    const out = new Array<T>(n);
    for (let k = 0; k < n; k++) out[k] = items[packed[k]! % n]!;
    return out;
  }
  const keys = items.map(keyOf);
  return items
    .map((_, k) => k)
    .sort((x, y) => keys[x]! - keys[y]!)
    .map((k) => items[k]!);
}
