/**
 * Sentence segmentation with the ICU rules built into Node (`Intl.Segmenter`), corrected for the
 * abbreviations news text is full of ("U.S.", "Gen.", "Jan."), which ICU treats as sentence ends.
 */
import type { Sentence } from '../model.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The longest stretch handed to ICU at once. Iterating V8's segmenter costs time in proportion
 * to the length of the whole string at every step, so a 1 MB paragraph of 20,000 sentences took
 * half a minute; windows keep it linear.
 */
const WINDOW = 4096;
/**
 * A boundary this close to a window's cut may depend on text past the cut (ICU looks ahead past
 * ". " for a lower-case word): such segments are taken again from the next window.
 */
const MARGIN = 512;

/**
 * ICU's sentence segments of one paragraph. Short paragraphs (nearly all) go to ICU whole; long
 * ones window by window, each window starting at a boundary already found (ICU decides the next
 * boundary from there on alone), so the segments are the ones ICU gives the whole paragraph.
 */
function segments(para: string): Iterable<{ readonly index: number; readonly segment: string }> {
  return para.length <= WINDOW ? segmenter.segment(para) : windows(para);
}

function* windows(para: string): Generator<{ readonly index: number; readonly segment: string }> {
  let from = 0;
  let size = WINDOW;
  while (from < para.length) {
    const end = Math.min(para.length, from + size);
    const whole = end === para.length;
    let taken = from;
    for (const seg of segmenter.segment(para.slice(from, end))) {
      const segEnd = from + seg.index + seg.segment.length;
      if (!whole && segEnd > end - MARGIN) break;
      yield { index: from + seg.index, segment: seg.segment };
      taken = segEnd;
    }
    // One sentence longer than the window: look further (doubling keeps the total work linear).
    if (taken === from) size *= 2;
    else {
      from = taken;
      size = WINDOW;
    }
  }
}

/** Words that end with a period without ending the sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'rev', 'st', 'jr', 'sr',
  'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'approx', 'dept', 'est', 'fig', 'mt',
]);

/** Splits text into sentences with character offsets; paragraph breaks always end a sentence. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let pending: { start: number; end: number } | null = null;
  const push = (start: number, end: number): void => {
    // Trim whitespace but keep offsets exact.
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
  };
  // Paragraphs first: ICU may run a heading into the next paragraph.
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const para of text.matchAll(paragraph)) {
    const base = para.index;
    for (const seg of segments(para[0])) {
      const start = base + seg.index;
      const end = start + seg.segment.length;
      if (pending) {
        pending.end = end;
      } else {
        pending = { start, end };
      }
      if (!endsWithAbbreviation(text, pending.start, pending.end)) {
        push(pending.start, pending.end);
        pending = null;
      }
    }
    if (pending) {
      push(pending.start, pending.end);
      pending = null;
    }
  }
  return out;
}

/**
 * Whether `text[start, end)` ends with an abbreviation and its period: the word before the final
 * period, standing after a space, bracket or quotation mark (or at the start). Read backwards from
 * the end: a regex anchored at the end would be tried from every position of the sentence.
 */
function endsWithAbbreviation(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  if (e === start || text[e - 1] !== '.') return false;
  const dot = e - 1;
  let b = dot;
  while (b > start && /[A-Za-z.]/.test(text[b - 1]!)) b--;
  if (b > start && !/[\s(“"]/.test(text[b - 1]!)) return false;
  const found = text.slice(b, dot);
  if (!/^(?:[A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+)$/.test(found)) return false;
  const word = found.toLowerCase();
  // A single capital letter and a period is an initial ("John F. Kennedy").
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word);
}
