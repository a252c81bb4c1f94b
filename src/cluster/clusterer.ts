/**
 * Online story clustering: each arriving article joins the most similar active story or
 * starts a new one.
 *
 * Similarity to a story combines
 * - text: cosine of the article's TF-IDF vector (sublinear term counts) with the story's
 *   centroid (the mean of its members' unit vectors), so one long member does not dominate;
 * - names: cosine of idf-weighted name vectors, where the story's side counts how many of its
 *   members mention each name: the people, places and organisations are what tells two events
 *   of the same kind apart (two earthquakes, two arrests of one actress);
 * - time: closeness in publication time, when both sides are dated.
 *
 * Candidate stories come from an inverted index of names and the article's most distinctive
 * terms; each posting list is scanned from its most recent entries only, so adding an article
 * costs the same whatever the store holds. Near-copies (same wire text) are found first through
 * MinHash LSH and join their original's story directly. Deterministic for the same input order.
 */
import type { ClusterConfig } from '../config.js';
import type { ArticleFeatures, ClusterDecision, ScoreParts } from '../model.js';
import { MinHashIndex, type NearCopy } from './near-duplicates.js';

const DAY_MS = 86_400_000;

/** What the clusterer keeps per story. */
interface StoryState {
  readonly id: string;
  readonly articleIds: string[];
  /** Sum of the members' unit-length sublinear term vectors (the centroid, times the size). */
  readonly termSum: Map<string, number>;
  /** How many members mention each name. */
  readonly names: Map<string, number>;
  /** How many members are about each year ({@link ArticleFeatures.eventYear}). */
  readonly years: Map<number, number>;
  /** Earliest and latest known member publication times. */
  first: number | null;
  last: number | null;
  language: string | null;
  /** Position of the latest change: recency for candidate lookup. */
  touched: number;
}

/** The story id a founding article gives: stable across re-runs of the same input. */
export function storyIdFor(articleId: string): string {
  return `st_${articleId.slice(0, 12)}`;
}

/** How many of an article's terms feed the candidate lookup. */
const INDEX_TERMS = 20;
/** Posting lists are scanned from the most recent entry back this far: bounds the cost per article. */
const POSTING_SCAN = 64;
/** Below this many distinct content terms an article is too thin to judge: it stays alone. */
export const MIN_TERMS = 5;

/** A placement result plus the near-copy relation, when the article is one. */
export interface Placed {
  readonly decision: ClusterDecision;
  readonly copyOf: NearCopy | null;
}

/** The clusterer's state; build one per run from what the store already holds. */
export class StoryClusterer {
  readonly #config: ClusterConfig;
  readonly #stories = new Map<string, StoryState>();
  readonly #storyOf = new Map<string, string>();
  /** Document frequency of terms and names over all articles seen. */
  readonly #df = new Map<string, number>();
  readonly #nameDf = new Map<string, number>();
  #docs = 0;
  /** Inverted index: term or name → stories, most recently touched last (duplicates allowed). */
  readonly #index = new Map<string, string[]>();
  readonly #copies = new MinHashIndex();
  #clock = 0;

  constructor(config: ClusterConfig) {
    this.#config = config;
  }

  /** Number of stories known. */
  get storyCount(): number {
    return this.#stories.size;
  }

  /** Article ids of a story, in the order they joined. */
  members(storyId: string): readonly string[] {
    return this.#stories.get(storyId)?.articleIds ?? [];
  }

  /** The story an article is in, if known. */
  storyOf(articleId: string): string | null {
    return this.#storyOf.get(articleId) ?? null;
  }

