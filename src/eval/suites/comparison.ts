/**
 * Comparison quality: the seeds checklist (PRODUCT.md points 3, 4 and 6), the golden stories
 * the project wrote (precision and recall of conflicts and of copy edges, pinned), and NewsWCL50
 * (ten events, five outlets each: claim counts by status, with examples to spot-check).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { annotateArticle } from '../../annotate/index.js';
import { compareContent } from '../../compare/sources.js';
import { loadGoldenStories, precisionRecall, scoreGolden, type Tally } from '../../compare/golden.js';
import { loadGazetteer } from '../../compare/places.js';
import { resolveConfig } from '../../config.js';
import { contentHash } from '../../dedupe/fingerprint.js';
import { readInputs } from '../../ingest/files.js';
import type { AnnotatedArticle, StoryComparison } from '../../model.js';
import { analyze } from '../../pipeline/analyze.js';
import { openStore } from '../../store/open.js';
import type { EvalSuite, Metric, SuiteResult } from '../suite.js';

export const comparisonSuite: EvalSuite = {
  name: 'comparison',
  async run(shared: string): Promise<SuiteResult> {
    const notes: string[] = [];
    const metrics: Metric[] = [];
    await seeds(shared, notes, metrics);
    golden(notes, metrics);
    newswcl(shared, notes, metrics);
    return { notes, metrics };
  },
};

async function seeds(shared: string, notes: string[], metrics: Metric[]): Promise<void> {
  const dir = resolve(shared, 'corpus/seeds');
  if (!existsSync(dir)) {
    notes.push('  seeds not found; skipped');
    return;
  }
  const store = await openStore(':memory:');
  try {
    await analyze(store, readInputs([dir]), { config: resolveConfig() });
    const feb = (await store.listStories()).find((s) => s.articleCount === 4);
    const detail = feb ? await store.getStory(feb.id) : null;
    const cmp: StoryComparison | null = detail?.comparison ?? null;
    const idOf = (prefix: string): string | undefined => feb?.articles.find((a) => a.source.includes(`/${prefix}_`))?.id;
    const febIds = ['000', '001', '002', '003'].map(idOf);
    const p = cmp?.provenance;
    const origin = p?.origins[0];
    const conflict = cmp?.conflicts?.find((c) => c.slot === 'place' && c.values.some((v) => /beijing/i.test(v.value)) && c.values.some((v) => /budapest/i.test(v.value)));
    const beijing = conflict?.values.find((v) => /beijing/i.test(v.value));
    const budapest = conflict?.values.find((v) => /budapest/i.test(v.value));
    const brief = cmp?.brief;
    const checks: [string, boolean][] = [
      ['February story: 1 independent origin', p?.independentOrigins === 1],
      ['the origin is Reuters, resting on Xinhua', origin?.name === 'Reuters' && origin.restsOn.includes('Xinhua')],
      ['all four February articles rest on it', !!origin && febIds.every((id) => !!id && origin.articles.includes(id))],
      ['chain UNN → Reuters → Xinhua', !!p?.edges.some((e) => e.from === 'UNN' && e.to === 'Reuters') && !!p?.edges.some((e) => e.from === 'Reuters' && e.to === 'Xinhua')],
      ['the uncredited version (000) is linked by text reuse', !!p?.edges.some((e) => (e.kind === 'copies' || e.kind === 'rewrites') && e.from === febIds[0])],
      ['conflict: Beijing (001) vs Budapest (others), with both passages', !!beijing && !!budapest && beijing.articles.includes(febIds[1] ?? '?') && /Beijing/.test(beijing.passage) && /Budapest/.test(budapest.passage) && budapest.articles.some((a) => a !== febIds[1])],
      ['brief of 5–8 sentences, every one citing articles', !!brief && brief.sentences.length >= 5 && brief.sentences.length <= 8 && brief.sentences.every((s) => s.articles.length > 0)],
    ];
    notes.push('  seeds (PRODUCT.md points 3, 4, 6):', ...checks.map(([name, ok]) => `    ${ok ? '✓' : '✗'} ${name}`));
    const quotes = cmp?.quotes;
    const grouped = quotes?.some((q) => q.variants.some((v) => /new highlight/i.test(v.text)) && q.variants.some((v) => /new moment/i.test(v.text)));
    notes.push(`    ${grouped ? '✓' : '·'} quote variants "new highlight" / "new moment" grouped${quotes ? '' : ' (no quotes annotated yet)'}`);
    metrics.push({ name: 'seeds comparison checks passed (share)', value: checks.filter(([, ok]) => ok).length / checks.length, min: 1 });
  } finally {
    await store.close();
  }
}

function golden(notes: string[], metrics: Metric[]): void {
  const stories = loadGoldenStories();
  if (stories.length === 0) {
    notes.push('  no golden stories found (run from the repository root)');
    return;
  }
  const gazetteer = loadGazetteer();
  const sum = { reuse: zero(), copies: zero(), conflicts: zero() };
  let originsRight = 0;
  let flagged = 0;
  let planted = 0;
  notes.push('  golden stories:');
  for (const story of stories) {
    const s = scoreGolden(story, compareContent(story.articles, { gazetteer }));
    add(sum.reuse, s.reuse);
    add(sum.copies, s.copies);
    add(sum.conflicts, s.conflicts);
    if (s.originsFound === s.originsExpected) originsRight++;
    flagged += s.nonConflictsFlagged;
    planted += story.expected.nonConflicts.length;
    notes.push(`    ${story.name}: conflicts ${s.conflicts.tp}/${s.conflicts.tp + s.conflicts.fn} found, ${s.conflicts.fp} false; reuse edges ${s.reuse.tp}/${s.reuse.tp + s.reuse.fn}, ${s.reuse.fp} false; origins ${s.originsFound} (expected ${s.originsExpected})`);
    notes.push(...s.notes.map((n) => `  ${n}`));
  }
  const c = precisionRecall(sum.conflicts);
  const r = precisionRecall(sum.reuse);
  const k = precisionRecall(sum.copies);
  metrics.push(
    { name: 'golden conflict precision', value: c.precision, min: 0.9 },
    { name: 'golden conflict recall', value: c.recall, min: 0.8 },
    { name: 'golden copy/rewrite edge precision', value: r.precision, min: 0.95 },
    { name: 'golden copy/rewrite edge recall', value: r.recall },
    { name: 'golden copies-kind edge precision', value: k.precision },
    { name: 'golden independent origins exact (share of stories)', value: originsRight / stories.length, min: 0.66 },
    { name: 'golden planted paraphrases flagged (share; 0 best)', value: planted ? flagged / planted : 0 },
  );
}

const zero = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
function add(t: Tally, u: Tally): void {
  t.tp += u.tp;
  t.fp += u.fp;
  t.fn += u.fn;
}

/** NewsWCL50 documents, text rebuilt from CoNLL tokens, grouped by event (also read by the compare bench). */
export function newswclEvents(file: string): Map<string, { outlet: string; text: string }[]> {
  const docs = new Map<string, Map<number, string[]>>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [doc, sent, , token] = line.split('\t');
    if (!doc || sent === undefined || token === undefined) continue;
    const sentences = docs.get(doc) ?? new Map<number, string[]>();
    const list = sentences.get(Number(sent)) ?? [];
    list.push(token);
    sentences.set(Number(sent), list);
    docs.set(doc, sentences);
  }
  const events = new Map<string, { outlet: string; text: string }[]>();
  for (const [doc, sentences] of docs) {
    const id = doc.split('/').pop() ?? doc;
    const [event, outlet] = id.split('_');
    if (!event || !outlet) continue;
    const text = [...sentences.entries()].sort((a, b) => a[0] - b[0]).map(([, toks]) => detokenize(toks)).join('\n\n');
    const list = events.get(event) ?? [];
    list.push({ outlet, text });
    events.set(event, list);
  }
  return events;
}

