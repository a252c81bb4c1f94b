/**
 * Main text and metadata from an HTML page: Mozilla Readability on a linkedom DOM, with the
 * page's own metadata (JSON-LD, meta tags, `<time>`, canonical link) read first because
 * Readability rewrites the document it is given.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Messages } from '../diagnostics.js';
import type { Found } from '../model.js';
import { blocksToText, elementText } from './blocks.js';
import { normaliseDate } from './dates.js';

/** What the HTML extractor returns before the orchestrator adds ids and supplied metadata. */
export interface HtmlExtraction {
  readonly text: string;
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: Found<string> | null;
  readonly outlet: string | null;
  readonly language: string | null;
  readonly url: string | null;
  readonly strategy: string;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['createElement']>;

/** Extracts the article from an HTML string. Never throws for bad markup: returns what it can. */
export function extractHtml(html: string, messages: Messages, source: string): HtmlExtraction {
  const { document } = parseHTML(html);
  const meta = readMetadata(document as Doc);

  let text = '';
  let strategy = 'readability';
  let readTitle: string | null = null;
  let readByline: string | null = null;
  try {
    // Readability mutates the DOM; metadata was read above, so that is fine.
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 300 }).parse();
    if (article?.content) {
      const { document: contentDoc } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      text = blocksToText(contentDoc.body as unknown as El);
      readTitle = clean(article.title);
      readByline = clean(article.byline);
    }
  } catch (err) {
    messages.warn('extract:readability-failed', `Readability failed: ${(err as Error).message}`, source);
  }
  if (!text) {
    // Fallback: the whole body as blocks, so a page Readability rejects still yields its text.
    const { document: again } = parseHTML(html);
    for (const el of again.querySelectorAll('script,style,noscript,nav,header,footer,aside,form')) el.remove();
    text = again.body ? blocksToText(again.body as unknown as El) : '';
    strategy = 'body-fallback';
    if (text) messages.info('extract:fallback', 'Readability found no article; used the page body', source);
  }

  return {
    text,
    title: meta.title ?? readTitle,
    byline: meta.byline ?? readByline,
    published: meta.published,
    outlet: meta.outlet,
    language: meta.language,
    url: meta.url,
    strategy,
  };
}

interface PageMetadata {
  title: string | null;
  byline: string | null;
  published: Found<string> | null;
  outlet: string | null;
  language: string | null;
  url: string | null;
}

/** Reads metadata in order of reliability: JSON-LD, then meta tags, then visible markup. */
function readMetadata(document: Doc): PageMetadata {
  const ld = readJsonLd(document);
  const metaContent = (...names: string[]): string | null => {
    for (const name of names) {
      const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
      const value = clean(el?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };

  let published: Found<string> | null = null;
  const candidates: [string | null | undefined, string][] = [
    [ld.datePublished, 'jsonld:datePublished'],
    [metaContent('article:published_time'), 'meta:article:published_time'],
    [metaContent('og:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued'), 'meta:date'],
    [document.querySelector('time[datetime]')?.getAttribute('datetime'), 'html:time'],
  ];
  for (const [value, rule] of candidates) {
    const iso = value ? normaliseDate(value) : null;
    if (iso) {
      published = { value: iso, rule };
      break;
    }
  }

  const h1 = document.querySelector('h1');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return {
    title: clean(ld.headline) ?? metaContent('og:title', 'twitter:title') ?? (h1 ? clean(elementText(h1 as unknown as El)) : null) ?? clean(document.querySelector('title')?.textContent),
    byline: clean(ld.author) ?? metaContent('author', 'article:author'),
    published,
    outlet: clean(ld.publisher) ?? metaContent('og:site_name', 'application-name'),
    language: normaliseLanguage(document.documentElement?.getAttribute('lang') ?? metaContent('og:locale', 'language')),
    url: clean(canonical) ?? metaContent('og:url') ?? clean(ld.url),
  };
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  url?: string;
}

/** The first article-like object in the page's JSON-LD blocks. */
function readJsonLd(document: Doc): JsonLdArticle {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common; the meta tags still count.
    }
    const found = findArticle(data);
    if (found) return found;
  }
  return {};
}

function findArticle(data: unknown): JsonLdArticle | null {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item);
      if (found) return found;
    }
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const obj = data as Record<string, unknown>;
  if (Array.isArray(obj['@graph'])) return findArticle(obj['@graph']);
  const type = ([] as unknown[]).concat(obj['@type'] ?? []).map(String);
  if (!type.some((t) => /Article|Posting|Report/i.test(t))) return null;
  return {
    headline: str(obj['headline']) ?? str(obj['name']),
    datePublished: str(obj['datePublished']) ?? str(obj['dateCreated']),
    author: names(obj['author']),
    publisher: names(obj['publisher']),
    url: str(obj['url']),
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function names(v: unknown): string | undefined {
  const list = ([] as unknown[]).concat(v ?? []);
  const out = list
    .map((item) => (typeof item === 'string' ? item : item && typeof item === 'object' ? str((item as Record<string, unknown>)['name']) : undefined))
    .filter((s): s is string => !!s);
  return out.length ? out.join(', ') : undefined;
}

function clean(s: string | null | undefined): string | null {
  const v = s?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}

/** `en-US` → `en`; anything that is not a language tag → null. */
export function normaliseLanguage(tag: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(tag?.trim() ?? '');
  return m?.[1] ? m[1].toLowerCase() : null;
}
