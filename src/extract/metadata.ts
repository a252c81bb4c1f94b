/**
 * Page metadata in order of reliability: JSON-LD (what the publisher declared for machines),
 * then `<meta>` tags (Open Graph, article:*, Dublin Core, itemprop), then visible markup
 * (`<time>`, `<h1>`, byline elements), then the URL. Every date keeps the rule that found it.
 * Read before pruning and Readability, because both mutate the document.
 */
import type { Found } from '../model.js';
import { elementText, type NodeLike } from './blocks.js';
import { findFullDate, normaliseDate } from './dates.js';
import type { DomDocument, DomElement } from './dom.js';

/** Everything the page says about itself. */
export interface PageMetadata {
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: Found<string> | null;
  readonly modified: Found<string> | null;
  readonly outlet: string | null;
  readonly language: string | null;
  readonly url: string | null;
  readonly section: string | null;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  author?: string;
  publisher?: string;
  url?: string;
  section?: string;
  language?: string;
}

/** Reads the page's metadata; `source` (a URL, when it is one) feeds the URL-date rule. */
export function readMetadata(document: DomDocument, source = ''): PageMetadata {
  const ld = readJsonLd(document);
  const meta = (...names: string[]): string | null => {
    for (const name of names) {
      for (const el of (Array.from(document.querySelectorAll(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"], meta[http-equiv="${name}"]`)) as DomElement[])) {
        const value = clean(el.getAttribute('content'));
        if (value) return value;
      }
    }
    return null;
  };
  const canonical = clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? meta('og:url') ?? clean(ld.url);
  const url = canonical && /^https?:\/\//i.test(canonical) ? canonical : /^https?:\/\//i.test(source) ? source : canonical;

  const published = firstDate([
    [ld.datePublished, 'jsonld:datePublished'],
    [meta('article:published_time'), 'meta:article:published_time'],
    [meta('og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'DC.date.issued', 'dcterms.created', 'dc.date', 'DC.date', 'date'), 'meta:date'],
    [attr(document, 'time[itemprop="datePublished"], [itemprop="datePublished"]', 'datetime') ?? attr(document, 'time[pubdate]', 'datetime'), 'html:itemprop-time'],
    [attr(document, 'article time[datetime], time[datetime]', 'datetime'), 'html:time'],
    [urlDate(url ?? source), 'url:path-date'],
    [visibleDate(document), 'text:date-line'],
  ]);
  const modified = firstDate([
    [ld.dateModified, 'jsonld:dateModified'],
    [meta('article:modified_time'), 'meta:article:modified_time'],
    [meta('og:updated_time', 'dateModified', 'last-modified', 'dcterms.modified', 'DC.date.modified'), 'meta:modified'],
    [attr(document, '[itemprop="dateModified"]', 'datetime') ?? attr(document, '[itemprop="dateModified"]', 'content'), 'html:itemprop-time'],
  ]);

  const h1 = document.querySelector('h1');
  const docTitle = clean(document.querySelector('title')?.textContent);
  return {
    title: clean(ld.headline) ?? meta('og:title', 'twitter:title', 'dc.title', 'DC.title') ?? (h1 ? clean(elementText(h1 as unknown as NodeLike)) : null) ?? (docTitle ? stripSiteSuffix(docTitle) : null),
    byline: clean(ld.author) ?? personName(meta('author', 'article:author', 'dc.creator', 'DC.creator', 'parsely-author', 'sailthru.author')) ?? visibleByline(document),
    published,
    modified,
    outlet: clean(ld.publisher) ?? meta('og:site_name', 'application-name', 'publisher', 'dc.publisher', 'DC.publisher'),
    language: normaliseLanguage(document.documentElement?.getAttribute('lang') ?? meta('content-language', 'language', 'dc.language', 'og:locale') ?? ld.language),
    url,
    section: clean(ld.section) ?? meta('article:section', 'section', 'parsely-section', 'category'),
  };
}

function firstDate(candidates: readonly [string | null | undefined, string][]): Found<string> | null {
  for (const [value, rule] of candidates) {
    const iso = value ? normaliseDate(value) : null;
    if (iso) return { value: iso, rule };
  }
  return null;
}

function attr(document: DomDocument, selector: string, name: string): string | null {
  for (const el of Array.from(document.querySelectorAll(selector)) as DomElement[]) {
    const v = clean(el.getAttribute(name));
    if (v) return v;
  }
  return null;
}

/** `/2019/11/19/` or `/2019-11-19/` in an article URL: the publication day on most news sites. */
export function urlDate(url: string | null): string | null {
  const m = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)/.exec(url ?? '');
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** A complete date in an element whose class or id says it holds the date. */
function visibleDate(document: DomDocument): string | null {
  for (const el of (Array.from(document.querySelectorAll('[class*="date"], [class*="time"], [id*="date"], [class*="byline"], [class*="meta"]')) as DomElement[]).slice(0, 40)) {
    const text = clean(el.textContent);
    if (!text || text.length > 200) continue;
    const found = findFullDate(text);
    if (found) return found.iso;
  }
  return null;
}

/** The text of an author or byline element, without "By". */
function visibleByline(document: DomDocument): string | null {
  const el = document.querySelector('[rel="author"], [itemprop="author"], .byline, .author, [class*="byline"]');
  const text = clean(el?.textContent)?.replace(/^(by|von|par|por)\s+/i, '') ?? null;
  return text && text.length <= 100 ? text : null;
}

/** Meta author values are sometimes profile URLs: those are not names. */
function personName(v: string | null): string | null {
  return v && !/^https?:\/\//i.test(v) ? v : null;
}

/** `Headline | Site` and `Headline - Site` → `Headline`. */
function stripSiteSuffix(title: string): string {
  const m = /^(.{15,}?)\s+[|–—-]\s+[^|–—-]{2,40}$/.exec(title);
  return m?.[1] ?? title;
}

/** The first article-like object in the page's JSON-LD blocks. */
function readJsonLd(document: DomDocument): JsonLdArticle {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]')) as DomElement[]) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common; the meta tags still count.
    }
    const found = findArticle(data, 0);
    if (found) return found;
  }
  return {};
}

function findArticle(data: unknown, depth: number): JsonLdArticle | null {
  if (depth > 8) return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const obj = data as Record<string, unknown>;
  if (Array.isArray(obj['@graph'])) return findArticle(obj['@graph'], depth + 1);
  const type = ([] as unknown[]).concat(obj['@type'] ?? []).map(String);
  if (!type.some((t) => /Article|Posting|Report|BlogPosting/i.test(t))) return findArticle(obj['mainEntity'], depth + 1);
  return {
    headline: str(obj['headline']) ?? str(obj['name']),
    datePublished: str(obj['datePublished']) ?? str(obj['dateCreated']),
    dateModified: str(obj['dateModified']),
    author: names(obj['author']),
    publisher: names(obj['publisher']),
    url: str(obj['url']) ?? str(obj['mainEntityOfPage']) ?? str((obj['mainEntityOfPage'] as Record<string, unknown> | undefined)?.['@id']),
    section: ([] as unknown[]).concat(obj['articleSection'] ?? []).map(String).filter(Boolean)[0],
    language: str(obj['inLanguage']),
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function names(v: unknown): string | undefined {
  const list = ([] as unknown[]).concat(v ?? []);
  const out = list
    .map((item) => (typeof item === 'string' ? item : item && typeof item === 'object' ? str((item as Record<string, unknown>)['name']) : undefined))
    .filter((s): s is string => !!s && !/^https?:\/\//i.test(s));
  return out.length ? [...new Set(out)].join(', ') : undefined;
}

function clean(s: string | null | undefined): string | null {
  const v = s ? decodeEntities(s).replace(/\s+/g, ' ').trim() : '';
  return v ? v : null;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * JSON-LD and some meta tags carry HTML entities escaped twice (`&amp;#163;`), which the
 * parser leaves as `&#163;`: decode the leftovers.
 */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** `en-US` → `en`; anything that is not a language tag → null. */
export function normaliseLanguage(tag: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(tag?.trim() ?? '');
  return m?.[1] ? m[1].toLowerCase() : null;
}
