/**
 * Sums of sparse vectors keyed by small non-negative integers (term and name ids): what a story
 * or a batch group keeps instead of its members' vectors (`clusterer.ts`).
 *
 * A `Map<number, number>` did this before. Its values are doubles, and a Map holds each one as
 * a number object of its own: a long run's stories held millions of them, which every full
 * collection had to trace, and every lookup had to follow. Here the ids and the weights sit in
 * two plain arrays (V8 keeps an array of doubles unboxed) with an open-addressing index beside
 * them. Entries stay in the order they were first added, as a Map's do, so a loop over a sum
 * adds the same numbers in the same order as it did over the Map: scores are the same, bit for bit.
 */

/**
 * The start of a sum of doubles: -0 is a double where 0 is a small integer. A loop whose sum
 * started at 0 had V8 box each partial sum as a number object of its own (in the clusterer's dot
 * products, about a tenth of what it allocated). Return the sum + 0: an empty sum is +0 again.
 */
export const DOUBLE_ZERO = -0;

/** Fibonacci hashing: ids are dense small integers, so multiplying spreads neighbours apart. */
const GOLDEN = 0x9e3779b1;
/** Index slots per entry of capacity: at most half the slots are used, so probes stay short. */
const SLOTS_PER_ENTRY = 2;
const MIN_BITS = 3;

/** A sum of sparse vectors: id → weight, in the order the ids were first added. */
export class SparseSum {
  /** Ids in insertion order (`ids[0..size)`); read directly by the clusterer's dot products. */
  ids: number[] = [];
  /** Weights, index-aligned with {@link ids}. */
  weights: number[] = [];
  /** Position + 1 of the entry in each slot; 0 for an empty slot. */
  #slots: number[] = [];
  #shift = 32;
  #mask = 0;

  /** Number of ids with an entry. */
  get size(): number {
    return this.ids.length;
  }

  /** The weight of `id`, 0 when it has none (as a Map's `get(id) ?? 0`). */
  get(id: number): number {
    if (this.#mask === 0) return 0;
    const ids = this.ids;
    for (let s = Math.imul(id, GOLDEN) >>> this.#shift; ; s = (s + 1) & this.#mask) {
      const k = this.#slots[s]!;
      if (k === 0) return 0;
      if (ids[k - 1] === id) return this.weights[k - 1]!;
    }
  }

  /** Adds `delta` to the weight of `id` (`weight + delta`, or `0 + delta` for a new id). */
  add(id: number, delta: number): void {
    if (this.ids.length * SLOTS_PER_ENTRY >= this.#slots.length) this.#grow();
    const ids = this.ids;
    let s = Math.imul(id, GOLDEN) >>> this.#shift;
    for (; ; s = (s + 1) & this.#mask) {
      const k = this.#slots[s]!;
      if (k === 0) break;
      if (ids[k - 1] === id) {
        this.weights[k - 1] = this.weights[k - 1]! + delta;
        return;
      }
    }
    ids.push(id);
    this.weights.push(0 + delta);
    this.#slots[s] = ids.length;
  }

  /** Empties the sum and lets its arrays go. */
  clear(): void {
    this.ids = [];
    this.weights = [];
    this.#slots = [];
    this.#shift = 32;
    this.#mask = 0;
  }

  /** A copy that changes independently of this sum. */
  clone(): SparseSum {
    const copy = new SparseSum();
    copy.ids = this.ids.slice();
    copy.weights = this.weights.slice();
    copy.#slots = this.#slots.slice();
    copy.#shift = this.#shift;
    copy.#mask = this.#mask;
    return copy;
  }

  /** Doubles the index (at least {@link MIN_BITS} bits) and places every entry again. */
  #grow(): void {
    const bits = Math.max(MIN_BITS, 32 - this.#shift + 1);
    const size = 1 << bits;
    const slots = new Array<number>(size).fill(0);
    const mask = size - 1;
    const shift = 32 - bits;
    const ids = this.ids;
    for (let k = 0; k < ids.length; k++) {
      let s = Math.imul(ids[k]!, GOLDEN) >>> shift;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = k + 1;
    }
    this.#slots = slots;
    this.#shift = shift;
    this.#mask = mask;
  }
}
