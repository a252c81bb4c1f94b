/**
 * Text reuse between the articles of a story: which article copied or rewrote which, with the
 * aligned passages. Evidence is of two kinds. Shared runs of words (four or more, with at least
 * three ordinary content words, outside quotation marks) survive light rewording and reordering
 * but are rare between independent reports, which share names, numbers and quotes rather than
 * phrasing. Sentences with most content words in common catch paraphrase.
 */
import { nameKey } from '../annotate/text.js';
import { DEFAULT_CONFIG, type ReuseConfig } from '../config.js';
import type { AlignedPassage } from '../model.js';
import type { PreparedArticle } from './prepare.js';
import { rowsBetween, type SentencePairs } from './similar.js';

/** Thresholds of the reuse detector: documented in the configuration (`compare.reuse`). */
export type { ReuseConfig };

/** The shipped defaults (`DEFAULT_CONFIG.compare.reuse`). */
export const DEFAULT_REUSE: ReuseConfig = DEFAULT_CONFIG.compare.reuse;

/** A reuse relation: `from` rests on `to`. */
export interface Reuse {
  readonly from: string;
  readonly to: string;
  readonly kind: 'copies' | 'rewrites';
  /** Share of the derived article aligned with the source (0–1). */
  readonly strength: number;
  /** How the direction was decided. */
  readonly direction: 'attribution' | 'time' | 'containment';
  readonly passages: readonly AlignedPassage[];
  readonly why: string;
}

interface Run {
  readonly i: number;
  readonly j: number;
  readonly length: number;
  readonly valid: boolean;
}

/** Finds reuse relations; each derived article keeps only its strongest source. */
export function findReuse(articles: readonly PreparedArticle[], pairs: SentencePairs, config: ReuseConfig = DEFAULT_REUSE): Reuse[] {
  // A story of one article (most stories) has nothing to relate.
  if (articles.length < 2) return [];
  const grams = gramIndexes(articles, config.minRun);
  const sourcing = articles.map(sourcingOf);
  const paraphrase = paraphraseKinds(pairs, config);
  // One source per derived article: the one it shares most with (ties: the earlier source). Only
  // the relations kept are described (their passages), most are not in a story of many copies.
  const best = new Map<string, Relation>();
  for (let a = 0; a < articles.length; a++) {
    for (let b = a + 1; b < articles.length; b++) {
      const r = relate(articles, a, b, grams, sourcing, pairs, rowsBetween(pairs, articles.length, a, b), paraphrase, config);
      const cur = r ? best.get(r.from) : undefined;
      if (r && (!cur || r.strength > cur.strength + 1e-9)) best.set(r.from, r);
    }
  }
  return [...best.values()].map(describe).sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
}

/**
 * Reuse of earlier articles: for each article in `derived`, the article of `sources` it copies or
 * rewrites most, if any. The sources are taken as the earlier texts (they belong to earlier
 * stories), so only that direction is tried.
 */
export function findReuseFrom(
  articles: readonly PreparedArticle[],
  pairs: SentencePairs,
  derived: readonly number[],
  sources: readonly number[],
  config: ReuseConfig = DEFAULT_REUSE,
  allowed: (derived: number, source: number) => boolean = () => true,
): Reuse[] {
  const grams = gramIndexes(articles, config.minRun);
  const sourcing = articles.map(sourcingOf);
  const paraphrase = paraphraseKinds(pairs, config);
  const best = new Map<string, Relation>();
  for (const d of derived) {
    for (const s of sources) {
      if (d === s || !allowed(d, s)) continue;
      const [a, b] = d < s ? [d, s] : [s, d];
      const r = relate(articles, a, b, grams, sourcing, pairs, rowsBetween(pairs, articles.length, a, b), paraphrase, config, d === a ? 'a' : 'b');
      const cur = r ? best.get(r.from) : undefined;
      if (r && (!cur || r.strength > cur.strength + 1e-9)) best.set(r.from, r);
    }
  }
  return [...best.values()].map(describe).sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
}

