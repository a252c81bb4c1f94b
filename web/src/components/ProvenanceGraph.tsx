/**
 * The provenance graph of a story as SVG: articles → the outlets that published them → the
 * agencies and wires they rest on, with copy/rewrite edges between articles and "rests on"
 * edges between agencies. Labels are SVG text nodes (never markup), and a text list of the
 * same edges follows for screen readers and copy-paste.
 */
import type { JSX } from 'preact';
import type { Origin, ProvenanceEdge, Source } from '../api';
import { formatDate } from './common';

interface Node {
  key: string;
  label: string;
  sub: string;
  x: number;
  y: number;
  w: number;
  kind: 'article' | 'outlet' | 'origin';
  href?: string;
}

interface Edge {
  from: Node;
  to: Node;
  kind: string;
  why?: string;
}

const ROW = 48;
const NODE_H = 36;
const TOP = 34;
const COLS = { article: 70, outlet: 330, origin: 570 } as const;
const WIDTHS = { article: 210, outlet: 180, origin: 170 } as const;
const WIDTH = 790;

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Normalised edge kind: what the line means. */
function edgeKind(kind: string | undefined): string {
  const k = (kind ?? '').toLowerCase();
  if (k.includes('publish')) return 'published';
  if (k.includes('rewrite')) return 'rewrite';
  if (k.includes('cop')) return 'copy';
  if (k.includes('rest') || k.includes('cit') || k.includes('attrib') || k.includes('source')) return 'rests-on';
  return k || 'related';
}

export interface GraphInput {
  sources: readonly Source[];
  origins: readonly Origin[];
  edges: readonly ProvenanceEdge[];
  /** Citation number of each article. */
  numbers: ReadonlyMap<string, number>;
}

/** Lays the graph out in three columns. Exported for the story page's text list. */
export function layout(input: GraphInput): { nodes: Node[]; edges: Edge[]; height: number } {
  const articles = input.sources.map<Node>((s) => ({
    key: `a:${s.articleId}`,
    label: `${input.numbers.get(s.articleId) ?? '?'} · ${s.outlet ?? s.source.split('/').pop() ?? s.source}`,
    sub: formatDate(s.published),
    x: COLS.article,
    y: 0,
    w: WIDTHS.article,
    kind: 'article',
    href: `#source-${s.articleId}`,
  }));
  const outletNames = [...new Set(input.sources.map((s) => s.outlet ?? '(outlet unknown)'))];
  const outlets = outletNames.map<Node>((o) => ({
    key: `o:${o}`,
    label: o,
    sub: `${input.sources.filter((s) => (s.outlet ?? '(outlet unknown)') === o).length} article(s)`,
    x: COLS.outlet,
    y: 0,
    w: WIDTHS.outlet,
    kind: 'outlet',
  }));
  // Origins, plus any origin another one rests on that is not listed itself.
  const originNames = new Map<string, string | undefined>(input.origins.map((o) => [o.name, o.kind]));
  for (const o of input.origins) for (const r of o.restsOn ?? []) if (!originNames.has(restName(r))) originNames.set(restName(r), 'agency');
  const origins = [...originNames].map<Node>(([name, kind]) => ({ key: `g:${name.toLowerCase()}`, label: name, sub: kind ?? 'agency', x: COLS.origin, y: 0, w: WIDTHS.origin, kind: 'origin' }));
  const rows = Math.max(articles.length, outlets.length, origins.length, 1);
  const place = (col: Node[]): void => {
    const offset = ((rows - col.length) * ROW) / 2;
    col.forEach((n, i) => (n.y = TOP + offset + i * ROW));
  };
  place(articles);
  place(outlets);
  place(origins);

  const byKey = new Map<string, Node>([...articles, ...outlets, ...origins].map((n) => [n.key, n]));
  const resolve = (ref: string): Node | undefined => byKey.get(`a:${ref}`) ?? byKey.get(`g:${ref.toLowerCase()}`) ?? byKey.get(`o:${ref}`);
  const edges: Edge[] = [];
  const seen = new Set<string>();
  const add = (from: Node | undefined, to: Node | undefined, kind: string, why?: string): void => {
    if (!from || !to || from === to) return;
    const id = `${from.key}>${to.key}`;
    if (seen.has(id)) {
      // A later, explained edge replaces the bare one drawn from the sources.
      const existing = edges.find((e) => e.from === from && e.to === to);
      if (existing && why && !existing.why) existing.why = why;
      return;
    }
    seen.add(id);
    edges.push(why ? { from, to, kind, why } : { from, to, kind });
  };
  for (const s of input.sources) add(byKey.get(`a:${s.articleId}`), byKey.get(`o:${s.outlet ?? '(outlet unknown)'}`), 'published');
  for (const o of input.origins) for (const a of o.articles ?? []) add(byKey.get(`a:${a}`), byKey.get(`g:${o.name.toLowerCase()}`), 'rests-on');
  for (const o of input.origins) for (const r of o.restsOn ?? []) add(byKey.get(`g:${o.name.toLowerCase()}`), byKey.get(`g:${restName(r).toLowerCase()}`), 'rests-on');
  for (const e of input.edges) add(resolve(e.from), resolve(e.to), edgeKind(e.kind), e.why);
  return { nodes: [...articles, ...outlets, ...origins], edges, height: TOP + rows * ROW + 16 };
}

