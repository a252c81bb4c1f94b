/**
 * Story clustering quality: B-cubed precision/recall/F1 of the real pipeline (`analyze` on an
 * in-memory store, shipped default configuration, no topic hints, all documents of a set in one
 * run) against gold events, beside the published TF-IDF complete-linkage baseline.
 *
 * ECB+ dev topics are split by parity: odd topics are the tuning part (the only part anyone may
 * tune on, the baseline's threshold included), even topics the held-out part. Each part is also
 * run on its own, so the held-out figure never sees a tuning document.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { rng } from '../../bench/corpus.js';
import { resolveConfig } from '../../config.js';
import { makeRawDocument } from '../../ingest/raw.js';
import type { IngestItem } from '../../ingest/files.js';
import { analyze } from '../../pipeline/analyze.js';
import { openStore } from '../../store/open.js';
import type { EvalSuite, Metric, SuiteResult } from '../suite.js';
import { bcubed, readEcbPlus, readNewsWcl50, tfidfCompleteLinkage, type BCubed, type LabelledDoc } from './clustering-metrics.js';

/** Runs the pipeline over the docs (as text records, in the given order); returns story by doc id. */
export async function clusterWithPipeline(set: string, docs: readonly LabelledDoc[], batchSize?: number): Promise<Map<string, string>> {
  const store = await openStore(':memory:');
  try {
    const source = (d: LabelledDoc): string => `${set}/${d.id}`;
    const items: IngestItem[] = docs.map((d) => ({ ok: true, doc: makeRawDocument({ source: source(d), body: d.text, bodyFormat: 'text', group: `${set}/${d.id}` }) }));
    await analyze(store, items, { config: resolveConfig(batchSize === undefined ? {} : { batchSize }) });
    const stories = await store.storiesOfSources(docs.map(source));
    return new Map(docs.flatMap((d) => (stories.has(source(d)) ? [[d.id, stories.get(source(d))!] as const] : [])));
  } finally {
    await store.close();
  }
}

const gold = (docs: readonly LabelledDoc[]): Map<string, string> => new Map(docs.map((d) => [d.id, d.event]));

/** The baseline threshold that maximises B³ F1 on the tuning docs (grid of 0.01). */
function tuneBaseline(docs: readonly LabelledDoc[]): number {
  const cut = tfidfCompleteLinkage(docs);
  let best = { t: 0, f1: -1 };
  for (let t = 0.01; t < 0.8; t += 0.01) {
    const f1 = bcubed(gold(docs), cut(t)).f1;
    if (f1 > best.f1) best = { t: Number(t.toFixed(2)), f1 };
  }
  return best.t;
}

/** Per ECB+ topic: B3 and, for each of our stories, how many documents of each gold event it holds. */
function topicReport(docs: readonly LabelledDoc[], predicted: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  for (const topic of [...new Set(docs.map((d) => d.topic))]) {
    const inTopic = docs.filter((d) => d.topic === topic);
    const b = bcubed(gold(inTopic), predicted);
    const stories = new Map<string, Map<string, number>>();
    for (const d of inTopic) {
      const story = predicted.get(d.id) ?? `(rejected ${d.id})`;
      const events = stories.get(story) ?? new Map<string, number>();
      events.set(d.event, (events.get(d.event) ?? 0) + 1);
      stories.set(story, events);
    }
    const parts = [...stories].map(([story, events]) => `${story}: ${[...events].map(([e, n]) => `${e}×${n}`).join(' ')}`);
    lines.push(`    topic ${topic.padStart(2)}  P ${b.precision.toFixed(3)} R ${b.recall.toFixed(3)}  | ${parts.join(' | ')}`);
  }
  return lines;
}

/** The docs in a seeded random order (Fisher–Yates): the same order on every run. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Seeds of the shuffled-order runs: how much the stories depend on the order articles arrive in. */
const SHUFFLE_SEEDS = [1, 2, 3];

const fmt = (b: BCubed): string => `P ${b.precision.toFixed(4)}  R ${b.recall.toFixed(4)}  F1 ${b.f1.toFixed(4)}`;

