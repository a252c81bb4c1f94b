/**
 * Threads: stories that continue one another. Two stories are linked when they share several
 * distinctive names (weighted by how rare each name is across stories); linked stories form a
 * thread by transitivity. The reason names the shared names.
 */
import type { ThreadConfig } from '../config.js';
import type { Thread } from '../model.js';
import { DOUBLE_ZERO } from './sums.js';

/** The names a story mentions, with how many of its articles mention each. */
export interface StoryNames {
  readonly storyId: string;
  readonly names: ReadonlyMap<string, number>;
  readonly articleCount: number;
}

/**
 * A name in more stories than this proposes no pairs by itself (it still counts in the overlap
 * of pairs a rarer shared name proposes). A name in thousands of stories ("United States") would
 * otherwise propose millions of pairs, none of which it could make a thread alone: with the
 * idf weighting, the rare names carry a thread. Keeps the rebuild near-linear at a million stories.
 */
export const MAX_PROPOSING_STORIES = 200;

/** Links stories into threads; stories left alone are not in any thread. Deterministic. */
export function buildThreads(stories: readonly StoryNames[], config: ThreadConfig): Thread[] {
  // Story ids are unique: sorting the ids with the engine's own string order (the `<` order)
  // and looking the stories up is several times faster than sorting them with a callback.
  const byId = new Map(stories.map((s) => [s.storyId, s]));
  const sorted = byId.size === stories.length ? [...byId.keys()].sort().map((id) => byId.get(id)!) : [...stories].sort((a, b) => (a.storyId < b.storyId ? -1 : 1));
  // A name counts for a story when at least half its articles mention it (or it is a single article):
  // a name dropped once in passing is not what the story is about.
  const core = sorted.map((s) => {
    const min = Math.max(1, Math.ceil(s.articleCount / 2));
    const names = new Set<string>();
    for (const [name, n] of s.names) if (n >= min) names.add(name);
    return names;
  });
  const df = new Map<string, number>();
  for (const names of core) for (const n of names) df.set(n, (df.get(n) ?? 0) + 1);
  // Each name's idf once, not once per story naming it.
  const idfOf = new Map<string, number>();
  for (const [n, d] of df) idfOf.set(n, Math.log((sorted.length + 1) / (d + 1)) + 1);
  const weight = (names: Iterable<string>): number => {
    let sum = DOUBLE_ZERO;
    for (const n of names) sum += idfOf.get(n)!;
    return sum + 0;
  };
  const coreWeight = core.map(weight);
  // Inverted index of the names that may propose pairs, so only stories sharing one are compared.
  const byName = new Map<string, number[]>();
  core.forEach((names, i) => {
    for (const n of names) {
      if (df.get(n)! > MAX_PROPOSING_STORIES || df.get(n)! < 2) continue;
      const list = byName.get(n);
      if (list) list.push(i);
      else byName.set(n, [i]);
    }
  });

  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const reasons = new Map<number, string[]>();

  for (let i = 0; i < sorted.length; i++) {
    // Most stories of a large store have no proposing name: no set is made for them.
    let partners: Set<number> | null = null;
    for (const n of core[i]!) {
      const list = byName.get(n);
      if (list) for (const j of list) if (j > i) (partners ??= new Set()).add(j);
    }
    if (!partners) continue;
    for (const j of [...partners].sort((a, b) => a - b)) {
      const shared = [...core[i]!].filter((n) => core[j]!.has(n));
      if (shared.length < config.minSharedNames) continue;
      const overlap = weight(shared) / Math.min(coreWeight[i]!, coreWeight[j]!);
      if (overlap < config.minOverlap) continue;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      const why = `${sorted[j]!.storyId} shares ${shared.sort().join(', ')}`;
      const list = reasons.get(i);
      if (list) list.push(why);
      else reasons.set(i, [why]);
    }
  }

  const groups = new Map<number, number[]>();
  sorted.forEach((_, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  });
  const threads: Thread[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const ids = members.map((i) => sorted[i]!.storyId);
    const why = members.flatMap((i) => (reasons.get(i) ?? []).map((r) => `${sorted[i]!.storyId}: ${r}`));
    threads.push({ id: `th_${ids[0]!.replace(/^st_/, '')}`, storyIds: ids, reason: why.join('; ') });
  }
  return threads;
}
