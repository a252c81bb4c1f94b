/**
 * Online story clustering in mini-batches: the articles of a batch are first grouped with one
 * another (average linkage), then each group joins the most similar active story or starts a
 * new one. Grouping a batch jointly instead of placing articles one at a time keeps the first
 * reports of an event together even when none of them alone resembles the story yet; groups
 * that already resemble two different stories are not grouped, so a batch holding the next
 * reports of two same-kind events (the order articles arrive in) does not fuse their stories.
 * Two sides of several articles each (groups, a group and a story) also need a link that is
 * not loose for how alike each side's members are among themselves (their cohesion): two
 * tight groups loosely linked are two events of one kind, whatever the threshold says.
 *
 * Similarity of two groups (an article, a batch group, a story) is the average over their
 * article pairs of
 * - text: cosine of TF-IDF vectors (sublinear term counts);
 * - names: cosine of idf-weighted name vectors where each name counts by its prominence
 *   (mentions, more when named in the lead): the protagonists and places are what tell two
 *   events of the same kind apart (two earthquakes on one island, two offers to one player);
 * - time: closeness in publication time, when both sides are dated (beyond a window of weeks
 *   only a strong match joins, and nothing beyond a few years);
 * scaled down by the share of article pairs that are about different years, and when each
 * side has a protagonist or place of its own that the other side never names (rival names).
 * Both vectors are unit length, so averages over pairs are dot products of per-group sums: a
 * story keeps its sums, never its members' vectors, and scoring costs the same at any size.
 *
 * Candidate stories come from an inverted index of names and each article's most distinctive
 * terms; each posting list is scanned from its most recent entries only, so adding an article
 * costs the same whatever the store holds. Near-copies (same wire text) are found first through
 * MinHash LSH and go with their original. Deterministic for the same input order.
 */
import type { ClusterConfig } from '../config.js';
import type { ArticleFeatures, ClusterDecision, ScoreParts } from '../model.js';
import { MinHashIndex, type NearCopy } from './near-duplicates.js';
import { DOUBLE_ZERO, SparseSum } from './sums.js';

const DAY_MS = 86_400_000;

/** The sums and ranges a group of articles (a story or a batch group) is compared by. */
interface Profile {
  /** Number of articles whose vectors are summed. */
  size: number;
  /** Sum of the members' unit TF-IDF vectors, by term id. */
  readonly text: SparseSum;
  /** Sum of the members' unit name vectors, by name id. */
  readonly names: SparseSum;
  /**
   * The one article's vectors while the sums are exactly one article's: scoring two single
   * articles (most pairs of a batch) is then a merge of two sorted arrays, not map lookups.
   */
  only: Vectors | null;
  /**
   * Sums over ordered pairs of distinct members of their text (and name) dot products, kept
   * as members come and go: how alike the members are among themselves ({@link cohesion}).
   */
  pairsText: number;
  pairsNames: number;
  /** How many members are about each year ({@link ArticleFeatures.eventYear}). */
  readonly years: Map<number, number>;
  /** How many members mention each name. */
  readonly mentions: Map<string, number>;
  /** How many dated members were published on each day (days since the epoch). */
  readonly days: Map<number, number>;
  /** How many members refer back to each earlier month or year ({@link ArticleFeatures.recalls}). */
  readonly recalls: Map<string, number>;
  /** Earliest and latest known member publication times. */
  first: number | null;
  last: number | null;
  language: string | null;
}

/** What the clusterer keeps per story. */
interface StoryState extends Profile {
  readonly id: string;
  readonly articleIds: string[];
  /** Position of the latest change: recency for candidate lookup. */
  touched: number;
  /** Replayed members whose vectors are not summed yet: weighed when the story is first compared. */
  pending: ArticleFeatures[];
  /** False once the story has aged out of the time window: it keeps its members and names only. */
  active: boolean;
  /** Position in {@link StoryClusterer.#byIndex}: what posting lists hold. */
  readonly index: number;
}

/** A sparse vector: ids ascending, with their weights. */
interface Sparse {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** An article's unit vectors, under the term statistics of the moment it was weighed. */
interface Vectors {
  readonly text: Sparse;
  readonly names: Sparse;
}

/** An article's terms with their ids and TF-IDF weights under the current statistics (index-aligned). */
interface TermWeights {
  readonly terms: readonly string[];
  readonly ids: readonly number[];
  readonly weights: readonly number[];
}

/** A vector as summed in a profile, or one article's. */
type Vec = Sparse | SparseSum;

/**
 * Strings (terms, names) numbered in order of first sight, with how many articles had each:
 * vectors and the inverted index are keyed by these small integers rather than by strings.
 */
class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #df: number[] = [];

  /** The string's id, numbering it if new. */
  id(s: string): number {
    let id = this.#ids.get(s);
    if (id === undefined) {
      id = this.#df.length;
      this.#ids.set(s, id);
      this.#df.push(0);
    }
    return id;
  }

  /** Counts one more article with the string. */
  count(s: string): void {
    this.#df[this.id(s)]!++;
  }

  /** How many articles had the string with this id. */
  df(id: number): number {
    return this.#df[id] ?? 0;
  }
}

/** The story id a founding article gives: stable across re-runs of the same input. */
export function storyIdFor(articleId: string): string {
  return `st_${articleId.slice(0, 12)}`;
}

/**
 * Stories age out only while more than this many are active: below it keeping them costs
 * nothing, and an undated report may still join a dated story of another year.
 */
const AGEING_AFTER_STORIES = 5_000;
/** How many recent publication times set "now" for ageing stories out (their median). */
const RECENT_TIMES = 256;
/** How many of an article's terms feed the candidate lookup. */
const INDEX_TERMS = 20;
/** Posting lists are scanned from the most recent entry back this far: bounds the cost per article. */
const POSTING_SCAN = 64;
/** A posting list longer than this is compacted to what a lookup can reach (at most {@link POSTING_SCAN} entries, plus the aged-out story where lookups stop). */
const POSTING_KEEP = 4 * POSTING_SCAN;
/** Below this many distinct content terms an article is too thin to judge: it stays alone. */
export const MIN_TERMS = 5;

/** A placement result plus the near-copy relation, when the article is one. */
export interface Placed {
  readonly decision: ClusterDecision;
  readonly copyOf: NearCopy | null;
}

/** Constraints on a batch placement (user corrections). */
export interface BatchOptions {
  /** {@link StoryClusterer.observe} already counted the batch. */
  readonly observed?: boolean;
  /** Article id → stories it must never join (a split correction keeps them apart). */
  readonly barred?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Article id → articles of the same batch it must never be grouped with. */
  readonly apart?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Sets of batch article ids that must end in one story (a merge correction). */
  readonly together?: readonly (readonly string[])[];
}

