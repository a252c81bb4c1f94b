/**
 * The extract stage: main text and metadata of one raw document. Pure: the same raw document,
 * boilerplate model and configuration always give the same article.
 */
import { eld } from 'eld/extrasmall';
import type { ExtractConfig } from '../config.js';
import type { Messages } from '../diagnostics.js';
import { DossierError } from '../errors.js';
import type { ExtractedArticle, RawDocument } from '../model.js';
import type { BoilerplateModel } from './boilerplate.js';
import { normaliseDate } from './dates.js';
import { extractHtml, normaliseLanguage } from './html.js';
import { cleanPlainText } from './plaintext.js';
import { isAsciiLetter } from '../util/scan.js';

/** What the extract stage needs besides the document. */
export interface ExtractContext {
  readonly config: ExtractConfig;
  readonly boilerplate: BoilerplateModel;
  readonly messages: Messages;
}

/**
 * Extracts one article. Throws {@link DossierError} `extract:empty` when no text is left;
 * short texts pass with an `extract:too-short` warning because briefs are real articles too.
 */
export function extractArticle(raw: RawDocument, ctx: ExtractContext): ExtractedArticle {
  const { messages } = ctx;
  const supplied = raw.supplied;
  let body = raw.body;

  let text: string;
  let title: string | null;
  let byline: string | null;
  let published: string | null = null;
  let publishedRule: string | null = null;
  let outlet: string | null;
  let language: string | null = null;
  let url: string | null = null;
  let credits: readonly string[] = [];
  let strategy: string;
  let modified: { value: string; rule: string } | null = null;
  let section: string | null = null;

  if (raw.bodyFormat === 'html') {
    if (body.length > ctx.config.maxHtmlBytes) {
      messages.warn('extract:truncated', `page of ${body.length} characters cut to ${ctx.config.maxHtmlBytes} before parsing`, raw.source);
      body = body.slice(0, ctx.config.maxHtmlBytes);
    }
    const html = extractHtml(body, messages, raw.source, {
      minTextChars: ctx.config.minTextChars,
      maxElements: ctx.config.maxElements,
      maxDepth: ctx.config.maxDepth,
      timeLimitMs: ctx.config.timeLimitMs,
    });
    ({ text, title, byline, outlet, language, url, strategy, credits } = html);
    if (html.published) ({ value: published, rule: publishedRule } = html.published);
    modified = html.modified;
    section = html.section;
  } else {
    const plain = cleanPlainText(body, {
      source: raw.source,
      group: raw.group,
      format: raw.bodyFormat,
      boilerplate: ctx.boilerplate,
      messages,
    });
    ({ text, title, byline, outlet, credits, published, publishedRule } = plain);
    strategy = 'plaintext';
  }

  // Supplied metadata (JSON records, feeds) is what the publisher declared: it wins.
  const suppliedDate = supplied.published ? normaliseDate(supplied.published) : null;
  if (supplied.published && !suppliedDate) {
    messages.warn('extract:bad-date', `supplied published date "${supplied.published}" is not a date`, raw.source);
  }
  if (suppliedDate) {
    published = suppliedDate;
    publishedRule = 'supplied';
  }

  if (!text.trim()) throw new DossierError('extract:empty', `no article text found in ${raw.source}`, { source: raw.source });
  if (text.length < ctx.config.minTextChars) {
    messages.warn('extract:too-short', `article text has ${text.length} characters, fewer than ${ctx.config.minTextChars}`, raw.source);
  }

  language = normaliseLanguage(supplied.language) ?? language ?? detectLanguage(text);

  return Object.freeze({
    rawId: raw.id,
    source: raw.source,
    title: supplied.title ?? title,
    byline: supplied.byline ?? byline,
    published,
    publishedRule,
    outlet: supplied.outlet ?? outlet,
    language,
    url: supplied.url ?? url ?? (/^https?:\/\//.test(raw.source) ? raw.source : null),
    text,
    credits: Object.freeze([...credits]),
    strategy,
    modified: modified?.value ?? null,
    modifiedRule: modified?.rule ?? null,
    section,
  });
}

/** Below this many characters a text is too short to tell its language reliably. */
const MIN_LANGUAGE_TEXT = 40;
/** Characters read to decide: a prefix decides as well as the whole text, at a fraction of the cost. */
const LANGUAGE_SAMPLE = 1_000;

/**
 * Language of a text (ISO 639-1) by n-gram statistics; null when the text is too short or the
 * detector is unsure. ELD (the extra-small n-gram set: 60 languages, each one with a press)
 * answers as franc did on the 91 pages of the extraction benchmark, tells Portuguese from
 * Spanish where franc did not, never offers rare neighbours such as Scots for short English,
 * and is about ten times faster.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, languageSampleEnd(text));
  if (!hasLetters(sample, MIN_LANGUAGE_TEXT)) return null;
  const result = eld.detect(sample);
  return result.language && result.isReliable() ? result.language : null;
}

/**
 * ASCII letters after which ELD has read all it reads. ELD lower-cases its input, turns every
 * run of non-letters into one space and then reads words only until it has taken 380 UTF-8
 * bytes (or the first space past 350): at most 381 characters of the processed text, each of
 * them a letter or a space of the input. Past this many ASCII letters it has stopped.
 */
const ELD_READS_LETTERS = 400;

/**
 * Where the sample for ELD may end: just after the {@link ELD_READS_LETTERS}th ASCII letter,
 * when that comes before {@link LANGUAGE_SAMPLE}. ELD then answers as it does on the longer
 * sample, but cleans and lower-cases a prefix of ~450 characters instead of 1,000 (the most
 * of its work on English). Cutting mid-word is safe: the word cut is past what it reads, and
 * the letters before the cut see the same neighbours (Greek final sigma, apostrophes).
 */
function languageSampleEnd(text: string): number {
  const max = Math.min(text.length, LANGUAGE_SAMPLE);
  let letters = 0;
  for (let i = 0; i < max; i++) {
    if (isAsciiLetter(text.charCodeAt(i)) && ++letters === ELD_READS_LETTERS) return i + 1;
  }
  return max;
}

/** A character that is no space, digit or punctuation (what a language can be told from). */
const LETTER_LIKE = /[^\s\d\p{P}]/gu;

/**
 * Whether `sample` holds at least `min` UTF-16 units outside spaces, digits and punctuation:
 * the length of the sample with those removed, counted only until it reaches `min` (a sample
 * of prose reaches it within its first words, so the rest of the sample is never read).
 */
export function hasLetters(sample: string, min: number): boolean {
  let units = 0;
  for (const m of sample.matchAll(LETTER_LIKE)) {
    units += m[0].length;
    if (units >= min) return true;
  }
  return units >= min;
}
