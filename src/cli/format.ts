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
  if (why) {
    lines.push('', 'Why these articles are one story');
    for (const d of st.decisions) {
      lines.push(`  ${d.articleId}: ${d.action} — ${d.reason}`);
      for (const c of d.candidates.slice(0, 3)) {
        lines.push(`      candidate ${c.storyId}: total ${c.score.total.toFixed(3)} (text ${c.score.text.toFixed(3)}, names ${c.score.names.toFixed(3)}, time ${c.score.time.toFixed(3)})`);
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
