/**
 * Lookups in lists of spans kept in text order (entities, names, speakers).
 */

/** Index of the first item starting at or after `position` in `items` sorted by `start` (binary search). */
export function firstStartingFrom(items: readonly { readonly start: number }[], position: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
