/** Text normalisation shared by annotation and clustering. */

/** Removes diacritics (Orbán → Orban, Pintér → Pinter) after canonical decomposition. */
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss').replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L')).replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'));
}

/** The comparison key of a name: diacritics folded, lower case, punctuation dropped. */
export function nameKey(s: string): string {
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A spelling-tolerant key for names written through different transliterations: "Shandor" and
 * "Sandor", "Pintér" and "Pinter", "Zelenskyy" and "Zelensky" get one key. Only used to compare
 * names that already agree on their shape (same number of words, same type), never alone.
 */
export function translitKey(s: string): string {
  return nameKey(s)
    .replace(/sch/g, 's')
    .replace(/(?:sh|sz|zs|ch|tch|cz)/g, (m) => (m === 'zs' ? 'z' : 's'))
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/ou/g, 'u')
    .replace(/ii/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1');
}
