/**
 * Near-duplicate detection: MinHash signatures of word shingles, found through LSH banding.
 * The same wire text published by several outlets (with a changed headline, a dropped last
 * paragraph, an added credit line) is one text: the later articles are recorded as copies of
 * the first, stay stored, and join its story.
 */
import { foldDiacritics } from '../annotate/text.js';
import type { ArticleFeatures } from '../model.js';
import { isAsciiLetterOrDigit, scanSpans } from '../util/scan.js';

/** Words per shingle: long enough that two independent reports rarely share many. */
const SHINGLE = 4;
/** Hash functions per signature. */
export const SIGNATURE_SIZE = 64;
/** LSH bands × rows = signature size; 16 × 4 finds pairs above about 0.5 similarity. */
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
/** Estimated shingle similarity from which an article counts as a copy of another. */
export const COPY_SIMILARITY = 0.8;
/** Articles kept per LSH bucket: the first ones (the originals); later copies need not be found again. */
const BUCKET_CAP = 8;

/** Another article's text an article (nearly) repeats. */
export interface NearCopy {
  readonly originalId: string;
  /** Estimated Jaccard similarity of the two shingle sets. */
  readonly similarity: number;
}

/** A strong 32-bit mix (murmur3 finaliser) of a value with a seed: one hash function per seed. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: readonly number[] = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(i + 1, 0x9e3779b9));
/** The seeds as 32-bit integers, for the signature's inner loop ({@link minHashSignatureOfFolded}). */
const SEEDS_INT32: Readonly<Int32Array> = Int32Array.from(SEEDS);
/** Flipping the sign bit orders 32-bit integers compared as signed as their unsigned values. */
const SIGN_BIT = 0x80000000 | 0;

/**
 * The MinHash signature of a text's word shingles, or null when the text has fewer words than
 * one shingle (nothing to compare).
 */
export function minHashSignature(text: string): number[] | null {
  return minHashSignatureOfFolded(foldDiacritics(text).toLowerCase());
}

/**
 * {@link minHashSignature} of a text already diacritics-folded and lower-cased: the clustering
 * features fold an article once, for its terms and for this.
 */
export function minHashSignatureOfFolded(folded: string): number[] | null {
  const words = wordSpans(folded);
  const count = words.length / 2;
  if (count < SHINGLE) return null;
  // The minimum per hash function, kept as signed 32-bit integers with the sign bit flipped, so
  // the loop below (64 hash functions for every shingle) stays in integer arithmetic.
  const least = new Int32Array(SIGNATURE_SIZE).fill(0xffffffff ^ SIGN_BIT);
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE <= count; i++) {
    const h = shingleHash(folded, words, i);
    if (seen.has(h)) continue;
    seen.add(h);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      // mix(h, SEEDS[k]) without its final unsigned conversion.
      let v = h ^ SEEDS_INT32[k]!;
      v ^= v >>> 16;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v ^= v >>> 16;
      v ^= SIGN_BIT;
      if (v < least[k]!) least[k] = v;
    }
  }
  return Array.from(least, (v) => (v ^ SIGN_BIT) >>> 0);
}

/** A run of letters and digits. Sticky: {@link wordSpans} matches it where a run has non-ASCII characters. */
const WORD_AT = /[\p{L}\p{N}]+/uy;

/**
 * Where the runs of letters and digits (the matches of /[\p{L}\p{N}]+/gu) start and end in `s`,
 * as pairs of offsets: ASCII runs read character by character, any run with another character
 * matched by the regex itself. Collecting the words as strings with the regex took a third of
 * the signature's time. Exported for tests.
 */
export function wordSpans(s: string): number[] {
  return scanSpans(s, WORD_AT, asciiRunEnd);
}

/** The end of the ASCII run of letters and digits at `start`, or -1 when a non-ASCII character may go on with it. */
function asciiRunEnd(s: string, start: number): number {
  let end = start + 1;
  while (end < s.length && s.charCodeAt(end) < 0x80 && isAsciiLetterOrDigit(s.charCodeAt(end))) end++;
  return end < s.length && s.charCodeAt(end) >= 0x80 ? -1 : end;
}

/**
 * 32-bit FNV-1a of the shingle starting at word `from` (its words joined by single spaces), read
 * from the text in place: making each word a string, and joining each shingle into another,
 * made throwaway strings for every word of every article.
 */
