/** Human-readable output of the CLI. JSON output is the records themselves. */
import type { AnalyzeSummary } from '../pipeline/analyze.js';
import type { ExtractedArticle, StorySummary } from '../model.js';
import type { StoryDetail, StoreStats } from '../store/store.js';

const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : 'undated');

/** The summary `analyze` prints. */
export function formatAnalyzeSummary(s: AnalyzeSummary, stats: StoreStats, stories: readonly StorySummary[]): string {
  const lines = [
    `Read ${s.read} input${s.read === 1 ? '' : 's'}: ${s.articles} new article${s.articles === 1 ? '' : 's'}, ${s.duplicates} duplicate${s.duplicates === 1 ? '' : 's'}, ${s.rejected} rejected, ${s.unchanged} already stored.`,
    `Stories: ${s.storiesCreated} new, ${s.storiesTouched.length} updated this run; the store holds ${stats.articles} articles in ${stats.stories} stories (${stats.threads} thread${stats.threads === 1 ? '' : 's'}).`,
  ];
  if (stories.length > 0) {
    lines.push('', ...formatStoryList(stories));
  }
  const problems = s.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) {
    lines.push('', `Rejected inputs (${problems.length}):`);
    for (const d of problems) lines.push(`  ✗ ${d.source ?? '?'}: ${d.message} [${d.origin}]`);
  }
  return lines.join('\n');
}

/** One block per story: id, dates, title, article count and thread. */
export function formatStoryList(stories: readonly StorySummary[]): string[] {
  const lines: string[] = [];
  for (const st of stories) {
    const span = st.firstPublished === st.lastPublished ? day(st.firstPublished) : `${day(st.firstPublished)} – ${day(st.lastPublished)}`;
    lines.push(`${st.id}  ${span}  ${st.articleCount} article${st.articleCount === 1 ? '' : 's'}${st.thread ? `  thread ${st.thread}` : ''}`);
    lines.push(`  ${st.title}`);
  }
  return lines;
}

/** The full human view of one story. */
export function formatStory(st: StoryDetail, why: boolean): string {
  const lines = [st.title, '='.repeat(Math.min(st.title.length, 80)), `id ${st.id} · ${st.articleCount} articles · ${day(st.firstPublished)} – ${day(st.lastPublished)}`];
  if (st.threadInfo) lines.push(`thread ${st.threadInfo.id}: with ${st.threadInfo.storyIds.filter((s) => s !== st.id).join(', ')}`);
  const cmp = st.comparison;
  lines.push('', 'Sources');
  for (const src of cmp?.sources ?? []) {
    lines.push(`  ${day(src.published)}  ${src.outlet ?? '(outlet unknown)'}${src.byline ? ` · ${src.byline}` : ''}  [${src.articleId}]`);
    lines.push(`    ${src.title ?? '(untitled)'}`);
    lines.push(`    ${src.source}`);
    if (src.agencies.length > 0) {
      lines.push(`    rests on: ${src.attributions.map((a) => `${a.agency} (${a.cue})`).join(', ')}`);
    }
    for (const d of src.duplicateSources) lines.push(`    identical copy: ${d}`);
  }
  if (cmp && cmp.agencies.length > 0) {
    lines.push('', 'Agencies cited');
    for (const a of cmp.agencies) lines.push(`  ${a.name}: ${a.articles.length} article${a.articles.length === 1 ? '' : 's'}`);
  }
  lines.push(...formatComparison(cmp));
  if (why) {
    lines.push('', 'Why these articles are one story');
    for (const d of st.decisions) {
      lines.push(`  ${d.articleId}: ${d.action} — ${d.reason}`);
      for (const c of d.candidates.slice(0, 3)) {
        const extra = [
          c.score.dates !== undefined ? `, dates ${c.score.dates.toFixed(3)}` : '',
          c.score.rivals ? `, rivals ${c.score.rivals[0]} / ${c.score.rivals[1]}` : '',
        ].join('');
        lines.push(`      candidate ${c.storyId}: total ${c.score.total.toFixed(3)} (text ${c.score.text.toFixed(3)}, names ${c.score.names.toFixed(3)}, time ${c.score.time.toFixed(3)}${extra})`);
      }
    }
    if (st.threadInfo) lines.push(`  thread: ${st.threadInfo.reason}`);
  }
  return lines.join('\n');
}

