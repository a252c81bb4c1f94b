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
  BBC: ['BBC', 'BBC News'],
  CNN: ['CNN'],
  'The New York Times': ['New York Times', 'The New York Times', 'NYT'],
  'The Washington Post': ['Washington Post', 'The Washington Post'],
  'The Wall Street Journal': ['Wall Street Journal', 'The Wall Street Journal', 'WSJ'],
  'Financial Times': ['Financial Times', 'FT'],
  'The Guardian': ['The Guardian', 'Guardian'],
  'Al Jazeera': ['Al Jazeera'],
  Politico: ['Politico', 'POLITICO'],
  'Global Times': ['Global Times'],
  CGTN: ['CGTN'],
  'China Daily': ['China Daily'],
  'Deutsche Welle': ['Deutsche Welle', 'DW'],
  Sputnik: ['Sputnik'],
  RT: ['RT', 'Russia Today'],
  Euronews: ['Euronews'],
  'Kyiv Independent': ['Kyiv Independent', 'The Kyiv Independent'],
  'Ukrainska Pravda': ['Ukrainska Pravda'],
  'Magyar Nemzet': ['Magyar Nemzet'],
  'Hungary Today': ['Hungary Today'],
  'Kyiv Post': ['Kyiv Post'],
  'South China Morning Post': ['South China Morning Post', 'SCMP'],
};

/** Kind of each known source: international wires, national news agencies, and outlets (papers, broadcasters). */
const KINDS: Readonly<Record<string, 'wire' | 'agency' | 'outlet'>> = {
  Reuters: 'wire', 'Associated Press': 'wire', AFP: 'wire', Bloomberg: 'wire', dpa: 'wire', EFE: 'wire',
  Xinhua: 'agency', TASS: 'agency', 'RIA Novosti': 'agency', Interfax: 'agency', UNN: 'agency', Ukrinform: 'agency',
  ANSA: 'agency', 'Kyodo News': 'agency', Yonhap: 'agency', 'Press Trust of India': 'agency', 'Anadolu Agency': 'agency', MTI: 'agency',
};

/** The kind of a source: `wire`, `agency`, `outlet`, or `unknown` for names only their shape marks. */
export function sourceKind(name: string): 'wire' | 'agency' | 'outlet' | 'unknown' {
  if (KINDS[name]) return KINDS[name]!;
  if (KNOWN[name]) return 'outlet';
  if (/^the\s+(?:newspaper|paper|publication|outlet|magazine|daily|website|portal|broadcaster|channel)$/i.test(name)) return 'outlet';
  if (/agency$/i.test(name)) return 'agency';
  return 'unknown';
}

const LOOKUP: ReadonlyMap<string, string> = new Map(
  Object.entries(KNOWN).flatMap(([canonical, spellings]) => spellings.map((s) => [s, canonical] as const)),
);

