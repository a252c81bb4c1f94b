import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { fileKind, itemsFromBytes } from './files.js';
import { warcItems } from './warc.js';

/** One WARC record with a correct Content-Length. */
function record(type: string, uri: string, block: Buffer, contentType = 'application/http; msgtype=response'): Buffer {
  const head = `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2024-02-20T10:00:00Z\r\nContent-Type: ${contentType}\r\nContent-Length: ${block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), block, Buffer.from('\r\n\r\n')]);
}

function http(body: Buffer, headers: string): Buffer {
  return Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\n${headers}\r\n\r\n`, 'latin1'), body]);
}

const PAGE = '<html><head><title>Bridge opens</title></head><body><article><p>The Elm Street bridge in Marlow opened on Tuesday after two years of work.</p></article></body></html>';

describe('warcItems', () => {
  const warc = Buffer.concat([
    record('warcinfo', '', Buffer.from('software: test\r\n'), 'application/warc-fields'),
    record('request', 'https://news.example/bridge', Buffer.from('GET /bridge HTTP/1.1\r\nHost: news.example\r\n\r\n'), 'application/http; msgtype=request'),
    record('response', 'https://news.example/bridge', http(Buffer.from(PAGE), 'Content-Type: text/html; charset=utf-8')),
    record('response', 'https://news.example/logo.png', http(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'Content-Type: image/png')),
    record('response', 'https://news.example/cz', http(iconv.encode('<p>Příliš žluťoučký kůň</p>', 'iso-8859-2'), 'Content-Type: text/html; charset=iso-8859-2')),
    record('response', 'https://news.example/gz', http(gzipSync(Buffer.from(PAGE)), 'Content-Type: text/html\r\nContent-Encoding: gzip')),
  ]);

  test('HTML response records become documents; requests, metadata and images are skipped', () => {
    const items = [...warcItems('a.warc', warc)];
    expect(items.map((i) => (i.ok ? i.doc.source : i.failure.code))).toEqual(['https://news.example/bridge', 'https://news.example/cz', 'https://news.example/gz']);
    const [page, czech, gz] = items;
    expect(page!.ok && page!.doc.body).toBe(PAGE);
    expect(page!.ok && page!.doc.supplied.url).toBe('https://news.example/bridge');
    expect(czech!.ok && czech!.doc.body).toContain('Příliš žluťoučký kůň');
    expect(czech!.ok && czech!.doc.encoding.rule).toBe('http-charset');
    expect(gz!.ok && gz!.doc.body).toBe(PAGE);
  });

  test('a .warc.gz file (gzip members) is read through the file reader', () => {
    expect(fileKind('crawl.warc.gz')).toBe('warc');
    const items = [...itemsFromBytes('crawl.warc.gz', 'warc', gzipSync(warc))];
    expect(items.filter((i) => i.ok)).toHaveLength(3);
  });

  test.each([
    ['truncated record', warc.subarray(0, warc.length - 200), 'input:invalid-record'],
    ['not a WARC file', Buffer.from('hello world\r\n\r\nmore'), 'input:invalid-record'],
    ['no HTML responses', record('warcinfo', '', Buffer.from('x: y\r\n'), 'application/warc-fields'), 'extract:empty'],
  ])('%s yields a diagnostic, not a crash', (_, bytes, code) => {
    const items = [...warcItems('bad.warc', bytes)];
    expect(items.some((i) => !i.ok && i.failure.code === code)).toBe(true);
  });
});
