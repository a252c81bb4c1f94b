/**
 * The provenance graph of a story and its independent origins. An article rests on the agency it
 * credits most directly (a credit line, "citing X", "X reported"); an agency report that itself
 * cites another agency rests on it (Reuters → Xinhua); an outlet that relays an agency's report
 * ("UNN reports citing Reuters") is a relay, not an origin; an article that credits nobody but
 * copies or rewrites another rests on that article's origin; anything else is its outlet's own
 * reporting. Articles resting on one origin, directly or through one another, are not independent.
 */
import { nameKey } from '../annotate/text.js';
import type { Attribution, Provenance, ProvenanceEdge, ProvenanceOrigin } from '../model.js';
import type { PreparedArticle } from './prepare.js';
import type { Reuse } from './reuse.js';

/** How directly each cue credits a source: lower is more direct. `mention` is not a credit. */
const CUE_RANK: Readonly<Record<string, number>> = { 'credit-line': 0, citing: 1, dateline: 2, reported: 3, 'according-to': 4, told: 5 };
/** Cues strong enough that other agencies the article names are the credited report's own sources. */
const DIRECT = 1;

/** The provenance of a story, and each article's origin (by origin name). */
export interface ProvenanceResult {
  readonly provenance: Provenance;
  readonly originOf: ReadonlyMap<string, string>;
}

interface Basis {
  readonly primary: Attribution | null;
  readonly upstream: readonly string[];
  readonly relay: string | null;
}

/** Builds the provenance graph from the articles' attributions and the reuse relations. */
export function buildProvenance(articles: readonly PreparedArticle[], reuse: readonly Reuse[]): ProvenanceResult {
  const edges: ProvenanceEdge[] = [];
  const display = new Map<string, string>();
  const show = (name: string): string => {
    const k = nameKey(name);
    if (!display.has(k)) display.set(k, name);
    return display.get(k)!;
  };
  const bases = new Map<string, Basis>();
  const parent = new Map<string, string>();
  for (const r of reuse) parent.set(r.from, r.to);

  // Union-find over origin keys: agencies joined by rests-on.
  const up = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (up.has(r) && up.get(r) !== r) r = up.get(r)!;
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) up.set(rb, ra);
  };

  for (const { article } of articles) {
    const basis = basisOf(article.attributions, article.outlet, article.text);
    bases.set(article.id, basis);
    if (article.outlet) edges.push({ from: article.id, to: show(article.outlet), kind: 'published-by' });
    const self = article.outlet ? nameKey(article.outlet) : null;
    const cited = new Set<string>();
    for (const at of article.attributions) {
      const k = nameKey(at.agency);
      // "the newspaper", "the publication": the article's own outlet, not a source.
      if (k === self || at.cue === 'mention' || !/^\p{Lu}/u.test(at.agency) || cited.has(k) || (basis.relay && k === nameKey(basis.relay))) continue;
      cited.add(k);
      edges.push({ from: article.id, to: show(at.agency), kind: 'cites', why: `${at.cue}: ${at.passage.slice(0, 200)}` });
    }
    if (basis.relay && basis.primary) edges.push({ from: show(basis.relay), to: show(basis.primary.agency), kind: 'relays' });
    if (basis.primary) {
      for (const u of basis.upstream) {
        union(nameKey(basis.primary.agency), nameKey(u));
        edges.push({ from: show(basis.primary.agency), to: show(u), kind: 'rests-on', why: `${article.id} credits ${basis.primary.agency} and, within that report, ${u}` });
      }
    }
  }
  for (const r of reuse) edges.push({ from: r.from, to: r.to, kind: r.kind, passages: r.passages, why: r.why });

  // Each article's origin key: its own credit, else its source's, else its outlet's own reporting.
  const originKey = new Map<string, string>();
  const byId = new Map(articles.map((a) => [a.article.id, a.article]));
  const resolve = (id: string, seen: Set<string>): string => {
    const known = originKey.get(id);
    if (known) return known;
    const b = bases.get(id);
    const art = byId.get(id)!;
    let key: string;
    if (b?.primary) key = nameKey(show(b.primary.agency));
    else if (parent.has(id) && !seen.has(parent.get(id)!)) key = resolve(parent.get(id)!, seen.add(id));
    else if (art.outlet) key = nameKey(show(art.outlet));
    else key = `article:${id}`;
    originKey.set(id, key);
    return key;
  };
  for (const { article } of articles) resolve(article.id, new Set());

  const families = new Map<string, string[]>();
  for (const [id, key] of originKey) {
    const root = find(key);
    const list = families.get(root) ?? [];
    list.push(id);
    families.set(root, list);
  }
  const agencyKeys = new Set(articles.flatMap((a) => a.article.attributions.filter((x) => x.cue !== 'mention').map((x) => nameKey(x.agency))));
  const origins: ProvenanceOrigin[] = [];
  const originOf = new Map<string, string>();
  for (const [root, ids] of families) {
    // Name the family after the member most articles rest on directly.
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(originKey.get(id)!, (counts.get(originKey.get(id)!) ?? 0) + 1);
    const head = [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
    const members = [...new Set([...up.keys(), ...counts.keys()].filter((k) => find(k) === root))];
    const name = head.startsWith('article:') ? head.slice(8) : display.get(head) ?? head;
    const kind: ProvenanceOrigin['kind'] = head.startsWith('article:') ? 'article' : agencyKeys.has(head) ? 'agency' : 'outlet';
    const restsOn = members.filter((k) => k !== head).map((k) => display.get(k) ?? k).sort();
    origins.push({ name, kind, articles: [...ids].sort(), restsOn });
    for (const id of ids) originOf.set(id, name);
  }
  origins.sort((x, y) => y.articles.length - x.articles.length || (x.name < y.name ? -1 : 1));
  return { provenance: { origins, edges: dedupeEdges(edges), independentOrigins: origins.length }, originOf };
}

function basisOf(attributions: readonly Attribution[], outlet: string | null, text: string): Basis {
  const self = outlet ? nameKey(outlet) : null;
  // "UNN reports citing Reuters": UNN passes Reuters' report on.
  let relay: string | null = attributions.find((a) => a.citedBy)?.citedBy ?? null;
  if (!relay) {
    for (const a of attributions.filter((x) => x.cue === 'reported')) {
      const re = new RegExp(`\\b${escape(a.agency)}\\s+(?:reports|reported|writes|wrote)\\s*,?\\s*citing\\b`, 'u');
      if (re.test(text) || re.test(a.passage)) relay = a.agency;
    }
  }
  const relayKey = relay ? nameKey(relay) : null;
  const usable = attributions.filter((a) => a.cue in CUE_RANK && nameKey(a.agency) !== self && nameKey(a.agency) !== relayKey);
  const ranked = [...usable].sort((x, y) => CUE_RANK[x.cue]! - CUE_RANK[y.cue]!);
  const primary = ranked[0] ?? null;
  const upstream =
    primary && CUE_RANK[primary.cue]! <= DIRECT
      ? [...new Set(usable.filter((a) => nameKey(a.agency) !== nameKey(primary.agency) && CUE_RANK[a.cue]! > DIRECT).map((a) => a.agency))]
      : [];
  return { primary, upstream, relay: primary ? relay : null };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function dedupeEdges(edges: readonly ProvenanceEdge[]): ProvenanceEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const k = `${e.from}\u0000${e.to}\u0000${e.kind}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
