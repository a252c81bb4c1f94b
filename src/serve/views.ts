/**
 * What the API returns, built from store records. Later stages add fields to the story detail
 * (provenance, claims, conflicts, brief, timeline, entities, quotes), either at the top level or
 * inside `comparison`; these views read them where present and degrade when absent, so the
 * API and UI keep working while the pipeline grows.
 */
import { nameKey } from '../annotate/text.js';
import type { AnnotatedArticle, EntityKind, StorySummary } from '../model.js';
import type { SearchHit, StoryDetail, StoryDigest } from '../store/store.js';

/** A field a later stage may have added to the story detail, at the top level or in `comparison`. */
export function storyField(detail: StoryDetail, name: string): unknown {
  const top = (detail as unknown as Record<string, unknown>)[name];
  if (top !== undefined && top !== null) return top;
  const comparison = detail.comparison as unknown as Record<string, unknown> | null;
  return comparison?.[name] ?? null;
}

/** A story as the list shows it: counts that say how well sourced it is. */
export interface StoryListItem extends StorySummary {
  readonly outletCount: number;
  readonly outlets: readonly string[];
  /** Independent origins, when the comparison stage computed them. */
  readonly independentOrigins: number | null;
  /** Conflicts found between outlets, when the comparison stage looked. */
  readonly conflictCount: number | null;
}

/** The headline figures of a loaded story detail (when the store cannot read them directly). */
export function digestOf(detail: StoryDetail | null): StoryDigest | null {
  if (!detail) return null;
  const provenance = storyField(detail, 'provenance') as { independentOrigins?: unknown } | null;
  const io = provenance?.independentOrigins;
  const conflicts = storyField(detail, 'conflicts');
  return {
    independentOrigins: typeof io === 'number' ? io : Array.isArray(io) ? io.length : null,
    conflicts: Array.isArray(conflicts) ? conflicts.length : null,
  };
}

/** The list view of a story from its summary and (when known) its digest. */
export function storyListItem(summary: StorySummary, digest: StoryDigest | null): StoryListItem {
  const outlets = [...new Set(summary.articles.map((a) => a.outlet).filter((o): o is string => !!o))].sort();
  return { ...summary, outletCount: outlets.length, outlets, independentOrigins: digest?.independentOrigins ?? null, conflictCount: digest?.conflicts ?? null };
}

/** A canonical entity of a story, in the shape the annotation stage gives. */
export interface EntityView {
  /** The entity's id in the API: the comparison key of its name. */
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly variants: readonly string[];
  readonly articles: readonly string[];
}

/**
 * The entities of a story's articles grouped by name key: the fallback while the store has no
 * canonical entities. The name shown is the most frequent spelling; variants are the others.
 */
export function entitiesOfArticles(articles: readonly AnnotatedArticle[], limit = 40): EntityView[] {
  const groups = new Map<string, { spellings: Map<string, number>; kinds: Map<EntityKind, number>; articles: Set<string>; mentions: number }>();
  for (const a of articles) {
    for (const m of a.entities ?? []) {
      if (!m.key) continue;
      const g = groups.get(m.key) ?? { spellings: new Map(), kinds: new Map(), articles: new Set(), mentions: 0 };
      g.spellings.set(m.text, (g.spellings.get(m.text) ?? 0) + 1);
      g.kinds.set(m.kind, (g.kinds.get(m.kind) ?? 0) + 1);
      g.articles.add(a.id);
      g.mentions++;
      groups.set(m.key, g);
    }
  }
  const top = <K>(m: Map<K, number>): K => [...m.entries()].sort((x, y) => y[1] - x[1])[0]![0];
  return [...groups.entries()]
    .sort((x, y) => y[1].articles.size - x[1].articles.size || y[1].mentions - x[1].mentions || (x[0] < y[0] ? -1 : 1))
    .slice(0, limit)
    .map(([key, g]) => {
      const name = top(g.spellings);
      return { id: key, name, type: top(g.kinds), variants: [...g.spellings.keys()].filter((s) => s !== name).sort(), articles: [...g.articles].sort() };
    });
}

/** Adds an `id` (its name key) to each entity a later stage stored, so the UI can link it. */
export function withEntityIds(entities: unknown): EntityView[] | null {
  if (!Array.isArray(entities)) return null;
  return entities.flatMap((e: unknown) => {
    if (!e || typeof e !== 'object') return [];
    const rec = e as Record<string, unknown>;
    const name = typeof rec['name'] === 'string' ? rec['name'] : typeof rec['canonical'] === 'string' ? rec['canonical'] : null;
    if (!name) return [];
    return [{ ...(rec as object), id: typeof rec['id'] === 'string' ? rec['id'] : nameKey(name), name } as EntityView];
  });
}

/** A piece of a search snippet: matched words are marked, everything is plain text. */
export interface SnippetPart {
  readonly text: string;
  readonly match: boolean;
}

/**
 * Splits a store snippet (matches wrapped in `[` `]`) into parts, so clients render highlights
 * as elements around text and never have to insert the snippet as HTML.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const re = /\[([^\[\]]*)\]/g;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), match: false });
    parts.push({ text: m[1]!, match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}

/** A search hit with its article's metadata and a highlighted snippet. */
export interface SearchResult extends SearchHit {
  readonly outlet: string | null;
  readonly published: string | null;
  readonly parts: readonly SnippetPart[];
}

/** Entities among the hits' articles whose name matches the query: "did you mean this entity?". */
export function matchingEntities(query: string, articles: readonly AnnotatedArticle[], limit = 8): EntityView[] {
  const q = nameKey(query);
  if (!q) return [];
  const words = q.split(' ');
  return entitiesOfArticles(articles, 1000)
    .filter((e) => {
      const keyWords = e.id.split(' ');
      return words.every((w) => keyWords.some((k) => k.startsWith(w)));
    })
    .slice(0, limit);
}