/** The human view of one extracted page. */
export function formatExtracted(a: ExtractedArticle): string {
  const meta = [
    ['source', a.source],
    ['title', a.title],
    ['byline', a.byline],
    ['published', a.published ? `${a.published} (${a.publishedRule})` : null],
    ['outlet', a.outlet],
    ['language', a.language],
    ['credits', a.credits.join(', ') || null],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`);
  return [...meta, '', a.text, ''].join('\n');
}

/**
 * The JSON of `story ID --json`: the stored story with the comparison's provenance, claims,
 * conflicts, brief and timeline also at top level, where clients look for them.
 */
export function storyJson(st: StoryDetail): Record<string, unknown> {
  const cmp = st.comparison;
  return {
    ...st,
    provenance: cmp?.provenance ?? null,
    claims: cmp?.claims ?? [],
    conflicts: cmp?.conflicts ?? [],
    brief: cmp?.brief ?? null,
    timeline: cmp?.timeline ?? [],
    entities: cmp?.entities ?? [],
    quotes: cmp?.quotes ?? [],
  };
}

/** Provenance, brief, conflicts, claims and timeline, readably. */
function formatComparison(cmp: StoryDetail['comparison']): string[] {
  if (!cmp) return [];
  const lines: string[] = [];
  const short = (s: string, n = 160): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const ids = (a: readonly string[]): string => a.join(', ');
  const p = cmp.provenance;
  if (p) {
    lines.push('', `Provenance: ${p.independentOrigins} independent origin${p.independentOrigins === 1 ? '' : 's'}`);
    for (const o of p.origins) {
      lines.push(`  ${o.name} (${o.kind})${o.restsOn.length ? `, resting on ${o.restsOn.join(', ')}` : ''}: ${o.articles.length} article${o.articles.length === 1 ? '' : 's'} [${ids(o.articles)}]`);
    }
    const chain = p.edges.filter((e) => e.kind === 'relays' || e.kind === 'rests-on');
    for (const e of chain) lines.push(`  ${e.from} → ${e.to} (${e.kind})`);
    for (const e of p.edges.filter((x) => x.kind === 'copies' || x.kind === 'rewrites')) {
      lines.push(`  ${e.from} ${e.kind} ${e.to}${e.why ? ` — ${e.why}` : ''}`);
      const first = e.passages?.[0];
      if (first) lines.push(`      “${short(first.from, 110)}”`, `    ≈ “${short(first.to, 110)}”`);
    }
  }
  if (cmp.earlierReuse && cmp.earlierReuse.length > 0) {
    lines.push('', 'Text reused from earlier stories');
    for (const r of cmp.earlierReuse) lines.push(`  ${r.from} ${r.kind} ${r.to} of story ${r.storyId} (${Math.round(r.strength * 100)} % aligned) — ${r.why}`);
  }
  if (cmp.brief && cmp.brief.sentences.length > 0) {
    lines.push('', `Brief: ${cmp.brief.headline}`);
    for (const s of cmp.brief.sentences) lines.push(`  • ${s.text} [${ids(s.articles)}]`);
  }
  if (cmp.conflicts && cmp.conflicts.length > 0) {
    lines.push('', `Conflicts (${cmp.conflicts.length})`);
    for (const c of cmp.conflicts) {
      lines.push(`  ${c.slot}: ${c.values.map((v) => v.value).join(' vs ')} — ${c.why}`);
      for (const v of c.values) lines.push(`    ${v.value} [${ids(v.articles)}]: “${short(v.passage)}”`);
    }
  }
  if (cmp.claims && cmp.claims.length > 0) {
    const counts = new Map<string, number>();
    for (const c of cmp.claims) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
    lines.push('', `Claims: ${[...counts.entries()].map(([k, n]) => `${n} ${k}`).join(', ')}`);
    for (const c of cmp.claims.filter((x) => x.status !== 'unique').slice(0, 12)) {
      lines.push(`  [${c.status}, ${c.independentSupport} independent, ${c.articles.length} article${c.articles.length === 1 ? '' : 's'}] ${short(c.text)}`);
    }
  }
  if (cmp.timeline && cmp.timeline.length > 0) {
    lines.push('', 'Timeline');
    for (const t of cmp.timeline) lines.push(`  ${t.date}  ${short(t.text, 120)} [${ids(t.articles)}]`);
  }
  return lines;
}
