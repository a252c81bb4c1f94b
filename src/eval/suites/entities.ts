/**
 * Entity annotation quality on public labelled news (`../shared/bench`):
 *
 * - typed entity F1 on MEANTIME (PER/ORG/LOC named mentions, head-matched: a predicted mention
 *   of the right type whose span holds the gold mention's head token counts once);
 * - cross-document variant grouping, pairwise precision/recall/F1 of "these two mentions name the
 *   same entity" over the mentions we found, on MEANTIME cross-document chains (per topic corpus)
 *   and on NewsWCL50 actor and country chains (per event, five outlets each).
 *
 * Held-out parts (MEANTIME `corpus_stock`, NewsWCL50 events 7–9) are reported apart, unpinned.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { groupEntitiesWithMentions } from '../../annotate/canonical.js';
import { annotateArticle } from '../../annotate/index.js';
import type { AnnotatedArticle } from '../../model.js';
import type { EvalSuite, Metric, SuiteResult } from '../suite.js';

interface ConllToken {
  readonly sent: number;
  readonly index: number;
  readonly word: string;
  readonly tag: string;
}

/** A document rebuilt from CoNLL tokens, with each token's character span. */
interface Doc {
  readonly key: string;
  readonly text: string;
  /** `${sent}:${index}` → [start, end). */
  readonly spans: Map<string, [number, number]>;
  readonly tokens: readonly ConllToken[];
}

function readConll(path: string): Map<string, ConllToken[]> {
  const docs = new Map<string, ConllToken[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 5) continue;
    const list = docs.get(cols[0]!) ?? [];
    list.push({ sent: Number(cols[1]), index: Number(cols[2]), word: cols[3]!, tag: cols[4]!.trim() });
    docs.set(cols[0]!, list);
  }
  return docs;
}

/** Joins tokens into readable text: no space before closing punctuation and clitics, sentences as paragraphs. */
function buildDoc(key: string, tokens: readonly ConllToken[]): Doc {
  let text = '';
  const spans = new Map<string, [number, number]>();
  let sent = -1;
  let prev = '';
  for (const t of tokens) {
    const word = t.word.replace(/\u00a0/g, ' ').trim() || '_';
    if (t.sent !== sent) {
      if (sent >= 0) text += '\n\n';
      sent = t.sent;
    } else if (!/^(?:[.,;:!?%)\]}]|'s|'|’s|n't|'re|'ve|'ll|'d|'m)$/i.test(word) && !/^[([{$]$/.test(prev) && !(prev === '-' || word === '-')) {
      text += ' ';
    }
    spans.set(`${t.sent}:${t.index}`, [text.length, text.length + word.length]);
    text += word;
    prev = word;
  }
  return { key, text, spans, tokens };
}

function annotate(doc: Doc, id: number): AnnotatedArticle {
  const hash = id.toString(16).padStart(8, '0').padEnd(64, '0');
  return annotateArticle({ rawId: doc.key, source: doc.key, title: null, byline: null, published: null, publishedRule: null, outlet: null, language: 'en', url: null, text: doc.text, credits: [], strategy: 'conll' }, hash);
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const f1 = (c: Counts): { p: number; r: number; f: number } => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** Pairwise "same entity" agreement over items with a gold and a predicted cluster. */
function pairwise(items: readonly { gold: string; pred: string }[], into: Counts): void {
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const g = items[i]!.gold === items[j]!.gold;
      const p = items[i]!.pred === items[j]!.pred;
      if (g && p) into.tp++;
      else if (p) into.fp++;
      else if (g) into.fn++;
    }
  }
}

const TYPE_OF: Readonly<Record<string, string>> = { PERSON: 'PER', ORGANIZATION: 'ORG', LOCATION: 'LOC' };

interface MeantimeMention {
  readonly coref_chain: string;
  readonly mention_type: string;
  readonly mention_head_pos: string;
  readonly mention_head_id: number;
  readonly sent_id: number;
  readonly conll_doc_key: string;
  readonly topic: string;
  readonly tokens_number: readonly number[];
}

function within(span: readonly [number, number], e: { start: number; end: number }): boolean {
  return span[0] >= e.start && span[1] <= e.end;
}

