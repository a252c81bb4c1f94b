/**
 * Main text and metadata from an HTML page. The page's own metadata (JSON-LD, meta tags,
 * `<time>`, canonical link) is read first, then page furniture is pruned, then extraction
 * attempts run in order (Readability on the pruned page, Dossier's own densest-container
 * scoring, the whole pruned body) and the best attempt is kept, with its name recorded as
 * the strategy. Blocks of the winning attempt go through {@link filterBlocks}.
 */
import { Readability } from '@mozilla/readability';
import type { Messages } from '../diagnostics.js';
import { collectBlocks, filterBlocks, type Block, type NodeLike } from './blocks.js';
import { parseDocument, type DomDocument, type DomElement } from './dom.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { pruneFurniture } from './prune.js';
import { creditsOfBlocks } from './credits.js';
import { flatBlocks, nestingDepth } from './flat.js';

/** What the HTML extractor returns before the orchestrator adds ids and supplied metadata. */
export interface HtmlExtraction extends PageMetadata {
  readonly text: string;
  readonly credits: readonly string[];
  readonly strategy: string;
}

/** Options of {@link extractHtml}. */
export interface HtmlOptions {
  /** An attempt with fewer characters than this counts as failed and the next one runs. */
  readonly minTextChars: number;
  /** Pages with more elements than this skip DOM scoring and use the block fallback only. */
  readonly maxElements: number;
  /**
   * Pages nested deeper than this are not parsed into a DOM at all (DOM builders slow down
   * superlinearly on deep nesting); their text is recovered from the markup instead.
   */
  readonly maxDepth: number;
  /**
   * Soft per-page time budget in milliseconds: once spent, no further attempt starts and the
   * best result so far is kept, with an `extract:time-limit` warning.
   */
  readonly timeLimitMs: number;
}

const DEFAULTS: HtmlOptions = { minTextChars: 200, maxElements: 60_000, maxDepth: 1_000, timeLimitMs: 10_000 };

/** One extraction attempt's result. */
interface Attempt {
  readonly strategy: string;
  readonly blocks: readonly Block[];
  readonly chars: number;
  /** Share of the container's text that survived the block filter: low means a page-wide grab. */
  readonly purity: number;
}

/**
 * Below this purity the container was mostly furniture (a "too long" result that swallowed
 * rails and link lists), so the densest-container attempt runs and the purer result wins.
 */
const MIN_PURITY = 0.5;

/** Extracts the article from an HTML string. Never throws for bad markup: returns what it can. */
export function extractHtml(html: string, messages: Messages, source: string, options: Partial<HtmlOptions> = {}): HtmlExtraction {
  const opts = { ...DEFAULTS, ...options };
  const started = performance.now();
  const depth = nestingDepth(html, opts.maxDepth);
  if (depth > opts.maxDepth) {
    messages.warn('extract:too-deep', `expected element nesting of at most ${opts.maxDepth}, found more; text recovered from the markup without a DOM`, source);
    return { ...EMPTY_META, ...textResult(flatBlocks(html), 'flat-markup') };
  }
  // A fragment (a feed item's content) gets a document around it, so it has a body.
  const page = /<(html|body)[\s>]/i.test(html.slice(0, 65536)) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const document = parseDocument(page);
  const meta = readMetadata(document, source);
  // Readability moves nodes out of the document it reads: later attempts need a fresh copy.
  let mutated = false;
  let fresh: DomElement | null | undefined;
  const freshRoot = (): DomElement | null => {
    if (!mutated) return root;
    if (fresh === undefined) {
      const again = parseDocument(page);
      fresh = (again.body ?? again.documentElement) as DomElement | null;
      if (fresh) pruneFurniture(fresh);
    }
    return fresh;
  };
  const root = (document.body ?? document.documentElement) as DomElement | null;
  const elementCount = root ? countElements(root, opts.maxElements + 1) : 0;

  const attempts: Attempt[] = [];
  if (root && elementCount <= opts.maxElements) {
    pruneFurniture(root);
    mutated = true;
    const readability = readabilityAttempt(document, meta.title, messages, source);
    if (readability) attempts.push(readability);
    const late = performance.now() - started > opts.timeLimitMs;
    if (late) messages.warn('extract:time-limit', `page took over ${opts.timeLimitMs} ms; kept the first attempt`, source);
    if (!late && (!readability || readability.chars < opts.minTextChars || readability.purity < MIN_PURITY)) {
      const base = freshRoot();
      const densest = base ? densestAttempt(base, meta.title) : null;
      if (densest) attempts.push(densest);
    }
  } else if (root) {
    messages.warn('extract:too-many-elements', `expected at most ${opts.maxElements} elements, found more; used the plain block fallback`, source);
  }
  if (attempts.every((a) => a.chars < opts.minTextChars) && root) {
    // The whole (pruned) body: a page no scorer accepts still yields its text.
    const base = freshRoot();
    if (base) attempts.push(attemptOf('body', collectBlocks(base as unknown as NodeLike), meta.title));
  }
  const best = pickBest(attempts, opts.minTextChars);
  if (best && best.strategy !== 'readability') messages.info('extract:fallback', `used the ${best.strategy} strategy`, source);

  return { ...meta, ...textResult(best?.blocks ?? [], best?.strategy ?? 'none') };
}

