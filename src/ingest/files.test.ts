import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPaths, fileKind, readInputs, type IngestItem } from './files.js';

async function collect(paths: string[]): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(paths)) out.push(item);
  return out;
}

function tree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'dossier-ingest-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}

describe('fileKind', () => {
  it.each([
    ['a.html', 'html'],
    ['a.HTM', 'html'],
    ['a.txt', 'text'],
    ['a.md', 'markdown'],
    ['a.json', 'json'],
    ['a.ndjson', 'ndjson'],
    ['a.jsonl', 'ndjson'],
    ['a.html.gz', 'html'],
    ['a.txt.gz', 'text'],
    ['a.pdf', null],
    ['README', null],
  ])('%s → %s', (name, kind) => expect(fileKind(name)).toBe(kind));
});

describe('readInputs', () => {
  it('walks folders recursively in sorted order, skipping hidden and unknown files', async () => {
    const root = tree({
      'b/second.txt': 'Second article text.',
      'a.html': '<html><body><p>First</p></body></html>',
      'b/c/third.md': '# Third',
      '.hidden/x.txt': 'hidden',
      'notes.pdf': 'not an input',
    });
    const items = await collect([root]);
    expect(items.map((i) => (i.ok ? i.doc.source.slice(root.length + 1) : 'fail'))).toEqual(['a.html', 'b/c/third.md', 'b/second.txt']);
    expect(items.map((i) => i.ok && i.doc.bodyFormat)).toEqual(['html', 'markdown', 'text']);
  });

  it('reads gzip-compressed files and keeps the original bytes', async () => {
    const packed = gzipSync(Buffer.from('Packed article text.'));
    const root = tree({ 'p.txt.gz': packed });
    const [item] = await collect([root]);
    expect(item?.ok && item.doc.body).toBe('Packed article text.');
    expect(item?.ok && Buffer.from(item.doc.raw).equals(packed)).toBe(true);
  });

  it('turns JSON arrays and NDJSON lines into one document per record, with supplied metadata', async () => {
    const root = tree({
      'a.json': JSON.stringify([{ text: 'One.', title: 'T1', outlet: 'O1' }, { html: '<p>Two</p>', published: '2026-03-10' }]),
      'b.ndjson': `${JSON.stringify({ text: 'Three.', url: 'https://x.test/3' })}\n\n{broken\n${JSON.stringify({ title: 'no text' })}\n`,
    });
    const items = await collect([root]);
    const ok = items.flatMap((i) => (i.ok ? [i.doc] : []));
    const failed = items.flatMap((i) => (i.ok ? [] : [i.failure]));
    expect(ok.map((d) => [d.source.slice(root.length + 1), d.bodyFormat, d.supplied])).toEqual([
      ['a.json#1', 'text', { title: 'T1', outlet: 'O1' }],
      ['a.json#2', 'html', { published: '2026-03-10' }],
      ['b.ndjson#1', 'text', { url: 'https://x.test/3' }],
    ]);
    expect(failed.map((f) => [f.source.slice(root.length + 1), f.code])).toEqual([
      ['b.ndjson#3', 'input:invalid-record'],
      ['b.ndjson#4', 'input:invalid-record'],
    ]);
    expect(failed[1]?.message).toMatch(/expected a non-empty "text" or "html" field, found keys title/);
  });

  it('yields a failure for binary, empty and corrupt inputs and goes on', async () => {
    const root = tree({
      '1-binary.html': Uint8Array.from([0, 1, 2, 3, 0, 255]),
      '2-empty.txt': '',
      '3-corrupt.txt.gz': Uint8Array.from([0x1f, 0x8b, 8, 0, 1, 2, 3]),
      '4-good.txt': 'A good article.',
    });
    const items = await collect([root]);
    expect(items.map((i) => (i.ok ? 'ok' : i.failure.code))).toEqual(['input:binary', 'extract:empty', 'input:undecodable', 'ok']);
    const binary = items[0]!;
    expect(!binary.ok && binary.failure.raw?.length).toBe(6);
  });

  it('is deterministic: the same file gives the same raw id', async () => {
    const root = tree({ 'a.txt': 'Same text.' });
    const [a] = await collect([root]);
    const [b] = await collect([root]);
    expect(a?.ok && b?.ok && a.doc.id === b.doc.id).toBe(true);
  });
});

describe('checkPaths', () => {
  it('fails fast on a missing path', async () => {
    await expect(checkPaths(['/no/such/dossier/path'])).rejects.toMatchObject({ code: 'input:not-found' });
  });
  it('requires at least one path', async () => {
    await expect(checkPaths([])).rejects.toMatchObject({ code: 'usage:invalid' });
  });
});
