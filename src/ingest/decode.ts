/**
 * Bytes to text: gunzip, binary detection and character-encoding detection. A page's declared
 * charset is trusted first (BOM, then `<meta charset>` / XML declaration), then strict UTF-8,
 * then statistical detection, because most mislabelled pages on the web are in fact UTF-8.
 */
import { gunzipSync } from 'node:zlib';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { DossierError } from '../errors.js';

/** Decoded text and how its encoding was chosen. */
export interface Decoded {
  readonly text: string;
  readonly encoding: { readonly name: string; readonly rule: string };
}

/** Bytes that start a gzip stream. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip data, with a clear error for a truncated or corrupt stream. */
export function gunzip(bytes: Uint8Array, source: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (err) {
    throw new DossierError('input:undecodable', `${source}: expected a gzip stream, found corrupt data (${(err as Error).message})`, { source });
  }
}

/**
 * Decodes document bytes. Throws `input:binary` for data that is not text (NUL bytes outside
 * a UTF-16 BOM) and `input:undecodable` when no decoder accepts it.
 */
export function decodeText(bytes: Uint8Array, source: string, kind: 'html' | 'xml' | 'text', transportCharset?: string): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomEncoding(buf);
  if (bom) return { text: iconv.decode(buf, bom), encoding: { name: bom, rule: 'bom' } };

  if (looksBinary(buf)) {
    throw new DossierError('input:binary', `${source}: expected text, found binary data (NUL bytes)`, { source });
  }

  // The transport's charset (an HTTP Content-Type header, kept in WARC records) outranks the
  // page's own <meta>, as in browsers.
  const transport = transportCharset && iconv.encodingExists(canonicalName(transportCharset)) ? transportCharset.toLowerCase() : null;
  const declared = transport ?? (kind === 'text' ? null : declaredCharset(buf, kind));
  if (declared && iconv.encodingExists(canonicalName(declared))) {
    const name = canonicalName(declared);
    // A page that says windows-1252 but is valid UTF-8 with multi-byte sequences is UTF-8;
    // the declaration is often a template default.
    if (name !== 'utf-8' && isStrictUtf8(buf) && /[\u0080-\uffff]/.test(buf.toString('utf8'))) {
      return { text: buf.toString('utf8'), encoding: { name: 'utf-8', rule: `valid-utf8-over-declared:${name}` } };
    }
    return { text: iconv.decode(buf, name), encoding: { name, rule: transport ? 'http-charset' : kind === 'html' ? 'meta-charset' : 'xml-declaration' } };
  }

  if (isStrictUtf8(buf)) return { text: buf.toString('utf8'), encoding: { name: 'utf-8', rule: declared ? 'utf8-unknown-declared' : 'utf8-valid' } };

  const guess = chardet.detect(buf);
  if (guess && iconv.encodingExists(guess)) {
    return { text: iconv.decode(buf, guess), encoding: { name: canonicalName(guess), rule: 'detected' } };
  }
  throw new DossierError('input:undecodable', `${source}: expected text in a known encoding, found bytes no decoder accepts`, { source });
}

function bomEncoding(buf: Buffer): string | null {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

/** NUL bytes do not occur in text encodings other than UTF-16/32, which carry a BOM here. */
function looksBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  return head.includes(0);
}

function isStrictUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** The charset a page or XML file declares in its first bytes, if any. */
function declaredCharset(buf: Buffer, kind: 'html' | 'xml'): string | null {
  const head = buf.subarray(0, 4096).toString('latin1');
  if (kind === 'xml') {
    const m = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
    if (m?.[1]) return m[1].toLowerCase();
  }
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta?.[1] ? meta[1].toLowerCase() : null;
}

function canonicalName(name: string): string {
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n === 'utf8') return 'utf-8';
  // Browsers decode ISO-8859-1 and US-ASCII labels as windows-1252 (WHATWG Encoding).
  if (n === 'iso-8859-1' || n === 'latin1' || n === 'us-ascii' || n === 'ascii') return 'windows-1252';
  // GB2312 and GBK pages are decoded with their superset, as WHATWG Encoding does.
  if (n === 'gb2312' || n === 'gbk' || n === 'x-gbk' || n === 'gb-2312') return 'gb18030';
  if (n === 'x-sjis' || n === 'sjis' || n === 'ms-kanji' || n === 'windows-31j') return 'shift_jis';
  return n;
}
