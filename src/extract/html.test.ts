import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../config.js';
import { Messages } from '../diagnostics.js';
import { itemsFromBytes } from '../ingest/files.js';
import { makeRawDocument } from '../ingest/raw.js';
import { extractFixture, type GoldenExpectation } from './add-fixture.js';
import { filterBlocks, type Block } from './blocks.js';
import { NO_BOILERPLATE } from './boilerplate.js';
import { nestingDepth } from './flat.js';
import { extractHtml } from './html.js';
import { extractArticle } from './index.js';
import { urlDate } from './metadata.js';
import { furnitureName } from './prune.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/html/', import.meta.url));

describe('golden pages (fixtures/html)', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  test('there are cases', () => expect(cases.length).toBeGreaterThan(5));
  test.each(cases)('%s', (name) => {
    const expected = JSON.parse(readFileSync(`${FIXTURES}${name}/expected.json`, 'utf8')) as GoldenExpectation;
    const actual = extractFixture(name, readFileSync(`${FIXTURES}${name}/source.html`));
    // Every field the case pins must match; fields it leaves out are free.
    for (const key of Object.keys(expected)) expect({ [key]: actual[key] }).toEqual({ [key]: expected[key] });
  });
});

const block = (text: string, linkChars = 0, tag = 'P'): Block => ({ text, linkChars, tag });
const PROSE = 'The council voted on Tuesday to build a second bridge over the river, ending a long debate.';

describe('filterBlocks', () => {
  test.each<[string, Block[], string[]]>([
    ['keeps prose and headings followed by prose', [block('Background', 0, 'H2'), block(PROSE)], ['Background', PROSE]],
    ['drops related-link lists', [block(PROSE), block('Bus routes to change', 20, 'LI'), block('Tannery site sold', 17, 'LI')], [PROSE]],
    ['drops a run of link teasers and their kickers', [block(PROSE), block('TIME TRAVEL'), block('Town finds old photo of itself', 30), block('SHOCK'), block('Mayor wins pie contest', 22)], [PROSE]],
    ['keeps a lone call-out link between paragraphs', [block(PROSE), block('Get it at the shop for $20', 26), block(PROSE)], [PROSE, 'Get it at the shop for $20', PROSE]],
    ['drops update stamps and date lines', [block('Updated 11:00, Wed, Feb 21, 2024'), block('February 20, 2024'), block(PROSE)], [PROSE]],
    ['keeps a short sentence that starts like a stamp', [block('Updated guidance is due next week.'), block(PROSE)], ['Updated guidance is due next week.', PROSE]],
    ['drops short bylines', [block('By Edna Fairweather'), block(PROSE)], [PROSE]],
    ['drops captions with credits', [block('The bridge at dusk (Image: Marlow Council)'), block('Workers on site. (AP Photo/Jane Roe, File)'), block(PROSE)], [PROSE]],
    ['drops calls to action', [block(PROSE), block('Sign up for our morning newsletter and get it in your inbox.'), block('Advertisement'), block('READ MORE: Bridge plans unveiled')], [PROSE]],
    ['drops the repeated headline', [block('Council approves bridge', 0, 'H1'), block(PROSE)], [PROSE]],
    ['keeps credit lines for the credit reader', [block(PROSE), block('— Xinhua')], [PROSE, '— Xinhua']],
    ['keeps CJK sentences', [block('北浜町に新しい図書館が火曜日に開館した。')], ['北浜町に新しい図書館が火曜日に開館した。']],
  ])('%s', (_, blocks, expected) => {
    expect(filterBlocks(blocks, 'Council approves bridge').map((b) => b.text)).toEqual(expected);
  });
});

