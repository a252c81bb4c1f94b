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
