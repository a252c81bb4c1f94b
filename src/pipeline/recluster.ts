/**
 * Corrections and rebuilds of the stories in a store:
 * - {@link mergeStories} (`dossier merge`) and {@link splitStory} (`dossier split`) move
 *   articles and record the correction, so later clustering and rebuilds respect it;
 * - {@link recluster} (`dossier recluster`) rebuilds every story in one batch pass that does
 *   not depend on the order articles arrived in: term statistics are counted over the whole
 *   store first and articles are placed in a canonical order (publication time, then id), in
 *   batches grouped jointly as `analyze` does.
 */
import { StoryClusterer } from '../cluster/clusterer.js';
import type { DossierConfig } from '../config.js';
import { DossierError } from '../errors.js';
import type { ArticleFeatures, ClusterDecision } from '../model.js';
import type { ClusterCorrection, Store, StoryRecord } from '../store/store.js';
import { compareStaleStories, storyView } from './compare-stories.js';

/** What a correction or rebuild changed. */
export interface ReclusterSummary {
  readonly articles: number;
  readonly stories: number;
  /** Articles whose story changed. */
  readonly moved: number;
}

/** Merges story `from` into story `into`: all its articles move, and stay together in later rebuilds. */
export async function mergeStories(store: Store, config: DossierConfig, into: string, from: readonly string[]): Promise<ReclusterSummary> {
  const target = await requireStory(store, into);
  const others = await Promise.all(from.filter((id) => id !== into).map((id) => requireStory(store, id)));
  if (others.length === 0) throw new DossierError('usage:invalid', `merge: expected at least one story other than ${into}, found none`);
  const movedIds = others.flatMap((s) => s.articles.map((a) => a.id));
  const correction: ClusterCorrection = { kind: 'merge', storyIds: [into, ...others.map((s) => s.id)], articleIds: [...target.articles.map((a) => a.id), ...movedIds] };
  const decisions = movedIds.map((articleId) => manual(articleId, into, config, `merged into ${into} by a user correction (dossier merge)`));
  await store.addCorrection(correction);
  await applyMoves(store, config, decisions, [into]);
  return { articles: target.articles.length + movedIds.length, stories: 1, moved: movedIds.length };
}

/** Takes `articleIds` out of story `storyId` into a new story of their own; they are never put back with the rest. */
export async function splitStory(store: Store, config: DossierConfig, storyId: string, articleIds: readonly string[]): Promise<{ readonly newStoryId: string } & ReclusterSummary> {
  const story = await requireStory(store, storyId);
  const members = new Set(story.articles.map((a) => a.id));
  const unknown = articleIds.filter((id) => !members.has(id));
  if (unknown.length > 0) throw new DossierError('usage:invalid', `split: expected articles of story ${storyId}, found ${unknown.join(', ')} (see \`dossier story ${storyId}\`)`);
  const moved = [...new Set(articleIds)];
  const rest = [...members].filter((id) => !moved.includes(id));
  if (moved.length === 0 || rest.length === 0) throw new DossierError('usage:invalid', `split: expected some but not all of the ${members.size} articles of ${storyId}, found ${moved.length}`);
  const clusterer = await replay(store, config);
  const newStoryId = clusterer.newStoryId(moved.sort()[0]!);
  await store.addCorrection({ kind: 'split', storyId, moved, rest });
  const decisions = moved.map((articleId) => manual(articleId, newStoryId, config, `split out of ${storyId} by a user correction (dossier split)`));
  await applyMoves(store, config, decisions, [storyId, newStoryId]);
  return { newStoryId, articles: members.size, stories: 2, moved: moved.length };
}

/**
 * Rebuilds all stories, respecting every recorded correction: articles a merge put together
 * stay together, articles a split put apart are never joined again. Order-independent.
 */
