/**
 * Cleanup of plain text and Markdown scraped from web pages.
 *
 * Scrapers hand us the page's words without its structure: the date their crawler stamped on
 * the first line, the byline repeated at every printed page break, photo captions and
 * credits, a drop cap torn off its word, the subscription box and the publisher's blurb at
 * the end. Each rule below recognises one such kind of furniture by its general shape (never
 * by the words of a particular article), removes it from the text, keeps what it says as
 * metadata (title, byline, date, outlet, credited agencies) and records an info message with
 * origin `extract:<rule>` saying what it removed and why.
 *
 * The rules run in a fixed order over a list of lines; a removed line leaves a marker behind
 * so that a sentence split by page furniture can be rejoined when the text is assembled.
 */
import type { Messages } from '../diagnostics.js';
import type { BoilerplateModel } from './boilerplate.js';
import { findFullDate, normaliseDate, parseDateLine } from './dates.js';

/** What cleanup found in a scraped text: the article text and the metadata pulled out of it. */
export interface PlainTextResult {
  /** Article text, paragraphs separated by one blank line. */
  readonly text: string;
  readonly title: string | null;
  readonly byline: string | null;
  /** ISO date (YYYY-MM-DD) or date-time. */
  readonly published: string | null;
  /** Rule that found `published`, e.g. `text:date-prefix`, `text:date-line`, `text:byline-date`. */
  readonly publishedRule: string | null;
  /** Outlet named by the text itself (publisher self-description, subscription box). */
  readonly outlet: string | null;
  /** Credited sources from credit lines (`Source: Reuters` → `Reuters`). */
  readonly credits: readonly string[];
}

/** Context for cleanup. */
export interface PlainTextContext {
  readonly source: string;
  readonly group: string;
  /**
   * How the body is written. Both are cleaned alike: scrapers' "plain text" output routinely
   * carries Markdown links and lists, so Markdown syntax is stripped from either.
   */
  readonly format: 'text' | 'markdown';
  readonly boilerplate: BoilerplateModel;
  readonly messages: Messages;
}

/** Cleans scraped text: removes what is not article text and turns it into metadata. */
export function cleanPlainText(body: string, ctx: PlainTextContext): PlainTextResult {
  const initial: Draft = { lines: splitLines(body), found: NOTHING_FOUND };
  const { lines, found } = RULES.reduce((draft, rule) => rule(draft, ctx), initial);
  const text = assemble(lines, ctx);
  if (text === '' && body.trim() !== '') {
    ctx.messages.warn('extract:empty-text', 'every line of the text was removed as non-article text', ctx.source);
  }
  return Object.freeze({
    text,
    title: found.title,
    byline: found.byline,
    published: found.published,
    publishedRule: found.publishedRule,
    outlet: found.outlet,
    credits: Object.freeze([...found.credits]),
  });
}

// ---------------------------------------------------------------------------------------------
// Working state

/**
 * One line of the working text. `''` is a blank line (a paragraph break as written); `null`
 * marks a line a rule removed, so assembly knows that something stood between two paragraphs.
 */
type Slot = string | null;

/** Metadata found so far; the first rule to find a field wins. */
interface Found {
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: string | null;
  readonly publishedRule: string | null;
  readonly outlet: string | null;
  /** Which rule named the outlet: a self-description outranks a subscription box. */
  readonly outletRule: 'publisher' | 'subscription' | null;
  readonly credits: readonly string[];
}

interface Draft {
  readonly lines: readonly Slot[];
  readonly found: Found;
}

/** One cleanup step: a pure function of the draft, reporting what it did to `ctx.messages`. */
type Rule = (draft: Draft, ctx: PlainTextContext) => Draft;

const NOTHING_FOUND: Found = Object.freeze({
  title: null,
  byline: null,
  published: null,
  publishedRule: null,
  outlet: null,
  outletRule: null,
  credits: Object.freeze([]),
});

function splitLines(body: string): Slot[] {
  return body
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .split('\n')
    .map(normaliseSpace);
}

/** Collapses runs of whitespace (tabs, no-break spaces) into one space and trims. */
function normaliseSpace(line: string): string {
  // Most lines are already clean; testing first avoids rebuilding every string.
  return /[^\S ]| {2}|^ | $/.test(line) ? line.replace(/\s+/g, ' ').trim() : line;
}

function say(ctx: PlainTextContext, rule: string, message: string): void {
  ctx.messages.info(`extract:${rule}`, message, ctx.source);
}

/** A line quoted for a message, shortened so messages stay readable. */
function show(s: string): string {
  return JSON.stringify(s.length > 90 ? `${s.slice(0, 87)}…` : s);
}

function isText(slot: Slot | undefined): slot is string {
  return typeof slot === 'string' && slot !== '';
}

/** Indices of the lines holding text, in order. */
function textIndices(lines: readonly Slot[]): number[] {
  const out: number[] = [];
  lines.forEach((slot, i) => {
    if (isText(slot)) out.push(i);
  });
  return out;
}

function removeAt(lines: readonly Slot[], indices: Iterable<number>): Slot[] {
  const out = [...lines];
  for (const i of indices) out[i] = null;
  return out;
}

function replaceAt(lines: readonly Slot[], i: number, text: Slot): Slot[] {
  const out = [...lines];
  out[i] = text;
  return out;
}

function withPublished(found: Found, iso: string, rule: string): Found {
  return found.published === null ? { ...found, published: iso, publishedRule: rule } : found;
}

function withCredits(found: Found, names: readonly string[]): Found {
  const credits = [...found.credits];
  for (const name of names) {
    if (!credits.some((c) => c.toLowerCase() === name.toLowerCase())) credits.push(name);
  }
  return { ...found, credits };
}

// ---------------------------------------------------------------------------------------------
// Small text predicates

