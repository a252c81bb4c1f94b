/**
 * Building raw documents from content already in memory (records, feeds, tests, eval).
 */
import { sha256Hex } from '../util/hash.js';
import type { BodyFormat, RawDocument, SuppliedMetadata } from '../model.js';

/** Options for {@link makeRawDocument}. */
export interface RawInit {
  readonly source: string;
  readonly body: string;
  readonly bodyFormat: BodyFormat;
  readonly supplied?: SuppliedMetadata;
  /** Original bytes; defaults to the UTF-8 encoding of `body`. */
  readonly raw?: Uint8Array;
  readonly encoding?: { readonly name: string; readonly rule: string };
  /** Boilerplate group; defaults to the outlet, or the source's folder. */
  readonly group?: string;
}

/** Makes a {@link RawDocument} whose id is the hash of its source name and original bytes. */
export function makeRawDocument(init: RawInit): RawDocument {
  const raw = init.raw ?? new TextEncoder().encode(init.body);
  const supplied = init.supplied ?? {};
  return Object.freeze({
    id: sha256Hex(init.source, raw),
    source: init.source,
    bodyFormat: init.bodyFormat,
    body: init.body,
    encoding: init.encoding ?? { name: 'utf-8', rule: 'given' },
    raw,
    supplied: Object.freeze({ ...supplied }),
    group: init.group ?? supplied.outlet ?? groupOf(init.source),
  });
}

/** The folder part of a path or the host of a URL: documents from one place share boilerplate. */
export function groupOf(source: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/]+)/i.exec(source);
  if (url?.[1]) return url[1].toLowerCase();
  const path = source.replace(/#.*$/, '');
  const slash = path.lastIndexOf('/');
  return slash > 0 ? path.slice(0, slash) : '.';
}
