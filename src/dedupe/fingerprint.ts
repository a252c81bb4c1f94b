/**
 * Exact-duplicate detection by a hash of the normalised text: the same wire story republished
 * with different whitespace, quote marks or letter case is one text.
 */
import { sha256Hex } from '../util/hash.js';

/**
 * Whitespace runs other than a single space: replacing them with one space collapses every run,
 * as replacing all of /\s+/ did, without rewriting each of the text's ordinary word gaps.
 */
const SPACE_RUNS = / \s+|[^\S ]\s*/g;

/**
 * Normalises text for exact-duplicate comparison: Unicode NFKC, typographic quotes and dashes
 * to ASCII, case folded, all whitespace collapsed.
 */
export function normaliseForHash(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(SPACE_RUNS, ' ')
    .trim();
}

/** The content hash of an article text (sha256 hex of the normalised text). */
export function contentHash(text: string): string {
  return sha256Hex(normaliseForHash(text));
}

/** The article id for a content hash: short enough to type, long enough not to collide. */
export function articleIdFor(hash: string): string {
  return hash.slice(0, 16);
}
