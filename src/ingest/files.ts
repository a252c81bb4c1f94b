/**
 * The ingest stage: files and folders to raw documents. IO lives here; everything after works
 * on records. A bad file yields an {@link IngestFailure} for that file and the walk goes on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DossierError, isDossierError } from '../errors.js';
import type { BodyFormat } from '../model.js';
import { decodeText, gunzip, isGzip } from './decode.js';
import { feedItems, sniffFeed } from './feeds.js';
import { STREAM_MIN_BYTES, streamNdjson } from './ndjson-stream.js';
import { fail, recordItem, type IngestItem } from './items.js';
import { makeRawDocument } from './raw.js';
import { warcItems } from './warc.js';

export type { IngestFailure, IngestItem } from './items.js';
export { recordItem } from './items.js';

/** File kinds Dossier reads, by extension (after an optional `.gz`). */
type FileKind = 'html' | 'text' | 'markdown' | 'json' | 'ndjson' | 'feed' | 'warc';

const KINDS: Readonly<Record<string, FileKind>> = {
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.txt': 'text', '.text': 'text',
  '.md': 'markdown', '.markdown': 'markdown',
  '.json': 'json',
  '.ndjson': 'ndjson', '.jsonl': 'ndjson',
  '.rss': 'feed', '.atom': 'feed', '.xml': 'feed',
  '.warc': 'warc',
};

/** The kind of a file from its name, or null when Dossier does not read it. */
export function fileKind(path: string): FileKind | null {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? KINDS[name.slice(dot)] ?? null : null;
}

/**
 * Checks that every path exists before any work starts, so a typo fails fast with a clear
 * message instead of after an hour of processing.
 */
export async function checkPaths(paths: readonly string[]): Promise<void> {
  if (paths.length === 0) throw new DossierError('usage:invalid', 'expected at least one file or folder to read, found none');
  for (const path of paths) {
    try {
      await stat(path);
    } catch {
      throw new DossierError('input:not-found', `${path}: no such file or folder`, { path });
    }
  }
}

/** Lists the readable files under the given paths, recursively, in a stable (sorted) order. */
export async function* walkFiles(paths: readonly string[]): AsyncGenerator<string> {
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) yield* walkDir(path);
    else yield path;
  }
}

async function* walkDir(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue; // hidden files and folders (.git) are not inputs
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkDir(full);
    else if (entry.isFile() && fileKind(full)) yield full;
  }
}

/** Reads files and folders into raw documents (one per file, one per JSON record). */
export async function* readInputs(paths: readonly string[]): AsyncGenerator<IngestItem> {
  for await (const file of walkFiles(paths)) {
    yield* readFileItems(file);
  }
}

/** Reads one file into raw documents; failures are items, never thrown. */
export async function* readFileItems(file: string): AsyncGenerator<IngestItem> {
  const source = file;
  const kind = fileKind(file);
  if (!kind) {
    yield fail(source, 'input:unsupported', `${source}: expected .html, .htm, .txt, .md, .json, .ndjson, .rss, .atom, .xml or .warc (optionally .gz), found "${file}"`, null);
    return;
  }
  if (kind === 'ndjson' && ((await stat(file).catch(() => null))?.size ?? 0) >= STREAM_MIN_BYTES) {
    yield* streamNdjson(file);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    yield fail(source, 'input:unreadable', `${source}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, null);
    return;
  }
  yield* itemsFromBytes(source, kind, bytes);
}

/** Turns the bytes of one input into raw documents. Exported for tests and the HTTP upload. */
export function* itemsFromBytes(source: string, kind: FileKind, original: Uint8Array): Generator<IngestItem> {
  try {
    if (original.length === 0) throw new DossierError('extract:empty', `${source}: the file is empty`, { source });
    const bytes = isGzip(original) ? gunzip(original, source) : original;
    if (kind === 'warc') {
      yield* warcItems(source, bytes);
      return;
    }
    if (kind === 'feed') {
      yield* feedItems(source, decodeText(bytes, source, 'xml').text);
      return;
    }
    if (kind === 'json' || kind === 'ndjson') {
      const { text } = decodeText(bytes, source, 'text');
      if (kind === 'json' && sniffFeed(text) === 'json') yield* feedItems(source, text);
      else yield* recordItems(source, kind, text);
      return;
    }
    const decoded = decodeText(bytes, source, kind === 'html' ? 'html' : 'text');
    const bodyFormat: BodyFormat = kind;
    yield { ok: true, doc: makeRawDocument({ source, body: decoded.text, bodyFormat, raw: original, encoding: decoded.encoding }) };
  } catch (err) {
    if (isDossierError(err)) yield fail(source, err.code, err.message, original);
    else throw err;
  }
}

/** JSON (one record or an array of records) and NDJSON (one record a line). */
function* recordItems(source: string, kind: 'json' | 'ndjson', text: string): Generator<IngestItem> {
  if (kind === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      yield fail(source, 'input:invalid-record', `${source}: expected JSON, found a syntax error (${(err as Error).message})`, new TextEncoder().encode(text));
      return;
    }
    const records = Array.isArray(data) ? data : [data];
    for (let i = 0; i < records.length; i++) {
      const recSource = records.length === 1 && !Array.isArray(data) ? source : `${source}#${i + 1}`;
      yield recordItem(recSource, records[i], JSON.stringify(records[i]));
    }
    return;
  }
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const recSource = `${source}#${i + 1}`;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (err) {
      yield fail(recSource, 'input:invalid-record', `${recSource}: expected a JSON record on this line, found a syntax error (${(err as Error).message})`, new TextEncoder().encode(line));
      continue;
    }
    yield recordItem(recSource, data, line);
  }
}
