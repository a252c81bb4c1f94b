/**
 * News agencies and wires, and the phrases that credit them. A version of a story that "rests
 * on" an agency is not an independent origin; this is the basic detector the provenance issue
 * builds on.
 */
import type { Attribution } from '../model.js';

/** Known agencies: canonical name → spellings met in text (matched case-sensitively). */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  Reuters: ['Reuters', 'Thomson Reuters'],
  'Associated Press': ['Associated Press', 'AP'],
  AFP: ['AFP', 'Agence France-Presse', 'Agence France Presse'],
  Xinhua: ['Xinhua', 'Xinhua News Agency'],
  TASS: ['TASS', 'ITAR-TASS'],
  'RIA Novosti': ['RIA Novosti', 'RIA'],
  Interfax: ['Interfax'],
  UNN: ['UNN', 'Ukrainian National News'],
  Ukrinform: ['Ukrinform'],
  dpa: ['dpa', 'DPA', 'Deutsche Presse-Agentur'],
  ANSA: ['ANSA'],
  EFE: ['EFE'],
  'Kyodo News': ['Kyodo', 'Kyodo News'],
  Yonhap: ['Yonhap'],
  'Press Trust of India': ['PTI', 'Press Trust of India'],
  Bloomberg: ['Bloomberg'],
  'Anadolu Agency': ['Anadolu Agency', 'Anadolu'],
  'RFE/RL': ['RFE/RL', 'Radio Free Europe/Radio Liberty', 'Radio Free Europe'],
  MTI: ['MTI'],
};

const LOOKUP: ReadonlyMap<string, string> = new Map(
  Object.entries(KNOWN).flatMap(([canonical, spellings]) => spellings.map((s) => [s, canonical] as const)),
);

/** A multi-word name shaped like an agency even when unknown ("Meridian Press Agency"). */
const AGENCY_SHAPE = /^(?:[\p{Lu}][\p{L}.&'-]*\s+){1,4}(?:News Agency|Press Agency|Agency|Press|News Service|Wire|Newswire)$/u;
/** A bare acronym ("MPA"): only taken as an agency where the cue itself says "source". */
const ACRONYM = /^\p{Lu}{2,6}(?:\/\p{Lu}{2,6})?$/u;
/** Acronyms of bodies that "report" things without being news agencies. */
const NOT_AGENCIES = new Set(['NATO', 'EU', 'UN', 'US', 'UK', 'USA', 'WHO', 'IMF', 'OSCE', 'OPEC', 'FBI', 'CIA', 'ICC', 'ECB']);

const NAME = String.raw`((?:the\s+)?(?:official\s+|state\s+|state-run\s+|Chinese\s+|Russian\s+)*[\p{Lu}][\p{L}/&.'-]*(?:\s+(?:[\p{Lu}][\p{L}/&.'-]*|of|news|agency))*)`;

/** Phrases that credit a source, with the cue recorded for each. */
const PATTERNS: readonly { cue: string; re: RegExp }[] = [
  { cue: 'citing', re: new RegExp(String.raw`\bciting\s+${NAME}`, 'gu') },
  { cue: 'according-to', re: new RegExp(String.raw`\baccording to\s+${NAME}`, 'gu') },
  { cue: 'reported', re: new RegExp(String.raw`${NAME}\s+(?:reported|reports|said in a report|wrote|quoted)\b`, 'gu') },
  { cue: 'told', re: new RegExp(String.raw`\btold\s+${NAME}`, 'gu') },
  { cue: 'credit-line', re: new RegExp(String.raw`^\s*(?:Source|Sources|Credit)s?:\s*${NAME}`, 'gmu') },
  { cue: 'dateline', re: /\((\p{Lu}[\p{L}/]{1,20})\)\s*[-–—]/gu },
];

/**
 * The canonical agency for a name found in text, or null when it does not name an agency.
 * `acronyms` allows unknown bare acronyms, for cues that can only name a source (`Source: MPA`).
 */
export function canonicalAgency(name: string, acronyms: boolean): string | null {
  const cleaned = name
    .replace(/^the\s+/i, '')
    .replace(/^(?:official|state|state-run|Chinese|Russian)\s+/gi, '')
    .replace(/\s+news agency$/i, '')
    .replace(/['’]s$/, '')
    .trim();
  const known = LOOKUP.get(cleaned) ?? LOOKUP.get(name.trim());
  if (known) return known;
  if (AGENCY_SHAPE.test(cleaned)) return cleaned;
  if (acronyms && ACRONYM.test(cleaned) && !NOT_AGENCIES.has(cleaned)) return cleaned;
  return null;
}

/** Finds agencies credited in the text and in extracted credit lines; one record per agency and cue. */
export function findAttributions(text: string, credits: readonly string[]): Attribution[] {
  const out: Attribution[] = [];
  const seen = new Set<string>();
  const add = (agency: string, cue: string, passage: string): void => {
    const id = `${agency}\u0000${cue}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ agency, cue, passage: passage.trim() });
  };
  for (const credit of credits) add(canonicalAgency(credit, true) ?? credit, 'credit-line', `Source: ${credit}`);
  for (const { cue, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const name = m[1];
      if (!name) continue;
      // Try the longest prefix of the captured run that names an agency ("Reuters on Sunday" → Reuters).
      const agency = longestAgency(name, cue === 'credit-line' || cue === 'citing' || cue === 'dateline');
      if (agency) add(agency, cue, sentenceAround(text, m.index));
    }
  }
  return out;
}

function longestAgency(run: string, acronyms: boolean): string | null {
  const words = run.split(/\s+/);
  for (let n = words.length; n > 0; n--) {
    const agency = canonicalAgency(words.slice(0, n).join(' '), acronyms);
    if (agency) return agency;
  }
  return null;
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('\n', index), text.lastIndexOf('. ', index) + 1, 0);
  const dot = text.slice(index).search(/[.!?](?:\s|$)/);
  const end = dot < 0 ? text.length : index + dot + 1;
  return text.slice(start, Math.min(end, start + 400));
}