/**
 * Words in a normalised line (single spaces between words), counted without splitting it, and
 * only up to `atMost + 1`: callers compare the count with limits up to `atMost`, and a body
 * paragraph of a hundred words need not be read to the end to exceed them.
 */
function wordCount(s: string, atMost: number): number {
  if (s === '') return 0;
  let words = 1;
  for (let i = s.indexOf(' '); i !== -1 && words <= atMost; i = s.indexOf(' ', i + 1)) words += 1;
  return words;
}

/** Ends a sentence, possibly followed by closing quotes or brackets. */
function endsTerminal(s: string): boolean {
  return /[.!?…:;]["'”’»)\]]*$/u.test(s);
}

function startsLowercase(s: string): boolean {
  return /^\p{Ll}/u.test(s);
}

/** A list item after Markdown normalisation: `- item`, `• item`, `1. item`, `2) item`. */
function isListItem(s: string): boolean {
  return /^(?:[-•–]\s|\d{1,3}[.)]\s)/u.test(s);
}

/** Curly apostrophes and quotes as straight ones, for matching wording. */
function straightQuotes(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

/**
 * The head of the text: the first few lines, ending before the second body paragraph. Titles,
 * bylines and date lines sit here; below it the same shapes are more likely article text.
 */
function headIndices(lines: readonly Slot[]): number[] {
  const out: number[] = [];
  let prose = 0;
  for (const i of textIndices(lines)) {
    const line = lines[i] as string;
    if (isProse(line)) prose += 1;
    // One prose paragraph may stand in the head: the standfirst that pages put above a byline.
    if (out.length >= HEAD_MAX_LINES || prose > 1) break;
    out.push(i);
  }
  return out;
}

/** More head lines than this are body, whatever their length. */
const HEAD_MAX_LINES = 8;

/** A body paragraph: a long line, or a complete sentence of some length. */
function isProse(line: string): boolean {
  const words = wordCount(line, 25);
  return words > 25 || (words >= 12 && endsTerminal(line));
}

// ---------------------------------------------------------------------------------------------
// Names of people, outlets and agencies

/** Wire agencies: a credit line naming one is a source credit, not a person. */
const AGENCIES: readonly string[] = [
  'Reuters', 'AP', 'Associated Press', 'The Associated Press', 'AFP', 'Agence France-Presse', 'Xinhua',
  'TASS', 'dpa', 'DPA', 'EFE', 'ANSA', 'Kyodo', 'Yonhap', 'Anadolu', 'Anadolu Agency', 'Bloomberg', 'UPI',
  'PTI', 'IANS', 'ANI', 'Sputnik', 'RIA Novosti', 'Interfax', 'Ukrinform', 'UNN', 'MTI', 'PAP', 'CTK', 'ČTK',
  'ANP', 'Belga', 'APA', 'Lusa', 'NTB', 'CNA', 'Bernama', 'Antara', 'KCNA', 'IRNA', 'WAFA', 'MENA', 'WAM',
  'PA', 'AAP', 'CP', 'Canadian Press', 'Agencies', 'agencies', 'Wires', 'wires',
];

/** Photo agencies and libraries that appear in image credits beside the wire agencies. */
const PHOTO_PROVIDERS: readonly string[] = [
  ...AGENCIES, 'Getty', 'Getty Images', 'Shutterstock', 'Alamy', 'EPA', 'EPA-EFE', 'Sipa', 'SIPA', 'Zuma', 'ZUMA',
  'NurPhoto', 'iStock', 'Corbis', 'Pool', 'POOL', 'Unsplash', 'Imago', 'IMAGO', 'SOPA', 'Wikimedia Commons', 'Wikimedia',
];

function isAgency(s: string): boolean {
  return AGENCIES.includes(s.replace(/\.$/, ''));
}

const PROVIDER = `(?:${[...PHOTO_PROVIDERS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A capitalised word of a name: `Orbán`, `O'Neill`, `Jean-Luc`, `J.`. */
const NAME_WORD = /^[\p{Lu}][\p{L}\p{M}'’.-]*$/u;
/** Lowercase particles that occur inside personal names. */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'das', 'do', 'dos', 'van', 'von', 'der', 'den', 'del', 'della', 'di', 'du', 'la', 'le', 'bin', 'bint', 'al', 'el', 'ter', 'ten', 'y', 'st.']);
/** Capitalised words that start sentences, never names: "By Monday, …", "By The time …". */
const NOT_NAMES: ReadonlySet<string> = new Set([
  'the', 'this', 'that', 'these', 'those', 'a', 'an', 'our', 'its', 'his', 'her', 'their', 'then', 'now', 'now,',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'early', 'late',
  'mid', 'end', 'contrast', 'comparison', 'law', 'default', 'far', 'all', 'most', 'some', 'many',
]);
/** Words of a job title after a byline name: "By Jane Doe, Staff Writer". */
const ROLE_WORDS: ReadonlySet<string> = new Set([
  'staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'correspondents', 'editor', 'editors',
  'contributor', 'contributing', 'columnist', 'author', 'bureau', 'chief', 'senior', 'special', 'desk', 'team',
  'analyst', 'producer', 'journalist', 'freelance', 'guest', 'associate', 'managing', 'political', 'foreign',
]);

/** A personal name of one to five words: capitalised words with name particles between. */
function isPersonName(s: string): boolean {
  const words = s.split(' ');
  if (words.length < 1 || words.length > 5) return false;
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (NOT_NAMES.has(first.toLowerCase()) || !NAME_WORD.test(first) || !NAME_WORD.test(last)) return false;
  return words.every((w) => (NAME_WORD.test(w) && !NOT_NAMES.has(w.toLowerCase())) || NAME_PARTICLES.has(w.toLowerCase()));
}

function isRole(s: string): boolean {
  return s.split(' ').some((w) => ROLE_WORDS.has(w.toLowerCase()));
}

