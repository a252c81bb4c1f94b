import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isDossierError } from '../errors.js';
import { decodeText, gunzip, isGzip } from './decode.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeText', () => {
  it.each([
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Orbán')]), 'text', 'Orbán', 'utf-8', 'bom'],
    ['UTF-16LE with BOM', Uint8Array.from([0xff, 0xfe, ...Buffer.from('Pintér', 'utf16le')]), 'text', 'Pintér', 'utf-16le', 'bom'],
    ['plain valid UTF-8', utf8('Türkiye'), 'text', 'Türkiye', 'utf-8', 'utf8-valid'],
    [
      'declared windows-1252',
      iconv.encode('<meta charset="windows-1252"><p>“café”</p>', 'windows-1252'),
      'html',
      '<meta charset="windows-1252"><p>“café”</p>',
      'windows-1252',
      'meta-charset',
    ],
    [
      'declared windows-1251 in http-equiv',
      iconv.encode('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Москва</p>', 'windows-1251'),
      'html',
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Москва</p>',
      'windows-1251',
      'meta-charset',
    ],
    ['declared latin1 but valid UTF-8', utf8('<meta charset="iso-8859-1"><p>Orbán</p>'), 'html', '<meta charset="iso-8859-1"><p>Orbán</p>', 'utf-8', 'valid-utf8-over-declared:windows-1252'],
  ] as const)('%s', (_name, bytes, kind, text, encoding, rule) => {
    const decoded = decodeText(bytes, 'x', kind);
    expect(decoded.text.replace(/^\uFEFF/, '')).toBe(text);
    expect(decoded.encoding).toEqual({ name: encoding, rule });
  });

  it('falls back to detection for undeclared non-UTF-8 text', () => {
    const bytes = iconv.encode('Le président a déclaré que la réunion était très importante pour la région.', 'windows-1252');
    const decoded = decodeText(bytes, 'x', 'text');
    expect(decoded.text).toContain('président');
    expect(decoded.encoding.rule).toBe('detected');
  });

  it('rejects binary data with a coded error naming the source', () => {
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]);
    try {
      decodeText(bytes, 'photo.html', 'html');
      expect.unreachable();
    } catch (err) {
      expect(isDossierError(err, 'input:binary')).toBe(true);
      expect((err as Error).message).toContain('photo.html');
    }
  });
});

describe('gzip', () => {
  it('detects and inflates gzip', () => {
    const packed = gzipSync(Buffer.from('hello'));
    expect(isGzip(packed)).toBe(true);
    expect(Buffer.from(gunzip(packed, 'x')).toString()).toBe('hello');
  });

  it('reports a truncated stream as undecodable', () => {
    const packed = gzipSync(Buffer.from('hello world, hello world'));
    expect(() => gunzip(packed.subarray(0, 12), 'a.txt.gz')).toThrow(/a\.txt\.gz: expected a gzip stream/);
  });
});