function shingleHash(text: string, words: readonly number[], from: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < from + SHINGLE; k++) {
    if (k > from) {
      h ^= 0x20; // the space between two words
      h = Math.imul(h, 0x01000193);
    }
    for (let i = words[2 * k]!, end = words[2 * k + 1]!; i < end; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/** Estimated Jaccard similarity: the share of signature positions that agree. */
export function signatureSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Signatures the index keeps: the most recent ones. Wire copies appear within days of their
 * original, so a window of the latest 200,000 articles (a day or more of the world's news)
 * finds them, and the index stays about 120 MB whatever the store holds; an exact copy older
 * than that is still found by its content hash.
 */
export const MAX_INDEXED = 200_000;

/** Signatures are stored in blocks of this many, allocated as the index fills. */
const BLOCK = 4_096;

/**
 * LSH index of signatures. One per clusterer; holds the latest {@link MAX_INDEXED} articles'
 * signatures. Compact because it is the clusterer's largest structure: each indexed article
 * has a sequence number, its signature lives in a typed array at the number's ring slot, and a
 * bucket holds sequence numbers (one bare number while it has one member, the usual case)
 * under a small-integer key, so no per-article arrays or boxed numbers are kept.
 */
export class MinHashIndex {
  /** Per band, band key → sequence numbers of the articles in that bucket, oldest first. */
  readonly #buckets: Map<number, number | number[]>[] = Array.from({ length: BANDS }, () => new Map());
  /** Signature blocks: slot `seq % capacity` holds the signature of article `seq`. */
  readonly #blocks: Uint32Array[] = [];
  /** Article id of each slot. */
  readonly #ids: string[] = [];
  /** Article id → its sequence number, for the articles indexed now. */
  readonly #seqOf = new Map<string, number>();
  /** Copy → the original it copies, so a copy of a copy is reported as a copy of the first text. */
  readonly #originalOf = new Map<string, string>();
  readonly #capacity: number;
  /** Sequence number of the next indexed article; those below `#next - size` have left the window. */
  #next = 0;

  constructor(capacity = MAX_INDEXED) {
    this.#capacity = capacity;
  }

  /** Signatures held now. */
  get size(): number {
    return this.#seqOf.size;
  }

  /** The earliest indexed article this one nearly copies, if any. */
  find(f: ArticleFeatures): NearCopy | null {
    const sig = f.signature;
    if (!sig || sig.length !== SIGNATURE_SIZE) return null;
    let best: { seq: number; similarity: number } | null = null;
    const checked = new Set<number>();
    for (const [band, key] of bandKeys(sig).entries()) {
      const bucket = this.#buckets[band]!.get(key);
      if (bucket === undefined) continue;
      for (const seq of typeof bucket === 'number' ? [bucket] : bucket) {
        if (checked.has(seq)) continue;
        checked.add(seq);
        if (this.#ids[seq % this.#capacity] === f.articleId) continue;
        const similarity = signatureSimilarity(sig, this.#signature(seq));
        // Ties go to the earliest indexed article: the original, not another copy.
        if (similarity >= COPY_SIMILARITY && (!best || similarity > best.similarity || (similarity === best.similarity && seq < best.seq))) best = { seq, similarity };
      }
    }
    if (!best) return null;
    const id = this.#ids[best.seq % this.#capacity]!;
    return { originalId: this.#originalOf.get(id) ?? id, similarity: best.similarity };
  }

  /** Indexes an article's signature (articles without one are skipped); `copy` is what {@link find} said of it. */
  add(f: ArticleFeatures, copy: NearCopy | null = null): void {
    const sig = f.signature;
    if (!sig || sig.length !== SIGNATURE_SIZE || this.#seqOf.has(f.articleId)) return;
    const seq = this.#next;
    let kept = false;
    for (const [band, key] of bandKeys(sig).entries()) {
      const buckets = this.#buckets[band]!;
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, seq);
      else if (typeof bucket === 'number') buckets.set(key, [bucket, seq]);
      else if (bucket.length < BUCKET_CAP) bucket.push(seq);
      else continue;
      kept = true;
    }
    if (!kept) return;
    // The slot is free: its previous holder left the window when the index reached capacity.
    if (this.size >= this.#capacity) this.#evictOldest();
    this.#next++;
    const slot = seq % this.#capacity;
    while (this.#blocks.length <= Math.floor(slot / BLOCK)) this.#blocks.push(new Uint32Array(BLOCK * SIGNATURE_SIZE));
    this.#signature(seq).set(sig);
    this.#ids[slot] = f.articleId;
    this.#seqOf.set(f.articleId, seq);
    // Only indexed articles can be found as originals: only theirs need the link onwards.
    if (copy) this.#originalOf.set(f.articleId, copy.originalId);
  }

  /** The signature of the indexed article `seq`: a view of its slot in the blocks. */
  #signature(seq: number): Uint32Array {
    const slot = seq % this.#capacity;
    const at = (slot % BLOCK) * SIGNATURE_SIZE;
    return this.#blocks[Math.floor(slot / BLOCK)]!.subarray(at, at + SIGNATURE_SIZE);
  }

  /** Drops the oldest signature from its buckets (and its copy link): it left the window. */
  #evictOldest(): void {
    const seq = this.#next - this.size;
    const id = this.#ids[seq % this.#capacity]!;
    this.#seqOf.delete(id);
    this.#originalOf.delete(id);
    for (const [band, key] of bandKeys(this.#signature(seq)).entries()) {
      const buckets = this.#buckets[band]!;
      const bucket = buckets.get(key);
      if (bucket === seq) buckets.delete(key);
      else if (Array.isArray(bucket)) {
        const i = bucket.indexOf(seq);
        if (i >= 0) bucket.splice(i, 1);
        if (bucket.length === 1) buckets.set(key, bucket[0]!);
      }
    }
  }
}

/**
 * One key per band (index = band): the band's row values hashed together with the band number,
 * 30 bits of it, so the key is a small integer (cheap to store in a Map). Two different hashes
 * sharing a key only add a candidate, which the signature comparison then rejects.
 */
function bandKeys(sig: ArrayLike<number>): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix(b, 0x27d4eb2f);
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]!, 0x165667b1);
    keys.push(h >>> 2);
  }
  return keys;
}
