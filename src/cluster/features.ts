/**
 * What the clusterer compares: content-word frequencies, the names an article mentions and its
 * publication time. Derived purely from the annotated article.
 */
import { foldDiacritics } from '../annotate/text.js';
import { isAsciiLetter, isAsciiLetterOrDigit, scanSpans } from '../util/scan.js';
import type { AnnotatedArticle, ArticleFeatures, TimeExpression } from '../model.js';
import { minHashSignatureOfFolded } from './near-duplicates.js';

/**
 * Languages the detector confuses with a neighbour on short texts (Scots for English): they
 * count as the neighbour, so a misdetected English brief is not kept apart from its story.
 */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { sco: 'en' };

/** English function words and reporting verbs: frequent everywhere, they say nothing about the event. */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves said says say told according also would could may might must shall one two three new last ' +
    'year years week weeks day days time since still however including among amid within without upon us per via mr mrs ms ' +
    'monday tuesday wednesday thursday friday saturday sunday reported report reports'
  ).split(' '),
);

/** A plausible year (1900–2099) standing alone: not part of a longer number, a decimal or a word. */
const YEAR_MENTION = /(?<![\p{L}\p{N}.,])(19\d\d|20\d\d)(?![\p{L}\p{N}]|[.,]\d)/gu;

const DAY_MS = 86_400_000;

/** Sentences that make the lead: the title and these carry the event's who, where and what. */
export const LEAD_SENTENCES = 3;
/**
 * Extra weight of a name met in the lead or mentioned more than once, on top of its mention
 * count: a report names its protagonists up front and again, background names once (the two
 * same-kind events of an ECB+ topic differ in who is in the lead).
 */
export const LEAD_NAME_BONUS = 2;

/** Lower-cased, diacritics-folded word tokens of at least 3 characters, numbers kept. */
export function tokenize(text: string): string[] {
  return tokenizeFolded(foldDiacritics(text).toLowerCase());
}

/**
 * A word and a possessive or contraction after it ("orban's", "don't"). Sticky: {@link termSpans}
 * matches it at one position, where a word has non-ASCII letters.
 */
const TERM_AT = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/uy;

/** {@link tokenize} of a text already diacritics-folded and lower-cased. */
function tokenizeFolded(folded: string): string[] {
  const out: string[] = [];
  const spans = termSpans(folded);
  for (let k = 0; k < spans.length; k += 2) {
    let w = folded.slice(spans[k]!, spans[k + 1]!);
    // A possessive "'s" off ("Orban's" → "orban"); tested by hand, it is met at every word.
    const n = w.length;
    if (n >= 2 && w.charCodeAt(n - 1) === 0x73 && (w.charCodeAt(n - 2) === 0x27 || w.charCodeAt(n - 2) === 0x2019)) w = w.slice(0, -2);
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    w = stem(w);
    out.push(w);
  }
  return out;
}

/**
 * Where the matches of {@link TERM_AT} start and end in `s`, as pairs of offsets: words of ASCII
 * letters and digits (nearly all of English text) read character by character, any word with
 * another character matched by the regex itself, so the words are the regex's everywhere.
 * Iterating the regex over the text cost more than everything else done with its words.
 * Exported for tests.
 */
export function termSpans(s: string): number[] {
  return scanSpans(s, TERM_AT, asciiTermEnd);
}

/**
 * The end of the {@link TERM_AT} match at `start` (an ASCII letter or digit): the run of letters
 * and digits, and an apostrophe with the letters after it. -1 when a non-ASCII character may
 * belong to the match (the regex decides those).
 */
function asciiTermEnd(s: string, start: number): number {
  let i = start + 1;
  while (i < s.length && s.charCodeAt(i) < 0x80 && isAsciiLetterOrDigit(s.charCodeAt(i))) i++;
  if (i >= s.length) return i;
  const c = s.charCodeAt(i);
  if (c >= 0x80 && c !== 0x2019) return -1;
  if (c !== 0x27 && c !== 0x2019) return i;
  // An apostrophe joins only letters after it.
  let j = i + 1;
  while (j < s.length && s.charCodeAt(j) < 0x80 && isAsciiLetter(s.charCodeAt(j))) j++;
  if (j < s.length && s.charCodeAt(j) >= 0x80) return -1;
  return j > i + 1 ? j : i;
}

/**
 * A light English stemmer (plural and common verb endings): enough to match "meeting" and
 * "meetings", "ratified" and "ratify" without a dictionary.
 */
