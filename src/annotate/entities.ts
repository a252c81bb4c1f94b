/**
 * Basic named-entity spotting: runs of capitalised words, with the sentence-initial function
 * words and titles that are capitalised for other reasons left out. Types come from small
 * cue lists; the annotation issue replaces this with gazetteers and canonical entities.
 */
import type { EntityKind, EntityMention, Sentence } from '../model.js';
import { foldDiacritics, nameKey } from './text.js';

/** Capitalised words that do not start or make a name on their own. */
const STOP = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'of', 'for', 'and', 'but', 'or', 'as', 'by', 'to', 'from', 'with', 'this',
  'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our',
  'there', 'here', 'when', 'while', 'after', 'before', 'during', 'since', 'until', 'if', 'although', 'though',
  'however', 'meanwhile', 'moreover', 'furthermore', 'additionally', 'also', 'subsequently', 'notably', 'despite',
  'throughout', 'amidst', 'amid', 'what', 'which', 'who', 'why', 'how', 'where', 'both', 'all', 'some', 'many',
  'such', 'other', 'another', 'each', 'every', 'most', 'more', 'no', 'not', 'one', 'two', 'three', 'first',
  'last', 'next', 'new', 'yes', 'so', 'then', 'thus', 'yet', 'still', 'even', 'just', 'only', 'now', 'today',
  'yesterday', 'tomorrow', 'reportedly', 'according', 'apart', 'for', 'in conclusion', 'as indicated', 'mr', 'mrs',
  'ms', 'dr', 'said', 'says', 'chinese', 'hungarian', 'russian', 'american', 'european', 'ukrainian', 'western',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** Words that may sit inside a multi-word name ("Bank of China", "Belt and Road Initiative"). */
const CONNECTORS = new Set(['of', 'and', 'de', 'la', 'van', 'von', 'der', 'al', 'bin', 'du', 'da', 'del', 'for', 'the']);

/** Titles and roles: kept apart from the name they precede. */
const TITLES = new Set([
  'president', 'prime', 'minister', 'chancellor', 'secretary', 'state', 'councilor', 'councillor', 'interior',
  'foreign', 'public', 'security', 'defence', 'defense', 'finance', 'chairman', 'chairwoman', 'chief', 'ambassador',
  'general', 'governor', 'mayor', 'senator', 'king', 'queen', 'pope', 'sheikh', 'spokesman', 'spokeswoman',
  'director', 'deputy', 'vice', 'head', 'leader', 'premier', 'envoy', 'commissioner', 'judge', 'justice', 'officer',
  'colonel', 'captain', 'professor', 'transport', 'economy', 'health', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lady',
]);

const ORG_CUES = /\b(Agency|Association|Bank|Commission|Committee|Company|Corporation|Council|Court|Department|Forum|Front|Group|Initiative|Institute|Ministry|Organization|Organisation|Party|Press|Service|Technologies|Technology|Union|University|Alliance|Authority|Parliament|Reuters|Xinhua|NATO|EU|UN|Inc|Ltd|Corp)\b/;
const LOC_CUES = /\b(City|Republic|Kingdom|State|States|Province|Region|Island|Islands|Sea|Ocean|River|Mountains|Valley|Street|Square)\b/;

/** Tokens: letters (with inner apostrophes, hyphens, periods for initials) or anything else. */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.-]*[\p{L}\p{N}])?\.?/gu;

/** Finds capitalised-name mentions in the text, sentence by sentence, with offsets. */
export function findEntities(text: string, sentences: readonly Sentence[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const sentence of sentences) {
    const words = [...sentence.text.matchAll(WORD)].map((m) => ({
      text: m[0].replace(/\.$/, (dot) => (/^(?:\p{Lu}\.)+$/u.test(m[0]) ? dot : '')),
      start: sentence.start + m.index,
    }));
    let i = 0;
    while (i < words.length) {
      if (!isNameWord(words[i]!.text, i === 0)) {
        i++;
        continue;
      }
      let j = i + 1;
      // Extend over capitalised words, and over connectors followed by a capitalised word.
      while (j < words.length) {
        const w = words[j]!.text;
        if (isNameWord(w, false)) j++;
        else if (CONNECTORS.has(w.toLowerCase()) && j + 1 < words.length && isNameWord(words[j + 1]!.text, false) && w === w.toLowerCase()) j += 2;
        else break;
      }
      let run = words.slice(i, j);
      // Titles in front are roles, not part of the name ("Interior Minister Sandor Pinter").
      while (run.length > 1 && TITLES.has(run[0]!.text.toLowerCase())) run = run.slice(1);
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const mentionText = text.slice(first.start, last.start + last.text.length).replace(/['’]s$/u, '');
      const single = run.length === 1;
      const key = nameKey(mentionText);
      if (key && !(single && (STOP.has(key) || TITLES.has(key)))) {
        out.push({ start: first.start, end: first.start + mentionText.length, text: mentionText, key, kind: guessKind(mentionText) });
      }
      i = j;
    }
  }
  return out;
}

function isNameWord(w: string, sentenceStart: boolean): boolean {
  const first = w.charAt(0);
  if (!/\p{Lu}/u.test(first)) return false;
  // At the start of a sentence every word is capitalised: only keep it if it is not a function word.
  if (sentenceStart && STOP.has(foldDiacritics(w).toLowerCase())) return false;
  return !STOP.has(w.toLowerCase()) || /^\p{Lu}{2,}$/u.test(w);
}

function guessKind(name: string): EntityKind {
  if (ORG_CUES.test(name) || /^\p{Lu}{2,}(?:\/\p{Lu}+)?$/u.test(name)) return 'ORGANIZATION';
  if (LOC_CUES.test(name)) return 'LOCATION';
  return 'NAME';
}
