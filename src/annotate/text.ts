/** Text normalisation shared by annotation and clustering. */

/** Any character outside ASCII: only such strings can carry diacritics or special letters. */
const NON_ASCII = /[^\x00-\x7f]/;
/** One plain word or words joined by single spaces: their keys are just their lower case. */
const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** Removes diacritics (Orbán → Orban, Pintér → Pinter) after canonical decomposition. */
export function foldDiacritics(s: string): string {
  // Most of news text is ASCII, where decomposition and the replacements below change nothing.
  if (!NON_ASCII.test(s)) return s;
  return s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss').replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L')).replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'));
}

/** The comparison key of a name: diacritics folded, lower case, punctuation dropped. */
export function nameKey(s: string): string {
  // The common case, "Viktor Orban": nothing to fold, strip or collapse.
  if (PLAIN_WORDS.test(s)) return s.toLowerCase();
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
