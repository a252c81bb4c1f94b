import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { itemsFromBytes, type IngestItem } from './files.js';
import { streamNdjson } from './ndjson-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-ndjson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINES = [
  JSON.stringify({ text: 'Ferry crews in Lund Bay ended their strike on Friday after a pay deal.', outlet: 'Bay Herald', published: '2024-05-03' }),
  '',
  '{"text": broken',
  JSON.stringify({ html: '<p>Kövári opened the bridge.</p>', title: 'Bridge opens' }),
  JSON.stringify([1, 2]),
].join('\r\n');

async function collect(it: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('streamNdjson', () => {
  it.each([
    ['plain', 'day.ndjson', Buffer.from(LINES, 'utf8')],
    ['gzipped', 'day.jsonl.gz', gzipSync(Buffer.from(LINES, 'utf8'))],
  ])('yields the same records as the whole-file path (%s)', async (_label, name, bytes) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const streamed = await collect(streamNdjson(file));
    const whole = [...itemsFromBytes(file, 'ndjson', new Uint8Array(bytes))];
    expect(streamed.map((i) => i.ok)).toEqual([true, false, true, false]);
    expect(streamed).toEqual(whole);
  });

  it('reports a truncated gzip as one failure after the records it could read', async () => {
    const file = join(dir, 'cut.ndjson.gz');
    const gz = gzipSync(Buffer.from(LINES, 'utf8'));
    writeFileSync(file, gz.subarray(0, gz.length - 12));
    const items = await collect(streamNdjson(file));
    expect(items.at(-1)).toMatchObject({ ok: false, failure: { code: 'input:unreadable' } });
  });
});