/** A short capitalised phrase, such as an outlet or desk after a byline ("…, Politics Today"). */
function isCapitalisedPhrase(s: string): boolean {
  const words = s.split(' ');
  return words.length <= 6 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|and|the|for|on|&)$/u.test(w));
}

/**
 * An outlet's name as written in running text: capitalised words, optionally after "The",
 * with "of", "and", "for", "on" between ("The Journal of Commerce").
 */
const OUTLET_NAME = String.raw`((?:The\s+)?[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*(?:\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*|of|and|for|on|&)){0,5})`;

/** Drops connectors a greedy outlet match may end on ("Politics Today and" → "Politics Today"). */
function trimOutlet(name: string): string {
  return name.replace(/(?:\s+(?:of|and|for|on|&))+$/u, '').trim();
}

// ---------------------------------------------------------------------------------------------
// Rule: date prefix — scrapers stamp ` date 2024-02-19` before the first paragraph.

const DATE_PREFIX =
  /^(?:date|published|posted|publication date|date published)\s*:?\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)(?=\s|$)\s*/iu;

const datePrefix: Rule = (draft, ctx) => {
  const [first] = textIndices(draft.lines);
  if (first === undefined) return draft;
  const line = draft.lines[first] as string;
  const m = DATE_PREFIX.exec(line);
  const iso = m?.[1] === undefined ? null : normaliseDate(m[1]);
  if (m === null || iso === null) return draft;
  const rest = line.slice(m[0].length);
  say(ctx, 'date-prefix', `removed date prefix ${show(m[0].trim())}: published ${iso}`);
  return {
    lines: replaceAt(draft.lines, first, rest === '' ? null : rest),
    found: withPublished(draft.found, iso, 'text:date-prefix'),
  };
};

// ---------------------------------------------------------------------------------------------
// Rule: Markdown syntax — links become their text, images go, headings become paragraphs.

/** What Markdown stripping did to one line. */
interface StrippedLine {
  /** The line's text, or `null` when the line was only markup (a rule, a fence, an image). */
  readonly text: string | null;
  readonly heading: boolean;
  readonly images: number;
}

