/**
 * Streaming NDJSON: a big `.ndjson`/`.jsonl` file (optionally `.gz`) is read line by line, so
 * a day of news in one file never sits in memory whole; `analyze` pulls records as it needs
 * them (its batches are the back-pressure). Records come out exactly as the whole-file path
 * makes them (`file#LINE` sources, one failure per bad line), except that the file must be
 * UTF-8, as NDJSON is by definition; smaller files keep the whole-file path and its encoding
 * detection.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { IngestItem } from './items.js';
import { recordItem } from './items.js';

/** Files at least this big are streamed; below it, reading whole is faster and detects encodings. */
export const STREAM_MIN_BYTES = 16 * 1024 * 1024;

/** Reads an NDJSON file's records one line at a time. */
export async function* streamNdjson(file: string): AsyncGenerator<IngestItem> {
  const raw = createReadStream(file);
  const input = /\.gz$/i.test(file) ? raw.pipe(createGunzip()) : raw;
  input.setEncoding('utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const rawLine of lines) {
      n++;
      const line = rawLine.trim();
      if (!line) continue;
      const source = `${file}#${n}`;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch (err) {
        const message = `${source}: expected a JSON record on this line, found a syntax error (${(err as Error).message})`;
        yield { ok: false, failure: { source, code: 'input:invalid-record', message, raw: new TextEncoder().encode(line) } };
        continue;
      }
      yield recordItem(source, data, line);
    }
  } catch (err) {
    // A truncated gzip or a read error ends this file, not the run.
    const message = `${file}: cannot read past line ${n} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    yield { ok: false, failure: { source: `${file}#${n + 1}`, code: 'input:unreadable', message, raw: null } };
  } finally {
    lines.close();
    raw.destroy();
  }
}