  /** Every story's names with how many of its articles mention each (for threads). */
  storyNames(): { storyId: string; names: ReadonlyMap<string, number>; articleCount: number; first: number | null; last: number | null }[] {
    return [...this.#stories.values()].map((s) => ({ storyId: s.id, names: s.names, articleCount: s.articleIds.length, first: s.first, last: s.last }));
  }

  /**
   * Counts articles for the term statistics without placing them: the pipeline observes a
   * whole batch first, so the first articles of a run are not judged with near-empty idf.
   */
  observe(features: ArticleFeatures): void {
    this.#docs++;
    for (const t of Object.keys(features.terms)) this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
    for (const n of features.names) this.#nameDf.set(n, (this.#nameDf.get(n) ?? 0) + 1);
  }

  /** Records an article already placed in a story (replaying the store); no decision is made. */
  restore(features: ArticleFeatures, storyId: string): void {
    this.observe(features);
    this.#addTo(storyId, features);
    this.#copies.add(features, this.#copies.find(features));
  }

  /**
   * Places a new article: joins its original's story when it is a near-copy, else the best
   * story above the threshold, else starts one. `observed` says {@link observe} already
   * counted it; stories in `barred` are never joined (a split correction keeps them apart).
   */
  place(features: ArticleFeatures, observed = false, barred: ReadonlySet<string> = new Set()): Placed {
    const threshold = this.#config.joinThreshold;
    const copy = this.#copies.find(features);
    const copyStory = copy && !barred.has(this.#storyOf.get(copy.originalId) ?? '') ? this.#storyOf.get(copy.originalId) : undefined;
    if (!observed) this.observe(features);
    this.#copies.add(features, copy);
    // A copy joins its original's story only inside the story's time window and language:
    // the same text under a date years away is a re-publication, not this event's report.
    const copyScore = copyStory ? this.#score(features, this.#stories.get(copyStory)!) : null;
    if (copy && copyStory && copyScore) {
      const score = copyScore;
      this.#addTo(copyStory, features);
      return {
        copyOf: copy,
        decision: {
          articleId: features.articleId,
          storyId: copyStory,
          action: 'joined',
          score,
          candidates: [{ storyId: copyStory, score }],
          threshold,
          reason: `near-copy of article ${copy.originalId} (shingle similarity ${copy.similarity.toFixed(2)}): joins its story`,
        },
      };
    }
    if (Object.keys(features.terms).length < MIN_TERMS) {
      const storyId = this.newStoryId(features.articleId);
      this.#addTo(storyId, features, false);
      return {
        copyOf: copy,
        decision: {
          articleId: features.articleId,
          storyId,
          action: 'created',
          score: null,
          candidates: [],
          threshold,
          reason: `only ${Object.keys(features.terms).length} distinct content words (< ${MIN_TERMS}): too little text to place, kept as its own story`,
        },
      };
    }
    const scored = this.#candidates(features)
      .filter((storyId) => !barred.has(storyId))
      .map((storyId) => ({ storyId, score: this.#score(features, this.#stories.get(storyId)!) }))
      .filter((c): c is { storyId: string; score: ScoreParts } => c.score !== null)
      .sort((a, b) => b.score.total - a.score.total || (a.storyId < b.storyId ? -1 : 1));
    const best = scored[0];
    const candidates = scored.slice(0, 5);
    if (best && best.score.total >= threshold) {
      this.#addTo(best.storyId, features);
      return {
        copyOf: copy,
        decision: {
          articleId: features.articleId,
          storyId: best.storyId,
          action: 'joined',
          score: best.score,
          candidates,
          threshold,
          reason: `similarity ${describeScore(best.score)} ≥ ${threshold}`,
        },
      };
    }
    const storyId = this.newStoryId(features.articleId);
    this.#addTo(storyId, features);
    return {
      copyOf: copy,
      decision: {
        articleId: features.articleId,
        storyId,
        action: 'created',
        score: null,
        candidates,
        threshold,
        reason: best
          ? `best candidate ${best.storyId} scored ${best.score.total.toFixed(3)} < ${threshold}: new story`
          : 'no active story shares distinctive terms or names: new story',
      },
    };
  }

  /**
   * Puts an article into a story because a user said so (a merge correction): no scoring,
   * the reason is the correction's.
   */
  assign(features: ArticleFeatures, storyId: string, reason: string, observed = false): ClusterDecision {
    if (!observed) this.observe(features);
    this.#copies.add(features);
    const story = this.#stories.get(storyId);
    const score = story ? this.#score(features, story) : null;
    this.#addTo(storyId, features);
    return { articleId: features.articleId, storyId, action: 'manual', score, candidates: [], threshold: this.#config.joinThreshold, reason };
  }

  /** A fresh story id; the founding article's id, disambiguated if a story already has it. */
  newStoryId(articleId: string): string {
    const base = storyIdFor(articleId);
    let id = base;
    for (let i = 2; this.#stories.has(id); i++) id = `${base}_${i}`;
    return id;
  }

  #addTo(storyId: string, f: ArticleFeatures, index = true): void {
    let story = this.#stories.get(storyId);
    if (!story) {
      story = { id: storyId, articleIds: [], termSum: new Map(), names: new Map(), years: new Map(), first: null, last: null, language: null, touched: 0 };
      this.#stories.set(storyId, story);
    }
    story.articleIds.push(f.articleId);
    this.#storyOf.set(f.articleId, storyId);
    const unit = unitSublinear(f.terms);
    for (const [t, w] of unit) story.termSum.set(t, (story.termSum.get(t) ?? 0) + w);
    for (const n of f.names) story.names.set(n, (story.names.get(n) ?? 0) + 1);
    if (f.eventYear != null) story.years.set(f.eventYear, (story.years.get(f.eventYear) ?? 0) + 1);
    if (f.time !== null) {
      story.first = story.first === null ? f.time : Math.min(story.first, f.time);
      story.last = story.last === null ? f.time : Math.max(story.last, f.time);
    }
    story.language ??= f.language ?? null;
    story.touched = ++this.#clock;
    if (!index || unit.size < MIN_TERMS) return;
    for (const key of this.#indexKeys(f)) {
      let list = this.#index.get(key);
      if (!list) this.#index.set(key, (list = []));
      // Posting lists are append-only in recency order; a story re-appended when it grows is
      // found among the recent entries again.
      if (list[list.length - 1] !== storyId) list.push(storyId);
    }
  }

  /** Names plus the most distinctive terms: the keys an article is indexed and looked up by. */
  #indexKeys(f: ArticleFeatures): string[] {
    const terms = Object.entries(f.terms)
      .map(([t, n]) => [t, (1 + Math.log(n)) * this.#idf(t)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, INDEX_TERMS)
      .map(([t]) => `t:${t}`);
    return [...terms, ...f.names.map((n) => `n:${n}`)];
  }

  #candidates(f: ArticleFeatures): string[] {
    const hits = new Map<string, number>();
    for (const key of this.#indexKeys(f)) {
      const list = this.#index.get(key);
      if (!list) continue;
      const seen = new Set<string>();
      for (let i = list.length - 1; i >= 0 && seen.size < POSTING_SCAN; i--) {
        const s = list[i]!;
        if (seen.has(s) || !this.#stories.has(s)) continue;
        seen.add(s);
        hits.set(s, (hits.get(s) ?? 0) + 1);
      }
    }
    return [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, this.#config.maxCandidates)
      .map(([s]) => s);
  }

  #idf(term: string): number {
    return Math.log((this.#docs + 1) / ((this.#df.get(term) ?? 0) + 1)) + 1;
  }

  #nameIdf(name: string): number {
    return Math.log((this.#docs + 1) / ((this.#nameDf.get(name) ?? 0) + 1)) + 1;
  }

  /** Scores an article against a story; null when the story is out of the time window or another language. */
  #score(f: ArticleFeatures, story: StoryState): ScoreParts | null {
    const { weights, timeScaleDays, maxGapDays } = this.#config;
    if (f.language && story.language && f.language !== story.language) return null;
    let time: number | null = null;
    if (f.time !== null && story.first !== null && story.last !== null) {
      const gap = f.time < story.first ? story.first - f.time : f.time > story.last ? f.time - story.last : 0;
      const gapDays = gap / DAY_MS;
      if (gapDays > maxGapDays) return null;
      time = Math.exp(-gapDays / timeScaleDays);
    }
    const text = this.#textCosine(f.terms, story.termSum);
    const names = this.#nameCosine(f.names, story);
    const dates = yearAgreement(f.eventYear ?? null, story.years);
    // A component one side cannot speak to (no publication time) is left out of the weighted
    // mean rather than guessed.
    let sum = weights.text * text + weights.names * names;
    let weight = weights.text + weights.names;
    if (time !== null) {
      sum += weights.time * time;
      weight += weights.time;
    }
    // The year only ever lowers a score: sharing a year says little (many events happen in a
    // year), naming different years says two reports are of different events.
    const penalty = dates === null ? 1 : 1 - weights.dates * (1 - dates);
    return { text, names, time: time ?? 0, ...(dates === null ? {} : { dates }), total: (sum / weight) * penalty };
  }

  #textCosine(terms: Readonly<Record<string, number>>, centroid: ReadonlyMap<string, number>): number {
    let dot = 0;
    let na = 0;
    for (const [t, n] of Object.entries(terms)) {
      const idf = this.#idf(t);
      const wa = (1 + Math.log(n)) * idf;
      na += wa * wa;
      const c = centroid.get(t);
      if (c) dot += wa * c * idf;
    }
    if (dot === 0) return 0;
    let nb = 0;
    for (const [t, c] of centroid) {
      const wb = c * this.#idf(t);
      nb += wb * wb;
    }
    return dot / Math.sqrt(na * nb);
  }

  /** Cosine of idf-weighted name vectors: the story side weighs each name by its share of members. */
  #nameCosine(names: readonly string[], story: StoryState): number {
    if (names.length === 0 || story.names.size === 0) return 0;
    const size = story.articleIds.length;
    let dot = 0;
    let na = 0;
    for (const n of names) {
      const w = this.#nameIdf(n);
      na += w * w;
      const c = story.names.get(n);
      if (c) dot += w * w * (c / size);
    }
    if (dot === 0) return 0;
    let nb = 0;
    for (const [n, c] of story.names) {
      const w = this.#nameIdf(n) * (c / size);
      nb += w * w;
    }
    return dot / Math.sqrt(na * nb);
  }
}

/** A score with its parts, for reasons: `0.412 (text 0.380, names 0.510, dates 1.000)`. */
export function describeScore(s: ScoreParts): string {
  const parts = [`text ${s.text.toFixed(3)}`, `names ${s.names.toFixed(3)}`];
  if (s.time > 0) parts.push(`time ${s.time.toFixed(3)}`);
  if (s.dates !== undefined) parts.push(`dates ${s.dates.toFixed(3)}`);
  return `${s.total.toFixed(3)} (${parts.join(', ')})`;
}

/** Share of the story's articles naming a year that name the article's year; null when either names none. */
function yearAgreement(year: number | null, years: ReadonlyMap<number, number>): number | null {
  if (year === null || years.size === 0) return null;
  let all = 0;
  for (const n of years.values()) all += n;
  return (years.get(year) ?? 0) / all;
}

/** Sublinear term weights (1 + ln tf), scaled to unit length. */
function unitSublinear(terms: Readonly<Record<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [t, n] of Object.entries(terms)) {
    const w = 1 + Math.log(n);
    out.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of out) out.set(t, w / norm);
  return out;
}