/** A batch group while the batch is being clustered. */
interface Group extends Profile {
  /** Row of the group in the batch's score matrix. */
  readonly slot: number;
  /** Batch positions of the members, ascending. */
  readonly members: number[];
  readonly barred: Set<string>;
  readonly apart: Set<string>;
  /** Candidate stories of the group, best first. */
  stories: string[];
  /** The best story scoring at least the threshold against the group, if any. */
  prefers: string | null;
  /**
   * Scores against stories as the group is now, each with the story's {@link StoryState.touched}
   * when scored: a story unchanged since is not scored again. Emptied when the group grows.
   */
  readonly scores: Map<string, { readonly touched: number; readonly score: ScoreParts | null }>;
}

/** The clusterer's state; build one per run from what the store already holds. */
export class StoryClusterer {
  readonly #config: ClusterConfig;
  readonly #stories = new Map<string, StoryState>();
  readonly #storyOf = new Map<string, string>();
  /** Terms and names with their document frequency over all articles seen. */
  readonly #terms = new Vocabulary();
  readonly #names = new Vocabulary();
  #docs = 0;
  /**
   * Inverted index: term (key 2 × id) or name (2 × id + 1) → stories (by {@link StoryState.index}),
   * most recently touched last (duplicates allowed).
   */
  readonly #index = new Map<number, number[]>();
  /** Stories by {@link StoryState.index}, with per-story scratch of the candidate lookup in flat arrays: its hottest loop reads no objects. */
  readonly #byIndex: StoryState[] = [];
  /** 1 while the story is active (see {@link StoryState.active}). */
  readonly #activeAt: number[] = [];
  /** The lookup round (one per index key looked up) that last counted the story. */
  readonly #roundAt: number[] = [];
  /** Index keys the story shared with the articles of the current lookup. */
  readonly #hitsAt: number[] = [];
  #rounds = 0;
  readonly #copies = new MinHashIndex();
  #clock = 0;
  /** Stories by their latest publication time, oldest first: the next to age out. */
  readonly #ageing = new MinHeap();
  /** Publication times of the latest dated articles seen: their median is "now" for ageing. */
  readonly #recentTimes: number[] = [];
  #restored = 0;
  /** Stories that have aged out. */
  #retired = 0;

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
    return [...this.#stories.values()].map((s) => ({ storyId: s.id, names: s.mentions, articleCount: s.articleIds.length, first: s.first, last: s.last }));
  }