export async function recluster(store: Store, config: DossierConfig): Promise<ReclusterSummary> {
  const all: { features: ArticleFeatures; storyId: string }[] = [];
  for await (const p of store.placements()) all.push(p);
  // Canonical order: dated articles by time, then undated ones, ties by id.
  all.sort((a, b) => (a.features.time ?? Infinity) - (b.features.time ?? Infinity) || (a.features.articleId < b.features.articleId ? -1 : 1));
  const corrections = await store.corrections();
  const mergedWith = mustLinkGroups(corrections);
  const apart = cannotLink(corrections);
  const before = new Map(all.map((p) => [p.features.articleId, p.storyId]));

  const clusterer = new StoryClusterer(config.cluster);
  for (const { features } of all) clusterer.observe(features);
  const byId = new Map<string, ClusterDecision>();
  // The canonical order is placed in batches like a run of `analyze`, so a rebuild groups
  // articles as jointly as the pipeline does (and the same input always gives the same stories).
  for (let start = 0; start < all.length; start += config.batchSize) {
    let rest = all.slice(start, start + config.batchSize).map((p) => p.features);
    // Articles a merge correction ties to an article already placed go straight to its story
    // (repeated: one assignment can place another article's partner).
    for (let changed = true; changed; ) {
      changed = false;
      rest = rest.filter((features) => {
        const partner = (mergedWith.get(features.articleId) ?? []).find((other) => clusterer.storyOf(other) !== null);
        if (!partner) return true;
        byId.set(features.articleId, clusterer.assign(features, clusterer.storyOf(partner)!, `kept with ${partner} by a merge correction`, true));
        changed = true;
        return false;
      });
    }
    const inBatch = new Set(rest.map((f) => f.articleId));
    const together = rest.map((f) => [f.articleId, ...(mergedWith.get(f.articleId) ?? []).filter((o) => inBatch.has(o))]).filter((g) => g.length > 1);
    const barred = new Map(rest.map((f) => [f.articleId, new Set([...(apart.get(f.articleId) ?? [])].map((o) => clusterer.storyOf(o)).filter((s): s is string => s !== null))]));
    const apartInBatch = new Map(rest.map((f) => [f.articleId, new Set([...(apart.get(f.articleId) ?? [])].filter((o) => inBatch.has(o)))]));
    clusterer.placeBatch(rest, { observed: true, barred, apart: apartInBatch, together }).forEach((p) => byId.set(p.decision.articleId, p.decision));
  }
  const decisions = all.map((p) => byId.get(p.features.articleId)!);
  let moved = 0;
  for (const d of decisions) if (d.storyId !== before.get(d.articleId)) moved++;
  const storyIds = [...new Set(decisions.map((d) => d.storyId))].sort();
  const stories = storyView(clusterer, config.thread);
  await store.commit({ raws: [], articles: [], decisions, stories: staleStories(storyIds, clusterer), threads: stories.threads() });
  await compareStaleStories(store, stories, [], config.compare);
  return { articles: all.length, stories: storyIds.length, moved };
}

function manual(articleId: string, storyId: string, config: DossierConfig, reason: string): ClusterDecision {
  return { articleId, storyId, action: 'manual', score: null, candidates: [], threshold: config.cluster.joinThreshold, reason };
}

async function requireStory(store: Store, id: string): Promise<NonNullable<Awaited<ReturnType<Store['getStory']>>>> {
  const story = await store.getStory(id);
  if (!story) throw new DossierError('store:not-found', `story ${id}: no such story in the store (see \`dossier stories\`)`);
  return story;
}

/** A clusterer holding what the store holds. */
async function replay(store: Store, config: DossierConfig): Promise<StoryClusterer> {
  const clusterer = new StoryClusterer(config.cluster);
  for await (const p of store.placements()) clusterer.restore(p.features, p.storyId);
  return clusterer;
}

/** Commits manual placements, then the comparisons of the touched stories and the threads. */
async function applyMoves(store: Store, config: DossierConfig, decisions: readonly ClusterDecision[], touched: readonly string[]): Promise<void> {
  await store.commit({ raws: [], articles: [], decisions, stories: [] });
  const clusterer = await replay(store, config);
  const stories = storyView(clusterer, config.thread);
  await store.commit({ raws: [], articles: [], decisions: [], stories: staleStories(touched, clusterer), threads: stories.threads() });
  await compareStaleStories(store, stories, [], config.compare);
}

/**
 * The stories to compare again, marked stale (emptied stories are left out: the store drops
 * them). The compare stage then gives them their title and comparison, as after `analyze`.
 */
function staleStories(storyIds: readonly string[], clusterer: StoryClusterer): StoryRecord[] {
  return storyIds.filter((id) => clusterer.members(id).length > 0).map((id) => ({ id, title: '', comparison: null }));
}

/**
 * Article → the articles merge corrections put it with. Corrections apply in order: a later
 * split undoes the links between the articles it moved and the rest.
 */
function mustLinkGroups(corrections: readonly ClusterCorrection[]): Map<string, string[]> {
  // Star-shaped links (each merged article to the first) keep this linear in the story size.
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (!links.has(a)) links.set(a, new Set());
    links.get(a)!.add(b);
  };
  for (const c of corrections) {
    if (c.kind === 'merge') {
      const [first, ...rest] = c.articleIds;
      for (const other of rest) {
        link(first!, other);
        link(other, first!);
      }
    } else {
      const rest = new Set(c.rest);
      for (const m of c.moved) {
        for (const other of links.get(m) ?? []) if (rest.has(other)) links.get(other)?.delete(m);
        for (const r of c.rest) links.get(m)?.delete(r);
      }
    }
  }
  const out = new Map<string, string[]>();
  for (const start of [...links.keys()].sort()) {
    if (out.has(start)) continue;
    const group: string[] = [];
    const todo = [start];
    const seen = new Set([start]);
    while (todo.length) {
      const x = todo.pop()!;
      group.push(x);
      for (const y of links.get(x) ?? []) if (!seen.has(y)) todo.push(y), seen.add(y);
    }
    for (const m of group) out.set(m, group.filter((o) => o !== m).sort());
  }
  return out;
}

/** Article → articles a split correction put apart from it. A later merge lifts an earlier split between the same articles. */
function cannotLink(corrections: readonly ClusterCorrection[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    if (!out.has(a)) out.set(a, new Set());
    out.get(a)!.add(b);
  };
  for (const c of corrections) {
    if (c.kind === 'split') {
      for (const a of c.moved) for (const b of c.rest) {
        add(a, b);
        add(b, a);
      }
    } else {
      for (const a of c.articleIds) for (const b of c.articleIds) out.get(a)?.delete(b);
    }
  }
  return out;
}