/** Characters without which a line holds no Markdown syntax worth stripping. */
const MARKDOWN_HINT = /[[*_~`\\<]|^(?:[#>+•=]|-{3}|```)/;

function stripMarkdownLine(line: string): StrippedLine {
  if (!MARKDOWN_HINT.test(line)) return { text: line, heading: false, images: 0 };
  // Rules, setext heading underlines, code fences and link definitions are markup only.
  if (/^(?:[-*_]\s*){3,}$|^={3,}$/.test(line) || /^(?:```|~~~)/.test(line) || /^\[[^\]]+\]:\s*\S+/.test(line)) {
    return { text: null, heading: false, images: 0 };
  }
  const heading = /^#{1,6}\s+/.exec(line);
  let text = heading ? line.slice(heading[0].length).replace(/\s+#+$/, '') : line;
  text = text.replace(/^(?:>\s?)+/, '').replace(/^[*+•]\s+/, '- ');
  const images = [...text.matchAll(/!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])/g)].length;
  text = text
    .replace(/!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])/g, ' ')
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
  text = normaliseSpace(text);
  return { text: text === '' ? null : text, heading: heading !== null, images };
}

const stripMarkdown: Rule = (draft, ctx) => {
  const out: Slot[] = [];
  let images = 0;
  for (const slot of draft.lines) {
    if (!isText(slot)) {
      out.push(slot);
      continue;
    }
    const stripped = stripMarkdownLine(slot);
    images += stripped.images;
    if (stripped.heading && stripped.text !== null) {
      // A heading is its own paragraph even when the page put no blank line around it.
      if (isText(out[out.length - 1])) out.push('');
      out.push(stripped.text, '');
    } else {
      out.push(stripped.text);
    }
  }
  if (images > 0) say(ctx, 'markdown', `removed ${images} Markdown image${images === 1 ? '' : 's'}`);
  return { ...draft, lines: out };
};

// ---------------------------------------------------------------------------------------------
// Rule: drop cap — a decorated first letter scraped onto its own line ("I" / "n an unusual…").

const dropCap: Rule = (draft, ctx) => {
  const indices = textIndices(draft.lines);
  const joins = indices.flatMap((i, k) => {
    const j = indices[k + 1];
    const letter = draft.lines[i] as string;
    if (j === undefined || !/^\p{Lu}$/u.test(letter)) return [];
    const next = draft.lines[j] as string;
    if (!/^\p{Ll}+(?:[\s,;:.'’-]|$)/u.test(next) || looksLikeLetteredList(draft.lines, indices, k)) return [];
    say(ctx, 'drop-cap', `rejoined drop cap ${show(letter)} with ${show(next)}`);
    return [{ i, j, text: letter + next }];
  });
  if (joins.length === 0) return draft;
  const lines = [...draft.lines];
  // The letter's line becomes a blank, not a removal marker: nothing between the paragraphs was lost.
  for (const { i, j, text } of joins) {
    lines[i] = '';
    lines[j] = text;
  }
  return { ...draft, lines };
};

/**
 * One-letter lines are list markers, not drop caps, when the text announces a list (the line
 * before ends with a colon) or when other one-letter lines stand nearby (A, B, C…). A drop
 * cap occurs once, at the start of the article.
 */
function looksLikeLetteredList(lines: readonly Slot[], indices: readonly number[], k: number): boolean {
  const before = indices[k - 1] === undefined ? '' : (lines[indices[k - 1] as number] as string);
  if (/:$/.test(before)) return true;
  const nearby = [...indices.slice(Math.max(0, k - 4), k), ...indices.slice(k + 2, k + 5)];
  return nearby.some((i) => /^\p{Lu}[.)]?$/u.test(lines[i] as string));
}

// ---------------------------------------------------------------------------------------------
// Rule: bylines — "By NAME", "Written by NAME on DATE", in the head or repeated at page breaks.

/** What a byline line says. */
interface Byline {
  readonly names: string;
  readonly date: string | null;
}

const BYLINE = /^(?:(?:written|posted|reported|words|text|story|article|published)\s+)?by\s*:?\s+(.+)$/iu;
/** Words that join a name to the date after it: "NAME on DATE", "NAME | DATE", "NAME, updated DATE". */
const BYLINE_DATE_JOINER = /(?:\s*(?:[,|·•–—-]|\b(?:on|published|updated|posted)\b))+\s*$/iu;

/** Reads a byline line; `null` when the line is not one. */
export function parseByline(line: string): Byline | null {
  if (wordCount(line, 16) > 16) return null;
  const m = BYLINE.exec(line);
  if (m?.[1] === undefined) return null;
  let rest = m[1];
  let date: string | null = null;
  const found = findFullDate(rest);
  if (found !== null) {
    if (rest.slice(found.end).replace(/[\s.,;|)]+/g, '') !== '') return null;
    date = found.iso;
    rest = rest.slice(0, found.index).replace(BYLINE_DATE_JOINER, '');
  }
  const names = bylineNames(rest.replace(/[.,;]$/, ''));
  return names === null ? null : { names, date };
}

/**
 * The people a byline names: "Jane Doe and John Roe", "Ann Lee, Jane Doe and John Roe". What
 * follows the names after a comma is a job title or an affiliation ("…, Staff Writer",
 * "…, Politics Today") and is dropped; anything else there means the line is a sentence that
 * starts with "By".
 */
function bylineNames(rest: string): string | null {
  const segments = rest.split(/\s*[,;|]\s*/u).filter((p) => p !== '');
  const splitAnd = (segment: string): string[] => segment.split(/\s+(?:and|&)\s+/u);
  // Comma-separated segments are co-authors only in a list closed by "and": "A, B and C".
  const closing = segments.findIndex((segment) => /\s(?:and|&)\s/u.test(segment));
  const listed = closing > 0 && segments.slice(0, closing + 1).flatMap(splitAnd).every(isBylineName);
  const nameSegments = listed ? closing + 1 : 1;
  const names = segments.slice(0, nameSegments).flatMap(splitAnd);
  if (names.length === 0 || !names.every(isBylineName)) return null;
  if (!segments.slice(nameSegments).every((s) => isRole(s) || isCapitalisedPhrase(s))) return null;
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A person named in a byline; a wire agency ("By Reuters") is a credit, not a byline. */
function isBylineName(part: string): boolean {
  return !isRole(part) && !isAgency(part) && isPersonName(part);
}

const bylines: Rule = (draft, ctx) => {
  const repeated = repeatedLines(draft.lines);
  const candidates = [...headIndices(draft.lines), ...textIndices(draft.lines).filter((i) => repeated.has(draft.lines[i] as string))];
  let { lines, found } = draft;
  for (const i of candidates) {
    const line = lines[i];
    if (!isText(line)) continue;
    const byline = parseByline(line);
    if (byline === null) continue;
    const copies = textIndices(lines).filter((j) => lines[j] === line);
    const dated = byline.date === null ? '' : `, published ${byline.date}`;
    const where = copies.length > 1 ? ` (${copies.length} copies, at page breaks)` : '';
    say(ctx, 'byline', `removed byline ${show(line)}${where}: byline ${show(byline.names)}${dated}`);
    lines = removeAt(lines, copies);
    found = found.byline === null ? { ...found, byline: byline.names } : found;
    if (byline.date !== null) found = withPublished(found, byline.date, 'text:byline-date');
  }
  return { lines, found };
};

// ---------------------------------------------------------------------------------------------
// Rule: page furniture — short lines repeated verbatim inside one document.

/** Longer lines repeat for real (a refrain, a quoted slogan); furniture is short. */
const FURNITURE_MAX_WORDS = 12;

/**
 * Short lines that occur at least twice in the text. List items and lines ending in a colon
 * (speaker labels of an interview) legitimately repeat and are left out.
 */
function repeatedLines(lines: readonly Slot[]): ReadonlySet<string> {
  const counts = new Map<string, number>();
  for (const slot of lines) {
    if (!isText(slot) || slot.length < 3 || wordCount(slot, FURNITURE_MAX_WORDS) > FURNITURE_MAX_WORDS) continue;
    if (isListItem(slot) || /:$/.test(slot)) continue;
    counts.set(slot, (counts.get(slot) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([line]) => line));
}

/**
 * Furniture is a handful of lines (a running header, a footer, "Advertisement"). When more
 * distinct short lines than this repeat, the repetition is the document's own structure (a
 * schedule, a recurring table) and is kept.
 */
const FURNITURE_MAX_DISTINCT = 4;

const pageFurniture: Rule = (draft, ctx) => {
  const repeated = repeatedLines(draft.lines);
  if (repeated.size === 0 || repeated.size > FURNITURE_MAX_DISTINCT) return draft;
  const indices = textIndices(draft.lines);
  const firstCopies = new Map<string, number>();
  for (const i of [...indices].reverse()) firstCopies.set(draft.lines[i] as string, i);
  const [first] = indices;
  const keep = (i: number): boolean => {
    const line = draft.lines[i] as string;
    // A running header that repeats the headline: its first copy, on the first line, is the title.
    if (i === first && looksLikeTitle(line)) return true;
    // A repeated sentence is a pull quote: the first copy is the article's own sentence.
    return endsTerminal(line) && firstCopies.get(line) === i;
  };
  const remove = indices.filter((i) => repeated.has(draft.lines[i] as string) && !keep(i));
  for (const line of repeated) {
    const n = remove.filter((i) => draft.lines[i] === line).length;
    if (n > 0) say(ctx, 'page-furniture', `removed ${n} cop${n === 1 ? 'y' : 'ies'} of ${show(line)}: a short line repeated in the text`);
  }
  return { ...draft, lines: removeAt(draft.lines, remove) };
};

// ---------------------------------------------------------------------------------------------
// Rule: date line — a line near the top that holds only dates and their furniture
// ("February 20, 2024", "Posted: Jul 07, 2012 7:40 PM ET | Updated 8:44 PM").

/** A labelled date line ("PUBLISHED: …") is furniture among this many first lines, head or not. */
const LABELLED_DATE_LINES = 8;

const dateLine: Rule = (draft, ctx) => {
  let { lines, found } = draft;
  const head = new Set(headIndices(draft.lines));
  // Pages put the date stamp below a standfirst too: a labelled one is never the article's prose.
  for (const i of textIndices(draft.lines).slice(0, LABELLED_DATE_LINES)) {
    const line = draft.lines[i] as string;
    const date = parseDateLine(line);
    if (date === null || !(head.has(i) || date.labelled)) continue;
    // An "Updated …" date says when the page changed, not when the article appeared.
    const published = date.published;
    say(ctx, 'date-line', `removed date line ${show(line)}${published === null ? ' (an update date, not used)' : `: published ${published}`}`);
    lines = removeAt(lines, [i]);
    if (published !== null) found = withPublished(found, published, 'text:date-line');
  }
  return { lines, found };
};

// ---------------------------------------------------------------------------------------------
// Rule: photo captions and credits.

/** "Photo by …", "Photo: …", "Image: …", "(Photo …)", "Photograph courtesy of …". */
const CREDIT_PREFIX =
  /^\(?\s*(?:file\s+)?(?:photo(?:graph)?s?|images?|pictures?|pics?|illustrations?|graphics?|video|footage|cover)\s*(?:by\b|:|credits?\b|courtesy\b|via\b|©|\/|\|)/iu;
/** "Credit: …", "Photo credit: …", "Source image: …". */
const CREDIT_LABEL = /^\(?\s*(?:(?:photo|image|picture|cover|header|featured)\s+)?(?:credits?|source\s+image)\s*:/iu;
const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)/iu;
/** "AP Images", "Getty Images", "Via Getty Images", "EPA-EFE Photos". */
const PROVIDER_IMAGES = new RegExp(
  `^(?:[Vv]ia\\s+)?(?:${PROVIDER}|[A-Z]{2,6})(?:\\s*[-/]\\s*(?:${PROVIDER}|[A-Z]{2,6}))*\\s+(?:Images|Photos?|Pictures|Imagery)(?:\\s+via\\s+.+)?$`,
  'u',
);
/** "Reuters/Bernadett Szabo", "EPA-EFE/SZILARD KOSZTICSAK", "Bernadett Szabo / Reuters". */
const SLASH_CREDIT = new RegExp(
  `^(?:${PROVIDER}(?:\\s*-\\s*${PROVIDER})?\\s*/\\s*[\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*){0,3}|[\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*){0,3}\\s*/\\s*${PROVIDER}(?:\\s+(?:Images|Photos?))?)$`,
  'u',
);
/** A caption ending in its credit: "… Budapest. Photo by Example Images." */
const CREDIT_SUFFIX =
  /(?:^|[.,;|–—-]\s*|\s\()(?:Photo(?:graph)?s?|Images?|Pictures?|PHOTO|IMAGE)\s*(?:by\b|:|credits?\b:?|courtesy\b|via\b|\/)\s*[^.()]{1,60}\)?\.?$/u;
/**
 * "…, Getty Images", "… (via AP Photos)". A plain space before the credit is not enough:
 * "licensed from Getty Images." ends a sentence of the article.
 */
const PROVIDER_SUFFIX = new RegExp(`(?:[.,;|–—-]\\s*|\\(\\s*)(?:via\\s+)?${PROVIDER}\\s+(?:Images|Photos?)\\)?\\.?$`, 'u');
/** Position markers of people in a picture: (L), (R), (C), (left), (2nd L), (L-R)… */
const POSITION_MARKER =
  /\((?:l|r|c|left|right|cent(?:re|er)|front|back|top|bottom|far (?:left|right)|(?:2nd|second|3rd|third) (?:l|r|left|right|from (?:left|right))|from (?:left|right)|l-r|l to r|clockwise from (?:top )?left)\)/giu;

/** A line that is only a photo credit. */
function isPhotoCredit(line: string): boolean {
  const words = wordCount(line, 25);
  if (CREDIT_PREFIX.test(line) || CREDIT_LABEL.test(line)) return words <= 25;
  if (COPYRIGHT.test(line)) return words <= 12;
  return words <= 8 && (PROVIDER_IMAGES.test(line) || SLASH_CREDIT.test(line));
}

/**
 * A caption: a line ending in its photo credit, or naming people's positions in the picture.
 * "(R)" and "(C)" alone are also the registered-trademark and copyright signs (and "(R)" a
 * party label), so they count only beside another marker or a credit.
 */
function isCaption(line: string): boolean {
  if (wordCount(line, 60) > 60) return false;
  const credited = CREDIT_SUFFIX.test(line) || PROVIDER_SUFFIX.test(line);
  if (credited) return true;
  const markers = new Set([...line.matchAll(POSITION_MARKER)].map((m) => m[0].toLowerCase()));
  if (markers.size >= 2) return true;
  return [...markers].some((m) => m !== '(r)' && m !== '(c)');
}

/** A caption without a credit of its own, known by standing right beside one: short, no sentence end. */
function isBareCaption(line: string): boolean {
  return wordCount(line, 15) <= 15 && !endsTerminal(line) && !isListItem(line);
}

const captions: Rule = (draft, ctx) => {
  const { lines } = draft;
  const removed = new Set<number>();
  for (const i of textIndices(lines)) {
    const line = lines[i] as string;
    if (isListItem(line)) continue;
    const credit = isPhotoCredit(line);
    if (!credit && !isCaption(line)) continue;
    removed.add(i);
    say(ctx, 'caption', `removed photo ${credit ? 'credit' : 'caption'} ${show(line)}`);
    // Only a credit line alone shows that the plain line touching it is its caption.
    if (!credit) continue;
    for (const j of [i - 1, i + 1]) {
      const neighbour = lines[j];
      if (!isText(neighbour) || removed.has(j) || !isBareCaption(neighbour) || isPhotoCredit(neighbour)) continue;
      removed.add(j);
      say(ctx, 'caption', `removed photo caption ${show(neighbour)} beside the credit ${show(line)}`);
    }
  }
  return { ...draft, lines: removeAt(lines, removed) };
};

// ---------------------------------------------------------------------------------------------
// Rule: source credit lines — "Source: Reuters", "(Reuters)", "— Xinhua".

const SOURCE_LINE = /^\(?\s*sources?\s*:\s*(.+?)\s*\)?\.?$/iu;
const PAREN_LINE = /^\(\s*([^()]+?)\s*\)\.?$/u;
const DASH_LINE = /^[—–-]{1,2}\s*([^—–-].*?)\.?$/u;
const REPORTING_LINE =
  /^\(?\s*(?:with\s+(?:inputs?|reporting|additional\s+reporting)\s+from|(?:additional\s+)?reporting\s+by|compiled\s+(?:by|from))\s+(.+?)\s*\)?\.?$/iu;

function creditItems(list: string): string[] {
  return list
    .split(/\s*(?:,|;|\/|&|\band\b)\s*/u)
    .map((s) => s.replace(/\.$/, '').trim())
    .filter((s) => s !== '');
}

/**
 * The agencies or sources a credit line credits, or `null` when the line is not a credit line.
 * "Source:" may credit any short name; the bare "(…)" and "— …" forms only known agencies,
 * because "(Applause)" and "— Ends" are lines too.
 */
export function parseCreditLine(line: string): string[] | null {
  const source = SOURCE_LINE.exec(line);
  if (source?.[1] !== undefined) {
    const items = creditItems(source[1]);
    return items.length > 0 && items.every((s) => wordCount(s, 6) <= 6 && /^[\p{Lu}\p{N}]/u.test(s)) ? items : null;
  }
  const reporting = REPORTING_LINE.exec(line);
  if (reporting?.[1] !== undefined && wordCount(line, 25) <= 25) return creditItems(reporting[1]).filter(isAgency);
  const bare = PAREN_LINE.exec(line) ?? DASH_LINE.exec(line);
  if (bare?.[1] !== undefined) {
    const items = creditItems(bare[1]);
    return items.length > 0 && items.every(isAgency) ? items : null;
  }
  return null;
}

const creditLines: Rule = (draft, ctx) => {
  let { lines, found } = draft;
  for (const i of textIndices(draft.lines)) {
    const line = draft.lines[i] as string;
    const credited = parseCreditLine(line);
    if (credited === null) continue;
    const what = credited.length > 0 ? `: credits ${credited.join(', ')}` : '';
    say(ctx, 'credit', `removed credit line ${show(line)}${what}`);
    lines = removeAt(lines, [i]);
    found = withCredits(found, credited);
  }
  return { lines, found };
};

// ---------------------------------------------------------------------------------------------
// Rule: subscription, newsletter and paywall boxes.

/** The first line of a promotion: a call to subscribe, sign up, join or pay. */
const PROMO_TRIGGER = new RegExp(
  `^(?:${[
    String.raw`subscribe\b`,
    String.raw`sign[\s-]?up\b`,
    String.raw`register\s+(?:now|today|for\s+free)\b`,
    String.raw`join\s+(?:our|the|us)\b.*\b(?:newsletter|mailing list|community|members?|subscribers?)\b`,
    String.raw`become\s+an?\s+(?:member|subscriber|supporter|patron)\b`,
    String.raw`support\s+(?:our|independent|quality)\s+journalism\b`,
    String.raw`already\s+(?:a\s+)?(?:subscriber|member)\b`,
    String.raw`get\s+(?:our|the)\b.*\bnewsletter\b`,
    String.raw`what's\s+included\b`,
    String.raw`start\s+your\s+(?:free\s+)?(?:trial|subscription)\b`,
    String.raw`(?:get|enjoy)\s+unlimited\s+access\b`,
    String.raw`to\s+continue\s+reading\b`,
    String.raw`you\s+(?:have|'ve)\s+(?:reached|read)\b.*\b(?:limit|free\s+articles?)\b`,
    String.raw`this\s+(?:article|story|content)\s+is\s+(?:for|only\s+available\s+to|reserved\s+for)\s+(?:subscribers|members)\b`,
    String.raw`donate\s+(?:now|today)\b`,
  ].join('|')})`,
  'iu',
);
/** Longer lines are sentences that happen to start with "Subscribe…", not calls to action. */
const PROMO_TRIGGER_MAX_WORDS = 14;
/** The vocabulary of selling a subscription. */
const PROMO_WORDS =
  /\b(?:subscri\w*|newsletters?|sign(?:ing)?[\s-]?up|memberships?|members?|issues?|editions?|magazines?|access|exclusive|offers?|trials?|cancel\w*|money[\s-]back|guarantee\w*|ad[\s-]free|paywall|donat\w*|unlimited|digital|print|premium|discount|inbox|per\s+(?:year|month|week))\b|[$€£]\s?\d/giu;
/** A promotion talks to the reader ("you") in the publisher's voice ("we"). */
const READER_ADDRESS = /\b(?:you|your|yours|you'll|you're|you've)\b/iu;
const PUBLISHER_VOICE = /\b(?:we|our|us|we're|we've)\b/iu;
/** "Subscribe to the New American" names the outlet. */
const SUBSCRIBE_TO_OUTLET = new RegExp(`^(?:[Ss]ubscribe|SUBSCRIBE)\\s+(?:now\\s+|today\\s+)?to\\s+(the\\s+)?${OUTLET_NAME}\\s*[.!]?$`, 'u');
/** Short lines count as part of a promotion when more promotion follows. */
const PROMO_SHORT_WORDS = 8;

/** "Sign up to vote by Friday, the office said" reports a call to act; it does not make one. */
const REPORTING_VERB = /\b(?:said|says|told|tells|according\s+to|urged|announced)\b/iu;

function isPromoTrigger(line: string): boolean {
  if (wordCount(line, PROMO_TRIGGER_MAX_WORDS) > PROMO_TRIGGER_MAX_WORDS || REPORTING_VERB.test(line)) return false;
  return PROMO_TRIGGER.test(straightQuotes(line));
}

/** How strongly a line reads as promotion: `strong`, `weak` (short or a list item) or `none`. */
function promoStrength(line: string, outlet: string | null): 'strong' | 'weak' | 'none' {
  if (isPromoTrigger(line)) return 'strong';
  const text = straightQuotes(line);
  const words = new Set([...text.matchAll(PROMO_WORDS)].map((m) => m[0].toLowerCase()));
  const signals =
    words.size +
    (READER_ADDRESS.test(text) ? 1 : 0) +
    (PUBLISHER_VOICE.test(text) ? 1 : 0) +
    (outlet !== null && text.toLowerCase().includes(outlet.toLowerCase()) ? 1 : 0);
  if (signals >= 2) return 'strong';
  return isListItem(line) || wordCount(line, PROMO_SHORT_WORDS) <= PROMO_SHORT_WORDS ? 'weak' : 'none';
}

/** The outlet a subscription call names, e.g. "The New American". */
function outletOfSubscription(line: string): string | null {
  const m = SUBSCRIBE_TO_OUTLET.exec(straightQuotes(line));
  if (m?.[2] === undefined) return null;
  const name = trimOutlet(m[2]);
  return m[1] === undefined ? name : `The ${name}`;
}

/**
 * The lines of the promotion starting at `start`: the trigger, the promotional lines directly
 * above it in its block, and every following line while they read as promotion. When the run
 * stops before the end of the text, the promotion sat inside the article, and trailing short
 * lines (probably the article's next subheading) are given back.
 */
function promotionExtent(lines: readonly Slot[], start: number, outlet: string | null): number[] {
  const indices = textIndices(lines);
  const after = indices.filter((i) => i > start);
  const run: { i: number; strength: 'strong' | 'weak' }[] = [];
  let reachedEnd = true;
  for (const i of after) {
    // The publisher's blurb often follows the box; it is left for the publisher rule to read.
    if (outletOfSelfDescription(lines[i] as string) !== null) continue;
    const strength = promoStrength(lines[i] as string, outlet);
    if (strength === 'none') {
      reachedEnd = false;
      break;
    }
    run.push({ i, strength });
  }
  if (!reachedEnd) while (run.length > 0 && run[run.length - 1]?.strength === 'weak') run.pop();
  const above: number[] = [];
  for (let i = start - 1; isText(lines[i]) && promoStrength(lines[i] as string, outlet) !== 'none'; i--) above.unshift(i);
  return [...above, start, ...run.map((r) => r.i)];
}

const subscription: Rule = (draft, ctx) => {
  let { lines, found } = draft;
  for (const i of textIndices(draft.lines)) {
    const line = lines[i];
    if (!isText(line) || !isPromoTrigger(line)) continue;
    const named = outletOfSubscription(line);
    const extent = promotionExtent(lines, i, named);
    const last = extent[extent.length - 1] ?? i;
    const toEnd = !textIndices(lines).some((j) => j > last);
    say(
      ctx,
      'subscription',
      `removed subscription block of ${extent.length} line${extent.length === 1 ? '' : 's'} starting ${show(lines[extent[0] ?? i] as string)}${toEnd ? ' to the end of the text' : ''}`,
    );
    lines = removeAt(lines, extent);
    if (named !== null && found.outlet === null) {
      say(ctx, 'subscription', `outlet ${show(named)} named by the subscription box`);
      found = { ...found, outlet: named, outletRule: 'subscription' };
    }
  }
  return { lines, found };
};

// ---------------------------------------------------------------------------------------------
// Rule: the publisher describing itself at the end ("X is dedicated to publishing …").

const SELF_DESCRIPTION = new RegExp(
  `^${OUTLET_NAME}\\s+(?:is|are)\\s+(?:(dedicated|committed|devoted)\\s+to\\b|an?\\s+independent\\b|(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:news|media|publication|publisher|publishing|magazine|outlet|website|site|platform|newspaper|journal|think[\\s-]tank|newsroom|portal|broadcaster)\\b)`,
  'u',
);
/** A "dedicated to …" sentence is about publishing only when it says so. */
const PUBLISHING_WORDS =
  /\b(?:publish\w*|journalis\w*|news|report\w*|analys[ie]s|analytic\w*|coverage|media|readers|stories|content|insights?|commentary|opinions?|politics|affairs)\b/iu;
const ABOUT_HEADING = new RegExp(`^About\\s+(the\\s+)?${OUTLET_NAME}$`, 'u');
/** Pages end with the blurb; only these last lines are looked at. */
const PUBLISHER_TAIL_LINES = 3;

/** The outlet a line describes itself as, or `null` when the line is not a self-description. */
export function outletOfSelfDescription(line: string): string | null {
  const m = SELF_DESCRIPTION.exec(line);
  if (m?.[1] === undefined) return null;
  if (m[2] !== undefined && !PUBLISHING_WORDS.test(line.slice(m[0].length))) return null;
  return trimOutlet(m[1]);
}

/** "About the Harbour Gazette" → "The Harbour Gazette". */
function aboutName(about: RegExpExecArray | null): string {
  const name = trimOutlet(about?.[2] ?? '');
  return about?.[1] === undefined || name === '' ? name : `The ${name}`;
}

const publisher: Rule = (draft, ctx) => {
  const tail = textIndices(draft.lines).slice(-PUBLISHER_TAIL_LINES);
  for (const i of tail) {
    const line = draft.lines[i] as string;
    const about = ABOUT_HEADING.exec(line);
    const described = outletOfSelfDescription(line);
    if (about === null && described === null) continue;
    // "About the author" ends the text with a biography, not the publisher's blurb.
    const name = described ?? aboutName(about);
    const isOutlet = !/^(?:us|me|the\s+authors?|authors?|this\s+\w+)$/iu.test(name) && name !== '';
    const remove = about !== null ? tail.filter((j) => j >= i) : [i];
    say(ctx, 'publisher', `removed the publisher's self-description ${show(line)}${isOutlet ? `: outlet ${show(name)}` : ''}`);
    const found = isOutlet && draft.found.outletRule !== 'publisher' ? { ...draft.found, outlet: name, outletRule: 'publisher' as const } : draft.found;
    return { lines: removeAt(draft.lines, remove), found };
  }
  return draft;
};

// ---------------------------------------------------------------------------------------------
// Rule: learned boilerplate — lines seen across many documents of the same group.

const learnedBoilerplate: Rule = (draft, ctx) => {
  const remove = textIndices(draft.lines).filter((i) => ctx.boilerplate.isBoilerplate(ctx.group, draft.lines[i] as string));
  for (const i of remove) {
    say(ctx, 'boilerplate', `removed ${show(draft.lines[i] as string)}: learned as boilerplate of ${show(ctx.group)}`);
  }
  return remove.length === 0 ? draft : { ...draft, lines: removeAt(draft.lines, remove) };
};

// ---------------------------------------------------------------------------------------------
// Rule: title — the first line, when it is short, stands alone and is not a sentence.

/** Headlines rarely run past twenty words; a longer first line is the lead paragraph. */
const TITLE_MAX_WORDS = 20;

/** True when `line` has the shape of a headline. */
export function looksLikeTitle(line: string): boolean {
  const words = wordCount(line, TITLE_MAX_WORDS);
  if (words < 2 || words > TITLE_MAX_WORDS || isListItem(line)) return false;
  if (!/^["'“‘\p{Lu}\p{N}]/u.test(line) || /[.,;:!]["'”’]?$/u.test(line)) return false;
  // Shouted lines are section labels and datelines ("GIRLS BASKETBALL", "BAAR, SWITZERLAND").
  if (!/\p{Ll}/u.test(line)) return false;
  // Two sentences, or a web address, make a notice or a lead, not a headline.
  return !/\p{Ll}{2}[.!?]\s+\p{Lu}/u.test(line) && !/https?:|www\.|@\w/u.test(line);
}

const title: Rule = (draft, ctx) => {
  const [first, second] = textIndices(draft.lines);
  if (first === undefined || second === undefined) return draft;
  const line = draft.lines[first] as string;
  // Standing alone: nothing on the line right after it (a blank or a removed line).
  const alone = !isText(draft.lines[first + 1]);
  if (!alone || !looksLikeTitle(line)) return draft;
  say(ctx, 'title', `took the first line ${show(line)} as the title`);
  return { lines: removeAt(draft.lines, [first]), found: { ...draft.found, title: line } };
};

// ---------------------------------------------------------------------------------------------
// The pipeline, in order: metadata rules run before the rules that only delete, so a learned
// boilerplate line cannot hide a byline or a credit; the title is taken last, once everything
// above it (dates, bylines, site furniture) is gone.

const RULES: readonly Rule[] = Object.freeze([
  datePrefix,
  stripMarkdown,
  dropCap,
  bylines,
  pageFurniture,
  dateLine,
  captions,
  creditLines,
  subscription,
  publisher,
  learnedBoilerplate,
  title,
]);

// ---------------------------------------------------------------------------------------------
// Assembly

/** A paragraph being assembled. */
interface Paragraph {
  readonly lines: string[];
  readonly list: boolean;
}

/**
 * Lines → text. Each line is a paragraph, except that consecutive list items stay together
 * one per line, and a line continues the one before when that one stops mid-sentence and this
 * one starts in lowercase: within a block that is hard wrapping, and across a removed line it
 * is a sentence that page furniture split.
 */
function assemble(lines: readonly Slot[], ctx: PlainTextContext): string {
  const paragraphs: Paragraph[] = [];
  let inBlock = false;
  let cut = false;
  for (const slot of lines) {
    if (slot === null || slot === '') {
      inBlock = false;
      cut ||= slot === null;
      continue;
    }
    const last = paragraphs[paragraphs.length - 1];
    const list = isListItem(slot);
    if (last !== undefined && inBlock && last.list && list) {
      last.lines.push(slot);
    } else if (last !== undefined && (inBlock || cut) && continuesParagraph(last, slot)) {
      if (!inBlock) say(ctx, 'page-break', `rejoined ${show(slot)} with the paragraph a removed line had split`);
      last.lines.push(slot);
    } else {
      paragraphs.push({ lines: [slot], list });
    }
    inBlock = true;
    cut = false;
  }
  return paragraphs.map((p) => p.lines.join(p.list ? '\n' : ' ')).join('\n\n');
}

/** A paragraph that stops without ending its sentence, followed by a line starting in lowercase. */
function continuesParagraph(paragraph: Paragraph, line: string): boolean {
  const previous = paragraph.lines[paragraph.lines.length - 1];
  return !paragraph.list && !isListItem(line) && previous !== undefined && !endsTerminal(previous) && startsLowercase(line);
}