  /**
   * Counts articles for the term statistics without placing them: the pipeline observes a
   * whole batch first, so the first articles of a run are not judged with near-empty idf.
   */
  observe(features: ArticleFeatures): void {
    this.#docs++;
    if (features.time !== null) {
      this.#recentTimes.push(features.time);
      if (this.#recentTimes.length > RECENT_TIMES) this.#recentTimes.shift();
    }
    for (const t of Object.keys(features.terms)) this.#terms.count(t);
    for (const n of features.names) this.#names.count(n);
  }

  /** Records an article already placed in a story (replaying the store); no decision is made. */
  restore(features: ArticleFeatures, storyId: string): void {
    this.observe(features);
    // Vectors are weighed only if the story is compared again: most replayed stories age out first.
    this.#addTo(storyId, features, null);
    this.#copies.add(features, this.#copies.find(features));
    if (++this.#restored % RECENT_TIMES === 0) this.#age();
  }

  /**
   * Places one article: {@link placeBatch} with a batch of one. `observed` says
   * {@link observe} already counted it; stories in `barred` are never joined.
   */
  place(features: ArticleFeatures, observed = false, barred: ReadonlySet<string> = new Set()): Placed {
    return this.placeBatch([features], { observed, barred: new Map([[features.articleId, barred]]) })[0]!;
  }

  /**
   * Places a batch of new articles, returning one result per article in batch order.
   * 1. Near-copies go with their original (a stored story, or an earlier article of the batch);
   *    articles too thin to judge start a story of their own.
   * 2. The other articles are grouped with one another by average linkage while the most
   *    similar pair of groups scores at least the threshold (ties: earliest articles first);
   *    two groups that each prefer a different stored story (their best candidate scoring at
   *    least the threshold) are never grouped: they are the next reports of two events.
   * 3. Each group, in order of its first article, joins the best candidate story scoring at
   *    least the threshold against the whole group, else starts a story.
   * Deterministic for the same batches in the same order.
   */
  placeBatch(batch: readonly ArticleFeatures[], options: BatchOptions = {}): Placed[] {
    const threshold = this.#config.joinThreshold;
    if (!options.observed) for (const f of batch) this.observe(f);
    this.#age();
    const results = new Array<Placed | undefined>(batch.length);
    const position = new Map(batch.map((f, i) => [f.articleId, i]));
    // The term statistics stay as they are during the batch: each article is weighed once, for
    // its vectors and its index keys alike.
    const weighed = batch.map((f) => this.#termWeights(f));
    const vectors = batch.map((f, i) => this.#vectors(f, weighed[i]));
    const keys = new Map(batch.map((f, i) => [f, this.#indexKeys(f, weighed[i])] as const));
    const keysOf = (f: ArticleFeatures): readonly number[] => keys.get(f)!;
    const barredOf = (i: number): ReadonlySet<string> => options.barred?.get(batch[i]!.articleId) ?? new Set<string>();

    // 1. Copies and thin articles.
    const copyOf = new Map<number, NearCopy>();
    const followers = new Map<number, number[]>(); // batch original → its batch copies
    const placeable: number[] = [];
    batch.forEach((f, i) => {
      const copy = this.#copies.find(f);
      this.#copies.add(f, copy);
      if (copy) copyOf.set(i, copy);
      const inBatch = copy ? position.get(copy.originalId) : undefined;
      const storedStory = copy && inBatch === undefined ? this.#storyOf.get(copy.originalId) : undefined;
      // A copy joins its original's story only inside the story's time window and language:
      // the same text under a date years away is a re-publication, not this event's report.
      const storedState = storedStory === undefined ? undefined : this.#stories.get(storedStory);
      if (storedStory && storedState?.active && !barredOf(i).has(storedStory)) {
        const score = this.#score(single(f, vectors[i]!), this.#ready(storedState), true);
        if (score) {
          this.#addTo(storedStory, f, vectors[i]);
          results[i] = { copyOf: copy, decision: { articleId: f.articleId, storyId: storedStory, action: 'joined', score, candidates: [{ storyId: storedStory, score }], threshold, reason: `near-copy of article ${copy!.originalId} (shingle similarity ${copy!.similarity.toFixed(2)}): joins its story` } };
          return;
        }
      }
      if (inBatch !== undefined && inBatch < i && results[inBatch] === undefined && !options.apart?.get(f.articleId)?.has(copy!.originalId)) {
        followers.set(inBatch, [...(followers.get(inBatch) ?? []), i]);
        return;
      }
      if (Object.keys(f.terms).length < MIN_TERMS) {
        const storyId = this.newStoryId(f.articleId);
        this.#addTo(storyId, f, vectors[i], false);
        results[i] = { copyOf: copy, decision: { articleId: f.articleId, storyId, action: 'created', score: null, candidates: [], threshold, reason: `only ${Object.keys(f.terms).length} distinct content words (< ${MIN_TERMS}): too little text to place, kept as its own story` } };
        return;
      }
      placeable.push(i);
    });

    // 2. Group the batch: singletons (with their batch copies and merge partners) to start with.
    const groupOf = new Map<number, Group>();
    let groups: Group[] = [];
    const startGroup = (i: number): Group => {
      const g: Group = { ...emptyProfile(), slot: groups.length, members: [], barred: new Set(), apart: new Set(), stories: [], prefers: null, scores: new Map() };
      groups.push(g);
      return g;
    };
    const addMember = (g: Group, i: number): void => {
      g.members.push(i);
      addProfile(g, batch[i]!, vectors[i]!);
      for (const s of barredOf(i)) g.barred.add(s);
      for (const a of options.apart?.get(batch[i]!.articleId) ?? []) g.apart.add(a);
      groupOf.set(i, g);
    };
    for (const i of placeable) {
      const g = startGroup(i);
      addMember(g, i);
      for (const c of followers.get(i) ?? []) addMember(g, c);
    }
    const absorb = (into: Group, from: Group): void => {
      into.scores.clear();
      for (const i of from.members) {
        into.members.push(i);
        groupOf.set(i, into);
      }
      into.members.sort((a, b) => a - b);
      mergeProfile(into, from);
      for (const s of from.barred) into.barred.add(s);
      for (const a of from.apart) into.apart.add(a);
      groups = groups.filter((g) => g !== from);
      if (into.stories.length || from.stories.length) this.#preferredStory(into, [...new Set([...into.stories, ...from.stories])]);
    };
    for (const ids of options.together ?? []) {
      const gs = [...new Set(ids.map((id) => position.get(id)).filter((i): i is number => i !== undefined).map((i) => groupOf.get(i)).filter((g): g is Group => !!g))];
      for (const g of gs.slice(1)) absorb(gs[0]!, g);
    }
    for (const g of groups) this.#preferredStory(g, this.#groupCandidates(g.members.map((i) => batch[i]!), keysOf));
    // Two groups that each prefer a different stored story are reports of two events: they
    // are not grouped (two halves of two events that arrived together stay with their own).
    const mayJoin = (a: Group, b: Group): boolean =>
      !(a.prefers !== null && b.prefers !== null && a.prefers !== b.prefers) &&
      (b.apart.size === 0 || !a.members.some((i) => b.apart.has(batch[i]!.articleId))) &&
      (a.apart.size === 0 || !b.members.some((i) => a.apart.has(batch[i]!.articleId)));
    // Average linkage: scores of all pairs, the best pair merged, the merged group rescored.
    // The sums of member-pair dot products of two groups are kept per pair of groups: a merged
    // group's sums are its two parts' added (average linkage's update), so rescoring it costs
    // no vector products however large it grows.
    const slots = placeable.length;
    const pairScore = new Float64Array(slots * slots).fill(-1);
    const textDots = new Float64Array(slots * slots);
    const nameDots = new Float64Array(slots * slots);
    const bySlot = new Map(groups.map((g) => [g.slot, g]));
    const { weights, longGapFactor } = this.#config;
    const rescore = (a: Group, b: Group): void => {
      // Only pairs reaching the threshold are ever merged: the others need no full score. Most
      // pairs of a batch fail #score's first test; made here, it costs no call and no object.
      const at = a.slot * slots + b.slot;
      const below = longGapFactor <= 1 && weightedLink(textDots[at]!, nameDots[at]!, a.size * b.size, weights) < threshold;
      const score = !below && mayJoin(a, b) ? this.#score(a, b, false, threshold, { text: textDots[at]!, names: nameDots[at]! }) : null;
      const s = score && this.#tightEnough(score, a, b) ? score.total : -1;
      pairScore[at] = s;
      pairScore[b.slot * slots + a.slot] = s;
    };
    // Pairs of single articles (most of a batch) are summed term by term over the batch's own
    // inverted index: only pairs sharing a term cost anything.
    singleDots(groups, slots, 'text', textDots);
    singleDots(groups, slots, 'names', nameDots);
    for (let x = 0; x < groups.length; x++) {
      for (let y = x + 1; y < groups.length; y++) {
        const a = groups[x]!;
        const b = groups[y]!;
        const at = a.slot * slots + b.slot;
        const ta = b.slot * slots + a.slot;
        if (a.only && b.only) {
          textDots[ta] = textDots[at]!;
          nameDots[ta] = nameDots[at]!;
        } else {
          textDots[at] = textDots[ta] = dot(a.only?.text ?? a.text, b.only?.text ?? b.text);
          nameDots[at] = nameDots[ta] = dot(a.only?.names ?? a.names, b.only?.names ?? b.names);
        }
        rescore(a, b);
      }
    }
    // Each group's best partner among the groups after it (ties: the first), so the best pair
    // is a scan of the groups, not of all pairs: groups stay in slot order, as they were made.
    const rowBest = new Float64Array(slots).fill(-1);
    const rowPartner = new Int32Array(slots).fill(-1);
    const bestAfter = (g: Group): void => {
      let best = -1;
      let partner = -1;
      // Indexed loops and plain assignments here and below: this runs for every group after
      // every merge, and an iterator or a pair array per step made garbage at every step.
      for (let k = 0; k < groups.length; k++) {
        const h = groups[k]!;
        if (h.slot <= g.slot) continue;
        const s = pairScore[g.slot * slots + h.slot]!;
        if (s >= threshold && s > best) {
          best = s;
          partner = h.slot;
        }
      }
      rowBest[g.slot] = best;
      rowPartner[g.slot] = partner;
    };
    for (const g of groups) bestAfter(g);
    for (;;) {
      let best: Group | null = null;
      for (let k = 0; k < groups.length; k++) {
        const g = groups[k]!;
        if (rowPartner[g.slot]! >= 0 && (best === null || rowBest[g.slot]! > rowBest[best.slot]!)) best = g;
      }
      if (!best) break;
      const into = best;
      const from = bySlot.get(rowPartner[best.slot]!)!;
      absorb(into, from);
      for (let k = 0; k < groups.length; k++) {
        const g = groups[k]!;
        if (g === into) continue;
        const at = into.slot * slots + g.slot;
        const to = g.slot * slots + into.slot;
        const of = from.slot * slots + g.slot;
        textDots[at] = textDots[to] = textDots[at]! + textDots[of]!;
        nameDots[at] = nameDots[to] = nameDots[at]! + nameDots[of]!;
        rescore(into, g);
      }
      bestAfter(into);
      for (let k = 0; k < groups.length; k++) {
        const g = groups[k]!;
        if (g === into) continue;
        const partner = rowPartner[g.slot]!;
        // A row that pointed at either part may have lost its best: worked out again.
        if (partner === from.slot || partner === into.slot) bestAfter(g);
        else if (g.slot < into.slot) {
          const s = pairScore[g.slot * slots + into.slot]!;
          if (s >= threshold && (s > rowBest[g.slot]! || (s === rowBest[g.slot]! && into.slot < partner))) {
            rowBest[g.slot] = s;
            rowPartner[g.slot] = into.slot;
          }
        }
      }
    }

    // 3. Each group joins a story or starts one.
    groups.sort((a, b) => a.members[0]! - b.members[0]!);
    for (const g of groups) {
      // Stories that articles this group must stay apart from have joined (earlier in this batch) are barred too.
      const apartStories = new Set([...g.apart].map((id) => this.#storyOf.get(id)).filter((s): s is string => s !== undefined));
      const scored = this.#groupCandidates(g.members.map((i) => batch[i]!), keysOf)
        .filter((storyId) => !g.barred.has(storyId) && !apartStories.has(storyId))
        .map((storyId) => {
          const story = this.#ready(this.#stories.get(storyId)!);
          const score = this.#groupScore(g, story);
          return { storyId, score, loose: score !== null && !this.#tightEnough(score, g, story) };
        })
        .filter((c): c is { storyId: string; score: ScoreParts; loose: boolean } => c.score !== null)
        .sort((a, b) => b.score.total - a.score.total || (a.storyId < b.storyId ? -1 : 1));
      // The best story the group may join: a loose link to a tight story is another event's.
      const best = scored.find((c) => !c.loose);
      const top = scored[0];
      const candidates = scored.slice(0, 5).map(({ storyId, score }) => ({ storyId, score }));
      const joins = best !== undefined && best.score.total >= threshold;
      const storyId = joins ? best.storyId : this.newStoryId(batch[g.members[0]!]!.articleId);
      const others = (i: number): string => {
        const ids = g.members.filter((m) => m !== i).map((m) => batch[m]!.articleId);
        return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
      };
      g.members.forEach((i, k) => {
        const f = batch[i]!;
        const copy = copyOf.get(i) ?? null;
        const copyNote = copy && position.has(copy.originalId) ? `near-copy of article ${copy.originalId} (shingle similarity ${copy.similarity.toFixed(2)}), grouped with it; ` : '';
        let decision: ClusterDecision;
        if (joins) {
          const alone = g.members.length === 1;
          decision = {
            articleId: f.articleId,
            storyId,
            action: 'joined',
            score: best.score,
            candidates,
            threshold,
            reason: alone
              ? `${copyNote}similarity ${describeScore(best.score)} ≥ ${threshold}`
              : `${copyNote}grouped in this batch with ${others(i)}; the group's average similarity to the story ${describeScore(best.score)} ≥ ${threshold}`,
          };
        } else if (k === 0) {
          decision = {
            articleId: f.articleId,
            storyId,
            action: 'created',
            score: null,
            candidates,
            threshold,
            reason:
              // Not joining while the top candidate reaches the threshold: it was a loose link.
              (top && top.score.total >= threshold
                ? `best candidate ${top.storyId} scored ${top.score.total.toFixed(3)} ≥ ${threshold}, but its text and names are < ${this.#config.cohesionShare} of the two sides' cohesion (two tight groups loosely linked: two events): new story`
                : top
                  ? `best candidate ${top.storyId} scored ${top.score.total.toFixed(3)} < ${threshold}: new story`
                  : 'no active story shares distinctive terms or names: new story') +
              (g.members.length > 1 ? ` with ${others(i)} of this batch` : ''),
          };
        } else {
          // Why it is with the founder: its own average similarity to the rest of its group.
          const rest = profileWithout(g, f, vectors[i]!);
          const score = this.#score(single(f, vectors[i]!), rest) ?? { text: 0, names: 0, time: 0, total: 0 };
          decision = {
            articleId: f.articleId,
            storyId,
            action: 'joined',
            score,
            candidates,
            threshold,
            reason: `${copyNote}grouped in this batch with ${others(i)} (group average ≥ ${threshold}; this article's average similarity to the others ${describeScore(score)}): new story`,
          };
        }
        results[i] = { copyOf: copy, decision };
      });
      for (const i of g.members) this.#addTo(storyId, batch[i]!, vectors[i], true, keysOf(batch[i]!));
    }
    return results.map((r) => r!);
  }

  /**
   * Scores the group against candidate stories (barred ones left out), keeps the best
   * {@link ClusterConfig.maxCandidates} and notes the best one scoring at least the threshold.
   */
  #preferredStory(g: Group, storyIds: readonly string[]): void {
    const scored = storyIds
      .filter((id) => !g.barred.has(id))
      .map((id) => {
        const story = this.#ready(this.#stories.get(id)!);
        const score = this.#groupScore(g, story);
        return { id, s: score && this.#tightEnough(score, g, story) ? score.total : -1 };
      })
      .sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1))
      .slice(0, this.#config.maxCandidates);
    g.stories = scored.map((x) => x.id);
    g.prefers = scored[0] && scored[0].s >= this.#config.joinThreshold ? scored[0].id : null;
  }

  /**
   * {@link #score} of a batch group against a story, remembered while neither changes: a group
   * is scored against its candidates when the batch is grouped and again when it is placed.
   * (During a batch a story changes only by gaining articles, which moves its `touched`.)
   */
  #groupScore(g: Group, story: StoryState): ScoreParts | null {
    const known = g.scores.get(story.id);
    if (known && known.touched === story.touched) return known.score;
    const score = this.#score(g, story);
    g.scores.set(story.id, { touched: story.touched, score });
    return score;
  }

  /**
   * Whether a score links two sides firmly enough for how alike each side's members are: with
   * two or more articles on each side, it must reach {@link ClusterConfig.cohesionShare} of
   * the geometric mean of their cohesions. A single article has no cohesion: only the
   * threshold applies to it.
   */
  #tightEnough(score: ScoreParts, a: Profile, b: Profile): boolean {
    const { cohesionShare: share, weights } = this.#config;
    if (!(share > 0)) return true;
    const ca = cohesion(a, weights);
    const cb = cohesion(b, weights);
    if (ca === null || cb === null || ca <= 0 || cb <= 0) return true;
    // The link's text and names, lowered by what says the sides are two events (other years,
    // rival names), not by time apart: each side's members are near one another in time, so
    // their cohesion has no such discount, and the threshold already weighs the time.
    const dates = score.dates === undefined ? 1 : 1 - weights.dates * (1 - score.dates);
    const rivals = score.rivals ? 1 - weights.rivals : 1;
    const link = ((weights.text * score.text + weights.names * score.names) / (weights.text + weights.names)) * dates * rivals;
    return link >= share * Math.sqrt(ca * cb);
  }

  /**
   * Puts an article into a story because a user said so (a merge correction): no scoring,
   * the reason is the correction's.
   */
  assign(features: ArticleFeatures, storyId: string, reason: string, observed = false): ClusterDecision {
    if (!observed) this.observe(features);
    this.#copies.add(features);
    const story = this.#stories.get(storyId);
    const vectors = this.#vectors(features);
    const score = story?.active ? this.#score(single(features, vectors), this.#ready(story)) : null;
    this.#addTo(storyId, features, vectors);
    return { articleId: features.articleId, storyId, action: 'manual', score, candidates: [], threshold: this.#config.joinThreshold, reason };
  }

  /** A fresh story id; the founding article's id, disambiguated if a story already has it. */
  newStoryId(articleId: string): string {
    const base = storyIdFor(articleId);
    let id = base;
    for (let i = 2; this.#stories.has(id); i++) id = `${base}_${i}`;
    return id;
  }

  /** Adds an article to a story; `vectors` null defers weighing it (see {@link StoryState.pending}). */
  #addTo(storyId: string, f: ArticleFeatures, vectors: Vectors | null = this.#vectors(f), index = true, keys?: readonly number[]): void {
    let story = this.#stories.get(storyId);
    if (!story) {
      story = { id: storyId, articleIds: [], touched: 0, pending: [], active: true, index: this.#byIndex.length, ...emptyProfile() };
      this.#stories.set(storyId, story);
      this.#byIndex.push(story);
      this.#activeAt.push(1);
      this.#roundAt.push(0);
      this.#hitsAt.push(0);
    }
    story.articleIds.push(f.articleId);
    this.#storyOf.set(f.articleId, storyId);
    const last = story.last;
    addProfile(story, f, story.active ? vectors : null);
    if (story.active && vectors === null) story.pending.push(f);
    // An article put into a story that has aged out (a manual correction) is only counted.
    if (story.last !== null && story.last !== last) this.#ageing.push(story.last, storyId);
    story.touched = ++this.#clock;
    if (!index || Object.keys(f.terms).length < MIN_TERMS) return;
    for (const key of keys ?? this.#indexKeys(f)) {
      let list = this.#index.get(key);
      if (!list) this.#index.set(key, (list = []));
      // Posting lists are append-only in recency order; a story re-appended when it grows is
      // found among the recent entries again.
      if (list[list.length - 1] !== story.index) list.push(story.index);
      if (list.length > POSTING_KEEP) this.#index.set(key, this.#compactPosting(list));
    }
  }

  /**
   * The entries of a posting list a lookup can still reach, now and later: the latest entry of
   * each known story, newest first back to the first story that aged out (a lookup stops
   * there, and stories do not come back) and at most {@link POSTING_SCAN} of them (a lookup
   * stops there too; later entries only go in front). Keeps common terms' lists short instead
   * of one entry per article for the whole run.
   */
  #compactPosting(list: readonly number[]): number[] {
    const kept: number[] = [];
    const seen = new Set<number>();
    for (let i = list.length - 1; i >= 0 && kept.length < POSTING_SCAN; i--) {
      const s = list[i]!;
      if (this.#activeAt[s] === 0) {
        kept.push(s);
        break;
      }
      if (seen.has(s)) continue;
      seen.add(s);
      kept.push(s);
    }
    return kept.reverse();
  }

  /** The story with every replayed member weighed (under the statistics of now). */
  #ready(story: StoryState): StoryState {
    for (const f of story.pending) {
      const v = this.#vectors(f);
      addVectors(story, v.text, v.names, 1);
    }
    story.pending = [];
    return story;
  }

  /**
   * Stories whose latest article is older than the window (twice the longest gap that may still
   * join, before "now", the median time of the latest dated articles) age out once many stories
   * are active: no dated article can join them again, so their vectors are dropped and the
   * candidate lookup stops at them. Keeps memory and the cost of an added article flat as the
   * store grows. Undated stories never age.
   */
  #age(): void {
    if (this.#recentTimes.length === 0 || this.#stories.size - this.#retired <= AGEING_AFTER_STORIES) return;
    const sorted = [...this.#recentTimes].sort((a, b) => a - b);
    const now = sorted[Math.floor(sorted.length / 2)]!;
    const cutoff = now - 2 * this.#config.maxGapDays * DAY_MS;
    for (let top = this.#ageing.peek(); top && top.key < cutoff; top = this.#ageing.peek()) {
      this.#ageing.pop();
      const story = this.#stories.get(top.id);
      if (!story || !story.active || story.last === null || story.last >= cutoff) continue;
      story.active = false;
      this.#activeAt[story.index] = 0;
      this.#retired++;
      story.pending = [];
      story.text.clear();
      story.names.clear();
      story.only = null;
      story.pairsText = 0;
      story.pairsNames = 0;
      story.years.clear();
      story.days.clear();
      story.recalls.clear();
    }
  }

  /** The article's terms weighed by sublinear term count × idf under the current statistics. */
  #termWeights(f: ArticleFeatures): TermWeights {
    const entries = Object.entries(f.terms);
    const ids = entries.map(([t]) => this.#terms.id(t));
    return { terms: entries.map(([t]) => t), ids, weights: entries.map(([, n], k) => (1 + Math.log(n)) * this.#idf(ids[k]!)) };
  }

  /** The article's unit TF-IDF and name vectors under the current statistics. */
  #vectors(f: ArticleFeatures, weighed: TermWeights = this.#termWeights(f)): Vectors {
    const text = sparseUnit(weighed.ids, weighed.weights);
    const nameIds = f.names.map((n) => this.#names.id(n));
    const names = sparseUnit(nameIds, f.names.map((n, k) => (1 + Math.log(f.nameWeights?.[n] ?? 1)) * this.#nameIdf(nameIds[k]!)));
    return { text, names };
  }

  /** Names plus the most distinctive terms: the keys an article is indexed and looked up by. */
  #indexKeys(f: ArticleFeatures, weighed: TermWeights = this.#termWeights(f)): number[] {
    const terms = weighed.terms
      .map((t, k) => ({ t, id: weighed.ids[k]!, w: weighed.weights[k]! }))
      .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : 1))
      .slice(0, INDEX_TERMS)
      .map(({ id }) => 2 * id);
    return [...terms, ...f.names.map((n) => 2 * this.#names.id(n) + 1)];
  }

  /** Candidate stories of a group: those sharing the most index keys with its articles. */
  #groupCandidates(articles: readonly ArticleFeatures[], keysOf: (f: ArticleFeatures) => readonly number[]): string[] {
    const [active, roundAt, hitsAt] = [this.#activeAt, this.#roundAt, this.#hitsAt];
    const found: number[] = [];
    for (const f of articles) {
      for (const key of keysOf(f)) {
        const list = this.#index.get(key);
        if (!list) continue;
        // A story counts once per key: `roundAt` remembers the last key (round) that counted it.
        const round = ++this.#rounds;
        let seen = 0;
        for (let i = list.length - 1; i >= 0 && seen < POSTING_SCAN; i--) {
          const s = list[i]!;
          // Entries are in recency order: past a story that aged out, the rest are older still.
          if (active[s] === 0) break;
          if (roundAt[s] === round) continue;
          roundAt[s] = round;
          seen++;
          if (hitsAt[s] === 0) found.push(s);
          hitsAt[s]!++;
        }
      }
    }
    const chosen = mostHits(found, hitsAt, (s) => this.#byIndex[s]!.id, this.#config.maxCandidates);
    for (const s of found) hitsAt[s] = 0;
    return chosen;
  }

  #idf(termId: number): number {
    return Math.log((this.#docs + 1) / (this.#terms.df(termId) + 1)) + 1;
  }

  #nameIdf(nameId: number): number {
    return Math.log((this.#docs + 1) / (this.#names.df(nameId) + 1)) + 1;
  }

  /**
   * Average-linkage score of two groups; null when they may never be one story (other
   * language, or further apart in time than the long window; `strict`: than the window).
   */
  #score(a: Profile, b: Profile, strict = false, floor = -Infinity, dots?: PairDots): ScoreParts | null {
    const { weights, timeScaleDays, maxGapDays, maxLongGapDays, longGapFactor } = this.#config;
    if (a.size === 0 || b.size === 0) return null;
    // Every other factor only lowers the score (a long-gap factor above 1 would not): with the
    // sums at hand and below the floor already, it stays below (most pairs of a batch).
    if (dots && longGapFactor <= 1 && weightedLink(dots.text, dots.names, a.size * b.size, weights) < floor) return null;
    if (a.language && b.language && a.language !== b.language) return null;
    const dated = a.first !== null && a.last !== null && b.first !== null && b.last !== null;
    const gapDays = dated ? Math.max(0, a.first! - b.last!, b.first! - a.last!) / DAY_MS : 0;
    const longGap = gapDays > maxGapDays;
    if (longGap && (strict || longGapFactor <= 0 || gapDays > maxLongGapDays)) return null;
    // Beyond the window, only a later side that names the earlier side's time may be its event
    // (a verdict "in the April 2007 shooting"); a follow-up that does not is a story of its own.
    const recalled = longGap ? (a.first! > b.last! ? recalledTime(a, b) : recalledTime(b, a)) : null;
    if (longGap && recalled === null) return null;
    const pairs = a.size * b.size;
    // The two sums as locals, not an object: a number in an object's field is an object of its
    // own, and this runs for every candidate of every group.
    const dotText = dots ? dots.text : dot(a.only?.text ?? a.text, b.only?.text ?? b.text);
    const dotNames = dots ? dots.names : dot(a.only?.names ?? a.names, b.only?.names ?? b.names);
    const text = dotText / pairs;
    const names = dotNames / pairs;
    const link = weightedLink(dotText, dotNames, pairs, weights);
    if (link < floor && longGapFactor <= 1) return null;
    let time: number | null = null;
    if (dated) {
      // Average over dated article pairs, like text and names: a story that ran for days is
      // close to a report of its last day only through the articles of that day.
      let sum = DOUBLE_ZERO;
      let pairs = 0;
      for (const [da, na] of a.days) {
        for (const [db, nb] of b.days) {
          sum += na * nb * Math.exp(-Math.abs(da - db) / timeScaleDays);
          pairs += na * nb;
        }
      }
      time = pairs > 0 ? sum / pairs : null;
    }
    // A later side that names the earlier side's time says which year it is about, whatever
    // year it was written in: its own year (the latest it names) is no disagreement.
    const dates = recalled === null ? yearAgreement(a.years, b.years) : null;
    // Time, like the year, only lowers a score, and only when both sides are dated (nothing is
    // guessed for undated text): reports of one event come within days of each other.
    const timeFactor = time === null ? 1 : 1 - weights.time * (1 - time);
    // The year only ever lowers a score: sharing a year says little (many events happen in a
    // year), naming different years says two reports are of different events.
    const penalty = dates === null ? 1 : 1 - weights.dates * (1 - dates);
    // Rival protagonists only ever lower a score, like the year.
    const rivals = rivalNames(a, b);
    const rivalPenalty = rivals ? 1 - weights.rivals : 1;
    // Beyond the window only strong agreement joins (a crime and its trial a year later).
    const gapFactor = longGap ? longGapFactor : 1;
    // Built field by field in the order of ScoreParts (the stored decisions' key order), with
    // no throwaway objects: this runs for every candidate of every group.
    const parts: { -readonly [K in keyof ScoreParts]?: ScoreParts[K] } = { text, names, time: time ?? 0 };
    if (dates !== null) parts.dates = dates;
    if (rivals) parts.rivals = rivals;
    if (longGap) parts.gapDays = Math.round(gapDays);
    if (recalled !== null) parts.recalls = recalled;
    parts.total = link * timeFactor * penalty * rivalPenalty * gapFactor;
    return parts as ScoreParts;
  }
}

/**
 * The ids of the `k` stories with the most hits, most first (ties: smaller id first). A lookup
 * finds hundreds of stories and keeps a few dozen: a count of stories per number of hits gives
 * the fewest hits that still makes the cut, so only the stories above it are ranked, and of
 * those tied at it only the ids are sorted, by the engine's own string order.
 */
function mostHits(found: readonly number[], hitsAt: readonly number[], idOf: (s: number) => string, k: number): string[] {
  let cut = 0;
  if (found.length > k) {
    let max = 0;
    for (const s of found) max = Math.max(max, hitsAt[s]!);
    const counts = new Int32Array(max + 1);
    for (const s of found) counts[hitsAt[s]!]!++;
    // The highest count of hits with at least k stories at or above it.
    let above = 0;
    for (cut = max; cut > 1 && above + counts[cut]! < k; cut--) above += counts[cut]!;
  }
  const ranked: { id: string; hits: number }[] = [];
  const tied: string[] = [];
  for (const s of found) {
    const hits = hitsAt[s]!;
    if (hits > cut) ranked.push({ id: idOf(s), hits });
    else if (hits === cut) tied.push(idOf(s));
  }
  ranked.sort((a, b) => b.hits - a.hits || (a.id < b.id ? -1 : 1));
  // The default sort orders strings by UTF-16 code units, as `<` does above.
  return [...ranked.map((c) => c.id), ...tied.sort()].slice(0, k);
}

/** Sums over the member pairs of two groups of their text and name dot products. */
interface PairDots {
  readonly text: number;
  readonly names: number;
}

/**
 * Text and names averaged over the pairs and weighted, from their sums over the pairs: a score
 * before every factor that lowers it.
 */
function weightedLink(text: number, names: number, pairs: number, weights: ClusterConfig['weights']): number {
  return (weights.text * (text / pairs) + weights.names * (names / pairs)) / (weights.text + weights.names);
}

/**
 * Dot products of every pair of single-article groups (`only` set), written at
 * `earlier.slot × slots + later.slot` (groups in slot order): each article's vector is added to
 * the batch's inverted index after it is matched against the articles before it, so each pair
 * sums the same products in the same order (ids ascending) as {@link dotSparse}, bit for bit.
 */
function singleDots(groups: readonly Group[], slots: number, part: keyof Vectors, out: Float64Array): void {
  const postings = new Map<number, { slots: number[]; weights: number[] }>();
  for (const g of groups) {
    if (!g.only) continue;
    const { ids, weights } = g.only[part];
    const row = g.slot;
    for (let k = 0; k < ids.length; k++) {
      const w = weights[k]!;
      let list = postings.get(ids[k]!);
      if (!list) postings.set(ids[k]!, (list = { slots: [], weights: [] }));
      const [before, their] = [list.slots, list.weights];
      for (let j = 0; j < before.length; j++) {
        const at = before[j]! * slots + row;
        out[at] = out[at]! + their[j]! * w;
      }
      before.push(row);
      their.push(w);
    }
  }
}

/**
 * Mean similarity of a profile's member pairs (text and names weighted as in a score, before
 * penalties); null below two members.
 */
function cohesion(p: Profile, weights: ClusterConfig['weights']): number | null {
  const n = p.size;
  if (n < 2) return null;
  return (weights.text * p.pairsText + weights.names * p.pairsNames) / ((weights.text + weights.names) * n * (n - 1));
}

/** A score with its parts, for reasons: `0.412 (text 0.380, names 0.510, dates 1.000)`. */
export function describeScore(s: ScoreParts): string {
  const parts = [`text ${s.text.toFixed(3)}`, `names ${s.names.toFixed(3)}`];
  if (s.time > 0) parts.push(`time ${s.time.toFixed(3)}`);
  if (s.dates !== undefined) parts.push(`dates ${s.dates.toFixed(3)}`);
  if (s.rivals) parts.push(`rival names ${s.rivals[0]} / ${s.rivals[1]}`);
  if (s.gapDays !== undefined) parts.push(`${s.gapDays} days apart, beyond the window${s.recalls ? `, the later side names ${s.recalls}` : ''}`);
  return `${s.total.toFixed(3)} (${parts.join(', ')})`;
}

function emptyProfile(): Profile {
  return { size: 0, text: new SparseSum(), names: new SparseSum(), only: null, pairsText: 0, pairsNames: 0, years: new Map(), mentions: new Map(), days: new Map(), recalls: new Map(), first: null, last: null, language: null };
}

/** The profile of one article. */
function single(f: ArticleFeatures, v: Vectors): Profile {
  const p = emptyProfile();
  addProfile(p, f, v);
  return p;
}

/** Adds an article to a profile; without vectors only its counts, years, names and times. */
function addProfile(p: Profile, f: ArticleFeatures, v: Vectors | null): void {
  const empty = p.size === 0;
  p.size++;
  if (v) addVectors(p, v.text, v.names, 1);
  if (empty && v) p.only = v;
  if (f.eventYear != null) p.years.set(f.eventYear, (p.years.get(f.eventYear) ?? 0) + 1);
  for (const n of f.names) p.mentions.set(n, (p.mentions.get(n) ?? 0) + 1);
  for (const r of f.recalls ?? []) p.recalls.set(r, (p.recalls.get(r) ?? 0) + 1);
  if (f.time !== null) {
    const day = Math.floor(f.time / DAY_MS);
    p.days.set(day, (p.days.get(day) ?? 0) + 1);
    p.first = p.first === null ? f.time : Math.min(p.first, f.time);
    p.last = p.last === null ? f.time : Math.max(p.last, f.time);
  }
  p.language ??= f.language ?? null;
}

function mergeProfile(into: Profile, from: Profile): void {
  into.size += from.size;
  into.pairsText += from.pairsText;
  into.pairsNames += from.pairsNames;
  addVectors(into, from.text, from.names, 1);
  for (const [y, n] of from.years) into.years.set(y, (into.years.get(y) ?? 0) + n);
  for (const [k, n] of from.mentions) into.mentions.set(k, (into.mentions.get(k) ?? 0) + n);
  for (const [d, n] of from.days) into.days.set(d, (into.days.get(d) ?? 0) + n);
  for (const [r, n] of from.recalls) into.recalls.set(r, (into.recalls.get(r) ?? 0) + n);
  if (from.first !== null) into.first = into.first === null ? from.first : Math.min(into.first, from.first);
  if (from.last !== null) into.last = into.last === null ? from.last : Math.max(into.last, from.last);
  into.language ??= from.language;
}

/** A group's profile without one of its articles (for explaining that article's place in it). */
function profileWithout(g: Profile, f: ArticleFeatures, v: Vectors): Profile {
  const p: Profile = { ...g, text: g.text.clone(), names: g.names.clone(), only: null, years: new Map(g.years), mentions: new Map(g.mentions), days: new Map(g.days), recalls: new Map(g.recalls) };
  p.size--;
  addVectors(p, v.text, v.names, -1);
  if (f.eventYear != null) p.years.set(f.eventYear, p.years.get(f.eventYear)! - 1);
  for (const n of f.names) p.mentions.set(n, p.mentions.get(n)! - 1);
  for (const r of f.recalls ?? []) p.recalls.set(r, p.recalls.get(r)! - 1);
  if (f.time !== null) {
    const day = Math.floor(f.time / DAY_MS);
    const left = p.days.get(day)! - 1;
    if (left > 0) p.days.set(day, left);
    else p.days.delete(day);
    // The range by day is enough here: it only decides whether time is part of the explanation.
    const days = [...p.days.keys()];
    p.first = days.length ? Math.min(...days) * DAY_MS : null;
    p.last = days.length ? (Math.max(...days) + 1) * DAY_MS - 1 : null;
  }
  return p;
}

/**
 * Adds (sign 1) or takes out (sign -1) vectors, one article's or a whole group's sums, keeping
 * the pair sums: adding v to S adds 2 S·v, taking v out of S removes 2 (S - v)·v.
 */
function addVectors(p: Profile, text: Vec, names: Vec, sign: 1 | -1): void {
  p.only = null;
  if (sign > 0) {
    p.pairsText += 2 * dot(p.text, text);
    p.pairsNames += 2 * dot(p.names, names);
  }
  addInto(p.text, text, sign);
  addInto(p.names, names, sign);
  if (sign < 0) {
    p.pairsText -= 2 * dot(p.text, text);
    p.pairsNames -= 2 * dot(p.names, names);
  }
}

function addInto(sum: SparseSum, v: Vec, sign: number): void {
  const { ids, weights } = v;
  for (let i = 0; i < ids.length; i++) sum.add(ids[i]!, sign * weights[i]!);
}

function dot(a: Vec, b: Vec): number {
  if (a instanceof SparseSum) return b instanceof SparseSum ? dotSums(a, b) : dotSparseSum(b, a);
  return b instanceof SparseSum ? dotSparseSum(a, b) : dotSparse(a, b);
}

/** Dot product of two sums: a pass over the smaller one, looking each id up in the other. */
function dotSums(a: SparseSum, b: SparseSum): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  const { ids, weights } = small;
  let s = DOUBLE_ZERO;
  for (let i = 0; i < ids.length; i++) {
    const u = large.get(ids[i]!);
    if (u) s += weights[i]! * u;
  }
  return s + 0;
}

function dotSparseSum(a: Sparse, b: SparseSum): number {
  let s = DOUBLE_ZERO;
  for (let i = 0; i < a.ids.length; i++) {
    const u = b.get(a.ids[i]!);
    if (u) s += a.weights[i]! * u;
  }
  return s + 0;
}

/** Dot product of two sparse vectors: one pass over both id lists. */
function dotSparse(a: Sparse, b: Sparse): number {
  let s = DOUBLE_ZERO;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) s += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s + 0;
}

/** Share of article pairs naming a year that name the same one; null when either side names none. */
function yearAgreement(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number | null {
  let na = 0;
  let nb = 0;
  let same = 0;
  for (const n of a.values()) na += n;
  for (const n of b.values()) nb += n;
  if (na === 0 || nb === 0) return null;
  for (const [y, n] of a) same += n * (b.get(y) ?? 0);
  return same / (na * nb);
}

/**
 * The sparse unit vector of weights by id (ids ascending; a repeated id keeps its last weight;
 * zero weights stay as they are, like the rest, and an all-zero vector stays zero).
 */
function sparseUnit(ids: readonly number[], weights: readonly number[]): Sparse {
  const last = new Map<number, number>();
  ids.forEach((id, k) => last.set(id, k));
  const order = [...last.values()].sort((x, y) => ids[x]! - ids[y]!);
  let norm = 0;
  for (const k of order) norm += weights[k]! * weights[k]!;
  norm = Math.sqrt(norm) || 1;
  return { ids: Int32Array.from(order, (k) => ids[k]!), weights: Float64Array.from(order, (k) => weights[k]! / norm) };
}

/** Share of the later side's members that must name the earlier side's time across a long gap. */
const RECALL_SHARE = 0.5;

/**
 * The month or year of the earlier side's articles that most of the later side's members name
 * ({@link ArticleFeatures.recalls}), or null: the evidence that two sides months apart are one
 * event. Most of its dated members, that is: an undated member resolves no date.
 */
function recalledTime(later: Profile, earlier: Profile): string | null {
  if (later.recalls.size === 0 || earlier.first === null || earlier.last === null) return null;
  const from = new Date(earlier.first);
  const to = new Date(earlier.last);
  const month = (d: Date): string => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  const [firstMonth, lastMonth] = [month(from), month(to)];
  // The time most members name (ties: the earliest), and how many name it.
  let best: string | null = null;
  let count = 0;
  for (const [r, n] of later.recalls) {
    const inSpan = r.length === 4 ? Number(r) >= from.getUTCFullYear() && Number(r) <= to.getUTCFullYear() : r >= firstMonth && r <= lastMonth;
    if (!inSpan || n <= 0) continue;
    if (best === null || n > count || (n === count && r < best)) [best, count] = [r, n];
  }
  // Of the dated members: only they can resolve a date, so only they can name one.
  let dated = 0;
  for (const n of later.days.values()) dated += n;
  return best !== null && count >= RECALL_SHARE * dated ? best : null;
}

/** Both sides of a comparison hold at least this many articles before rival names count. */
const RIVAL_MIN_ARTICLES = 4;
/** A side's own name: mentioned by at least this share of its articles... */
const RIVAL_MAJORITY = 0.5;
/** ...and by at most this share of the other side's. */
const RIVAL_ABSENT = 0.1;

/**
 * A name most of one side's articles mention and the other side's (almost) never do, and one
 * the other way round: two events of one kind with different protagonists or places (Klitschko
 * against Rahman in Mannheim, Klitschko against Thompson in Bern), however alike the words.
 * Null unless both sides hold a few articles: one article naming someone the others do not is
 * ordinary. Picked on the ECB+ tuning topics (odd); held-out topics unchanged by it.
 */
function rivalNames(a: Profile, b: Profile): [string, string] | null {
  if (a.size < RIVAL_MIN_ARTICLES || b.size < RIVAL_MIN_ARTICLES) return null;
  const own = (x: Profile, y: Profile): string | null => {
    let best: string | null = null;
    let bestShare = 0;
    for (const [n, c] of x.mentions) {
      const share = c / x.size;
      if (share < RIVAL_MAJORITY || (y.mentions.get(n) ?? 0) / y.size > RIVAL_ABSENT) continue;
      if (share > bestShare || (share === bestShare && best !== null && n < best)) {
        best = n;
        bestShare = share;
      }
    }
    return best;
  };
  const x = own(a, b);
  const y = x === null ? null : own(b, a);
  return x !== null && y !== null ? [x, y] : null;
}

/** A binary min-heap of (time, story id): the stories that may age out next. */
class MinHeap {
  readonly #keys: number[] = [];
  readonly #ids: string[] = [];

  peek(): { key: number; id: string } | null {
    return this.#keys.length ? { key: this.#keys[0]!, id: this.#ids[0]! } : null;
  }

  push(key: number, id: string): void {
    let i = this.#keys.length;
    this.#keys.push(key);
    this.#ids.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#keys[parent]! <= key) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  pop(): void {
    const last = this.#keys.length - 1;
    if (last < 0) return;
    this.#swap(0, last);
    this.#keys.pop();
    this.#ids.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.#keys.length && this.#keys[l]! < this.#keys[m]!) m = l;
      if (r < this.#keys.length && this.#keys[r]! < this.#keys[m]!) m = r;
      if (m === i) return;
      this.#swap(i, m);
      i = m;
    }
  }

  #swap(a: number, b: number): void {
    [this.#keys[a], this.#keys[b]] = [this.#keys[b]!, this.#keys[a]!];
    [this.#ids[a], this.#ids[b]] = [this.#ids[b]!, this.#ids[a]!];
  }
}
