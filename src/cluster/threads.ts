/**
 * Threads: stories that continue one another. Two stories are linked when they share several
 * distinctive names (weighted by how rare each name is across stories); linked stories form a
 * thread by transitivity. The reason names the shared names.
 */
import type { ThreadConfig } from '../config.js';
import type { Thread } from '../model.js';

/** The names a story mentions, with how many of its articles mention each. */
export interface StoryNames {
  readonly storyId: string;
  readonly names: ReadonlyMap<string, number>;
  readonly articleCount: number;
}

/** Links stories into threads; stories left alone are not in any thread. Deterministic. */
export function buildThreads(stories: readonly StoryNames[], config: ThreadConfig): Thread[] {
  const sorted = [...stories].sort((a, b) => (a.storyId < b.storyId ? -1 : 1));
  // A name counts for a story when at least half its articles mention it (or it is a single article):
  // a name dropped once in passing is not what the story is about.
  const core = sorted.map((s) => {
    const min = Math.max(1, Math.ceil(s.articleCount / 2));
    return new Set([...s.names].filter(([, n]) => n >= min).map(([name]) => name));
  });
  const df = new Map<string, number>();
  for (const names of core) for (const n of names) df.set(n, (df.get(n) ?? 0) + 1);
  const idf = (n: string): number => Math.log((sorted.length + 1) / ((df.get(n) ?? 0) + 1)) + 1;
  // Inverted index so only stories sharing a name are compared.
  const byName = new Map<string, number[]>();
  core.forEach((names, i) => names.forEach((n) => byName.set(n, [...(byName.get(n) ?? []), i])));

  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const reasons = new Map<number, string[]>();

  for (let i = 0; i < sorted.length; i++) {
    const partners = new Set<number>();
    for (const n of core[i]!) for (const j of byName.get(n) ?? []) if (j > i) partners.add(j);
    for (const j of [...partners].sort((a, b) => a - b)) {
      const shared = [...core[i]!].filter((n) => core[j]!.has(n));
      if (shared.length < config.minSharedNames) continue;
      const weight = (names: Iterable<string>): number => [...names].reduce((sum, n) => sum + idf(n), 0);
      const overlap = weight(shared) / Math.min(weight(core[i]!), weight(core[j]!));
      if (overlap < config.minOverlap) continue;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      reasons.set(i, [...(reasons.get(i) ?? []), `${sorted[j]!.storyId} shares ${shared.sort().join(', ')}`]);
    }
  }

  const groups = new Map<number, number[]>();
  sorted.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const threads: Thread[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const ids = members.map((i) => sorted[i]!.storyId);
    const why = members.flatMap((i) => (reasons.get(i) ?? []).map((r) => `${sorted[i]!.storyId}: ${r}`));
    threads.push({ id: `th_${ids[0]!.replace(/^st_/, '')}`, storyIds: ids, reason: why.join('; ') });
  }
  return threads;
}
