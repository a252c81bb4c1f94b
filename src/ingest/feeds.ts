/**
 * RSS 2.0, Atom and JSON Feed files: each item becomes one raw document, with the item's full
 * content when the feed carries it (`content:encoded`, Atom `content`, `content_html`) and its
 * summary otherwise; the item's link, title, date and author become supplied metadata.
 *
 * XML is parsed with DTD entity expansion off: a feed with an entity bomb ("billion laughs")
 * parses in linear time, its entities left unexpanded. Only the five predefined XML entities
 * and numeric character references are decoded, and those cannot expand.
 */
import { XMLParser } from 'fast-xml-parser';
import type { SuppliedMetadata } from '../model.js';
import type { IngestItem } from './items.js';
import { makeRawDocument } from './raw.js';

/** Does this text look like a feed, and which kind? */
export function sniffFeed(text: string): 'xml' | 'json' | null {
  const head = text.slice(0, 2048).trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(rss|feed|rdf:RDF)\b/i.test(head)) return 'xml';
  if (head.startsWith('{') && /"version"\s*:\s*"https:\/\/jsonfeed\.org\//.test(head)) return 'json';
  return null;
}

/** One feed item, normalised across the three formats. */
interface FeedEntry {
  readonly body: string | null;
  readonly supplied: SuppliedMetadata;
  readonly raw: unknown;
}

/** Raw documents of a feed's items. A feed with no items yields one `extract:empty` failure. */
export function* feedItems(source: string, text: string): Generator<IngestItem> {
  let entries: FeedEntry[];
  try {
    entries = sniffFeed(text) === 'json' ? jsonFeedEntries(text) : xmlFeedEntries(text);
  } catch (err) {
    yield failure(source, 'input:invalid-record', `${source}: expected an RSS, Atom or JSON feed, found unparsable data (${(err as Error).message})`, text);
    return;
  }
  if (entries.length === 0) {
    yield failure(source, 'extract:empty', `${source}: expected feed items, found none`, text);
    return;
  }
  for (const [i, entry] of entries.entries()) {
    const itemSource = `${source}#${i + 1}`;
    const rawText = JSON.stringify(entry.raw);
    if (!entry.body?.trim()) {
      yield failure(itemSource, 'extract:empty', `${itemSource}: expected item content or a summary, found none`, rawText);
      continue;
    }
    const isHtml = /<[a-z][^>]*>/i.test(entry.body);
    yield {
      ok: true,
      doc: makeRawDocument({ source: itemSource, body: entry.body, bodyFormat: isHtml ? 'html' : 'text', raw: new TextEncoder().encode(rawText), supplied: entry.supplied }),
    };
  }
}

const ARRAYS = new Set(['item', 'entry', 'link', 'author', 'category', 'dc:creator']);

function xmlFeedEntries(text: string): FeedEntry[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => ARRAYS.has(name),
  });
  const doc = parser.parse(text) as Record<string, unknown>;
  const rss = obj(doc['rss']);
  if (rss) {
    const channel = obj(rss['channel']) ?? {};
    return list(channel['item']).map((item) => rssEntry(obj(item) ?? {}, textOf(channel['title'])));
  }
  const rdf = obj(doc['rdf:RDF']);
  if (rdf) return list(rdf['item']).map((item) => rssEntry(obj(item) ?? {}, textOf(obj(rdf['channel'])?.['title'])));
  const feed = obj(doc['feed']);
  if (feed) return list(feed['entry']).map((entry) => atomEntry(obj(entry) ?? {}, textOf(feed['title'])));
  throw new Error('no <rss>, <feed> or <rdf:RDF> root element');
}

function rssEntry(item: Record<string, unknown>, outlet: string | null): FeedEntry {
  const body = textOf(item['content:encoded']) ?? textOf(item['description']);
  const link = textOf(list(item['link'])[0]) ?? textOf(item['guid']);
  return {
    body,
    raw: item,
    supplied: compact({
      url: link && /^https?:\/\//i.test(link) ? link : undefined,
      title: textOf(item['title']),
      published: textOf(item['pubDate']) ?? textOf(item['dc:date']),
      byline: textOf(list(item['dc:creator'])[0]) ?? textOf(list(item['author'])[0]),
      outlet,
    }),
  };
}

function atomEntry(entry: Record<string, unknown>, outlet: string | null): FeedEntry {
  const links = list(entry['link']).map((l) => obj(l) ?? {});
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate');
  const author = obj(list(entry['author'])[0]);
  return {
    body: textOf(entry['content']) ?? textOf(entry['summary']),
    raw: entry,
    supplied: compact({
      url: typeof alternate?.['@_href'] === 'string' ? alternate['@_href'] : undefined,
      title: textOf(entry['title']),
      published: textOf(entry['published']) ?? textOf(entry['updated']),
      byline: author ? textOf(author['name']) : undefined,
      outlet,
    }),
  };
}

function jsonFeedEntries(text: string): FeedEntry[] {
  const feed = JSON.parse(text) as Record<string, unknown>;
  const outlet = typeof feed['title'] === 'string' ? feed['title'] : null;
  return list(feed['items']).map((raw) => {
    const item = obj(raw) ?? {};
    const s = (k: string): string | undefined => (typeof item[k] === 'string' && (item[k] as string).trim() ? (item[k] as string) : undefined);
    const authors = list(item['authors'] ?? item['author']).map((a) => obj(a)?.['name']).filter((n): n is string => typeof n === 'string');
    return {
      body: s('content_html') ?? s('content_text') ?? s('summary') ?? null,
      raw: item,
      supplied: compact({ url: s('url') ?? s('external_url'), title: s('title'), published: s('date_published') ?? s('date_modified'), byline: authors.join(', ') || undefined, outlet }),
    };
  });
}

/** Text of a parsed XML value: a string, or an element object with `#text`. Entities decoded. */
function textOf(v: unknown): string | null {
  const raw = typeof v === 'string' ? v : obj(v) && typeof obj(v)!['#text'] === 'string' ? (obj(v)!['#text'] as string) : null;
  const text = raw === null ? null : decodeXmlEntities(raw).trim();
  return text ? text : null;
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined XML entities and numeric references; DTD entities stay as written. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function obj(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function compact(fields: Record<string, string | null | undefined>): SuppliedMetadata {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string' && v.trim())) as SuppliedMetadata;
}

function failure(source: string, code: 'input:invalid-record' | 'extract:empty', message: string, rawText: string): IngestItem {
  return { ok: false, failure: { source, code, message, raw: new TextEncoder().encode(rawText) } };
}
