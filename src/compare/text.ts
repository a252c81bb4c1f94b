/**
 * Word-level normalisation for comparing articles: folded tokens, a light stemmer and a small
 * table of news-verb synonyms, so "injured"/"hurt" or "began"/"started" meet when claims are aligned.
 */
import { foldDiacritics } from '../annotate/text.js';

/** A token of an article text with its offsets and shape. */
export interface Token {
  /** Folded, lower-cased form. */
  readonly norm: string;
  /** Stem (after synonyms): the form used to compare content. */
  readonly stem: string;
  readonly start: number;
  readonly end: number;
  /** Written with a capital (a name, or a sentence start). */
  readonly capital: boolean;
  readonly stop: boolean;
  readonly number: boolean;
  /** Inside quotation marks: quotes are shared by independent reports, so they are no evidence of reuse. */
  readonly quoted: boolean;
}

/** Function words and reporting verbs: they say nothing about what happened. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor of to in on at by for from with without into onto over under about as than then so ' +
    'between among against across through within toward towards amid amidst per via upon ' +
    'is are was were be been being am has have had having do does did done will would shall should can could may might must ' +
    'it its it\'s this that these those there here he she they we i you him her them us his hers their our your my me ' +
    'who whom whose which what when where why how while whilst if because although though after before during since until ' +
    'also not no nor only just very too more most much many some any each every all both either neither other another such ' +
    'said says say saying told tell tells according reported reports reportedly added noted stated ' +
    'mr mrs ms dr s t up out off again further once now even still yet already own same'
  ).split(' '),
);

/** Words that say the same thing in news reports; mapped onto one representative before stemming. */
const SYNONYM_TABLE: Readonly<Record<string, string>> = {
  hurt: 'injure', injured: 'injure', injuring: 'injure', injuries: 'injure', wounded: 'injure', wounding: 'injure',
  began: 'begin', begun: 'begin', begins: 'begin', beginning: 'begin', start: 'begin', started: 'begin', starts: 'begin', starting: 'begin',
  walkout: 'strike', stoppage: 'strike', strikes: 'strike',
  killed: 'kill', dead: 'kill', died: 'kill', deaths: 'kill', death: 'kill',
  rammed: 'hit', struck: 'hit', collided: 'hit', crashed: 'hit', hits: 'hit',
  halted: 'suspend', halt: 'suspend', halts: 'suspend', paused: 'suspend', stopped: 'suspend',
  funding: 'fund', financing: 'fund', funds: 'fund', funded: 'fund', financed: 'fund',
  households: 'home', homes: 'home', house: 'home',
  facility: 'plant', farm: 'plant', station: 'plant',
  opened: 'open', inaugurated: 'open', inaugurate: 'open', opens: 'open',
  arrested: 'detain', detained: 'detain', custody: 'detain',
  talks: 'meet', meeting: 'meet', met: 'meet', meets: 'meet', meetings: 'meet',
  visit: 'visit', visited: 'visit', visiting: 'visit', trip: 'visit',
  agreement: 'agree', agreements: 'agree', accord: 'agree', accords: 'agree', deal: 'agree', pact: 'agree',
  signed: 'sign', signing: 'sign', signs: 'sign',
  supplying: 'supply', supplies: 'supply', power: 'supply', powering: 'supply',
};
/** The table as a map: an object lookup would answer "constructor" or "toString" with Object's own members. */
const SYNONYMS: ReadonlyMap<string, string> = new Map(Object.entries(SYNONYM_TABLE));
const SUFFIXES = ['ing', 'ed', 'es', 's', 'ly'] as const;