function restName(r: string | { name: string }): string {
  return typeof r === 'string' ? r : r.name;
}

function path(e: Edge): string {
  const { from, to } = e;
  const fy = from.y + NODE_H / 2;
  const ty = to.y + NODE_H / 2;
  if (from.kind === 'article' && to.kind === 'article') {
    // Copies between articles: an arc on the left of the article column.
    const bend = Math.min(60, 18 + Math.abs(ty - fy) / 4);
    return `M ${from.x} ${fy} C ${from.x - bend} ${fy}, ${to.x - bend} ${ty}, ${to.x - 2} ${ty}`;
  }
  if (from.kind === 'origin' && to.kind === 'origin') {
    // One agency resting on another: an arc on the right of the agency column.
    const right = from.x + from.w;
    const bend = Math.min(50, 16 + Math.abs(ty - fy) / 4);
    return `M ${right} ${fy} C ${right + bend} ${fy}, ${right + bend} ${ty}, ${right + 2} ${ty}`;
  }
  const fx = from.x + from.w;
  const tx = to.x - 2;
  const mid = (fx + tx) / 2;
  return `M ${fx} ${fy} C ${mid} ${fy}, ${mid} ${ty}, ${tx} ${ty}`;
}

const EDGE_LABEL: Record<string, string> = {
  published: 'published by',
  'rests-on': 'rests on',
  copy: 'copies',
  rewrite: 'rewrites',
};

export function ProvenanceGraph(props: GraphInput): JSX.Element {
  const { nodes, edges, height } = layout(props);
  const origins = nodes.filter((n) => n.kind === 'origin').length;
  const summary = `${props.sources.length} articles from ${nodes.filter((n) => n.kind === 'outlet').length} outlets resting on ${origins} agencies or wires; ${
    edges.filter((e) => e.kind === 'copy' || e.kind === 'rewrite').length
  } copy or rewrite edges`;
  return (
    <figure class="graph">
      <div class="graph-scroll">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={`Provenance graph: ${summary}`} class="provenance-svg">
          <defs>
            {['published', 'rests-on', 'copy', 'rewrite', 'related'].map((k) => (
              <marker key={k} id={`arrow-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" class={`arrowhead edge-${k}`} />
              </marker>
            ))}
          </defs>
          <text x={COLS.article} y={18} class="col-label">
            Articles
          </text>
          <text x={COLS.outlet} y={18} class="col-label">
            Outlets
          </text>
          <text x={COLS.origin} y={18} class="col-label">
            Agencies and wires
          </text>
          {edges.map((e) => (
            <path
              key={`${e.from.key}>${e.to.key}`}
              d={path(e)}
              class={`edge edge-${EDGE_LABEL[e.kind] ? e.kind : 'related'}${e.from.kind === 'article' && e.to.kind === 'origin' ? ' edge-long' : ''}`}
              marker-end={`url(#arrow-${EDGE_LABEL[e.kind] ? e.kind : 'related'})`}
            >
              <title>{`${e.from.label} ${EDGE_LABEL[e.kind] ?? e.kind} ${e.to.label}${e.why ? ` (${e.why})` : ''}`}</title>
            </path>
          ))}
          {nodes.map((n) => {
            const body = (
              <g class={`node node-${n.kind}`}>
                <rect x={n.x} y={n.y} width={n.w} height={NODE_H} rx="7" />
                <text x={n.x + 10} y={n.y + 15} class="node-label">
                  {clip(n.label, n.kind === 'article' ? 27 : 23)}
                </text>
                <text x={n.x + 10} y={n.y + 29} class="node-sub">
                  {clip(n.sub, 30)}
                </text>
                <title>{`${n.label} (${n.sub})`}</title>
              </g>
            );
            return n.href ? (
              <a key={n.key} href={n.href} aria-label={`${n.label}, ${n.sub}`}>
                {body}
              </a>
            ) : (
              <g key={n.key}>{body}</g>
            );
          })}
          {origins === 0 && (
            <text x={COLS.origin} y={TOP + 20} class="node-sub">
              no agency credited
            </text>
          )}
        </svg>
      </div>
      <figcaption>
        <ul class="legend" aria-label="legend">
          <li>
            <span class="swatch edge-published" /> published by
          </li>
          <li>
            <span class="swatch edge-rests-on" /> rests on (credits or cites)
          </li>
          <li>
            <span class="swatch edge-copy" /> copies
          </li>
          <li>
            <span class="swatch edge-rewrite" /> rewrites
          </li>
        </ul>
        <details>
          <summary>Edges as text</summary>
          <ul class="edge-list">
            {edges.map((e) => (
              <li key={`${e.from.key}>${e.to.key}`}>
                {e.from.label} <em>{EDGE_LABEL[e.kind] ?? e.kind}</em> {e.to.label}
                {e.why && <span class="muted"> ({e.why.length > 160 ? `${e.why.slice(0, 159)}…` : e.why})</span>}
              </li>
            ))}
          </ul>
        </details>
      </figcaption>
    </figure>
  );
}