/** Per kind of sentence pair: 1 when it is a paraphrase (most content words shared), else 0. */
function paraphraseKinds(pairs: SentencePairs, config: ReuseConfig): Uint8Array {
  const out = new Uint8Array(pairs.full.length);
  for (let k = 0; k < out.length; k++) if (pairs.full[k]! >= config.paraphrase && pairs.shared[k]! >= 4) out[k] = 1;
  return out;
}

/** A reuse relation found, before its passages are quoted (see {@link describe}). */
interface Relation {
  readonly from: string;
  readonly strength: number;
  readonly kind: Reuse['kind'];
  readonly direction: Reuse['direction'];
  readonly derived: PreparedArticle;
  readonly source: PreparedArticle;
  /** Per sentence of the derived article, the sentence of the source it is aligned with (-1: none). */
  readonly aligned: Int32Array;
  /** Sentences of the derived article aligned. */
  readonly alignedCount: number;
  readonly copyCoverage: number;
  readonly validRuns: number;
  readonly substantive: number;
}

/** A relation as shown: its first aligned passages and why it was found. */
function describe(r: Relation): Reuse {
  const passages: AlignedPassage[] = [];
  for (let ds = 0; ds < r.aligned.length && passages.length < 8; ds++) {
    const ss = r.aligned[ds]!;
    if (ss >= 0) passages.push({ from: r.derived.sentences[ds]!.text, to: r.source.sentences[ss]!.text });
  }
  const why =
    r.kind === 'copies'
      ? `${Math.round(r.copyCoverage * 100)}% of its words are in long runs shared with the source`
      : `${r.validRuns} shared phrases and ${r.alignedCount} of ${r.substantive} sentences aligned with the source`;
  return {
    from: r.from,
    to: r.source.article.id,
    kind: r.kind,
    strength: r.strength,
    direction: r.direction,
    passages,
    why: `${why}; direction by ${r.direction}`,
  };
}

/** An article's tokens as numbers, for comparing runs of words without comparing strings or reading token records. */
interface Grams {
  /** Stem number of each token (one numbering per comparison). */
  readonly stems: Int32Array;
  /**
   * Hash of the n-gram starting at each position (equal grams, equal hashes; verified on use),
   * kept to 30 bits so that it is a small integer, the cheapest kind of map key.
   */
  readonly hashes: Int32Array;
  /** Positions of each n-gram hash, ascending. */
  readonly at: ReadonlyMap<number, number[]>;
  /** Per token: 1 for an ordinary word (no function word, number or capital), 2 for a capital. */
  readonly shape: Uint8Array;
  /** Quoted tokens before each position (one more entry than tokens): a run's quoted words by subtraction. */
  readonly quotedBefore: Int32Array;
  /** Sentences with four content stems or more (at least 1): what a derived article's share is out of. */
  readonly substantive: number;
  /** Where each sentence starts, in order (read for every run found). */
  readonly sentenceStarts: Int32Array;
}

const ORDINARY = 1;
const CAPITAL = 2;

function gramIndexes(articles: readonly PreparedArticle[], n: number): Grams[] {
  const numbering = new Map<string, number>();
  return articles.map((a) => {
    const stems = new Int32Array(a.tokens.length);
    const shape = new Uint8Array(a.tokens.length);
    const quotedBefore = new Int32Array(a.tokens.length + 1);
    a.tokens.forEach((t, k) => {
      let id = numbering.get(t.stem);
      if (id === undefined) numbering.set(t.stem, (id = numbering.size));
      stems[k] = id;
      shape[k] = t.capital ? CAPITAL : !t.stop && !t.number ? ORDINARY : 0;
      quotedBefore[k + 1] = quotedBefore[k]! + (t.quoted ? 1 : 0);
    });
    const count = Math.max(0, a.tokens.length - n + 1);
    const hashes = new Int32Array(count);
    const at = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      let h = 0;
      for (let d = 0; d < n; d++) h = (Math.imul(h, 0x01000193) ^ stems[i + d]!) | 0;
      h &= 0x3fffffff;
      hashes[i] = h;
      const list = at.get(h);
      if (list) list.push(i);
      else at.set(h, [i]);
    }
    const substantive = a.sentences.filter((s) => s.stems.size >= 4).length || 1;
    return { stems, hashes, at, shape, quotedBefore, substantive, sentenceStarts: Int32Array.from(a.sentences, (s) => s.start) };
  });
}