describe('rules', () => {
  test.each([
    ['share-bar', true],
    ['related-stories', true],
    ['non-ad-column', false],
    ['article-body', false],
    ['canvas-wrapper', false],
    ['header', false],
    ['newsletterSignup', true],
    ['story-comments', false],
  ])('furnitureName(%s) = %s', (name, expected) => expect(furnitureName(name)).toBe(expected));

  test.each([
    ['https://x.example/news/2019/11/19/story.html', '2019-11-19'],
    ['https://x.example/2024-02-05/story', '2024-02-05'],
    ['https://x.example/story-14848382.php', null],
    ['https://x.example/2019/13/40/story', null],
  ])('urlDate(%s) = %s', (url, expected) => expect(urlDate(url)).toBe(expected));

  test.each([
    ['<div><p>a<p>b</div>', 1],
    ['<div><div><span>x</span></div></div><br><img>', 3],
    ['<div>'.repeat(50), 50],
  ])('nestingDepth(%s) = %i', (html, depth) => expect(nestingDepth(html, 1000)).toBe(depth));
});

describe('bad input: a diagnostic or a best-effort result, never a crash or a hang', () => {
  const config = resolveConfig().extract;
  const para = '<p>The council met on Tuesday to discuss the budget for the new bridge over the river.</p>';
  const extract = (html: string): { text: string; origins: string[]; ms: number } => {
    const messages = new Messages();
    const started = performance.now();
    const doc = makeRawDocument({ source: 'bad.html', body: html, bodyFormat: 'html' });
    let text = '';
    try {
      text = extractArticle(doc, { config, boilerplate: NO_BOILERPLATE, messages }).text;
    } catch (err) {
      messages.error((err as { code?: string }).code ?? 'thrown', (err as Error).message);
    }
    return { text, origins: [...new Set(messages.list().map((m) => m.origin))], ms: performance.now() - started };
  };

  test('truncated markup keeps the text it has', () => {
    const r = extract(`<html><body><article>${para.repeat(4)}<p>The mayor said the work would start in`);
    expect(r.text).toContain('The mayor said the work would start in');
  });

  test('a page with no body is an extract:empty diagnostic', () => {
    expect(extract('<html><head><title>x</title></head></html>').origins).toContain('extract:empty');
  });

  test('100,000 nested elements are read without a DOM, quickly', () => {
    const r = extract(`<html><body>${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}${para.repeat(3)}</body></html>`);
    expect(r.origins).toContain('extract:too-deep');
    expect(r.text).toContain('discuss the budget');
    expect(r.ms).toBeLessThan(5000);
  });

  test('a 50 MB page is cut to the configured size and still yields text', () => {
    const r = extract(`<html><body><article>${para.repeat(Math.ceil(50e6 / para.length))}</article></body></html>`);
    expect(r.origins).toContain('extract:truncated');
    expect(r.text.length).toBeGreaterThan(1000);
  }, 60_000);

  test('binary data named .html is an input:binary diagnostic', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const [item] = [...itemsFromBytes('photo.html', 'html', bytes)];
    expect(!item!.ok && item!.failure.code).toBe('input:binary');
  });

  test('invalid byte sequences decode with a fallback and extract', () => {
    const bytes = Buffer.concat([Buffer.from(`<html><body><article>${para.repeat(3)}`), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80]), Buffer.from('</article></body></html>')]);
    const [item] = [...itemsFromBytes('odd.html', 'html', bytes)];
    expect(item!.ok).toBe(true);
    if (item!.ok) expect(extract(item!.doc.body).text).toContain('discuss the budget');
  });

  test('an HTML fragment (a feed item) yields its text', () => {
    expect(extract(para).text).toBe('The council met on Tuesday to discuss the budget for the new bridge over the river.');
  });

  test('a page without <p> keeps its <br><br> paragraphs and records the strategy that won', () => {
    const messages = new Messages();
    const r = extractHtml(
      '<html><body><table><tr><td><a href="/">Home</a></td></tr><tr><td>The ferry strike ended on Monday.<br><br>Boats run from Wednesday, the operator said.</td></tr></table></body></html>',
      messages,
      'table.html',
    );
    expect(r.text).toBe('The ferry strike ended on Monday.\n\nBoats run from Wednesday, the operator said.');
    expect(['readability', 'densest', 'body']).toContain(r.strategy);
  });

  test('the time limit stops further attempts with a warning', () => {
    const messages = new Messages();
    extractHtml(`<html><body><div>short</div></body></html>`, messages, 'slow.html', { timeLimitMs: -1 });
    expect(messages.list().map((m) => m.origin)).toContain('extract:time-limit');
  });
});