/** A light suffix stemmer: enough to meet "suspended"/"suspending"/"suspends". */
export function stem(word: string): string {
  const syn = SYNONYMS.get(word);
  if (syn) return syn;
  let w = word;
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** What a token is, as a pattern: letters and digits, then decimal or thousands groups ("1,200.5"). */
export const WORD = /[\p{L}\p{N}]+(?:[.,][0-9]+)*/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const ASCII = /^[\x00-\x7f]*$/;
const UPPER = /^\p{Lu}/u;

/**
 * Tokens of a text with offsets; quoted spans are marked. Tokens are the matches of `WORD`,
 * found by a hand-written scanner: this is the comparison's hottest loop, and most characters
 * are ASCII, classified without a regular expression.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const quoted = quotedRanges(text);
  let q = 0;
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const len = wordCharLength(text, i);
    if (len === 0) {
      i++;
      continue;
    }
    const start = i;
    i = tokenEnd(text, i, len);
    const raw = text.slice(start, i);
    // Tokens come in text order: advance past quoted ranges that ended before this token.
    while (q < quoted.length && quoted[q]![1] <= start) q++;
    // Most tokens are plain ASCII: folding (Unicode normalisation) only where it can change something.
    const norm = (ASCII.test(raw) ? raw : foldDiacritics(raw)).toLowerCase();
    const number = isDigit(norm.charCodeAt(0));
    // ASCII capitals without the Unicode property test (most tokens); the test for the rest.
    const c0 = raw.charCodeAt(0);
    const capital = c0 < 128 ? c0 >= 65 && c0 <= 90 : UPPER.test(raw);
    out.push({
      norm,
      stem: number ? norm.replace(/,/g, '') : stem(norm),
      start: offset + start,
      end: offset + i,
      capital,
      stop: STOPWORDS.has(norm),
      number,
      quoted: q < quoted.length && start >= quoted[q]![0] && start < quoted[q]![1],
    });
  }
  return out;
}

/**
 * The tokens of `text` from those of its sentences (each tokenised on its own, at its offset in
 * `text`): equal to `tokenize(text)`, without folding and stemming every word again, since a
 * story's recurring sentences are analysed once for all their copies. Each sentence must be the
 * text at its offset, and the token boundaries where the text around it could change its scan
 * (its first token, its last ones, the words between sentences) are checked against the scanner;
 * quotes are marked again over the whole text (a quotation often runs over several sentences).
 * Where the sentences do not give exactly the text's tokens (a sentence that is not the text at
 * its offset, words between sentences, a boundary inside a number), the text is tokenised whole.
 */
export function joinTokens(text: string, sentences: readonly { readonly text: string; readonly start: number; readonly tokens: readonly Token[] }[]): Token[] {
  const { tokens, starts } = joinSentenceTokens(text, sentences);
  return tokens.map((t, k) => (t.start === starts[k] ? t : movedToken(t, starts[k]! - t.start, t.quoted)));
}

/**
 * {@link joinTokens} for sentences whose tokens may be positioned as in another copy of the
 * sentence (`tokensAt`, the offset their positions count from; default `start`): the tokens are
 * those of the sentences, not moved (a story of copies would otherwise copy every token of every
 * copy), each with its quotation mark set, and `starts` says where each token starts in `text`.
 */
export function joinSentenceTokens(
  text: string,
  sentences: readonly { readonly text: string; readonly start: number; readonly tokens: readonly Token[]; readonly tokensAt?: number }[],
): { readonly tokens: Token[]; readonly starts: Int32Array } {
  const quoted = quotedRanges(text);
  let q = 0;
  const out: Token[] = [];
  let count = 0;
  for (const s of sentences) count += s.tokens.length;
  const starts = new Int32Array(count);
  const n = text.length;
  let i = 0;
  for (const s of sentences) {
    // A slice compared whole: much cheaper than startsWith with a position in V8.
    if (text.slice(s.start, s.start + s.text.length) !== s.text) return whole(text);
    const shift = s.start - (s.tokensAt ?? s.start);
    const last = s.tokens.length - 1;
    const sentenceEnd = s.start + s.text.length;
    for (let k = 0; k <= last; k++) {
      const t = s.tokens[k]!;
      const start = t.start + shift;
      if (k > 0 && t.end + shift + 2 <= sentenceEnd) {
        // Inside the sentence the text is the sentence's, so its own scan holds: the scanner reads
        // at most two characters past a token, here still the sentence's. Only the first token and
        // those at its end (where the text around may join a word or a number) are checked.
        i = t.end + shift;
      } else {
        // The scanner's next token must be this one.
        let len = wordCharLength(text, i);
        while (len === 0 && i < n) len = wordCharLength(text, ++i);
        if (len === 0 || start !== i) return whole(text);
        i = tokenEnd(text, i, len);
        if (t.end + shift !== i) return whole(text);
      }
      while (q < quoted.length && quoted[q]![1] <= start) q++;
      const inQuote = q < quoted.length && start >= quoted[q]![0] && start < quoted[q]![1];
      starts[out.length] = start;
      out.push(inQuote === t.quoted ? t : movedToken(t, 0, inQuote));
    }
  }
  for (; i < n; i++) if (wordCharLength(text, i) > 0) return whole(text);
  return { tokens: out, starts };
}

/** The text tokenised whole, with its tokens' starts. */
function whole(text: string): { readonly tokens: Token[]; readonly starts: Int32Array } {
  const tokens = tokenize(text);
  return { tokens, starts: Int32Array.from(tokens, (t) => t.start) };
}

/**
 * A token moved by `shift` code units, with its quotation mark set: written out field by field,
 * so every token has one shape (and it is cheaper than a spread).
 */
export function movedToken(t: Token, shift: number, quoted: boolean): Token {
  return { norm: t.norm, stem: t.stem, start: t.start + shift, end: t.end + shift, capital: t.capital, stop: t.stop, number: t.number, quoted };
}

/** End of the token that starts at `start` with a letter or digit `len` code units long. */
function tokenEnd(text: string, start: number, len: number): number {
  const n = text.length;
  let i = start + len;
  for (let l = wordCharLength(text, i); l > 0; l = wordCharLength(text, i)) i += l;
  // Decimal and thousands groups: a point or comma followed by ASCII digits.
  while (i + 1 < n && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44) && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length in code units of the letter or digit at `i` (a surrogate pair is two), or 0 when it is neither. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const len = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  return WORD_CHAR.test(text.slice(i, i + len)) ? len : 0;
}

/**
 * Ranges between matching quotation marks (straight quotes pair up in order). Compares character
 * codes: this runs over every character of every article.
 */
function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (open < 0) {
      if (c === 34 || c === 0x201c || c === 0xab || c === 0x201e) open = i; // " “ « „
    } else if (c === 34 || c === 0x201d || c === 0xbb) { // " ” »
      out.push([open, i]);
      open = -1;
    } else if (c === 10) open = -1; // an unclosed quote ends with its paragraph
  }
  return out;
}

/** Content stems of tokens: no function words. */
export function contentStems(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => !t.stop && t.norm.length > 1).map((t) => t.stem);
}

/** Dice coefficient of two sets. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}
