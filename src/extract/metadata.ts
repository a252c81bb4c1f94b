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

/**
 * What metadata reads from the page, gathered in one walk over the elements: selector queries
 * walk the whole tree each time, and a page needs dozens of lookups.
 */
interface PageIndex {
  /** `<meta>` content by lower-cased name, property, itemprop or http-equiv; first wins. */
  readonly meta: Map<string, string>;
  readonly jsonLd: string[];
  canonical: string | null;
  h1: DomElement | null;
  title: string | null;
  /** `datetime` of `<time>` elements, in page order. */
  readonly times: string[];
  /** `datetime`/`content` of elements with itemprop datePublished / dateModified. */
  readonly itempropDates: Map<string, string>;
  /** Elements whose class or id mentions a date, time, byline or meta line (first 40). */
  readonly dateHolders: DomElement[];
  byline: DomElement | null;
}

function indexPage(document: DomDocument): PageIndex {
  const index: PageIndex = { meta: new Map(), jsonLd: [], canonical: null, h1: null, title: null, times: [], itempropDates: new Map(), dateHolders: [], byline: null };
  const root = document.documentElement as DomElement | null;
  if (!root) return index;
  const stack: DomElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    const tag = el.tagName.toUpperCase();
    if (tag === 'META') {
      const content = el.getAttribute('content');
      if (content) {
        for (const key of ['name', 'property', 'itemprop', 'http-equiv']) {
          const name = el.getAttribute(key)?.toLowerCase();
          if (name && !index.meta.has(name)) index.meta.set(name, content);
        }
      }
    } else if (tag === 'SCRIPT') {
      if (el.getAttribute('type')?.toLowerCase() === 'application/ld+json') index.jsonLd.push(el.textContent ?? '');
      continue;
    } else if (tag === 'LINK') {
      if (!index.canonical && el.getAttribute('rel')?.toLowerCase() === 'canonical') index.canonical = el.getAttribute('href');
    } else if (tag === 'TITLE') {
      index.title ??= el.textContent;
    } else if (tag === 'H1') {
      index.h1 ??= el;
    } else if (tag === 'TIME') {
      const dt = el.getAttribute('datetime');
      if (dt) index.times.push(dt);
    }
    const itemprop = el.getAttribute('itemprop');
    if (itemprop === 'datePublished' || itemprop === 'dateModified') {
      const v = el.getAttribute('datetime') ?? el.getAttribute('content') ?? (tag === 'META' ? null : el.textContent);
      if (v && !index.itempropDates.has(itemprop)) index.itempropDates.set(itemprop, v);
    }
    if (tag !== 'META' && tag !== 'LINK' && tag !== 'HTML' && tag !== 'BODY') {
      const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
      if (names.length > 1) {
        if (index.dateHolders.length < 40 && /date|time|byline|meta/.test(names)) index.dateHolders.push(el);
      }
      if (!index.byline && (/byline|author/.test(names) || el.getAttribute('rel') === 'author' || itemprop === 'author')) index.byline = el;
    }
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomElement);
  }
  return index;
}

/** Reads the page's metadata; `source` (a URL, when it is one) feeds the URL-date rule. */
export function readMetadata(document: DomDocument, source = ''): PageMetadata {
  const page = indexPage(document);
  const ld = readJsonLd(page.jsonLd);
  const meta = (...names: string[]): string | null => {
    for (const name of names) {
      const value = clean(page.meta.get(name.toLowerCase()));
      if (value) return value;
    }
    return null;
  };
  const canonical = clean(page.canonical) ?? meta('og:url') ?? clean(ld.url);
  const url = canonical && /^https?:\/\//i.test(canonical) ? canonical : /^https?:\/\//i.test(source) ? source : canonical;

  // Lazy candidates: the costly visible-text rule runs only when nothing better was found.
  const published = firstDate([
    [() => ld.datePublished, 'jsonld:datePublished'],
    [() => meta('article:published_time'), 'meta:article:published_time'],
    [() => meta('og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.created', 'dc.date', 'date'), 'meta:date'],
    [() => page.itempropDates.get('datePublished'), 'html:itemprop'],
    [() => page.times[0], 'html:time'],
    [() => urlDate(url ?? source), 'url:path-date'],
    [() => visibleDate(page.dateHolders), 'text:date-line'],
  ]);
  const modified = firstDate([
    [() => ld.dateModified, 'jsonld:dateModified'],
    [() => meta('article:modified_time'), 'meta:article:modified_time'],
    [() => meta('og:updated_time', 'dateModified', 'last-modified', 'dcterms.modified', 'dc.date.modified'), 'meta:modified'],
    [() => page.itempropDates.get('dateModified'), 'html:itemprop'],
  ]);

  const docTitle = clean(page.title);
  return {
    title: clean(ld.headline) ?? meta('og:title', 'twitter:title', 'dc.title') ?? (page.h1 ? clean(elementText(page.h1 as unknown as NodeLike)) : null) ?? (docTitle ? stripSiteSuffix(docTitle) : null),
    byline: clean(ld.author) ?? personName(meta('author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author')) ?? visibleByline(page.byline),
    published,
    modified,
    outlet: clean(ld.publisher) ?? meta('og:site_name', 'application-name', 'publisher', 'dc.publisher'),
    language: normaliseLanguage(document.documentElement?.getAttribute('lang') ?? meta('content-language', 'language', 'dc.language', 'og:locale') ?? ld.language),
    url,
    section: clean(ld.section) ?? meta('article:section', 'section', 'parsely-section', 'category'),
  };
}

function firstDate(candidates: readonly [() => string | null | undefined, string][]): Found<string> | null {
  for (const [get, rule] of candidates) {
    const value = get();
    const iso = value ? normaliseDate(value) : null;
    if (iso) return { value: iso, rule };
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
function visibleDate(holders: readonly DomElement[]): string | null {
  for (const el of holders) {
    const text = clean(el.textContent);
    if (!text || text.length > 200) continue;
    const found = findFullDate(text);
    if (found) return found.iso;
  }
  return null;
}

/** The text of an author or byline element, without "By". */
function visibleByline(el: DomElement | null): string | null {
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
function readJsonLd(scripts: readonly string[]): JsonLdArticle {
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script);
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
