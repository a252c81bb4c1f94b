/**
 * Sentence pairs across the articles of a story that share content, found through an inverted
 * index of stems so a 50-article story does not compare every sentence with every other.
 */
import type { PreparedArticle } from './prepare.js';
import { dice } from './text.js';

/** Two sentences of different articles and how alike they are. */
export interface SentencePair {
  readonly a: number;
  readonly i: number;
  readonly b: number;
  readonly j: number;
  /** Dice of all content stems. */
  readonly full: number;
  /** Dice of content stems without slot values. */
  readonly claim: number;
  /** Content stems shared. */
  readonly shared: number;
}

/** Stems in more sentences than this share are too common to find candidates with. */
const COMMON_SHARE = 0.15;

/** All cross-article sentence pairs with `claim` or `full` similarity of at least `min`. */
export function similarSentences(articles: readonly PreparedArticle[], min: number): SentencePair[] {
  const postings = new Map<string, number[]>();
  const refs: { a: number; i: number }[] = [];
  articles.forEach((art, a) =>
    art.sentences.forEach((s, i) => {
      const id = refs.length;
      refs.push({ a, i });
      for (const st of s.stems) {
        const list = postings.get(st);
        if (list) list.push(id);
        else postings.set(st, [id]);
      }
    }),
  );
  const limit = Math.max(20, refs.length * COMMON_SHARE);
  const candidates = new Set<number>();
  const n = refs.length;
  for (const list of postings.values()) {
    if (list.length > limit || list.length < 2) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const p = list[x]!;
        const q = list[y]!;
        if (refs[p]!.a !== refs[q]!.a) candidates.add(p * n + q);
      }
    }
  }
  const out: SentencePair[] = [];
  for (const c of candidates) {
    const p = refs[Math.floor(c / n)]!;
    const q = refs[c % n]!;
    const s = articles[p.a]!.sentences[p.i]!;
    const t = articles[q.a]!.sentences[q.i]!;
    const full = dice(s.stems, t.stems);
    const claim = dice(s.claimStems, t.claimStems);
    if (full < min && claim < min) continue;
    let shared = 0;
    for (const x of s.stems) if (t.stems.has(x)) shared++;
    out.push({ a: p.a, i: p.i, b: q.a, j: q.i, full, claim, shared });
  }
  return out.sort((x, y) => x.a - y.a || x.b - y.b || x.i - y.i || x.j - y.j);
}