function meantime(dir: string): { typed: Record<'dev' | 'held', Counts>; grouping: Record<'dev' | 'held', Counts>; docs: number; unlabelled: number } {
  let unlabelled = 0;
  const all = JSON.parse(readFileSync(resolve(dir, 'entities_mentions.json'), 'utf8')) as MeantimeMention[];
  const gold = all.filter((m) => m.mention_head_pos === 'PROPN' && (m.mention_type === 'PER' || m.mention_type === 'ORG' || m.mention_type === 'LOC'));
  // Every labelled mention head (any type): a prediction over none of them is in unlabelled text.
  const labelled = new Set(all.map((m) => `${m.conll_doc_key} ${m.sent_id}:${m.mention_head_id}`));
  const byDoc = new Map<string, MeantimeMention[]>();
  for (const m of gold) byDoc.set(m.conll_doc_key, [...(byDoc.get(m.conll_doc_key) ?? []), m]);
  const conll = readConll(resolve(dir, 'meantime.conll'));
  const typed = { dev: { tp: 0, fp: 0, fn: 0 }, held: { tp: 0, fp: 0, fn: 0 } };
  const grouping = { dev: { tp: 0, fp: 0, fn: 0 }, held: { tp: 0, fp: 0, fn: 0 } };
  const topics = new Map<string, { article: AnnotatedArticle; matched: { mention: number; chain: string }[] }[]>();
  let n = 0;
  for (const [key, tokens] of conll) {
    const mentions = byDoc.get(key);
    if (!mentions) continue; // documents without cross-document annotation are not labelled here
    const doc = buildDoc(key, tokens);
    const article = annotate(doc, ++n);
    const split = key.startsWith('corpus_stock') ? 'held' : 'dev';
    const heads = mentions.map((m) => {
      const first = doc.spans.get(`${m.sent_id}:${m.tokens_number[0]}`);
      const last = doc.spans.get(`${m.sent_id}:${m.tokens_number[m.tokens_number.length - 1]}`);
      return { m, span: doc.spans.get(`${m.sent_id}:${m.mention_head_id}`), full: first && last ? ([first[0], last[1]] as const) : null, used: false };
    });
    // Names the gold gives the same type under a common-noun head ("Jobs") are neither right nor wrong here.
    const sameTypeOther = all.filter((m) => m.conll_doc_key === key && m.mention_head_pos !== 'PROPN');
    const matched: { mention: number; chain: string }[] = [];
    article.entities.forEach((e, i) => {
      const type = TYPE_OF[e.kind];
      if (!type) return;
      // The head inside the prediction, or the prediction inside the gold mention (the gold head
      // may be the title: "Apple *CEO* Steve Jobs", whose name we keep apart from the role).
      const hit =
        heads.find((h) => !h.used && h.span && h.span[0] >= e.start && h.span[1] <= e.end && h.m.mention_type === type) ??
        heads.find((h) => !h.used && h.full && h.full[0] <= e.start && h.full[1] >= e.end && h.m.mention_type === type);
      if (hit) {
        hit.used = true;
        typed[split].tp++;
        matched.push({ mention: i, chain: hit.m.coref_chain.replace(/^(?:cross_intra_|cross_|intra_)/, '') });
      } else if (sameTypeOther.some((m) => m.mention_type === type && within(doc.spans.get(`${m.sent_id}:${m.mention_head_id}`) ?? [-1, -1], e))) {
        unlabelled++;
      } else if (tokens.some((t) => labelled.has(`${key} ${t.sent}:${t.index}`) && within(doc.spans.get(`${t.sent}:${t.index}`)!, e))) {
        typed[split].fp++;
      } else {
        unlabelled++;
      }
    });
    typed[split].fn += heads.filter((h) => !h.used).length;
    const topic = key.split('/')[0]!;
    topics.set(topic, [...(topics.get(topic) ?? []), { article, matched }]);
  }
  for (const [topic, docs] of topics) {
    const { mentions } = groupEntitiesWithMentions(docs.map((d) => d.article));
    const items = docs.flatMap((d) => d.matched.map((x) => ({ gold: x.chain, pred: String(mentions.get(d.article.id)![x.mention]) })));
    pairwise(items, grouping[topic === 'corpus_stock' ? 'held' : 'dev']);
  }
  return { typed, grouping, docs: n, unlabelled };
}