function detokenize(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) {
    const glue = /^(?:[.,;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m|’s)$/i.test(t) || out.endsWith('(') || out.endsWith('$') || out === '';
    out += glue ? t : ` ${t}`;
  }
  return out.replace(/``\s*/g, '"').replace(/\s*''/g, '"');
}

function newswcl(shared: string, notes: string[], metrics: Metric[]): void {
  const file = resolve(shared, 'bench/newswcl50/NewsWCL50.conll');
  if (!existsSync(file)) {
    notes.push('  NewsWCL50 not found; skipped');
    return;
  }
  const gazetteer = loadGazetteer();
  const totals = new Map<string, number>();
  let conflicts = 0;
  let reuseEdges = 0;
  let origins = 0;
  const examples: string[] = [];
  const lines: string[] = [];
  const events = [...newswclEvents(file).entries()].sort((a, b) => Number(a[0]) - Number(b[0]));
  for (const [event, docs] of events) {
    const articles: AnnotatedArticle[] = docs.map((d) => {
      const a = annotateArticle(
        { rawId: `${event}_${d.outlet}`, source: `newswcl50/${event}_${d.outlet}`, title: null, byline: null, published: null, publishedRule: null, outlet: `outlet ${d.outlet}`, language: 'en', url: null, text: d.text, credits: [], strategy: 'conll' },
        contentHash(d.text),
      );
      return { ...a, id: `${event}_${d.outlet}` };
    });
    const cmp = compareContent(articles, { gazetteer });
    const counts = new Map<string, number>();
    for (const c of cmp.claims ?? []) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
    for (const [k, n] of counts) totals.set(k, (totals.get(k) ?? 0) + n);
    conflicts += cmp.conflicts?.length ?? 0;
    reuseEdges += cmp.provenance?.edges.filter((e) => e.kind === 'copies' || e.kind === 'rewrites').length ?? 0;
    origins += cmp.provenance?.independentOrigins ?? 0;
    lines.push(`    event ${event}: ${['corroborated', 'single-origin', 'conflicting', 'unique'].map((s) => `${counts.get(s) ?? 0} ${s}`).join(', ')}; ${cmp.conflicts?.length ?? 0} conflicts; ${cmp.provenance?.independentOrigins ?? 0} independent origins`);
    const corroborated = cmp.claims?.find((c) => c.status === 'corroborated');
    if (corroborated && examples.length < 6) examples.push(`    e${event} corroborated [${corroborated.articles.join(',')}]: ${corroborated.text.slice(0, 140)}`);
    const conflict = cmp.conflicts?.[0];
    if (conflict && examples.length < 12) examples.push(`    e${event} conflict ${conflict.slot}: ${conflict.values.map((v) => `${v.value} [${v.articles.join(',')}]`).join(' vs ')}`);
  }
  notes.push('  NewsWCL50 (10 events × 5 outlets):', ...lines, '  examples to spot-check:', ...examples);
  for (const s of ['corroborated', 'single-origin', 'conflicting', 'unique']) metrics.push({ name: `newswcl50 claims ${s}`, value: totals.get(s) ?? 0 });
  metrics.push({ name: 'newswcl50 conflicts', value: conflicts }, { name: 'newswcl50 reuse edges', value: reuseEdges }, { name: 'newswcl50 independent origins (sum)', value: origins });
}