export function stem(w: string): string {
  // A leading digit, tested by its code: this runs for every word of every article.
  const first = w.charCodeAt(0);
  if ((first >= 0x30 && first <= 0x39) || w.length <= 4) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('ied')) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 6) return w.slice(0, -3);
  if (w.endsWith('ed') && w.length > 5) return w.slice(0, -2);
  if (w.endsWith('es') && /(?:ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/** Builds the clustering features of an article. */
export function articleFeatures(article: AnnotatedArticle): ArticleFeatures {
  const text = article.title ? `${article.title}\n${article.text}` : article.text;
  // The text is folded once, for its terms and its signature. Folding and lower-casing go
  // character by character, and no rule looks across a line break, so the title and the text
  // can be folded apart and joined.
  const foldedText = foldDiacritics(article.text).toLowerCase();
  const folded = article.title ? `${foldDiacritics(article.title).toLowerCase()}\n${foldedText}` : foldedText;
  // Counted in Maps: a plain object grown word by word is slow to write, and a word such as
  // "constructor" read from it found Object's own property instead of no count.
  const termCounts = new Map<string, number>();
  for (const t of tokenizeFolded(folded)) termCounts.set(t, (termCounts.get(t) ?? 0) + 1);
  const names = new Set<string>();
  const nameCounts = new Map<string, number>();
  // The lead (first sentences) says who, where and what: names met there are the event's own.
  const leadEnd = article.sentences[Math.min(LEAD_SENTENCES, article.sentences.length) - 1]?.end ?? 0;
  const inLead = new Set<string>();
  const addName = (k: string, lead: boolean): void => {
    names.add(k);
    nameCounts.set(k, (nameCounts.get(k) ?? 0) + 1);
    if (lead) inLead.add(k);
  };
  for (const e of article.entities) {
    const lead = e.start < leadEnd;
    addName(e.key, lead);
    // "Viktor Orban" is later just "Orban": the last word of a person-like name stands for it.
    const space = e.key.lastIndexOf(' ');
    if (space >= 0 && (e.kind === 'NAME' || e.kind === 'PERSON')) addName(e.key.slice(space + 1), lead);
  }
  for (const [k, n] of nameCounts) if (inLead.has(k) || n >= 2) nameCounts.set(k, n + LEAD_NAME_BONUS);
  const terms = recordOf(termCounts);
  const nameWeights = recordOf(nameCounts);
  const time = article.published ? Date.parse(article.published) : NaN;
  const signature = minHashSignatureOfFolded(foldedText);
  const eventYear = latestYear(text, Number.isNaN(time) ? null : new Date(time).getUTCFullYear());
  const language = article.language ? (LANGUAGE_ALIASES[article.language] ?? article.language) : null;
  // Only the lead's: a report about an earlier event names its time up front ("convicted in an
  // April 2007 shooting"); a time named further down is background ("in November the
  // government signed the concession"), which a new event's report gives too.
  const lead = article.title ? `${article.title}\n${article.text.slice(0, leadEnd)}` : article.text.slice(0, leadEnd);
  const recalls = Number.isNaN(time) ? [] : recalledTimes(lead, (article.times ?? []).filter((t) => t.start < leadEnd), time);
  return Object.freeze({
    articleId: article.id,
    terms: Object.freeze(terms),
    names: Object.freeze([...names].sort()),
    time: Number.isNaN(time) ? null : time,
    language,
    eventYear,
    nameWeights: Object.freeze(nameWeights),
    ...(recalls.length ? { recalls: Object.freeze(recalls) } : {}),
    ...(signature ? { signature: Object.freeze(signature) } : {}),
  });
}

/**
 * The counts as a record, keys in the order they were first met (as when counted in the
 * record itself). Assigned one by one: faster than `Object.fromEntries`, and no key can be
 * `__proto__` (words and name keys are letters, digits and spaces).
 */
function recordOf(counts: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of counts) out[k] = n;
  return out;
}

/**
 * The latest plausible year (1900–2099) the text mentions, or the publication year when that
 * is later or the text names none. Reports of an event name its year (in a date line, "on
 * May 3, 2013"); background years are earlier, so the latest is the event's. Years after the
 * publication year are plans and forecasts, not the event, and are ignored when it is known.
 */
export function latestYear(text: string, publishedYear: number | null): number | null {
  let best: number | null = publishedYear;
  for (const m of text.matchAll(YEAR_MENTION)) {
    const y = Number(m[1]);
    if (publishedYear !== null && y > publishedYear) continue;
    if (best === null || y > best) best = y;
  }
  return best;
}

/** A date or month at least this long before publication is a reference back, not the news itself. */
const RECALL_MIN_DAYS = 30;

/**
 * The earlier months and years a text names, sorted and distinct: months its resolved dates
 * fall in (`2007-04`), at least {@link RECALL_MIN_DAYS} before publication, and years it names
 * (`2010`) or its time expressions resolve to ("two years ago"), before its publication year.
 * Ranges resolved from words ("last year", "last week") are too vague to say which event is
 * meant and are left out, as are forward dates (plans, not references). The clusterer gives it
 * an article's lead.
 */
export function recalledTimes(text: string, times: readonly TimeExpression[], published: number): string[] {
  const out = new Set<string>();
  for (const t of times) {
    if (t.value === null || t.value.includes('/')) continue;
    // A year it resolves to ("two years ago" written in 2012: 2010) refers back like a year named.
    if (/^\d{4}$/.test(t.value)) {
      if (Number(t.value) < new Date(published).getUTCFullYear()) out.add(t.value);
      continue;
    }
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t.value);
    if (!m) continue;
    // A month-only value counts from its last day: "in September" written in mid-October is recent.
    const at = m[3] ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Date.UTC(Number(m[1]), Number(m[2]), 0);
    if (published - at >= RECALL_MIN_DAYS * DAY_MS) out.add(`${m[1]}-${m[2]}`);
  }
  const year = new Date(published).getUTCFullYear();
  for (const m of text.matchAll(YEAR_MENTION)) if (Number(m[1]) < year) out.add(m[1]!);
  return [...out].sort();
}