/** NewsWCL50 chains: `(0_USA_Trump_ACTOR` opens, `0_USA_Trump_ACTOR)` closes, several per token joined by `|`. */
function newswcl(path: string): Record<'dev' | 'held', Counts> {
  const conll = readConll(path);
  const events = new Map<string, { doc: Doc; article: AnnotatedArticle; gold: { chain: string; cls: string; start: number; end: number }[] }[]>();
  let n = 1000;
  for (const [key, tokens] of conll) {
    const doc = buildDoc(key, tokens);
    const open = new Map<string, number>();
    const gold: { chain: string; cls: string; start: number; end: number }[] = [];
    for (const t of tokens) {
      if (t.tag === '-') continue;
      const span = doc.spans.get(`${t.sent}:${t.index}`)!;
      for (const part of t.tag.split('|').map((x) => x.trim())) {
        const chain = part.replace(/[()]/g, '');
        if (part.startsWith('(')) open.set(chain, span[0]);
        if (part.endsWith(')') && open.has(chain)) {
          const cls = /_(ACTOR|COUNTRY)$/.exec(chain)?.[1];
          if (cls) gold.push({ chain, cls, start: open.get(chain)!, end: span[1] });
          open.delete(chain);
        }
      }
    }
    const event = key.split('/')[0]!;
    events.set(event, [...(events.get(event) ?? []), { doc, article: annotate(doc, ++n), gold }]);
  }
  const out = { dev: { tp: 0, fp: 0, fn: 0 }, held: { tp: 0, fp: 0, fn: 0 } };
  for (const [event, docs] of events) {
    const { mentions } = groupEntitiesWithMentions(docs.map((d) => d.article));
    const items: { gold: string; pred: string }[] = [];
    for (const d of docs) {
      d.article.entities.forEach((e, i) => {
        const cls = e.kind === 'PERSON' ? 'ACTOR' : e.kind === 'LOCATION' ? 'COUNTRY' : null;
        if (!cls) return;
        // The smallest gold mention of the matching class holding this name gives its chain.
        const holders = d.gold.filter((g) => g.cls === cls && g.start <= e.start && g.end >= e.end).sort((a, b) => a.end - a.start - (b.end - b.start));
        const chains = new Set(holders.filter((h) => h.end - h.start === holders[0]!.end - holders[0]!.start).map((h) => h.chain));
        if (chains.size !== 1) return;
        items.push({ gold: [...chains][0]!, pred: String(mentions.get(d.article.id)![i]) });
      });
    }
    pairwise(items, Number(event) >= 7 ? out.held : out.dev);
  }
  return out;
}

export const entitiesSuite: EvalSuite = {
  name: 'entities',
  async run(shared: string): Promise<SuiteResult> {
    const metrics: Metric[] = [];
    const notes: string[] = [];
    const mt = resolve(shared, 'bench/meantime');
    if (existsSync(resolve(mt, 'meantime.conll'))) {
      const t0 = performance.now();
      const r = meantime(mt);
      notes.push(`  MEANTIME: ${r.docs} documents, ${((performance.now() - t0) / 1000).toFixed(1)} s; dev = airbus/apple/gm, held-out = stock`);
      // MEANTIME labels only the entities it links across documents: names elsewhere are unlabelled, not wrong.
      notes.push(`  predictions over no labelled mention (not scored): ${r.unlabelled}`);
      for (const split of ['dev', 'held'] as const) {
        const t = f1(r.typed[split]);
        const g = f1(r.grouping[split]);
        notes.push(`  ${split.padEnd(4)} typed P ${t.p.toFixed(3)} R ${t.r.toFixed(3)} F1 ${t.f.toFixed(3)} (tp ${r.typed[split].tp}, fp ${r.typed[split].fp}, fn ${r.typed[split].fn}); grouping P ${g.p.toFixed(3)} R ${g.r.toFixed(3)} F1 ${g.f.toFixed(3)}`);
      }
      metrics.push({ name: 'MEANTIME typed entity F1 (dev)', value: f1(r.typed.dev).f, min: 0.845 });
      metrics.push({ name: 'MEANTIME typed entity F1 (held-out)', value: f1(r.typed.held).f });
      metrics.push({ name: 'MEANTIME cross-doc grouping F1 (dev)', value: f1(r.grouping.dev).f, min: 0.825 });
      metrics.push({ name: 'MEANTIME cross-doc grouping F1 (held-out)', value: f1(r.grouping.held).f });
    } else {
      notes.push('  MEANTIME not found; skipped');
    }
    const wcl = resolve(shared, 'bench/newswcl50/NewsWCL50.conll');
    if (existsSync(wcl)) {
      const r = newswcl(wcl);
      for (const split of ['dev', 'held'] as const) {
        const g = f1(r[split]);
        notes.push(`  NewsWCL50 ${split === 'dev' ? 'events 0-6' : 'events 7-9'} actor+country grouping P ${g.p.toFixed(3)} R ${g.r.toFixed(3)} F1 ${g.f.toFixed(3)}`);
      }
      metrics.push({ name: 'NewsWCL50 actor+country grouping F1 (dev)', value: f1(r.dev).f, min: 0.925 });
      metrics.push({ name: 'NewsWCL50 actor+country grouping F1 (held-out)', value: f1(r.held).f });
    } else {
      notes.push('  NewsWCL50 not found; skipped');
    }
    return { metrics, notes };
  },
};
