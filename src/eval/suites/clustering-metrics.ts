/**
 * What the clustering eval measures with: B-cubed precision/recall/F1, the published TF-IDF
 * complete-linkage baseline, and readers for the labelled sets in `shared/bench`.
 */
import { readFileSync } from 'node:fs';

/** B-cubed scores over items. */
export interface BCubed {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * B-cubed (Bagga & Baldwin 1998): per item, precision is the share of its predicted cluster
 * that shares its gold label, recall the share of its gold cluster that shares its predicted
 * cluster; both averaged over items. Items missing from `predicted` count as singletons.
 */
export function bcubed(gold: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): BCubed {
  const items = [...gold.keys()];
  if (items.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const pred = (id: string): string => predicted.get(id) ?? `singleton:${id}`;
  const byGold = new Map<string, string[]>();
  const byPred = new Map<string, string[]>();
  for (const id of items) {
    byGold.set(gold.get(id)!, [...(byGold.get(gold.get(id)!) ?? []), id]);
    byPred.set(pred(id), [...(byPred.get(pred(id)) ?? []), id]);
  }
  let p = 0;
  let r = 0;
  for (const id of items) {
    const g = gold.get(id)!;
    const c = pred(id);
    const predMembers = byPred.get(c)!;
    const goldMembers = byGold.get(g)!;
    const both = predMembers.filter((o) => gold.get(o) === g).length;
    p += both / predMembers.length;
    r += both / goldMembers.length;
  }
  const precision = p / items.length;
  const recall = r / items.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** One labelled document. */
export interface LabelledDoc {
  readonly id: string;
  /** Topic (ECB+) or event (NewsWCL50): used only to split the set, never as a hint. */
  readonly topic: string;
  readonly event: string;
  readonly text: string;
}

/** Reads `ecbplus/dev.jsonl`. */
export function readEcbPlus(path: string): LabelledDoc[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as { id: string; topic: string; event: string; text: string };
      return { id: r.id, topic: r.topic, event: r.event, text: r.text };
    });
}

/**
 * Reads NewsWCL50's CoNLL file back into text: doc id `E_O` is event E by outlet O; tokens are
 * joined with spaces (punctuation attached) and sentences put on lines of their own.
 */
export function readNewsWcl50(path: string): LabelledDoc[] {
  const docs = new Map<string, Map<number, string[]>>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 4 || line.startsWith('#')) continue;
    const id = cols[0]!.split('/').pop()!;
    const sentence = Number(cols[1]);
    let sentences = docs.get(id);
    if (!sentences) docs.set(id, (sentences = new Map()));
    sentences.set(sentence, [...(sentences.get(sentence) ?? []), cols[3]!]);
  }
  return [...docs.entries()].map(([id, sentences]) => {
    const event = id.split('_')[0]!;
    const text = [...sentences.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, toks]) => detokenize(toks))
      .join('\n');
    return { id, topic: event, event, text };
  });
}

/** Joins tokens back into text: no space before closing punctuation or after opening. */
function detokenize(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) {
    if (t === '\\n') {
      out += '\n';
      continue;
    }
    const glue = out === '' || out.endsWith('\n') || /^[.,;:!?%)\]}]$|^'s$|^n't$|^'/.test(t) || /[([{$]$/.test(out);
    out += glue ? t : ` ${t}`;
  }
  return out.trim();
}

/**
 * The published baseline: TF-IDF cosine with complete linkage, cut at `threshold`. Plain
 * choices on purpose (lower-cased `\w\w+` tokens, raw term counts, idf = ln(N/df), unit
 * length): with a threshold tuned on the tuning topics this reproduces the published 0.91 on
 * dev. Returns cluster labels by doc id.
 */
export function tfidfCompleteLinkage(docs: readonly { id: string; text: string }[]): (threshold: number) => Map<string, string> {
  const n = docs.length;
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d.text.toLowerCase().match(/\b\w\w+\b/g) ?? []) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vecs = tfs.map((tf) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = c * Math.log(n / df.get(t)!);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  const sim: Float64Array[] = vecs.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let dot = 0;
      const [a, b] = vecs[i]!.size < vecs[j]!.size ? [vecs[i]!, vecs[j]!] : [vecs[j]!, vecs[i]!];
      for (const [t, w] of a) {
        const u = b.get(t);
        if (u) dot += w * u;
      }
      sim[i]![j] = sim[j]![i] = dot;
    }
  }
  // Agglomerate once, recording each merge's (monotone) height; any threshold is then a cut.
  const alive = new Set(docs.map((_, i) => i));
  const merges: { a: number; b: number; height: number }[] = [];
  while (alive.size > 1) {
    let best = -1;
    let ba = -1;
    let bb = -1;
    const ids = [...alive];
    for (let x = 0; x < ids.length; x++) {
      const row = sim[ids[x]!]!;
      for (let y = x + 1; y < ids.length; y++) {
        const s = row[ids[y]!]!;
        if (s > best) {
          best = s;
          ba = ids[x]!;
          bb = ids[y]!;
        }
      }
    }
    if (best <= 0) break;
    merges.push({ a: ba, b: bb, height: best });
    // Complete linkage: the merged cluster is as similar as its least similar member.
    for (const k of alive) {
      if (k === ba || k === bb) continue;
      const s = Math.min(sim[ba]![k]!, sim[bb]![k]!);
      sim[ba]![k] = sim[k]![ba] = s;
    }
    alive.delete(bb);
  }
  return (threshold) => {
    const parent = docs.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    for (const m of merges) if (m.height >= threshold) parent[find(m.b)] = find(m.a);
    return new Map(docs.map((d, i) => [d.id, String(find(i))]));
  };
}