/** A multi-word name shaped like an agency even when unknown ("Meridian Press Agency"). */
const AGENCY_SHAPE = /^(?:[\p{Lu}][\p{L}.&'-]*\s+){1,4}(?:News Agency|Press Agency|Agency|Press|News Service|Wire|Newswire)$/u;
/** A bare acronym ("MPA"): only taken as an agency where the cue itself says "source". */
const ACRONYM = /^\p{Lu}{2,6}(?:\/\p{Lu}{2,6})?$/u;
/** Acronyms of bodies that "report" things without being news agencies. */
const NOT_AGENCIES = new Set(['NATO', 'EU', 'UN', 'US', 'UK', 'USA', 'WHO', 'IMF', 'OSCE', 'OPEC', 'FBI', 'CIA', 'ICC', 'ECB']);

const NAME = String.raw`((?:the\s+)?(?:official\s+|state\s+|state-run\s+|Chinese\s+|Russian\s+)*[\p{Lu}][\p{L}/&.'-]*(?:\s+(?:[\p{Lu}][\p{L}/&.'-]*|of|news|agency)){0,6})`;

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

/**
 * Phrases that credit a source, with the cue recorded for each. `need` is a word the phrase
 * cannot match without: a text without it is not scanned, which spares the name-run patterns
 * (tried at every capital letter) on most articles.
 */
const PATTERNS: readonly { cue: string; need: RegExp; re: RegExp }[] = [
  // "Northwind Daily reports citing Reuters": whoever reports citing a source is a news outlet, known or not.
  { cue: 'reports-citing', need: /citing/, re: new RegExp(String.raw`${NAME}\s+(?:reports|reported|writes|wrote|says|said),?\s+citing\b`, 'gu') },
  { cue: 'citing', need: /citing/, re: new RegExp(String.raw`\bciting\s+${NAME}`, 'gu') },
  { cue: 'according-to', need: /according to/, re: new RegExp(String.raw`\baccording to\s+${NAME}`, 'gu') },
  { cue: 'reported', need: /report|wrote|writes|quoted|said|says|cited/, re: new RegExp(String.raw`${NAME}\s+(?:reported|reports|said in a report|wrote|writes|quoted|said|says|cited)\b`, 'gu') },
  { cue: 'told', need: /told/, re: new RegExp(String.raw`\btold\s+${NAME}`, 'gu') },
  { cue: 'credit-line', need: /Source|Credit/, re: new RegExp(String.raw`^\s*(?:Source|Sources|Credit)s?:\s*${NAME}`, 'gmu') },
  { cue: 'dateline', need: /\(/, re: /\((\p{Lu}[\p{L}/]{1,20})\)\s*[-–—]/gu },
  { cue: 'media-outlet', need: /media|news/, re: new RegExp(String.raw`\b(?:state\s+)?(?:media|news)\s+(?:outlet|agency|organisation|organization)\s+${NAME}`, 'gu') },
];

/** Generic references to a publication ("the newspaper writes", "what the publication describes as"). */
const GENERIC = /\b[Tt]he\s+(newspaper|paper|publication|outlet|magazine|daily|website|portal|broadcaster|channel|agency)\s+(writes|wrote|reported|reports|said|says|describes|described|noted|added|cited|quoted)\b/gu;

/** A cue before a run of the text that ends where the credited name starts. */
const CUE_BEFORE_CITING = /^\s*(?:reports|reported|said|says|writes|wrote)[,\s]+citing\s+$/u;

/**
 * Finds the sources credited in the text and in extracted credit lines: one record per
 * crediting phrase, with offsets, the source's kind, and which source cites it. `UNN reports
 * citing Reuters` gives UNN, and Reuters cited by UNN; once an article says it rests on a wire
 * (by `citing` or a `Source:` line), the sources it credits later are credited through that wire
 * (`according to Xinhua` in a Reuters rewrite: Xinhua cited by Reuters).
 */
export function findAttributions(text: string, credits: readonly string[]): Attribution[] {
  const found: { agency: string; cue: string; start: number; end: number; passage: string }[] = [];
  const seen = new Set<string>();
  for (const { cue, need, re } of PATTERNS) {
    if (!need.test(text)) continue;
    for (const m of text.matchAll(re)) {
      const name = m[1];
      if (!name) continue;
      // Try the longest prefix of the captured run that names an agency ("Reuters on Sunday" → Reuters).
      const hit = longestAgency(name, cue === 'credit-line' || cue === 'citing' || cue === 'dateline' || cue === 'reports-citing') ?? (cue === 'reports-citing' && /^(?:\p{Lu}[\p{L}.&'-]*\s*){1,4}$/u.test(name) ? { agency: name.trim(), offset: 0, length: name.trim().length } : null);
      if (!hit) continue;
      const start = m.index + m[0].indexOf(name) + hit.offset;
      const id = `${hit.agency}\u0000${start}`;
      if (seen.has(id)) continue;
      seen.add(id);
      found.push({ agency: hit.agency, cue: cue === 'reports-citing' ? 'reported' : cue, start, end: start + hit.length, passage: sentenceAround(text, m.index) });
    }
  }
  for (const m of text.matchAll(GENERIC)) {
    const start = m.index;
    found.push({ agency: `the ${m[1]!}`, cue: m[2]!.toLowerCase(), start, end: start + m[0].length - m[2]!.length - 1, passage: sentenceAround(text, m.index) });
  }
  found.sort((a, b) => a.start - b.start);

  const out: Attribution[] = [];
  // The wire this version rests on: the first `citing` source, else a credit line.
  const citing = found.find((f) => f.cue === 'citing');
  const creditLine = found.find((f) => f.cue === 'credit-line')?.agency ?? (credits[0] ? (canonicalAgency(credits[0], true) ?? credits[0]) : null);
  const base = citing?.agency ?? creditLine;
  // The outlet that cites the base wire is this version's own voice, not a source reached through the wire.
  const citer = citing ? found.find((g) => g.end <= citing.start && CUE_BEFORE_CITING.test(text.slice(g.end, citing.start)))?.agency : undefined;
  for (const credit of credits) {
    const agency = canonicalAgency(credit, true) ?? credit;
    if (!found.some((f) => f.agency === agency && f.cue === 'credit-line')) out.push({ agency, cue: 'credit-line', passage: `Source: ${credit}`, kind: sourceKind(agency) });
  }
  for (const f of found) {
    let citedBy: string | undefined;
    if (f.cue === 'citing') {
      // "UNN reports citing Reuters": the citing source is named just before the cue.
      const reporter = found.find((g) => g !== f && g.end <= f.start && g.end >= f.start - 60 && CUE_BEFORE_CITING.test(text.slice(g.end, f.start)));
      citedBy = reporter?.agency;
    } else if (base && f.agency !== base && f.cue !== 'credit-line' && f.agency !== citer && (!citing || f.start > citing.start)) {
      citedBy = base;
    }
    const record: Attribution = { agency: f.agency, cue: f.cue, passage: f.passage.trim(), start: f.start, end: f.end, kind: sourceKind(f.agency) };
    out.push(citedBy ? { ...record, citedBy } : record);
  }
  return out;
}

/** The longest prefix of a run that names an agency, with where its name sits in the run. */
function longestAgency(run: string, acronyms: boolean): { agency: string; offset: number; length: number } | null {
  const words = run.replace(/[.'’]+$/u, '').split(/\s+/);
  for (let n = words.length; n > 0; n--) {
    const phrase = words.slice(0, n).join(' ').replace(/['’]s$|[.,;:]+$/u, '');
    const agency = canonicalAgency(phrase, acronyms);
    if (agency) {
      // Offsets point at the name itself, without "the official" in front.
      const lead = /^(?:the\s+)?(?:(?:official|state|state-run|Chinese|Russian)\s+)*/i.exec(phrase)?.[0].length ?? 0;
      return { agency, offset: lead, length: phrase.length - lead };
    }
  }
  return null;
}

function sentenceAround(text: string, index: number): string {
  // A bounded window either side: a passage is a sentence, and a 1 MB paragraph stays linear.
  const lo = Math.max(0, index - 400);
  const back = text.slice(lo, index);
  const start = lo + Math.max(back.lastIndexOf('\n') + 1, back.lastIndexOf('. ') + 1, 0);
  const ahead = text.slice(index, index + 400);
  const dot = ahead.search(/[.!?](?:\s|$)/);
  const end = dot < 0 ? index + ahead.length : index + dot + 1;
  return text.slice(start, Math.min(end, start + 400));
}
