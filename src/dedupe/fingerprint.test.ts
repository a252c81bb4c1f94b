import { describe, expect, it } from 'vitest';
import { articleIdFor, contentHash, normaliseForHash } from './fingerprint.js';

describe('contentHash', () => {
  it.each([
    ['whitespace', 'China offers  support.\n\nHungary agrees.', 'China offers support. Hungary agrees.'],
    ['case', 'China Offers Support', 'china offers support'],
    ['typographic quotes', '“new highlight” of relations', '"new highlight" of relations'],
    ['apostrophes and dashes', 'Orbán’s visit — today', "Orbán's visit - today"],
  ])('treats texts differing only in %s as one text', (_what, a, b) => {
    expect(contentHash(a)).toBe(contentHash(b));
  });

  it('tells different texts apart', () => {
    expect(contentHash('Wang visited Budapest.')).not.toBe(contentHash('Wang visited Beijing.'));
  });

  it.each([
    ['one two', 'one two'],
    [' a  b\t\tc \n\n d\u00a0 e\u2028f   ', 'a b c d e f'],
    ['tab\tthen\nline  end ', 'tab then line end'],
    [' ', ''],
  ])('collapses every whitespace run of %j to one space', (input, expected) => {
    expect(normaliseForHash(input)).toBe(expected);
  });

  it('normalises compatibility characters', () => {
    expect(normaliseForHash('ﬁnal')).toBe('final');
  });

  it('derives a 16-digit article id', () => {
    expect(articleIdFor(contentHash('x'))).toMatch(/^[0-9a-f]{16}$/);
  });
});