function commonRuns(xGrams: Grams, yGrams: Grams, config: ReuseConfig): Run[] {
  const runs: Run[] = [];
  const sx = xGrams.stems;
  const sy = yGrams.stems;
  const xLength = sx.length;
  const yLength = sy.length;
  const n = config.minRun;
  let i = 0;
  while (i + n <= xLength) {
    const at = yGrams.at.get(xGrams.hashes[i]!);
    if (at === undefined) {
      i++;
      continue;
    }
    let bestLen = 0;
    let bestJ = -1;
    for (const j of at) {
      // Same hash: check the gram itself, then extend the run as far as the words agree.
      let len = 0;
      while (len < n && sx[i + len] === sy[j + len]) len++;
      if (len < n) continue;
      while (i + len < xLength && j + len < yLength && sx[i + len] === sy[j + len]) len++;
      if (len > bestLen) {
        bestLen = len;
        bestJ = j;
      }
    }
    if (bestJ < 0) {
      i++;
      continue;
    }
    // Ordinary words: neither side writes them with a capital (a name).
    let ordinary = 0;
    for (let k = 0; k < bestLen; k++) if (xGrams.shape[i + k] === ORDINARY && yGrams.shape[bestJ + k] !== CAPITAL) ordinary++;
    const quoted = xGrams.quotedBefore[i + bestLen]! - xGrams.quotedBefore[i]!;
    runs.push({ i, j: bestJ, length: bestLen, valid: ordinary >= config.minRunContent && quoted * 2 < bestLen });
    i += bestLen;
  }
  return runs;
}

function relate(
  articles: readonly PreparedArticle[],
  a: number,
  b: number,
  grams: readonly Grams[],
  sourcing: readonly Sourcing[],
  pairs: SentencePairs,
  [from, to]: readonly [number, number],
  paraphrase: Uint8Array,
  config: ReuseConfig,
  derived?: 'a' | 'b',
): Relation | null {
  const A = articles[a]!;
  const B = articles[b]!;
  const runs = commonRuns(grams[a]!, grams[b]!, config);
  const validRuns = runs.filter((r) => r.valid);
  // The article pair's sentence pairs that are paraphrases, in order.
  let paraphrased = 0;
  for (let r = from; r < to; r++) paraphrased += paraphrase[pairs.kind[r]!]!;
  if (validRuns.length === 0 && paraphrased === 0) return null;

  // Which side is derived: given (an earlier story's article is the source), else an attribution to
  // the other's outlet, then time, then containment.
  const direction: { derived: 'a' | 'b'; rule: Reuse['direction'] } = derived ? { derived, rule: 'time' } : decideDirection(A, B, sourcing[a]!, sourcing[b]!, runs, paraphrased);
  const [D, S, dIsA, dGrams, sGrams] = direction.derived === 'a' ? [A, B, true, grams[a]!, grams[b]!] : [B, A, false, grams[b]!, grams[a]!];
  const dTokens = D.tokens.length || 1;
  const longCovered = runs.filter((r) => r.length >= config.copyRun).reduce((s, r) => s + r.length, 0);
  const copyCoverage = longCovered / dTokens;

  // Sentences of the derived article aligned with the source, by runs or paraphrase.
  // (An array by sentence: the article pair's rows are many in a story of copies.)
  const alignedD = new Int32Array(D.sentences.length).fill(-1);
  let alignedCount = 0;
  for (let r = from; r < to; r++) {
    if (!paraphrase[pairs.kind[r]!]) continue;
    const ds = dIsA ? pairs.i[r]! : pairs.j[r]!;
    if (alignedD[ds] === -1) alignedCount++;
    alignedD[ds] = dIsA ? pairs.j[r]! : pairs.i[r]!;
  }
  for (const r of runs.filter((x) => x.valid || x.length >= config.copyRun)) {
    const dPos = dIsA ? r.i : r.j;
    const sPos = dIsA ? r.j : r.i;
    const ds = sentenceAt(dGrams.sentenceStarts, D.tokenStarts[dPos]!);
    const ss = sentenceAt(sGrams.sentenceStarts, S.tokenStarts[sPos]!);
    if (ds >= 0 && ss >= 0 && alignedD[ds] === -1) {
      alignedD[ds] = ss;
      alignedCount++;
    }
  }
  const substantive = dGrams.substantive;
  const share = Math.min(1, alignedCount / substantive);
  const kind = copyCoverage >= config.copyCoverage ? 'copies' : validRuns.length >= config.rewriteRuns || (share >= config.rewriteShare && alignedCount >= config.rewriteSentences) ? 'rewrites' : null;
  if (!kind) return null;
  return {
    from: D.article.id,
    strength: kind === 'copies' ? Math.max(copyCoverage, share) : share,
    kind,
    direction: direction.rule,
    derived: D,
    source: S,
    aligned: alignedD,
    alignedCount,
    copyCoverage,
    validRuns: validRuns.length,
    substantive,
  };
}

