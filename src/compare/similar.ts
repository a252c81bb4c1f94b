/**
 * Sentence pairs across the articles of a story that share content, found through an inverted
 * index of stems so a 50-article story does not compare every sentence with every other.
 * Stories repeat themselves (wire copies, rewrites that keep whole sentences): sentences with the
 * same content words are compared once, and the result is given to every pair of their copies.
 */
import type { PreparedArticle, PreparedSentence } from './prepare.js';
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

/**
 * The sentence pairs of a story, as columns: one row per pair of sentence occurrences (sentence
 * `i` of article `a`, sentence `j` of article `b`, `a < b`), ordered by article pair, then `i`,
 * then `j`; and one similarity record per pair of distinct sentences (`kind`), which the copies
 * of those sentences share. A story of many copies has hundreds of thousands of occurrence pairs
 * and a tenth as many distinct ones: rows are a few integers each, no record per pair, and what
 * depends only on the two sentences' content is worked out once per kind.
 */
export interface SentencePairs {
  /** Rows. */
  readonly length: number;
  readonly a: Int32Array;
  readonly i: Int32Array;
  readonly b: Int32Array;
  readonly j: Int32Array;
  /** The distinct pair each row is an occurrence of (an index into `full`, `claim`, `shared`). */
  readonly kind: Int32Array;
  /** Per kind: Dice of all content stems. */
  readonly full: Float64Array;
  /** Per kind: Dice of content stems without slot values. */
  readonly claim: Float64Array;
  /** Per kind: content stems shared. */
  readonly shared: Int32Array;
  /** Article pairs with rows (`a * articles + b`), ascending. */
  readonly articlePairs: Int32Array;
  /** First row of each article pair, and one past the last row at the end. */
  readonly starts: Int32Array;
}

/** The rows of article pair (`a`, `b`), `a < b`: `[start, end)`, empty when they share no sentence. */
export function rowsBetween(pairs: SentencePairs, articles: number, a: number, b: number): readonly [number, number] {
  const key = a * articles + b;
  const ids = pairs.articlePairs;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid]!;
    if (v === key) return [pairs.starts[mid]!, pairs.starts[mid + 1]!];
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return [0, 0];
}

/** The pairs as records (for tests and small callers). */
export function pairList(pairs: SentencePairs): SentencePair[] {
  const out: SentencePair[] = [];
  for (let r = 0; r < pairs.length; r++) {
    const k = pairs.kind[r]!;
    out.push({ a: pairs.a[r]!, i: pairs.i[r]!, b: pairs.b[r]!, j: pairs.j[r]!, full: pairs.full[k]!, claim: pairs.claim[k]!, shared: pairs.shared[k]! });
  }
  return out;
}

/** Stems in more sentences than this share are too common to find candidates with. */
const COMMON_SHARE = 0.15;

/** Sentences with one set of content stems (and of claim stems), and where they occur. */
interface Variant {
  readonly sentence: PreparedSentence;
  /** Occurrences as sentence ids (article-major order), ascending. */
  readonly ids: number[];
}

/** All cross-article sentence pairs with `claim` or `full` similarity of at least `min`, as records. */
export function similarSentences(articles: readonly PreparedArticle[], min: number): SentencePair[] {
  return pairList(sentencePairs(articles, min));
}

/** All cross-article sentence pairs with `claim` or `full` similarity of at least `min`. */
export function sentencePairs(articles: readonly PreparedArticle[], min: number): SentencePairs {
  // Pairs are across articles: a story of one article (most stories) has none.
  if (articles.length < 2) return noPairs();
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
  // sets, and the claim similarity is only computed where it can reach `min`. Each variant pair
  // that is similar enough becomes one kind; its occurrence pairs are rows, sorted at the end.
  const fulls: number[] = [];
  const claims: number[] = [];
  const shareds: number[] = [];
  const rows: Rows = { a: [], i: [], b: [], j: [], kind: [] };
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
      const kind = fulls.length;
      fulls.push(full);
      claims.push(claim);
      shareds.push(shared);
      // Every pair of occurrences in different articles, the earlier sentence id first.
      for (const p of vu.ids) {
        for (const q of vw.ids) {
          if (u === w && q <= p) continue;
          const x = p < q ? p : q;
          const y = p < q ? q : p;
          const a = articleOf[x]!;
          const b = articleOf[y]!;
          if (a === b) continue;
          rows.a.push(a);
          rows.i.push(indexOf[x]!);
          rows.b.push(b);
          rows.j.push(indexOf[y]!);
          rows.kind.push(kind);
        }
      }
    }
    touched.length = 0;
  }
  return sortedRows(articles, rows, fulls, claims, shareds);
}

function noPairs(): SentencePairs {
  const none = new Int32Array(0);
  return { length: 0, a: none, i: none, b: none, j: none, kind: none, full: new Float64Array(0), claim: new Float64Array(0), shared: none, articlePairs: none, starts: new Int32Array(1) };
}

/** Rows as found, column by column. */
interface Rows {
  readonly a: number[];
  readonly i: number[];
  readonly b: number[];
  readonly j: number[];
  readonly kind: number[];
}

/**
 * Rows in order (`a`, `b`, `i`, `j`): four stable counting sorts, least significant column
 * first, each linear in the rows (a story of copies has hundreds of thousands).
 */
function sortedRows(articles: readonly PreparedArticle[], rows: Rows, fulls: readonly number[], claims: readonly number[], shareds: readonly number[]): SentencePairs {
  const N = articles.length;
  const n = rows.a.length;
  const most = articles.reduce((m, art) => Math.max(m, art.sentences.length), 0);
  let order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[r] = r;
  let spare = new Int32Array(n);
  for (const column of [rows.j, rows.i, rows.b, rows.a]) {
    const counts = new Int32Array(Math.max(N, most) + 1);
    for (let r = 0; r < n; r++) counts[column[r]! + 1]!++;
    for (let v = 1; v < counts.length; v++) counts[v]! += counts[v - 1]!;
    for (let k = 0; k < n; k++) {
      const r = order[k]!;
      spare[counts[column[r]!]!++] = r;
    }
    [order, spare] = [spare, order];
  }
  const a = new Int32Array(n);
  const i = new Int32Array(n);
  const b = new Int32Array(n);
  const j = new Int32Array(n);
  const kind = new Int32Array(n);
  const articlePairs: number[] = [];
  const starts: number[] = [];
  for (let k = 0; k < n; k++) {
    const r = order[k]!;
    a[k] = rows.a[r]!;
    i[k] = rows.i[r]!;
    b[k] = rows.b[r]!;
    j[k] = rows.j[r]!;
    kind[k] = rows.kind[r]!;
    const pair = a[k]! * N + b[k]!;
    if (articlePairs.length === 0 || articlePairs[articlePairs.length - 1] !== pair) {
      articlePairs.push(pair);
      starts.push(k);
    }
  }
  starts.push(n);
  return {
    length: n, a, i, b, j, kind,
    full: Float64Array.from(fulls), claim: Float64Array.from(claims), shared: Int32Array.from(shareds),
    articlePairs: Int32Array.from(articlePairs), starts: Int32Array.from(starts),
  };
}

/** Bits set in a 32-bit word. */
function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
