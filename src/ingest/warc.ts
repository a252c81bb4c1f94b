/**
 * WARC files (ISO 28500), as news archives are distributed: each `response` record holding
 * an HTML page becomes one raw document, its target URI the source and supplied URL. Other
 * records (requests, metadata, images) are skipped.
 *
 * The record format is simple (a header block, `Content-Length` bytes, a blank line), so it is
 * read here synchronously rather than through warcio's async streams; a `.warc.gz` file is a
 * series of gzip members, which gunzip reads as one stream.
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import { isDossierError } from '../errors.js';
import type { IngestItem } from './items.js';
import { decodeText } from './decode.js';
import { makeRawDocument } from './raw.js';

const CRLF2 = Buffer.from('\r\n\r\n');

/** A parsed header block: the first line and lower-cased header names. */
interface Head {
  readonly first: string;
  readonly headers: ReadonlyMap<string, string>;
  /** Offset just past the blank line that ends the block. */
  readonly end: number;
}

function readHead(buf: Buffer, start: number): Head | null {
  const stop = buf.indexOf(CRLF2, start);
  if (stop < 0) return null;
  const lines = buf.toString('latin1', start, stop).split('\r\n');
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { first: lines[0] ?? '', headers, end: stop + 4 };
}

/** Raw documents of a WARC file's HTML responses (bytes already gunzipped). */
export function* warcItems(source: string, bytes: Uint8Array): Generator<IngestItem> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  let n = 0;
  let pages = 0;
  while (pos < buf.length) {
    // Records are separated by blank lines; skip them.
    while (pos < buf.length && (buf[pos] === 0x0d || buf[pos] === 0x0a)) pos++;
    if (pos >= buf.length) break;
    n++;
    const head = readHead(buf, pos);
    if (!head || !head.first.startsWith('WARC/')) {
      yield failure(`${source}#${n}`, `${source}: expected a WARC record header at byte ${pos}, found ${JSON.stringify(buf.toString('latin1', pos, pos + 20))}`, null);
      return; // Without a valid header the next record cannot be found.
    }
    const length = Number(head.headers.get('content-length') ?? NaN);
    if (!Number.isFinite(length) || length < 0 || head.end + length > buf.length) {
      yield failure(`${source}#${n}`, `${source}: record ${n} expected ${head.headers.get('content-length') ?? '(no)'} content bytes, found ${buf.length - head.end} (truncated file)`, null);
      return;
    }
    const block = buf.subarray(head.end, head.end + length);
    pos = head.end + length;
    const type = head.headers.get('warc-type');
    const uri = (head.headers.get('warc-target-uri') ?? '').replace(/^<|>$/g, '');
    if (type !== 'response' || !/application\/http/i.test(head.headers.get('content-type') ?? 'application/http')) continue;
    const item = responseItem(uri || `${source}#${n}`, block, head.headers.get('warc-date'));
    if (item) {
      pages++;
      yield item;
    }
  }
  if (pages === 0) yield { ok: false, failure: { source, code: 'extract:empty', message: `${source}: expected WARC response records of HTML pages, found none`, raw: null } };
}

/** One HTTP response record: HTML bodies become documents, other content types are skipped. */
function responseItem(uri: string, block: Buffer, warcDate: string | undefined): IngestItem | null {
  const http = readHead(block, 0);
  if (!http || !/^HTTP\/\d/.test(http.first)) return failure(uri, `${uri}: expected an HTTP response in the WARC record, found ${JSON.stringify(block.toString('latin1', 0, 20))}`, block);
  const contentType = http.headers.get('content-type') ?? '';
  if (contentType && !/html/i.test(contentType)) return null;
  let body: Buffer = block.subarray(http.end);
  try {
    if (/chunked/i.test(http.headers.get('transfer-encoding') ?? '')) body = dechunk(body);
    const encoding = http.headers.get('content-encoding') ?? '';
    if (/gzip/i.test(encoding)) body = gunzipSync(body);
    else if (/deflate/i.test(encoding)) body = inflateSync(body);
    const charset = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1];
    const decoded = decodeText(body, uri, 'html', charset);
    return {
      ok: true,
      doc: makeRawDocument({ source: uri, body: decoded.text, bodyFormat: 'html', raw: block, encoding: decoded.encoding, supplied: /^https?:\/\//i.test(uri) ? { url: uri } : {} }),
    };
  } catch (err) {
    if (isDossierError(err)) return { ok: false, failure: { source: uri, code: err.code, message: err.message, raw: block } };
    return failure(uri, `${uri}: expected a readable HTTP body${warcDate ? ` (captured ${warcDate})` : ''}, found ${(err as Error).message}`, block);
  }
}

/** Undoes HTTP chunked transfer encoding; stops at the last complete chunk. */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  while (pos < body.length) {
    const eol = body.indexOf('\r\n', pos);
    if (eol < 0) break;
    const size = parseInt(body.toString('latin1', pos, eol), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(body.subarray(eol + 2, Math.min(body.length, eol + 2 + size)));
    pos = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function failure(source: string, message: string, raw: Uint8Array | null): IngestItem {
  return { ok: false, failure: { source, code: 'input:invalid-record', message, raw } };
}
