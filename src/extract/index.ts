/**
 * The extract stage: main text and metadata of one raw document. Pure: the same raw document,
 * boilerplate model and configuration always give the same article.
 */
import { franc } from 'franc';
import type { ExtractConfig } from '../config.js';
import type { Messages } from '../diagnostics.js';
import { DossierError } from '../errors.js';
import type { ExtractedArticle, RawDocument } from '../model.js';
import type { BoilerplateModel } from './boilerplate.js';
import { normaliseDate } from './dates.js';
import { extractHtml, normaliseLanguage } from './html.js';
import { cleanPlainText } from './plaintext.js';

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

/** ISO 639-3 codes franc returns → the ISO 639-1 codes people and HTML use. */
const ISO1: Readonly<Record<string, string>> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  hun: 'hu', ces: 'cs', slk: 'sk', ron: 'ro', bul: 'bg', hrv: 'hr', srp: 'sr', swe: 'sv', dan: 'da', nob: 'no',
  fin: 'fi', tur: 'tr', ell: 'el', arb: 'ar', heb: 'he', cmn: 'zh', jpn: 'ja', kor: 'ko', hin: 'hi', ind: 'id',
  vie: 'vi', tha: 'th', pes: 'fa',
};

/**
 * The languages detection chooses among: those with a news press Dossier is likely to read.
 * Without the list, franc's 400 languages let short English come out as Scots (`sco`).
 */
const CANDIDATES = Object.keys(ISO1);

/**
 * Language of a text by trigram statistics; null when the text is too short to tell. A 2,000
 * character prefix decides as well as the whole text, at a fraction of the cost.
 */
export function detectLanguage(text: string): string | null {
  const code = franc(text.slice(0, 2000), { minLength: 40, only: CANDIDATES });
  return code === 'und' ? null : ISO1[code] ?? code;
}
