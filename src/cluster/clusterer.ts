/**
 * Online story clustering: each arriving article joins the most similar active story or
 * starts a new one. Similarity combines TF-IDF cosine of the text against the story's
 * centroid, the weighted share of the article's names the story already mentions, and
 * closeness in publication time. Candidates come from an inverted index of names and the
 * article's most distinctive terms, so adding an article costs the same whatever the store
 * holds. Deterministic for the same input order.
 */
import type { ClusterConfig } from '../config.js';
import type { ArticleFeatures, ClusterDecision, ScoreParts } from '../model.js';

const DAY_MS = 86_400_000;

/** What the clusterer keeps per story. */
interface StoryState {
  readonly id: string;
  readonly articleIds: string[];
  /** Sum of member term frequencies (the centroid, unnormalised). */
  readonly termSum: Map<string, number>;
  /** How many members mention each name. */
  readonly names: Map<string, number>;
  /** Known member publication times. */
  readonly times: number[];
}

/** The story id a founding article gives: stable across re-runs of the same input. */
export function storyIdFor(articleId: string): string {
  return `st_${articleId.slice(0, 12)}`;
}

/** How many of an article's terms feed the candidate lookup. */
const INDEX_TERMS = 12;

/** The clusterer's state; build one per run from what the store already holds. */
export class StoryClusterer {
  readonly #config: ClusterConfig;
  readonly #stories = new Map<string, StoryState>();
  /** Document frequency of terms and names over all articles seen. */
  readonly #df = new Map<string, number>();
  readonly #nameDf = new Map<string, number>();
  #docs = 0;
  /** Inverted index: term or name → stories mentioning it. */
  readonly #index = new Map<string, Set<string>>();

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

  /** Every story's names with how many of its articles mention each (for threads). */
  storyNames(): { storyId: string; names: ReadonlyMap<string, number>; articleCount: number }[] {
    return [...this.#stories.values()].map((s) => ({ storyId: s.id, names: s.names, articleCount: s.articleIds.length }));
  }

  /** Records an article already placed in a story (replaying the store); no decision is made. */
  restore(features: ArticleFeatures, storyId: string): void {
    this.#count(features);
    this.#addTo(storyId, features);
  }

  /** Places a new article: joins the best story above the threshold or creates one. */
  place(features: ArticleFeatures): ClusterDecision {
    const scored = this.#candidates(features)
      .map((storyId) => ({ storyId, score: this.#score(features, this.#stories.get(storyId)!) }))
      .filter((c): c is { storyId: string; score: ScoreParts } => c.score !== null)
      .sort((a, b) => b.score.total - a.score.total || (a.storyId < b.storyId ? -1 : 1));
    // Count the article only after scoring, so it does not inflate its own idf.
    this.#count(features);
    const best = scored[0];
    const threshold = this.#config.joinThreshold;
    const candidates = scored.slice(0, 5);
    if (best && best.score.total >= threshold) {
      this.#addTo(best.storyId, features);
      return {
        articleId: features.articleId,
        storyId: best.storyId,
        action: 'joined',
        score: best.score,
        candidates,
        threshold,
        reason: `similarity ${best.score.total.toFixed(3)} ≥ ${threshold} (text ${best.score.text.toFixed(3)}, names ${best.score.names.toFixed(3)}, time ${best.score.time.toFixed(3)})`,
      };
    }
    const storyId = storyIdFor(features.articleId);
    this.#addTo(storyId, features);
    return {
      articleId: features.articleId,
      storyId,
      action: 'created',
      score: null,
      candidates,
      threshold,
      reason: best
        ? `best candidate ${best.storyId} scored ${best.score.total.toFixed(3)} < ${threshold}: new story`
        : 'no candidate story shares distinctive terms or names: new story',
    };
  }

  #count(f: ArticleFeatures): void {
    this.#docs++;
    for (const t of Object.keys(f.terms)) this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
    for (const n of f.names) this.#nameDf.set(n, (this.#nameDf.get(n) ?? 0) + 1);
  }

  #addTo(storyId: string, f: ArticleFeatures): void {
    let story = this.#stories.get(storyId);
    if (!story) {
      story = { id: storyId, articleIds: [], termSum: new Map(), names: new Map(), times: [] };
      this.#stories.set(storyId, story);
    }
    story.articleIds.push(f.articleId);
    for (const [t, n] of Object.entries(f.terms)) story.termSum.set(t, (story.termSum.get(t) ?? 0) + n);
    for (const n of f.names) story.names.set(n, (story.names.get(n) ?? 0) + 1);
    if (f.time !== null) story.times.push(f.time);
    for (const key of this.#indexKeys(f)) {
      let set = this.#index.get(key);
      if (!set) this.#index.set(key, (set = new Set()));
      set.add(storyId);
    }
  }

  /** Names plus the most distinctive terms: the keys an article is indexed and looked up by. */
  #indexKeys(f: ArticleFeatures): string[] {
    const terms = Object.entries(f.terms)
      .map(([t, n]) => [t, n * this.#idf(t)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, INDEX_TERMS)
      .map(([t]) => `t:${t}`);
    return [...terms, ...f.names.map((n) => `n:${n}`)];
  }

  #candidates(f: ArticleFeatures): string[] {
    const hits = new Map<string, number>();
    for (const key of this.#indexKeys(f)) {
      const stories = this.#index.get(key);
      // A key shared by a large share of all stories is no evidence; skip it to bound the cost.
      if (!stories || stories.size > Math.max(50, this.#stories.size * 0.2)) continue;
      for (const s of stories) hits.set(s, (hits.get(s) ?? 0) + 1);
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

  /** Scores an article against a story; null when the story is out of the time window. */
  #score(f: ArticleFeatures, story: StoryState): ScoreParts | null {
    const { weights, timeScaleDays, maxGapDays } = this.#config;
    let time: number | null = null;
    if (f.time !== null && story.times.length > 0) {
      const gapDays = Math.min(...story.times.map((t) => Math.abs(t - f.time!))) / DAY_MS;
      if (gapDays > maxGapDays) return null;
      time = Math.exp(-gapDays / timeScaleDays);
    }
    const text = this.#cosine(f.terms, story.termSum);
    const names = this.#nameOverlap(f.names, story);
    // Without dates on both sides, the time component is left out rather than guessed.
    const total =
      time === null
        ? (weights.text * text + weights.names * names) / (weights.text + weights.names)
        : weights.text * text + weights.names * names + weights.time * time;
    return { text, names, time: time ?? 0, total };
  }

  #cosine(a: Readonly<Record<string, number>>, b: ReadonlyMap<string, number>): number {
    let dot = 0;
    let na = 0;
    for (const [t, n] of Object.entries(a)) {
      const idf = this.#idf(t);
      const wa = n * idf;
      na += wa * wa;
      const nb = b.get(t);
      if (nb) dot += wa * nb * idf;
    }
    if (dot === 0) return 0;
    let nbSq = 0;
    for (const [t, n] of b) {
      const wb = n * this.#idf(t);
      nbSq += wb * wb;
    }
    return dot / Math.sqrt(na * nbSq);
  }

  /** Share of the article's name weight that the story already mentions. */
  #nameOverlap(names: readonly string[], story: StoryState): number {
    let total = 0;
    let shared = 0;
    for (const n of names) {
      const w = this.#nameIdf(n);
      total += w;
      if (story.names.has(n)) shared += w;
    }
    return total === 0 ? 0 : shared / total;
  }
}
