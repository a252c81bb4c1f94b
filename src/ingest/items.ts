/**
 * What ingest yields, whatever the input kind: a raw document, or a failure that names the
 * source and the reason and keeps the bytes. JSON records become items here too, so the file
 * reader and the streaming NDJSON reader share one definition.
 */
import type { ErrorCode } from '../errors.js';
import type { RawDocument, SuppliedMetadata } from '../model.js';
import { makeRawDocument } from './raw.js';

/** A file or record that could not become a raw document, with the reason. */
export interface IngestFailure {
  readonly source: string;
  readonly code: ErrorCode;
  readonly message: string;
  /** The bytes as read, when there were any: kept so nothing is lost. */
  readonly raw: Uint8Array | null;
}

/** One item of ingest output. */
export type IngestItem = { readonly ok: true; readonly doc: RawDocument } | { readonly ok: false; readonly failure: IngestFailure };

/** One JSON record `{text | html, url?, title?, published?, outlet?, byline?, language?}`. */
export function recordItem(source: string, data: unknown, rawText: string): IngestItem {
  const raw = new TextEncoder().encode(rawText);
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return fail(source, 'input:invalid-record', `${source}: expected an object with "text" or "html", found ${Array.isArray(data) ? 'an array' : typeof data}`, raw);
  }
  const rec = data as Record<string, unknown>;
  const html = typeof rec['html'] === 'string' ? rec['html'] : null;
  const text = typeof rec['text'] === 'string' ? rec['text'] : typeof rec['content'] === 'string' ? rec['content'] : null;
  if (!html?.trim() && !text?.trim()) {
    return fail(source, 'input:invalid-record', `${source}: expected a non-empty "text" or "html" field, found keys ${Object.keys(rec).join(', ') || '(none)'}`, raw);
  }
  const pick = (...keys: string[]): string | undefined => {
    for (const k of keys) if (typeof rec[k] === 'string' && (rec[k] as string).trim()) return (rec[k] as string).trim();
    return undefined;
  };
  const supplied: SuppliedMetadata = stripUndefined({
    url: pick('url', 'link'),
    title: pick('title', 'headline'),
    published: pick('published', 'date', 'datePublished', 'published_at'),
    outlet: pick('outlet', 'source', 'site', 'publisher'),
    byline: pick('byline', 'author'),
    language: pick('language', 'lang'),
  });
  return {
    ok: true,
    doc: makeRawDocument({ source, body: html?.trim() ? html : text!, bodyFormat: html?.trim() ? 'html' : 'text', raw, supplied }),
  };
}

function stripUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** A failure item. */
export function fail(source: string, code: ErrorCode, message: string, raw: Uint8Array | null): IngestItem {
  return { ok: false, failure: { source, code, message, raw } };
}
