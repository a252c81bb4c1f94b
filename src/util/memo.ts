/** Remembering the answers of a pure string function, for one caller's use. */

/**
 * `f`, remembering each answer for the life of the returned function. Made per call of the
 * caller (never kept in a module), so what it holds is freed with the caller's data.
 */
export function memoized(f: (s: string) => string): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) seen.set(s, (v = f(s)));
    return v;
  };
}
