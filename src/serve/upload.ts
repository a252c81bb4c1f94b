/**
 * `POST /api/articles`: uploaded files or JSON records become ingest items exactly as
 * `dossier analyze` reads them from disk, so an upload is processed like any other input.
 */
import { fileKind, itemsFromBytes, recordItem, type IngestItem } from '../ingest/files.js';
import { ApiError } from './errors.js';

/** One uploaded file. */
export interface UploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The source name of an upload: `upload/NAME`, with the name reduced to its last path segment
 * and safe characters, because it is shown in the UI and stored as the input's source.
 */
export function uploadSource(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const safe = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '').slice(0, 120);
  return `upload/${safe || 'file'}`;
}

/** Ingest items of uploaded files; an unsupported file is a failure item, like on disk. */
export function itemsFromFiles(files: readonly UploadedFile[]): IngestItem[] {
  return files.flatMap((f): IngestItem[] => {
    const source = uploadSource(f.name);
    const kind = fileKind(source);
    if (!kind) {
      return [{
        ok: false,
        failure: { source, code: 'input:unsupported', message: `${source}: expected .html, .htm, .txt, .md, .json or .ndjson (optionally .gz), found "${source.slice(7)}"`, raw: f.bytes },
      }];
    }
    return [...itemsFromBytes(source, kind, f.bytes)];
  });
}

/**
 * Ingest items of a JSON body: one record `{text | html, url?, title?, published?, outlet?,
 * byline?}`, an array of them, or `{records: [...]}`.
 */
export function itemsFromJson(data: unknown, name = 'records.json'): IngestItem[] {
  const records = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as Record<string, unknown>)['records'])
      ? ((data as Record<string, unknown>)['records'] as unknown[])
      : [data];
  if (records.length === 0) throw new ApiError('api:bad-request', 'JSON body: expected a record or a non-empty array of records, found an empty array');
  const source = uploadSource(name);
  return records.map((rec, i) => recordItem(records.length === 1 ? source : `${source}#${i + 1}`, rec, JSON.stringify(rec)));
}