const EMPTY_META: PageMetadata = { title: null, byline: null, published: null, modified: null, outlet: null, language: null, url: null, section: null };

/** Text, credits and strategy of the winning blocks. */
function textResult(winning: readonly Block[], strategy: string): Pick<HtmlExtraction, 'text' | 'credits' | 'strategy'> {
  const { credits, blocks } = creditsOfBlocks(winning);
  return { text: blocks.map((b) => b.text).join('\n\n'), credits, strategy };
}

/** The first attempt long enough to count; otherwise the longest one. */
function pickBest(attempts: readonly Attempt[], minChars: number): Attempt | null {
  const good = attempts.filter((a) => a.chars >= minChars);
  // Among long-enough attempts the purest wins; ties keep the earlier (Readability first).
  if (good.length) return good.reduce((best, a) => (a.purity > best.purity + 0.1 ? a : best));
  return attempts.reduce<Attempt | null>((best, a) => (!best || a.chars > best.chars ? a : best), null);
}

function attemptOf(strategy: string, all: readonly Block[], title: string | null): Attempt {
  const blocks = filterBlocks(all, title);
  const chars = blocks.reduce((n, b) => n + b.text.length, 0);
  const total = all.reduce((n, b) => n + b.text.length, 0);
  return { strategy, blocks, chars, purity: total ? chars / total : 0 };
}

/**
 * Readability on the pruned page. It mutates the document, so it runs after the metadata was
 * read; the serializer hands back the article element itself instead of re-serialising it.
 */
function readabilityAttempt(document: DomDocument, title: string | null, messages: Messages, source: string): Attempt | null {
  try {
    const reader = new Readability<NodeLike>(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 500,
      serializer: (node) => node as unknown as NodeLike,
    });
    const article = reader.parse();
    if (!article?.content) return null;
    return attemptOf('readability', collectBlocks(article.content), title ?? article.title ?? null);
  } catch (err) {
    messages.warn('extract:readability-failed', `Readability failed: ${(err as Error).message}`, source);
    return null;
  }
}

/**
 * Dossier's own container scoring, for pages Readability rejects: every element scores the
 * prose its direct `<p>`/text children hold (link text counts against it), and the best
 * element's parent wins when siblings share the article.
 */
function densestAttempt(root: DomElement, title: string | null): Attempt | null {
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const el of Array.from(root.querySelectorAll('div, section, article, main, td')) as DomElement[]) {
    let score = 0;
    for (const kid of Array.from(el.children) as DomElement[]) {
      const tag = kid.tagName.toUpperCase();
      if (tag !== 'P' && tag !== 'H2' && tag !== 'H3' && tag !== 'UL' && tag !== 'OL' && tag !== 'BLOCKQUOTE') continue;
      const text = kid.textContent ?? '';
      let linkText = 0;
      for (const a of Array.from(kid.querySelectorAll('a')) as DomElement[]) linkText += (a.textContent ?? '').length;
      score += Math.max(0, text.trim().length - 2 * linkText);
    }
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  if (!best) return null;
  return attemptOf('densest', collectBlocks(best as unknown as NodeLike), title);
}

/** Counts elements up to `limit` (stops early: the count only decides "too many"). */
function countElements(root: DomElement, limit: number): number {
  let n = 0;
  const stack: DomElement[] = [root];
  while (stack.length && n < limit) {
    const el = stack.pop()!;
    n++;
    for (const kid of Array.from(el.children) as DomElement[]) stack.push(kid);
  }
  return n;
}

export { normaliseLanguage } from './metadata.js';
export type { PageMetadata };