export const clusteringSuite: EvalSuite = {
  name: 'clustering',
  async run(shared: string): Promise<SuiteResult> {
    const metrics: Metric[] = [];
    const notes: string[] = [];
    const ecbPath = resolve(shared, 'bench/ecbplus/dev.jsonl');
    if (existsSync(ecbPath)) {
      const all = readEcbPlus(ecbPath);
      const tuning = all.filter((d) => Number(d.topic) % 2 === 1);
      const heldOut = all.filter((d) => Number(d.topic) % 2 === 0);
      const threshold = tuneBaseline(tuning);
      notes.push(`  ECB+ dev: ${all.length} docs; tuning part = odd topics (${tuning.length} docs), held-out = even topics (${heldOut.length} docs)`);
      notes.push(`  baseline: TF-IDF cosine, complete linkage, threshold ${threshold} tuned on the tuning part`);
      const parts: [string, readonly LabelledDoc[], number | undefined][] = [
        // Pinned just below today's figures to catch regressions (measured: dev 0.9524, tuning
        // 0.9443, held-out 0.9550). With batches of 500 (the default) the dev set, 462
        // documents, is grouped as one pile; in batches of 200 it is 0.9498 (reported below).
        // The cohesion rule (cluster.cohesionShare) gains NewsWCL50 and the shuffled orders;
        // bridging long gaps only for later reports whose lead names the earlier time
        // (cluster.longGapFactor) joins crimes and their trials; dates read from date lines
        // ("Posted: Jul 07, 2012 7:40 PM ET") give the time window something to work with.
        ['dev (all topics, one run)', all, 0.95],
        ['tuning (odd topics)', tuning, 0.94],
        ['held-out (even topics)', heldOut, 0.95],
      ];
      for (const [label, docs, min] of parts) {
        const predicted = await clusterWithPipeline('ecbplus', docs);
        const ours = bcubed(gold(docs), predicted);
        // Opt-in error listing (DOSSIER_EVAL_TOPICS=1): per topic, which gold events each story holds.
        if (process.env['DOSSIER_EVAL_TOPICS'] && docs === all) notes.push(...topicReport(docs, predicted));
        const base = bcubed(gold(docs), tfidfCompleteLinkage(docs)(threshold));
        notes.push(`  ${label.padEnd(28)} ours     ${fmt(ours)}`);
        notes.push(`  ${''.padEnd(28)} baseline ${fmt(base)}`);
        const key = label.split(' ')[0];
        metrics.push({ name: `ecb+ ${key} B3 F1`, value: ours.f1, ...(min === undefined ? {} : { min }) });
        metrics.push({ name: `ecb+ ${key} B3 F1 baseline`, value: base.f1 });
      }
      // Online clustering depends on the order articles arrive in when one event's reports
      // spread over several batches: the whole dev set in a few seeded orders, with the default
      // batch size (one pile: pinned, the figure must not depend on the order) and in batches
      // of 200 (three batches: reported).
      for (const batchSize of [undefined, 200]) {
        const orders: number[] = [];
        for (const seed of SHUFFLE_SEEDS) orders.push(bcubed(gold(all), await clusterWithPipeline('ecbplus', shuffled(all, seed), batchSize)).f1);
        const mean = orders.reduce((a, b) => a + b, 0) / orders.length;
        const label = batchSize === undefined ? 'dev, shuffled orders' : `dev, shuffled, batch ${batchSize}`;
        notes.push(`  ${label.padEnd(28)} ours     F1 ${mean.toFixed(4)} (mean of seeds ${SHUFFLE_SEEDS.join(', ')}: ${orders.map((f) => f.toFixed(4)).join(', ')})`);
        metrics.push({ name: batchSize === undefined ? 'ecb+ dev shuffled B3 F1' : `ecb+ dev shuffled B3 F1 (batches of ${batchSize})`, value: mean, ...(batchSize === undefined ? { min: 0.95 } : {}) });
      }
      const small = bcubed(gold(all), await clusterWithPipeline('ecbplus', all, 200));
      notes.push(`  ${'dev, batches of 200'.padEnd(28)} ours     ${fmt(small)}`);
      metrics.push({ name: 'ecb+ dev B3 F1 (batches of 200)', value: small.f1 });
    } else {
      notes.push('  ecbplus/dev.jsonl not found; skipped');
    }
    const wclPath = resolve(shared, 'bench/newswcl50/NewsWCL50.conll');
    if (existsSync(wclPath)) {
      const docs = readNewsWcl50(wclPath);
      const ours = bcubed(gold(docs), await clusterWithPipeline('newswcl50', docs));
      // The baseline keeps the threshold tuned on ECB+ (no tuning on this set either).
      const threshold = existsSync(ecbPath) ? tuneBaseline(readEcbPlus(ecbPath).filter((d) => Number(d.topic) % 2 === 1)) : 0.3;
      const base = bcubed(gold(docs), tfidfCompleteLinkage(docs)(threshold));
      notes.push(`  NewsWCL50 (${docs.length} docs, 10 events)  ours     ${fmt(ours)}`);
      notes.push(`  ${''.padEnd(34)} baseline ${fmt(base)}`);
      // Ten events of five documents: one pair of events merged costs 0.05 here, and the figure
      // moved between 0.89 and 1.00 with annotation changes (1.00 since the cohesion rule);
      // pinned to allow one merged pair.
      metrics.push({ name: 'newswcl50 B3 F1', value: ours.f1, min: 0.94 });
      metrics.push({ name: 'newswcl50 B3 F1 baseline', value: base.f1 });
    }
    return { metrics, notes };
  },
};
