import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config.js';
import { Messages } from '../diagnostics.js';
import { learnBoilerplate, NO_BOILERPLATE, type BoilerplateModel } from './boilerplate.js';
import {
  cleanPlainText,
  looksLikeTitle,
  outletOfSelfDescription,
  parseByline,
  parseCreditLine,
  type PlainTextResult,
} from './plaintext.js';

interface Options {
  readonly boilerplate?: BoilerplateModel;
  readonly group?: string;
  readonly format?: 'text' | 'markdown';
}

function clean(body: string, options: Options = {}): { result: PlainTextResult; messages: Messages } {
  const messages = new Messages();
  const result = cleanPlainText(body, {
    source: 'test.txt',
    group: options.group ?? 'test',
    format: options.format ?? 'text',
    boilerplate: options.boilerplate ?? NO_BOILERPLATE,
    messages,
  });
  return { result, messages };
}

function origins(messages: Messages): string[] {
  return [...new Set(messages.list().map((d) => d.origin))].sort();
}

/** A body paragraph long enough to count as article text, not head furniture. */
const BODY =
  'The regional council of Aldmoor voted on Tuesday to reopen the old salt road to heavy traffic after three years of repairs, officials said.';
const BODY2 = 'Lorries will be allowed on the road from the first of June, the council said.';

describe('cleanPlainText: whitespace and paragraphs', () => {
  it.each<[string, string, string]>([
    ['trims and collapses spaces', '  Para\u00a0one.   \n\n\n\n \tPara   two. ', 'Para one.\n\nPara two.'],
    ['windows newlines', 'Para one.\r\n\r\nPara two.', 'Para one.\n\nPara two.'],
    ['single newlines separate paragraphs', 'Line one.\nLine two.', 'Line one.\n\nLine two.'],
    ['hard-wrapped lines are rejoined', 'The council said the\nroad would reopen.', 'The council said the road would reopen.'],
    ['list items stay one per line', 'Points:\n- first point\n* second point\n1. third point', 'Points:\n\n- first point\n- second point\n1. third point'],
    ['zero-width characters go', 'Zero\u200bwidth text here.', 'Zerowidth text here.'],
  ])('%s', (_name, input, expected) => {
    expect(clean(input).result.text).toBe(expected);
  });
});

