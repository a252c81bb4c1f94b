import { describe, expect, test } from 'vitest';
import { feedItems, sniffFeed } from './feeds.js';
import { itemsFromBytes } from './files.js';

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Gazette</title>
<item><title>Ferry strike ends &amp; service resumes</title><link>https://gazette.example/ferry</link>
<pubDate>Tue, 20 Feb 2024 09:30:00 +0000</pubDate><dc:creator>Mara Quill</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The ferry strike in Portvale ended on Monday.</p><p>Service resumes today.</p>]]></content:encoded></item>
<item><title>Second item</title><link>https://gazette.example/two</link><description>&lt;p&gt;Only a summary here.&lt;/p&gt;</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title>
<entry><title>Dam inspection passes</title><link rel="alternate" href="https://post.example/dam"/><published>2024-03-01T08:00:00Z</published>
<author><name>Ilse Brandt</name></author><content type="html">&lt;p&gt;Inspectors passed the Northfield dam.&lt;/p&gt;</content></entry></feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Coast Wire',
  items: [{ id: '1', url: 'https://wire.example/a', title: 'Lighthouse relit', content_text: 'The old lighthouse at Cape Amber was relit.', date_published: '2024-04-02T10:00:00Z', authors: [{ name: 'Ravi Ode' }] }],
});

describe('feedItems', () => {
  test.each([
    ['rss', RSS, 2, { title: 'Ferry strike ends & service resumes', url: 'https://gazette.example/ferry', byline: 'Mara Quill', outlet: 'Harbour Gazette', published: 'Tue, 20 Feb 2024 09:30:00 +0000' }],
    ['atom', ATOM, 1, { title: 'Dam inspection passes', url: 'https://post.example/dam', byline: 'Ilse Brandt', outlet: 'Valley Post', published: '2024-03-01T08:00:00Z' }],
    ['json feed', JSON_FEED, 1, { title: 'Lighthouse relit', url: 'https://wire.example/a', byline: 'Ravi Ode', outlet: 'Coast Wire', published: '2024-04-02T10:00:00Z' }],
  ])('%s: each item is an article with supplied metadata', (_, text, count, supplied) => {
    const items = [...feedItems('feed', text)];
    expect(items).toHaveLength(count);
    const first = items[0]!;
    expect(first.ok).toBe(true);
    if (first.ok) {
      expect(first.doc.supplied).toEqual(supplied);
      expect(first.doc.source).toBe('feed#1');
    }
  });

  test('full content wins over the summary, and escaped HTML is decoded once', () => {
    const [full, summary] = [...feedItems('f.rss', RSS)];
    expect(full!.ok && full!.doc.body).toContain('<p>The ferry strike in Portvale ended on Monday.</p>');
    expect(full!.ok && full!.doc.bodyFormat).toBe('html');
    expect(summary!.ok && summary!.doc.body).toBe('<p>Only a summary here.</p>');
  });

  test.each([
    ['empty rss', '<rss><channel><title>Nothing</title></channel></rss>', 'extract:empty'],
    ['empty atom', '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', 'extract:empty'],
    ['empty json feed', JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'x', items: [] }), 'extract:empty'],
    ['not a feed', '<html><body>hi</body></html>', 'input:invalid-record'],
    ['broken json feed', '{"version": "https://jsonfeed.org/version/1", "items": [', 'input:invalid-record'],
  ])('%s yields a diagnostic, not a crash', (_, text, code) => {
    const items = [...feedItems('bad', text)];
    expect(items).toHaveLength(1);
    expect(!items[0]!.ok && items[0]!.failure.code).toBe(code);
  });

  test('an XML entity bomb parses quickly and is not expanded', () => {
    const ents = ['<!ENTITY a0 "ha">'];
    for (let i = 1; i < 12; i++) ents.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${ents.join('')}]><rss><channel><title>T</title><item><title>&a11;</title><description>Text &a11; here.</description></item></channel></rss>`;
    const started = performance.now();
    const items = [...feedItems('bomb.rss', xml)];
    expect(performance.now() - started).toBeLessThan(2000);
    expect(items).toHaveLength(1);
    expect(items[0]!.ok && items[0]!.doc.body.length).toBeLessThan(100);
  });

  test.each([
    [RSS, 'xml'],
    [ATOM, 'xml'],
    [JSON_FEED, 'json'],
    ['{"text": "a record"}', null],
  ])('sniffFeed(%#)', (text, kind) => expect(sniffFeed(text)).toBe(kind));

  test('files: .rss, .atom, .xml and JSON Feed .json go through the feed reader', () => {
    const enc = new TextEncoder();
    expect([...itemsFromBytes('a.rss', 'feed', enc.encode(RSS))]).toHaveLength(2);
    expect([...itemsFromBytes('a.json', 'json', enc.encode(JSON_FEED))].every((i) => i.ok)).toBe(true);
  });
});
