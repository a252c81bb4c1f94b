/**
 * Sentence segmentation with the ICU rules built into Node (`Intl.Segmenter`), corrected for the
 * abbreviations news text is full of ("U.S.", "Gen.", "Jan."), which ICU treats as sentence ends.
 */
import type { Sentence } from '../model.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

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
    for (const seg of segmenter.segment(para[0])) {
      const start = base + seg.index;
      const end = start + seg.segment.length;
      if (pending) {
        pending.end = end;
      } else {
        pending = { start, end };
      }
      if (!endsWithAbbreviation(text.slice(pending.start, pending.end))) {
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

function endsWithAbbreviation(s: string): boolean {
  const m = /(?:^|[\s(“"])([A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+)\.\s*$/.exec(s);
  if (!m?.[1]) return false;
  const word = m[1].toLowerCase();
  // A single capital letter and a period is an initial ("John F. Kennedy").
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word);
}