describe('cleanPlainText: Markdown', () => {
  it.each<[string, string, string]>([
    ['link becomes its text', `See [the report](https://example.org/r "Report") for details.`, 'See the report for details.'],
    ['image is removed', `Before. ![a chart](chart.png) After.`, 'Before. After.'],
    ['image-only line is removed', `First paragraph.\n\n![a chart](chart.png)\n\nSecond paragraph.`, 'First paragraph.\n\nSecond paragraph.'],
    ['emphasis markers are removed', 'A **bold** and *light* and _quiet_ and ~~struck~~ and `coded` word.', 'A bold and light and quiet and struck and coded word.'],
    ['underscores inside words stay', 'The file_name_here stays.', 'The file_name_here stays.'],
    ['heading text becomes its own paragraph', `${BODY}\n## The second part\n${BODY2}`, `${BODY}\n\nThe second part\n\n${BODY2}`],
    ['rules and fences go', `${BODY}\n\n***\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['setext underline goes', `${BODY}\n\nThe second part\n===\n\n${BODY2}`, `${BODY}\n\nThe second part\n\n${BODY2}`],
    ['blockquote markers go', '> A quoted line.', 'A quoted line.'],
  ])('%s', (_name, input, expected) => {
    expect(clean(input, { format: 'markdown' }).result.text).toBe(expected);
  });
});

describe('cleanPlainText: dates', () => {
  it.each<[string, string, Partial<PlainTextResult>]>([
    ['prefix alone on its line', ` date 2024-01-05\n\n${BODY}`, { published: '2024-01-05', publishedRule: 'text:date-prefix', text: BODY }],
    ['prefix before the first paragraph', ` date 2024-01-05 ${BODY}`, { published: '2024-01-05', publishedRule: 'text:date-prefix', text: BODY }],
    ['prefix with a time', `date 2024-01-05T08:30:00Z ${BODY}`, { published: '2024-01-05T08:30:00Z', text: BODY }],
    ['month-first date line', `February 3, 2021\n\n${BODY}`, { published: '2021-02-03', publishedRule: 'text:date-line', text: BODY }],
    ['day-first date line', `3 February 2021\n\n${BODY}`, { published: '2021-02-03', publishedRule: 'text:date-line', text: BODY }],
    ['abbreviated month', `Feb. 3, 2021\n\n${BODY}`, { published: '2021-02-03', text: BODY }],
    ['ISO date line', `2021-02-03\n\n${BODY}`, { published: '2021-02-03', text: BODY }],
    ['labelled date line', `Published: Wednesday, 3 February 2021\n\n${BODY}`, { published: '2021-02-03', text: BODY }],
    ['update date is removed but not used', `Updated: Feb. 4, 2021\n\n${BODY}`, { published: null, text: BODY }],
    ['date line with a time and an update stamp', `Wednesday, Feb 3, 2021 | Updated 9:01 AM EST\n\n${BODY}`, { published: '2021-02-03', publishedRule: 'text:date-line', text: BODY }],
    ['a labelled date line below the standfirst', `${BODY}\n\n${BODY2}\n\nPUBLISHED: WEDNESDAY, FEB 3, 2021, 2: 29 PM\n\n${BODY}`, { published: '2021-02-03', text: `${BODY}\n\n${BODY2}\n\n${BODY}` }],
    ['posted and updated on one line', `Posted: Feb 3, 2021 7:40 PM ET Last Updated: Feb 4, 2021 8:44 PM ET\n\n${BODY}`, { published: '2021-02-03', text: BODY }],
    ['prefix wins over a date line', ` date 2021-02-02\n\nFeb. 3, 2021\n\n${BODY}`, { published: '2021-02-02', text: BODY }],
    ['a partial date is not a date line', `February 3\n\n${BODY}`, { published: null }],
    ['date line after a standfirst', `${BODY}\n\nFebruary 3, 2021\n\n${BODY2}`, { published: '2021-02-03', text: `${BODY}\n\n${BODY2}` }],
    ['a date below the head is left alone', `${BODY}\n\n${BODY2}\n\nFebruary 3, 2021`, { published: null, text: `${BODY}\n\n${BODY2}\n\nFebruary 3, 2021` }],
  ])('%s', (_name, input, expected) => {
    expect(clean(input).result).toMatchObject(expected);
  });
});

describe('cleanPlainText: bylines and page furniture', () => {
  it.each<[string, string, Partial<PlainTextResult>]>([
    ['By NAME', `By Jane Roe\n\n${BODY}`, { byline: 'Jane Roe', text: BODY }],
    ['two authors', `By Jane Roe and Tom Fisk\n\n${BODY}`, { byline: 'Jane Roe and Tom Fisk', text: BODY }],
    ['job title dropped', `By Jane Roe, Staff Writer\n\n${BODY}`, { byline: 'Jane Roe', text: BODY }],
    ['Markdown link name and date', `Written by [Jane Roe](/authors/jr) on October 2, 2020\n\n${BODY}`, { byline: 'Jane Roe', published: '2020-10-02', publishedRule: 'text:byline-date', text: BODY }],
    ['name | date', `By Jane Roe | 2 Oct 2020\n\n${BODY}`, { byline: 'Jane Roe', published: '2020-10-02' }],
    ['a sentence starting with By is text', `By Monday, the river had fallen.\n\n${BODY}`, { byline: null, text: `By Monday, the river had fallen.\n\n${BODY}` }],
    [
      'repeated byline removed everywhere, split sentence rejoined',
      `By Jane Roe\n\n${BODY} The road was\n\nBy Jane Roe\n\nclosed in 2021.\n\nBy Jane Roe\n\n${BODY2}`,
      { byline: 'Jane Roe', text: `${BODY} The road was closed in 2021.\n\n${BODY2}` },
    ],
    ['repeated short lines are furniture', `${BODY}\n\nAdvertisement\n\n${BODY2}\n\nAdvertisement\n\nEnd.`, { text: `${BODY}\n\n${BODY2}\n\nEnd.` }],
    ['a running header repeating the headline gives the title once', `Salt Road Reopens\n\n${BODY} The road was\n\nSalt Road Reopens\n\nclosed in 2021.`, { title: 'Salt Road Reopens', text: `${BODY} The road was closed in 2021.` }],
    ['a repeated sentence keeps its first copy', `${BODY}\n\n"Nothing will change."\n\n${BODY2}\n\n"Nothing will change."`, { text: `${BODY}\n\n"Nothing will change."\n\n${BODY2}` }],
    [
      'many distinct repeated lines are the text\'s own structure',
      [BODY, 'Day 1', 'Walk 5 km', 'Rest', 'Day 2', 'Walk 5 km', 'Rest', 'Day 3', 'Swim 1 km', 'Rest', 'Day 4', 'Swim 1 km', 'Day 1', 'Day 2', 'Day 3', 'Day 4'].join('\n\n'),
      { text: [BODY, 'Day 1', 'Walk 5 km', 'Rest', 'Day 2', 'Walk 5 km', 'Rest', 'Day 3', 'Swim 1 km', 'Rest', 'Day 4', 'Swim 1 km', 'Day 1', 'Day 2', 'Day 3', 'Day 4'].join('\n\n') },
    ],
    ['repeated speaker labels stay', `MAYOR:\n\nWe are ready.\n\nMAYOR:\n\nWe are done.`, { text: 'MAYOR:\n\nWe are ready.\n\nMAYOR:\n\nWe are done.' }],
  ])('%s', (_name, input, expected) => {
    expect(clean(input).result).toMatchObject(expected);
  });
});

describe('cleanPlainText: drop caps', () => {
  it.each<[string, string, string]>([
    ['letter and word on separate lines', `T\n\nhe council voted on Tuesday.`, 'The council voted on Tuesday.'],
    ['letter directly above', `A\nfter the vote, officials left.`, 'After the vote, officials left.'],
    ['a list letter after a colon stays', `Choose one:\n\nA\n\napples from the north;`, 'Choose one:\n\nA\n\napples from the north;'],
    ['lettered lists stay', `A\n\nthe first road;\n\nB\n\nthe second road.`, 'A\n\nthe first road;\n\nB\n\nthe second road.'],
    ['a letter before a capitalised line stays', `A\n\nApples are sold here.`, 'A\n\nApples are sold here.'],
  ])('%s', (_name, input, expected) => {
    expect(clean(input).result.text).toBe(expected);
  });
});

describe('cleanPlainText: captions and photo credits', () => {
  it.each<[string, string, string]>([
    ['Photo: credit', `${BODY}\n\nPhoto: Jan Novak\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['Image: credit', `${BODY}\n\nImage: city archive\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['Credit: line', `${BODY}\n\nCredit: Lena Ostrova\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['(Photo …) line', `${BODY}\n\n(Photo by Lena Ostrova)\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['agency/photographer', `${BODY}\n\nReuters/Lena Ostrova\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['photographer/agency', `${BODY}\n\nLena Ostrova / AFP\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['provider images with bare caption after', `${BODY}\n\nGetty Images\nMayor Anna Holm at the opening\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['bare caption before the credit', `${BODY}\n\nMayor Anna Holm at the opening\nPhoto: Jan Novak\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['caption with positions', `${BODY}\n\nMayor Anna Holm (L) greets the new ferry captain at the quay.\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['caption ending in a credit', `${BODY}\n\nThe quay at dawn on Monday. Photo by Example Images.\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['a heading alone is kept', `${BODY}\n\nMayor Anna Holm at the opening\n\n${BODY2}`, `${BODY}\n\nMayor Anna Holm at the opening\n\n${BODY2}`],
    ['a trademark sign is not a position', `${BODY}\n\nThe Roadmaster(R) salt spreader was used.`, `${BODY}\n\nThe Roadmaster(R) salt spreader was used.`],
    ['a provider named in prose stays', `${BODY}\n\nThe picture was licensed from Getty Images.`, `${BODY}\n\nThe picture was licensed from Getty Images.`],
    ['caption ending in a provider credit', `${BODY}\n\nThe quay at dawn on Monday, Getty Images\n\n${BODY2}`, `${BODY}\n\n${BODY2}`],
    ['images mentioned in prose stay', `${BODY}\n\nHe showed the images by Lena Ostrova.`, `${BODY}\n\nHe showed the images by Lena Ostrova.`],
    ['a list item is not a caption', `Tools:\n- Photo: a camera`, `Tools:\n\n- Photo: a camera`],
  ])('%s', (_name, input, expected) => {
    expect(clean(input).result.text).toBe(expected);
  });
});

describe('cleanPlainText: credit lines', () => {
  it.each<[string, string, readonly string[], string]>([
    ['Source:', `${BODY}\n\nSource: Reuters`, ['Reuters'], BODY],
    ['Sources: list', `${BODY}\n\nSources: AP, AFP`, ['AP', 'AFP'], BODY],
    ['(Agency)', `${BODY}\n\n(Reuters)`, ['Reuters'], BODY],
    ['— Agency', `${BODY}\n\n— Xinhua`, ['Xinhua'], BODY],
    ['with inputs from', `${BODY}\n\n(With inputs from Reuters and PTI)`, ['Reuters', 'PTI'], BODY],
    ['credited once', `${BODY}\n\nSource: Reuters\n\n(Reuters)`, ['Reuters'], BODY],
    ['(Applause) is not a credit', `${BODY}\n\n(Applause)`, [], `${BODY}\n\n(Applause)`],
    ['a sentence after Source: is not a credit', `${BODY}\n\nSource: the ministry said the road was safe.`, [], `${BODY}\n\nSource: the ministry said the road was safe.`],
  ])('%s', (_name, input, credits, text) => {
    expect(clean(input).result).toMatchObject({ credits, text });
  });
});

describe('cleanPlainText: subscription boxes and publisher blurbs', () => {
  it.each<[string, string, Partial<PlainTextResult>]>([
    [
      'subscription tail with outlet',
      `${BODY}\n\nSubscribe to the Harbour Gazette\n\nGet unlimited access for $1 a week.\n\n[Subscribe](#)`,
      { text: BODY, outlet: 'The Harbour Gazette' },
    ],
    ['newsletter line', `${BODY}\n\nSign up for our newsletter\n\nThe best stories, in your inbox every morning.`, { text: BODY, outlet: null }],
    [
      'a promotion inside the article goes, the article stays',
      `${BODY}\n\nSign up for our newsletter\n\nThe best stories, in your inbox every morning.\n\n${BODY2}`,
      { text: `${BODY}\n\n${BODY2}` },
    ],
    ['a reported call to sign up stays', `${BODY}\n\nSign up to vote by Friday, the office said.\n\n${BODY2}`, { text: `${BODY}\n\nSign up to vote by Friday, the office said.\n\n${BODY2}` }],
    [
      'an article paragraph about subscribing stays',
      `${BODY}\n\nFarmers who subscribe to the council's road alerts will be told of closures a day in advance, the council said.\n\n${BODY2}`,
      { text: `${BODY}\n\nFarmers who subscribe to the council's road alerts will be told of closures a day in advance, the council said.\n\n${BODY2}` },
    ],
    ['self-description', `${BODY}\n\nThe Aldmoor Post is dedicated to publishing local news for the Aldmoor valley.`, { text: BODY, outlet: 'The Aldmoor Post' }],
    ['independent outlet', `${BODY}\n\nValley Voice is an independent newsroom owned by its readers.`, { text: BODY, outlet: 'Valley Voice' }],
    ['About heading', `${BODY}\n\nAbout the Aldmoor Post\n\nWe have covered the valley since 1921.`, { text: BODY, outlet: 'The Aldmoor Post' }],
    [
      'self-description outranks the subscription box',
      `${BODY}\n\nSubscribe to the Harbour Gazette\n\nGet unlimited access for $1 a week.\n\nHarbour Media is an independent news publisher.`,
      { text: BODY, outlet: 'Harbour Media' },
    ],
    ['a country dedicated to something is not a publisher', `${BODY}\n\nAldmoor is dedicated to protecting its salt marshes.`, { outlet: null, text: `${BODY}\n\nAldmoor is dedicated to protecting its salt marshes.` }],
  ])('%s', (_name, input, expected) => {
    expect(clean(input).result).toMatchObject(expected);
  });
});

describe('cleanPlainText: titles', () => {
  it.each<[string, string, Partial<PlainTextResult>]>([
    ['short first line', `Salt Road Reopens to Lorries\n\n${BODY}`, { title: 'Salt Road Reopens to Lorries', text: BODY }],
    ['after the byline', `By Jane Roe\n\nSalt Road Reopens to Lorries\n\n${BODY}`, { title: 'Salt Road Reopens to Lorries', byline: 'Jane Roe', text: BODY }],
    ['question headline', `Will the Salt Road Reopen?\n\n${BODY}`, { title: 'Will the Salt Road Reopen?' }],
    ['a first paragraph is not a title', `${BODY}\n\n${BODY2}`, { title: null, text: `${BODY}\n\n${BODY2}` }],
    ['a short sentence is not a title', `The road is open.\n\n${BODY}`, { title: null }],
    ['a line joined to the next is not a title', `Salt road news\nThe road is open again.\n\n${BODY}`, { title: null }],
    ['a lone line is not a title', 'Salt Road Reopens to Lorries', { title: null, text: 'Salt Road Reopens to Lorries' }],
  ])('%s', (_name, input, expected) => {
    expect(clean(input).result).toMatchObject(expected);
  });

  it.each<[string, boolean]>([
    ['Salt Road Reopens to Lorries', true],
    ['“Emergency Meeting” Called in Aldmoor', true],
    ['Aldmoor', false],
    ['The road is open.', false],
    ['- a list item', false],
    ['Here is what we know:', false],
    ['GIRLS BASKETBALL RESULTS', false],
    ['Sponsored post. All opinions are mine', false],
    ['More at www.example.org today', false],
    ['What a day it was!', false],
    ['Aldmoor Checks Out of Rehab... To Check Into Another', true],
    ['U.S. Plans New Salt Road', true],
  ])('looksLikeTitle(%j) is %s', (line, expected) => {
    expect(looksLikeTitle(line)).toBe(expected);
  });
});

describe('cleanPlainText: learned boilerplate', () => {
  const docs = ['Story one is about roads.', 'Story two is about bridges.', 'Story three is about ferries.'].map((body) => ({
    group: 'aldmoor',
    body: `Aldmoor Post | Local news since 1921\n\n${body}\n\nFollow us on Facebook`,
  }));
  const model = learnBoilerplate(docs, DEFAULT_CONFIG.boilerplate);

  it('removes learned lines with a message naming the group', () => {
    const { result, messages } = clean(`Aldmoor Post | Local news since 1921\n\n${BODY}\n\nFollow us on [Facebook](https://facebook.example)`, {
      boilerplate: model,
      group: 'aldmoor',
    });
    expect(result.text).toBe(BODY);
    const removed = messages.list().filter((d) => d.origin === 'extract:boilerplate');
    expect(removed).toHaveLength(2);
    expect(removed[0]?.message).toContain('aldmoor');
  });

  it('keeps the lines in another group', () => {
    const input = `${BODY}\n\nFollow us on Facebook`;
    expect(clean(input, { boilerplate: model, group: 'elsewhere' }).result.text).toBe(input);
  });
});

describe('cleanPlainText: diagnostics', () => {
  it('says which rule removed what, with the source', () => {
    const { messages } = clean(` date 2024-01-05 ${BODY}\n\nSource: Reuters`);
    const list = messages.list();
    expect(list.map((d) => d.origin)).toEqual(['extract:date-prefix', 'extract:credit']);
    expect(list.every((d) => d.severity === 'info' && d.source === 'test.txt')).toBe(true);
    expect(list[1]?.message).toContain('Source: Reuters');
  });

  it('warns when nothing is left', () => {
    const { result, messages } = clean('Source: Reuters');
    expect(result.text).toBe('');
    expect(messages.list().some((d) => d.severity === 'warning' && d.origin === 'extract:empty-text')).toBe(true);
  });

  it('returns frozen results', () => {
    const { result } = clean(`${BODY}\n\nSource: Reuters`);
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.credits)).toBe(true);
  });
});

describe('line parsers', () => {
  it.each<[string, ReturnType<typeof parseByline>]>([
    ['By Jane Roe', { names: 'Jane Roe', date: null }],
    ['by Jane de la Cruz', { names: 'Jane de la Cruz', date: null }],
    ['Written by Jane Roe on October 2, 2020', { names: 'Jane Roe', date: '2020-10-02' }],
    ['By Jane Roe, Tom Fisk and Ana Lutz', { names: 'Jane Roe, Tom Fisk and Ana Lutz', date: null }],
    ['By Jane Roe, Aldmoor Post', { names: 'Jane Roe', date: null }],
    ['By Reuters', null],
    ['By the time the rescuers came', null],
    ['By Monday', null],
    ['Written by Jane Roe on October 2, 2020 and read by many', null],
  ])('parseByline(%j)', (line, expected) => {
    expect(parseByline(line)).toEqual(expected);
  });

  it.each<[string, string[] | null]>([
    ['Source: Reuters', ['Reuters']],
    ['Sources: AP, AFP and Xinhua.', ['AP', 'AFP', 'Xinhua']],
    ['(AP)', ['AP']],
    ['— Xinhua', ['Xinhua']],
    ['— Ends', null],
    ['(Laughter)', null],
    ['Reporting by Jane Roe; Editing by Tom Fisk', []],
  ])('parseCreditLine(%j)', (line, expected) => {
    expect(parseCreditLine(line)).toEqual(expected);
  });

  it.each<[string, string | null]>([
    ['The Aldmoor Post is dedicated to publishing local news.', 'The Aldmoor Post'],
    ['Valley Voice is an independent newsroom.', 'Valley Voice'],
    ['Aldmoor Media is a reader-supported news platform.', 'Aldmoor Media'],
    ['Aldmoor is dedicated to protecting its marshes.', null],
    ['Aldmoor is a town in the valley.', null],
  ])('outletOfSelfDescription(%j)', (line, expected) => {
    expect(outletOfSelfDescription(line)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Golden cases: invented articles, one folder each, with the expected text and metadata.

const FIXTURES = fileURLToPath(new URL('./fixtures/plaintext/', import.meta.url));

interface ExpectedMeta extends Omit<PlainTextResult, 'text'> {
  /** The distinct diagnostic origins the case must produce, sorted. */
  readonly origins: readonly string[];
}

describe('golden cases (fixtures/plaintext)', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases)('%s', (name) => {
    const dir = `${FIXTURES}${name}/`;
    const markdown = existsSync(`${dir}input.md`);
    const input = readFileSync(`${dir}${markdown ? 'input.md' : 'input.txt'}`, 'utf8');
    const expectedText = readFileSync(`${dir}expected.txt`, 'utf8').trimEnd();
    const { origins: expectedOrigins, ...expectedMeta } = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as ExpectedMeta;
    const { result, messages } = clean(input, { format: markdown ? 'markdown' : 'text' });
    expect(result.text).toBe(expectedText);
    expect({ ...result, text: undefined }).toEqual({ ...expectedMeta, text: undefined });
    expect(origins(messages)).toEqual(expectedOrigins);
  });
});

// ---------------------------------------------------------------------------------------------
// The seed articles (see PRODUCT.md). They live outside the repository; skipped when absent.

const SEEDS = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));

describe.skipIf(!existsSync(SEEDS))('seed articles', () => {
  const seed = (prefix: string): { body: string; result: PlainTextResult } => {
    const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
    if (file === undefined) throw new Error(`seed ${prefix} not found in ${SEEDS}`);
    const body = readFileSync(`${SEEDS}${file}`, 'utf8');
    return { body, result: clean(body).result };
  };

  it('000: the date prefix becomes the publication date', () => {
    const { result } = seed('000');
    expect(result).toMatchObject({ published: '2024-02-19', publishedRule: 'text:date-prefix', title: null });
    expect(result.text).not.toContain('date 2024');
    expect(result.text).toMatch(/^In an emblematic meeting in Budapest/);
    expect(result.text).toContain('\n\nStrengthening the Bonds of Cooperation\n\n');
  });

  it('001: title, date line, drop cap, caption, credit and publisher blurb', () => {
    const { result } = seed('001');
    expect(result).toMatchObject({
      title: 'China Offers Security Support to Hungary in Unprecedented Move',
      published: '2024-02-20',
      publishedRule: 'text:date-line',
      credits: ['Reuters'],
      outlet: 'Politics Today',
      byline: null,
    });
    expect(result.text).toContain('\n\nIn an unusual diplomatic move, China has extended an offer');
    expect(result.text).not.toMatch(/^I$/m);
    expect(result.text).not.toContain('Photo by Anadolu Images');
    expect(result.text).not.toContain('Source: Reuters');
    expect(result.text).not.toContain('is dedicated to publishing');
    expect(result.text).not.toContain('February 20, 2024');
    expect(result.text).not.toContain('Unprecedented Move');
    expect(result.text).toContain('\n\nA diplomatic victory within the European Union\n\n');
    expect(result.text).toContain('\n\nHungary’s growing independence\n\n');
  });

  it('002: already clean text is unchanged', () => {
    const { body, result } = seed('002');
    expect(result).toMatchObject({ title: null, byline: null, published: null, outlet: null, credits: [] });
    expect(result.text).toBe(body.trim());
  });

  it('003: the date prefix becomes the publication date', () => {
    const { result } = seed('003');
    expect(result).toMatchObject({ published: '2024-02-19', publishedRule: 'text:date-prefix', title: null });
    expect(result.text).toMatch(/^China has offered to support/);
  });

  it('004: bylines at page breaks, caption, subscription tail', () => {
    const { result } = seed('004');
    expect(result).toMatchObject({
      title: 'NATO Officials Have “Emergency Meeting” After Putin-Orbán Meeting in China',
      byline: 'Angeline Tan',
      published: '2023-10-23',
      publishedRule: 'text:byline-date',
      outlet: 'The New American',
    });
    expect(result.text).not.toContain('Written by');
    expect(result.text).toContain('revealed that Budapest was actively attempting to save');
    expect(result.text).not.toContain('AP Images');
    expect(result.text).not.toContain('Viktor Orbán and Vladimir Putin\n');
    expect(result.text).not.toMatch(/Subscribe|What's Included|Cancel anytime/);
    expect(result.text).toMatch(/^On October 19, the U\.S\./);
    expect(result.text).toMatch(/crisis with Kyiv\. Also, Russia regards its conflict with Ukraine as part of a wider U\.S\. proxy war against Russia\.$/);
  });
});
