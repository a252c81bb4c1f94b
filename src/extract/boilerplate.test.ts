import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config.js';
import { isDossierError } from '../errors.js';
import { distinctLines, learnBoilerplate, NO_BOILERPLATE, normaliseBoilerplateLine } from './boilerplate.js';

const CONFIG = DEFAULT_CONFIG.boilerplate;

/** Documents of one group: each has its own story line plus the given shared lines. */
function group(name: string, count: number, shared: readonly string[]): { group: string; body: string }[] {
  return Array.from({ length: count }, (_, i) => ({ group: name, body: [...shared, `Story number ${'x'.repeat(i + 1)} of ${name}.`].join('\n') }));
}

describe('normaliseBoilerplateLine', () => {
  it.each<[string, string]>([
    ['  Follow   us on\tFacebook ', 'follow us on facebook'],
    ['© 2023 Aldmoor Post', '© 0000 aldmoor post'],
    ['[Subscribe](https://example.org/subscribe)', 'subscribe'],
    ['**Read more**', 'read more'],
    ['- Home', 'home'],
    ['## Related stories', 'related stories'],
    ['![logo](logo.png) Aldmoor Post', 'aldmoor post'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseBoilerplateLine(input)).toBe(expected);
  });
});

describe('distinctLines', () => {
  it('counts a line once and ignores very short lines', () => {
    expect([...distinctLines('Menu\nMenu\n|\n»\n\nShare this')].sort()).toEqual(['menu', 'share this']);
  });
});

describe('learnBoilerplate', () => {
  it('learns lines shared by enough documents of a group', () => {
    const model = learnBoilerplate(group('aldmoor', 4, ['Aldmoor Post | Local news', 'Follow us on Facebook']), CONFIG);
    expect(model.isBoilerplate('aldmoor', 'Aldmoor Post | Local news')).toBe(true);
    expect(model.isBoilerplate('aldmoor', '  follow us on [Facebook](https://fb.example) ')).toBe(true);
    expect(model.isBoilerplate('aldmoor', 'Story number x of aldmoor.')).toBe(false);
    expect(model.lines('aldmoor')).toEqual(['aldmoor post | local news', 'follow us on facebook']);
    expect(model.groups()).toEqual(['aldmoor']);
  });

  it('keeps groups apart', () => {
    const model = learnBoilerplate([...group('aldmoor', 3, ['Follow us on Facebook']), ...group('brenn', 3, [])], CONFIG);
    expect(model.isBoilerplate('aldmoor', 'Follow us on Facebook')).toBe(true);
    expect(model.isBoilerplate('brenn', 'Follow us on Facebook')).toBe(false);
  });

  it.each<[string, number, number, boolean]>([
    // [case, documents with the line, documents without it, learned?]
    ['below minDocuments', 2, 0, false],
    ['at minDocuments and full share', 3, 0, true],
    ['at minShare', 3, 3, true],
    ['below minShare', 3, 4, false],
  ])('%s', (_name, withLine, without, learned) => {
    const docs = [...group('g', withLine, ['Share this story']), ...group('h', without, []).map((d, i) => ({ group: 'g', body: `${d.body} ${i}` }))];
    expect(learnBoilerplate(docs, CONFIG).isBoilerplate('g', 'Share this story')).toBe(learned);
  });

  it('counts a line once per document', () => {
    const docs = [{ group: 'g', body: 'Advertisement\nAdvertisement\nAdvertisement\nOne story.' }, { group: 'g', body: 'Another story.' }];
    expect(learnBoilerplate(docs, CONFIG).isBoilerplate('g', 'Advertisement')).toBe(false);
  });

  it('counts identical documents once', () => {
    const copy = { group: 'g', body: 'The same article, copied.\nAgain the same.' };
    expect(learnBoilerplate([copy, copy, copy], CONFIG).isBoilerplate('g', 'The same article, copied.')).toBe(false);
  });

  it('treats lines differing only in digits as one', () => {
    const docs = [2021, 2022, 2023].map((year, i) => ({ group: 'g', body: `© ${year} Aldmoor Post\nStory ${'y'.repeat(i)}` }));
    expect(learnBoilerplate(docs, CONFIG).isBoilerplate('g', '© 2024 Aldmoor Post')).toBe(true);
  });

  it.each([
    [{ minDocuments: 0, minShare: 0.5 }],
    [{ minDocuments: 2.5, minShare: 0.5 }],
    [{ minDocuments: 3, minShare: 0 }],
    [{ minDocuments: 3, minShare: 1.5 }],
  ])('rejects %j', (config) => {
    let error: unknown;
    try {
      learnBoilerplate([], config);
    } catch (e) {
      error = e;
    }
    expect(isDossierError(error, 'config:invalid')).toBe(true);
    expect((error as Error).message).toMatch(/expected .*, found/);
  });

  it('NO_BOILERPLATE knows nothing', () => {
    expect(NO_BOILERPLATE.isBoilerplate('g', 'Advertisement')).toBe(false);
  });
});
