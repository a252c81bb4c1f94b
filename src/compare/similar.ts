/**
 * Sentence pairs across the articles of a story that share content, found through an inverted
 * index of stems so a 50-article story does not compare every sentence with every other.
 * Stories repeat themselves (wire copies, rewrites that keep whole sentences): sentences with the
 * same content words are compared once, and the result is given to every pair of their copies.
 */
import type { PreparedArticle, PreparedSentence } from './prepare.js';
import { sortByKey } from './order.js';
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

/** Sentences with one set of content stems (and of claim stems), and where they occur. */
interface Variant {
  readonly sentence: PreparedSentence;
  /** Occurrences as sentence ids (article-major order), ascending. */
  readonly ids: number[];
}

/** All cross-article sentence pairs with `claim` or `full` similarity of at least `min`. */
export function similarSentences(articles: readonly PreparedArticle[], min: number): SentencePair[] {
  // Pairs are across articles: a story of one article (most stories) has none.
  if (articles.length < 2) return [];
  // Sentence ids in article order, and the distinct variants they are occurrences of.
  const articleOf: number[] = [];
  const indexOf: number[] = [];
  const variants: Variant[] = [];
  const byKey = new Map<string, number>();
  // Copies of a sentence share its stem sets: their key is written once.
  const keyOf = new Map<ReadonlySet<string>, { readonly claimStems: ReadonlySet<string>; readonly key: string }>();
  articles.forEach((art, a) =>
    art.sentences.forEach((s, i) => {
      const id = articleOf.length;
      articleOf.push(a);
      indexOf.push(i);
      let known = keyOf.get(s.stems);
      if (known === undefined || known.claimStems !== s.claimStems) {
        known = { claimStems: s.claimStems, key: `${[...s.stems].join(' ')}\u0000${[...s.claimStems].join(' ')}` };
        keyOf.set(s.stems, known);
      }
      const key = known.key;
      let v = byKey.get(key);
      if (v === undefined) {
        v = variants.length;
        byKey.set(key, v);
        variants.push({ sentence: s, ids: [] });
      }
      variants[v]!.ids.push(id);
    }),
  );
  const n = articleOf.length;
  // How many sentences hold each stem (counting copies), and which variants hold it.
  const count = new Map<string, number>();
  const holders = new Map<string, number[]>();
  variants.forEach((v, k) => {
    for (const st of v.sentence.stems) {
      count.set(st, (count.get(st) ?? 0) + v.ids.length);
      const list = holders.get(st);
      if (list) list.push(k);
      else holders.set(st, [k]);
    }
  });
  const limit = Math.max(20, n * COMMON_SHARE);

  // Stems too common to find candidates with still count towards similarity: each variant keeps
  // a bit mask of the common stems it holds, so their overlap is a few AND and popcount operations.
  const common = new Map<string, number>();
  for (const [st, c] of count) if (c > limit) common.set(st, common.size);
  const words = Math.ceil(common.size / 32);
  const masks = new Uint32Array(variants.length * words);
  variants.forEach((v, k) => {
    for (const st of v.sentence.stems) {
      const bit = common.get(st);
      if (bit !== undefined) masks[k * words + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  });

  // Candidate variant pairs share a stem that is neither unique nor too common; counting the
  // stems they share that way (plus the common ones) gives their similarity without comparing
  // sets, and the claim similarity is only computed where it can reach `min`. Pairs of
  // occurrences go to one bucket per article pair, so only small buckets need sorting.
  const buckets: (SentencePair[] | undefined)[] = new Array(articles.length * articles.length);
  const counter = new Int32Array(variants.length);
  const touched: number[] = [];
  for (let u = 0; u < variants.length; u++) {
    const vu = variants[u]!;
    const s = vu.sentence;
    for (const st of s.stems) {
      const c = count.get(st)!;
      if (c > limit || c < 2) continue;
      for (const w of holders.get(st)!) {
        if (w < u) continue;
        if (counter[w] === 0) touched.push(w);
        counter[w]!++;
      }
    }
    for (const w of touched) {
      let shared = counter[w]!;
      counter[w] = 0;
      for (let k = 0; k < words; k++) shared += popcount(masks[u * words + k]! & masks[w * words + k]!);
      const vw = variants[w]!;
      const t = vw.sentence;
      // The same arithmetic as `dice`, on the counted overlap.
      const full = (2 * shared) / (s.stems.size + t.stems.size);
      if (full < min) {
        // Claim stems are a subset of the stems: their overlap is at most the stems shared.
        const sizes = s.claimStems.size + t.claimStems.size;
        if (sizes === 0 || (2 * Math.min(shared, s.claimStems.size, t.claimStems.size)) / sizes < min) continue;
      }
      const claim = dice(s.claimStems, t.claimStems);
      if (full < min && claim < min) continue;
      // Every pair of occurrences in different articles, the earlier sentence id first.
      for (const p of vu.ids) {
        for (const q of vw.ids) {
          if (u === w && q <= p) continue;
          const x = p < q ? p : q;
          const y = p < q ? q : p;
          const a = articleOf[x]!;
          const b = articleOf[y]!;
          if (a !== b) (buckets[a * articles.length + b] ??= []).push({ a, i: indexOf[x]!, b, j: indexOf[y]!, full, claim, shared });
        }
      }
    }
    touched.length = 0;
  }
  // Each article pair's sentence pairs in sentence order (`i * width + j` is one key per pair).
  const out: SentencePair[] = [];
  buckets.forEach((list, k) => {
    if (!list) return;
    const height = articles[Math.floor(k / articles.length)]!.sentences.length;
    const width = articles[k % articles.length]!.sentences.length;
    const sorted = list.length > 1 ? sortByKey(list, (p) => p.i * width + p.j, height * width) : list;
    for (const p of sorted) out.push(p);
  });
  return out;
}

/** Bits set in a 32-bit word. */
function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