/** The sentence holding a text offset: the last one starting at or before it (-1: none), from the sentences' starts. */
function sentenceAt(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whom an article credits, keyed once per comparison rather than once per article pair. */
interface Sourcing {
  /** Name key of the article's outlet. */
  readonly outlet: string | null;
  /** Name keys of the agencies it attributes to and the sources it credits. */
  readonly credited: ReadonlySet<string>;
  /** Whether it credits anyone but itself. */
  readonly citesOthers: boolean;
}

function sourcingOf(x: PreparedArticle): Sourcing {
  const outlet = x.article.outlet ? nameKey(x.article.outlet) : null;
  const credited = new Set([...x.article.attributions.map((at) => nameKey(at.agency)), ...x.article.credits.map((c) => nameKey(c))]);
  const citesOthers = x.article.credits.length > 0 || x.article.attributions.some((at) => at.cue !== 'mention' && nameKey(at.agency) !== outlet && /^\p{Lu}/u.test(at.agency));
  return { outlet, credited, citesOthers };
}

/** Whether `x` credits the outlet of `y`. */
function credits(x: Sourcing, y: Sourcing): boolean {
  return !!y.outlet && x.credited.has(y.outlet);
}

function decideDirection(
  A: PreparedArticle,
  B: PreparedArticle,
  sa: Sourcing,
  sb: Sourcing,
  runs: readonly Run[],
  paraphrased: number,
): { derived: 'a' | 'b'; rule: Reuse['direction'] } {
  const aCreditsB = credits(sa, sb);
  const bCreditsA = credits(sb, sa);
  if (aCreditsB !== bCreditsA) return { derived: aCreditsB ? 'a' : 'b', rule: 'attribution' };
  // One credits an agency, the other nobody: the shared text is the agency's, taken over silently.
  const aCites = sa.citesOthers;
  const bCites = sb.citesOthers;
  if (aCites !== bCites) return { derived: aCites ? 'b' : 'a', rule: 'attribution' };
  if (A.time !== null && B.time !== null && A.time !== B.time) return { derived: A.time > B.time ? 'a' : 'b', rule: 'time' };
  // The version whose words are more fully inside the other is the derived one (copies trim).
  const shared = runs.reduce((s, r) => s + r.length, 0) + paraphrased;
  const aShare = shared / (A.tokens.length || 1);
  const bShare = shared / (B.tokens.length || 1);
  if (aShare !== bShare) return { derived: aShare > bShare ? 'a' : 'b', rule: 'containment' };
  return { derived: A.article.id > B.article.id ? 'a' : 'b', rule: 'containment' };
}
