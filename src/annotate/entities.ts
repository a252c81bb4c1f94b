/**
 * Named-entity spotting: runs of capitalised words, split into a role ("Interior Minister") and
 * a name ("Sandor Pinter"), typed from gazetteers (countries, capitals, lexicon places and
 * organisations, given names and surnames) and from the words inside and around the name.
 * Pure and linear in the text: one pass over the tokens of each sentence.
 */
import type { EntityKind, EntityMention, Sentence } from '../model.js';
import { demonymCountry, demonymCountryOfKey, isCommonWord, isFirstName, isHonorificKey, isLastName, lookupKey, lookupName, PUNCTUATED_ALIASES } from './gazetteer.js';
import { foldDiacritics, nameKey } from './text.js';
import { isAsciiLetterOrDigit, scanSpans } from '../util/scan.js';

/** Capitalised words that do not start or make a name on their own. */
const STOP = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'of', 'for', 'and', 'but', 'or', 'as', 'by', 'to', 'from', 'with', 'this',
  'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our',
  'there', 'here', 'when', 'while', 'after', 'before', 'during', 'since', 'until', 'if', 'although', 'though',
  'however', 'meanwhile', 'moreover', 'furthermore', 'additionally', 'also', 'subsequently', 'notably', 'despite',
  'throughout', 'amidst', 'amid', 'what', 'which', 'who', 'why', 'how', 'where', 'both', 'all', 'some', 'many',
  'such', 'other', 'another', 'each', 'every', 'most', 'more', 'no', 'not', 'one', 'two', 'three', 'first',
  'last', 'next', 'new', 'yes', 'so', 'then', 'thus', 'yet', 'still', 'even', 'just', 'only', 'now', 'today',
  'yesterday', 'tomorrow', 'reportedly', 'according', 'apart', 'in conclusion', 'as indicated', 'said', 'says',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'is', 'are', 'was',
  'were', 'will', 'would', 'can', 'could', 'should', 'do', 'does', 'did', 'has', 'have', 'had', 'be', 'been',
  'my', 'me', 'us', 'them', 'him', 'let', 'please', 'thank', 'thanks', 'mr', 'mrs', 'ms', 'dr', 'photo', 'source',
]);

/** Months and weekdays: capitalised but times, not names (May is a name only after an honorific or given name). */
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/**
 * The longest run of capitalised words (and connectors) taken as one candidate name. Real names
 * stay far below ("Radio Free Europe/Radio Liberty", "North Atlantic Treaty Organization"); the
 * bound keeps 1 MB of "Aaron and Bexley and …" from growing one run (and its splitting) without end.
 */
const MAX_RUN = 16;

/** Capitalised abbreviations of things, not names. */
const NOT_NAMES = new Set(['ai', 'ceo', 'cfo', 'gdp', 'tv', 'pm', 'am', 'ev', 'evs', 'it', 'id', 'ok', 'uk-based', 'covid', 'covid-19', 'lng', 'vat', 'faq', 'pdf', 'usd', 'eur', 'ii', 'iii', 'iv']);

/** Words that may sit inside a multi-word name ("Bank of China", "Belt and Road Initiative"). */
const CONNECTORS = new Set(['of', 'and', 'de', 'la', 'van', 'von', 'der', 'al', 'bin', 'du', 'da', 'del', 'for', 'the', 'on']);

/** The head of a role: a word that makes the words before it a title ("Interior *Minister*"). */
const ROLE_HEADS = new Set([
  'president', 'minister', 'premier', 'chancellor', 'secretary', 'councilor', 'councillor', 'ambassador', 'director',
  'chairman', 'chairwoman', 'chair', 'governor', 'mayor', 'senator', 'sen', 'rep', 'representative', 'gov',
  'spokesman', 'spokeswoman', 'spokesperson', 'king', 'queen', 'prince', 'princess', 'pope', 'general', 'gen',
  'colonel', 'col', 'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'major', 'admiral', 'envoy',
  'commissioner', 'judge', 'justice', 'ceo', 'cfo', 'coo', 'chief', 'executive', 'officer', 'leader', 'head',
  'congressman', 'congresswoman', 'speaker', 'attorney', 'counsel', 'prosecutor', 'dictator', 'emperor', 'sheikh',
  'cardinal', 'archbishop', 'bishop', 'rabbi', 'imam', 'professor', 'prof', 'dr', 'mr', 'mrs', 'ms', 'miss', 'sir',
  'dame', 'lord', 'lady', 'president-elect', 'founder', 'analyst', 'chancellor', 'vice-president', 'mp', 'mep',
  'deputy', 'superintendent', 'inspector', 'sheriff', 'coach', 'manager', 'editor', 'correspondent', 'adviser', 'advisor',
]);

/** Words that qualify a role head ("Public Security", "Interior", "Foreign", "Vice"). */
const ROLE_WORDS = new Set([
  ...ROLE_HEADS, 'state', 'public', 'security', 'interior', 'foreign', 'affairs', 'home', 'defence', 'defense', 'finance',
  'economy', 'economic', 'health', 'transport', 'trade', 'justice', 'education', 'energy', 'vice', 'deputy', 'prime',
  'former', 'then', 'acting', 'interim', 'senior', 'first', 'assistant', 'associate', 'national', 'special', 'federal',
  'general', 'attorney', 'prosecutor', 'supreme', 'commander', 'army', 'military', 'opposition', 'party',
  'minister-president', 'external', 'internal', 'labour', 'labor', 'agriculture', 'culture', 'environment',
  'development', 'industry', 'communications', 'information', 'immigration', 'intelligence', 'cabinet', 'press',
  'white', 'house', 'treasury', 'commerce', 'homeland', 'of', 'and', 'the', 'for',
]);

const ORG_LAST = new Set([
  'agency', 'association', 'bank', 'commission', 'committee', 'company', 'corporation', 'council', 'court', 'department',
  'front', 'group', 'institute', 'ministry', 'organization', 'organisation', 'party', 'press', 'service', 'services',
  'technologies', 'technology', 'union', 'university', 'alliance', 'authority', 'parliament', 'inc', 'ltd', 'corp', 'co',
  'llc', 'plc', 'ag', 'sa', 'nv', 'gmbh', 'airlines', 'airways', 'motors', 'force', 'army', 'navy', 'police', 'guard',
  'school', 'college', 'hospital', 'foundation', 'fund', 'board', 'office', 'bureau', 'federation', 'league', 'club',
  'times', 'post', 'journal', 'news', 'herald', 'tribune', 'telegraph', 'guardian', 'gazette', 'channel', 'network',
  'television', 'radio', 'tv', 'systems', 'industries', 'holdings', 'partners', 'capital', 'securities', 'exchange',
  'assembly', 'senate', 'congress', 'cabinet', 'government', 'administration', 'coalition', 'movement', 'brigade',
  'initiative', 'program', 'programme', 'project', 'centre', 'center', 'labs', 'laboratories', 'media', 'studios',
  'records', 'pictures', 'motor', 'automotive', 'pharmaceuticals', 'energy', 'oil', 'electric', 'communications',
  'institution', 'society', 'church', 'mission', 'embassy', 'consulate', 'secretariat', 'directorate', 'inc.',
  'computer', 'computers', 'corps', 'airline', 'motor', 'bancorp', 'insurance', 'software', 'steel', 'pharma',
]);
const ORG_FIRST = new Set(['university', 'bank', 'ministry', 'department', 'council', 'court', 'institute', 'house', 'office', 'bureau', 'church', 'house', 'state']);
const LOC_LAST = new Set([
  'city', 'province', 'region', 'island', 'islands', 'sea', 'ocean', 'river', 'mountains', 'mountain', 'valley',
  'street', 'square', 'county', 'district', 'bay', 'lake', 'peninsula', 'gulf', 'strait', 'coast', 'desert', 'airport',
  'avenue', 'road', 'park', 'bridge', 'state', 'territory', 'oblast', 'prefecture', 'canal', 'border', 'heights', 'beach',
]);
const EVENT_LAST = new Set(['summit', 'forum', 'games', 'olympics', 'war', 'conference', 'festival', 'cup', 'championship', 'championships', 'expo', 'revolution', 'crisis', 'congress', 'election', 'elections', 'week', 'day']);
const LAW_LAST = new Set(['act', 'treaty', 'law', 'convention', 'agreement', 'accord', 'accords', 'constitution', 'protocol', 'bill', 'charter', 'directive', 'resolution', 'amendment']);

/** Words after a name that mark it a person ("X said", "X, who"). */
const PERSON_AFTER = /^\s*(?:,\s*who\b|said\b|says\b|told\b|added\b|wrote\b|stressed\b|noted\b|explained\b|,\s*\d{1,2},)/;
/** Words before a name that mark a place strongly ("in Toulouse", "outside Detroit"). */
const IN_PLACE = /\b(?:[Ii]n|[Nn]ear|[Oo]utside|[Ii]nside|[Aa]cross|[Tt]hroughout|[Oo]ff|[Nn]orth\s+of|[Ss]outh\s+of|[Ee]ast\s+of|[Ww]est\s+of)\s+(?:the\s+)?$/;
/** "the city of X", "the port of X": a place by what it is called. */
const PLACE_OF = /\b(?:city|town|village|port|capital|province|region|state|district|island|county|municipality|suburb|neighbourhood|neighborhood)\s+of\s+$/i;
/** A title or honorific just before a single name ("Mr. Djamal", "Dr Lee"). */
const HONORIFIC_BEFORE = /\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Prof|Madam)\.?\s+$/;
/** After a name: ", minister of transport", ", the company's president": an apposition that makes a person. */
const ROLE_APPOSITION = /^,\s+(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:minister|president|chairman|chairwoman|spokesman|spokeswoman|spokesperson|ceo|founder|co-founder|director|secretary|senator|governor|mayor|analyst|professor|chief|executive|lawyer|attorney|economist|official|ambassador|leader)\b/iu;
/** After a name: "X as saying", "X, who", "X said". */
const PERSON_SAYING = /^\s+as\s+saying\b/;
/** After a possessive: what organisations have ("Apple's board", "Boeing's shares"). */
const ORG_HAS = /^\s+(?:board|shares?|stock|ceo|chief|chairman|president|spokesman|spokeswoman|spokesperson|website|customers|products?|employees|workers|headquarters|executives?|management|subsidiary|division|unit|brand|factory|plants?|sales|profits?|revenues?|earnings|market|stores?|software|devices?|aircraft|jets?|planes?|cars|vehicles|models?|lineup|range|deal|contract|bid|offer|bankruptcy|restructuring|annual|quarterly|fiscal)\b/iu;
/** Before a name: what organisations are called ("automaker Chrysler", "rival Boeing", "shares of GM"). */
const ORG_BEFORE = /\b(?:shares\s+(?:of|in)|stake\s+in|subsidiary\s+of|owned\s+by|acquisition\s+of|rival|competitor|carrier|maker|manufacturer|automaker|carmaker|planemaker|company|firm|airline|giant|group|retailer|bank|insurer|startup|conglomerate|supplier|contractor|partner)\s+$/i;
/** After a name: an organisation's own words ("GM shares", "Ford Motor"). */
const ORG_AFTER = /^\s+(?:shares|stock|shareholders|Inc\b|Corp\b|Ltd\b|plc\b|parent|subsidiary|boss|executives?|officials|employees?|workers|spokesman|spokeswoman|spokesperson)\b/u;

/**
 * Tokens: letters (with inner apostrophes, hyphens, periods for initials) or anything else.
 * Sticky: {@link wordSpans} matches it at one position, where a word has non-ASCII letters.
 */
const WORD_AT = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.&/-]*[\p{L}\p{N}])?\.?/uy;

interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** First word of a sentence or of a quotation: capitalised for grammar, not as a name. */
  readonly initial: boolean;
  /** Its gazetteer lookup key, computed once ({@link lookupKey}). */
  readonly key: string;
  /** Starts with a capital ({@link isCapitalised}). */
  readonly cap: boolean;
  /** Two capitals or more and nothing else ("NATO", "KORVANA"). */
  readonly allCaps: boolean;
  /** Starts with a lower-case letter. */
  readonly startsLower: boolean;
  /** May stand in a name ({@link isNameWord}). */
  readonly nameWord: boolean;
}

/** A name with the role that introduced it. */
interface NameRun {
  readonly tokens: readonly Token[];
  readonly role: string | null;
  readonly honorific: boolean;
  /** The name stood just before a title ("*Airbus* spokesman Jaime Perez"): an organisation or a place. */
  readonly beforeRole?: boolean;
}

/** Evidence from the context of one mention of a single unknown name, by the type it points to. */
interface Votes {
  PERSON: number;
  LOCATION: number;
  ORGANIZATION: number;
}

/** Finds named-entity mentions in the text, sentence by sentence, with offsets and types. */
export function findEntities(text: string, sentences: readonly Sentence[]): EntityMention[] {
  const out: EntityMention[] = [];
  const tokenized = sentences.map((s) => ({ sentence: s, tokens: tokenize(text, s) }));
  // Words capitalised inside sentences are names wherever they stand ("Wang" opening a sentence too).
  const midCaps = new Set<string>();
  for (const { tokens } of tokenized) for (const t of tokens) if (!t.initial && t.cap) midCaps.add(t.lower);
  const votes = new Map<EntityMention, Votes>();
  for (const { sentence, tokens } of tokenized) findInSentence(text, sentence, tokens, midCaps, out, votes);
  return propagateTypes(out, votes);
}

function tokenize(text: string, sentence: Sentence): Token[] {
  const tokens: Token[] = [];
  const spans = wordSpans(sentence.text);
  for (let w = 0; w < spans.length; w += 2) {
    // A final period belongs to the word only for initials and abbreviations ("U.S.", "Mr.").
    const raw = sentence.text.slice(spans[w]!, spans[w + 1]!);
    const t = raw.charCodeAt(raw.length - 1) === 0x2e && !keepsDot(raw) ? raw.slice(0, -1) : raw;
    const start = sentence.start + spans[w]!;
    // The mark just before the word, looking past one space (the sentence's own characters only),
    // as a UTF-16 code (-1: none): compared as numbers, not as one-character strings.
    let mark = start > sentence.start ? text.charCodeAt(start - 1) : -1;
    if (isSpaceCode(mark) && start - 1 > sentence.start) mark = text.charCodeAt(start - 2);
    // After "U.S." or "Mr." a capital is the name going on, not a new sentence.
    const prev = tokens[tokens.length - 1];
    const afterAbbreviation = !!prev && prev.text.endsWith('.') && prev.end === start - 1;
    const initial = tokens.length === 0 || OPENING_MARKS.has(mark) || (SENTENCE_ENDS.has(mark) && !afterAbbreviation);
    // A plain ASCII word (most words) has nothing to fold, and its lookup key is its lower case
    // (the word itself when it has no capital: most words, spared a copy).
    const shape = asciiShape(t);
    const plain = shape !== NOT_PLAIN;
    const folded = shape === PLAIN_LOWER ? t : plain ? t.toLowerCase() : foldDiacritics(t).toLowerCase();
    const lower = folded.endsWith('.') ? folded.slice(0, -1) : folded;
    const cap = isCapitalised(t);
    const allCaps = cap && ALL_CAPS.test(t);
    const key = plain ? lower : lookupKey(t);
    const c = t.charCodeAt(0);
    const startsLower = c < 0x80 ? c >= 0x61 && c <= 0x7a : STARTS_LOWER.test(t);
    tokens.push({ text: t, lower, start, end: start + t.length, initial, key, cap, allCaps, startsLower, nameWord: isNameWord(t, lower, cap, allCaps) });
  }
  return tokens;
}

/**
 * Where the matches of {@link WORD_AT} start and end in `s`, as pairs of offsets. Words of ASCII
 * letters and digits (nearly all of English text) are read character by character; a word with
 * any other letter is matched by the regex itself, so the words are the regex's everywhere.
 * Iterating the regex over every sentence cost more than the rest of tokenising. Exported for tests.
 */
export function wordSpans(s: string): number[] {
  return scanSpans(s, WORD_AT, asciiWordEnd);
}

/**
 * The end of the {@link WORD_AT} match at `start` (an ASCII letter or digit), or -1 when the run
 * of word characters meets a non-ASCII character that may belong to it (the regex decides those).
 * The match is the run of letters, digits and inner marks (' ’ . & / -) cut after its last letter
 * or digit, with one period after it.
 */
function asciiWordEnd(s: string, start: number): number {
  let i = start + 1;
  let end = i;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (isAsciiLetterOrDigit(c)) end = ++i;
      else if (c === 0x27 || c === 0x2e || c === 0x26 || c === 0x2f || c === 0x2d) i++;
      else break;
    } else if (c === 0x2019) i++;
    else return -1;
  }
  return s.charCodeAt(end) === 0x2e ? end + 1 : end;
}

/** Marks after which a capital opens a quotation or clause, and marks that end a sentence (UTF-16 codes). */
const OPENING_MARKS: ReadonlySet<number> = new Set(['"', '“', '„', '«', '‹', '‘', "'", '(', ':', '—', '–', '-'].map((c) => c.charCodeAt(0)));
const SENTENCE_ENDS: ReadonlySet<number> = new Set(['.', '!', '?'].map((c) => c.charCodeAt(0)));
const WHITESPACE = /^\s$/u;

/** Whether a UTF-16 code (-1: none) is a space character of `\s`: ASCII decided by hand, the rest by the regex. */
function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return WHITESPACE.test(String.fromCharCode(c));
}

/** {@link asciiShape}: not only ASCII letters and digits; only those, with a capital; only those, none a capital. */
const NOT_PLAIN = 0;
const PLAIN_UPPER = 1;
const PLAIN_LOWER = 2;

/** Whether a word is ASCII letters and digits only (`/^[A-Za-z0-9]+$/`) and has a capital, in one pass. */
function asciiShape(t: string): number {
  let shape = t.length > 0 ? PLAIN_LOWER : NOT_PLAIN;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (!isAsciiLetterOrDigit(c)) return NOT_PLAIN;
    if (c >= 0x41 && c <= 0x5a) shape = PLAIN_UPPER;
  }
  return shape;
}
const ALL_CAPS = /^\p{Lu}{2,}$/u;
const STARTS_LOWER = /^\p{Ll}/u;

function keepsDot(raw: string): boolean {
  return /^(?:\p{L}\.)+$/u.test(raw) || /^(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Col|Lt|Capt|Prof|Jr|Sr|Inc|Corp|Ltd|Co)\.$/.test(raw);
}

/** "Hungary", and "pro-Orbán" (a lower-case prefix before a capitalised name). */
function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  // An ASCII start that is not a capital: only a "pro-" prefix can still lead to one.
  if (c < 128 && !word.includes('-')) return false;
  if (/^\p{Lu}/u.test(word)) return true;
  const prefix = /^\p{Ll}{1,3}-/u.exec(word);
  return !!prefix && /^\p{Lu}/u.test(word.slice(prefix[0].length));
}

function isNameWord(word: string, lower: string, cap: boolean, allCaps: boolean): boolean {
  if (!cap) return camelCase(word);
  if (allCaps) return !STOP.has(lower) || word.length > 2 || lookupName(word) !== null;
  if (STOP.has(/['’]/u.test(lower) ? lower.replace(/['’](?:ve|re|ll|d|m|s)$/u, '') : lower)) return false;
  return true;
}

/** "iPhone", "eBay": a capital as the second or third letter after lower case. */
function camelCase(word: string): boolean {
  if (word.length < 3) return false;
  const c1 = word.charCodeAt(1);
  const c2 = word.charCodeAt(2);
  // Two ASCII letters after the first, neither a capital: the common case, decided without a regex.
  if (c1 < 128 && c2 < 128 && !(c1 >= 65 && c1 <= 90) && !(c2 >= 65 && c2 <= 90)) return false;
  return /^(?:\p{Ll}{1,2}\p{Lu}\p{L}+)$/u.test(word);
}

function findInSentence(text: string, sentence: Sentence, tokens: readonly Token[], midCaps: ReadonlySet<string>, out: EntityMention[], votes: Map<EntityMention, Votes>): void {
  // All-caps sentences (headlines, shouting) carry no case signal: only gazetteer names are taken.
  const caps = tokens.filter((t) => t.allCaps).length;
  // Title-case headings ("Hungary's Strategic Pivot: Implications") capitalise every word too.
  const lower = tokens.filter((t) => t.startsLower && !CONNECTORS.has(t.text)).length;
  const heading = tokens.length >= 2 && tokens.length <= 14 && lower === 0 && !/[.!?]["”’]?$/u.test(sentence.text);
  const shouting = (tokens.length >= 4 && caps / tokens.length > 0.6) || heading;
  const aliasSpans = findPunctuatedAliases(sentence);
  let i = 0;
  while (i < tokens.length) {
    const alias = aliasSpans.find((a) => a.start === tokens[i]!.start);
    if (alias) {
      out.push(makeMention(text, alias.start, alias.end, 'ORGANIZATION', null));
      while (i < tokens.length && tokens[i]!.start < alias.end) i++;
      continue;
    }
    if (!tokens[i]!.nameWord) {
      i++;
      continue;
    }
    const i0 = i;
    let j = i + 1;
    // A name is a few words: a longer run is a list or a heading, cut so no run grows with the input.
    while (j < tokens.length && j - i0 < MAX_RUN) {
      const w = tokens[j]!;
      // A possessive ends a name: "Xi Jinping's Belt and Road Initiative" is two.
      if (/['’]s?$/u.test(tokens[j - 1]!.text) && /\p{Lu}/u.test(tokens[j - 1]!.text[0]!)) break;
      if (text.slice(tokens[j - 1]!.end, w.start).trim() !== '' && !/^\s*&\s*$/.test(text.slice(tokens[j - 1]!.end, w.start))) break;
      if (w.nameWord && !w.initial) j++;
      else if (CONNECTORS.has(w.text) && j + 1 < tokens.length && tokens[j + 1]!.nameWord && text.slice(w.end, tokens[j + 1]!.start).trim() === '') j += 2;
      else break;
    }
    i = j;
    const runs = splitAtAnd(tokens.slice(i0, j));
    for (const run of runs) {
    if (shouting) {
      for (const part of splitRun(run)) {
        // Capitals say nothing in all-caps text: no word counts as capitalised mid-sentence.
        const whole = makeTyped(text, part, sentence, new Set(), votes);
        if (whole && lookupName(whole.text)) out.push(whole);
      }
      continue;
    }
    for (const part of splitRun(run)) for (const m of splitCompound(text, part, sentence, midCaps, votes)) out.push(m);
    }
  }
}

/**
 * "Hungary and China", "EU and NATO" are two names; "Belt and Road Initiative", "Bosnia and
 * Herzegovina" one: a run is split at "and" unless the gazetteer knows it whole or it ends in
 * a word that names an organisation, event or law.
 */
function splitAtAnd(run: readonly Token[]): Token[][] {
  const and = run.findIndex((t) => t.lower === 'and');
  if (and < 0) return [[...run]];
  const last = run[run.length - 1]!.lower;
  if (lookupName(run.map((t) => t.text).join(' ')) || ORG_LAST.has(last) || EVENT_LAST.has(last) || LAW_LAST.has(last)) return [[...run]];
  return [trimConnectors(run.slice(0, and)), ...splitAtAnd(run.slice(and + 1))].filter((r) => r.length > 0);
}

/** "EU-NATO", "Hungary-China": a hyphenated pair of known names is two mentions. */
function splitCompound(text: string, part: NameRun, sentence: Sentence, midCaps: ReadonlySet<string>, votes: Map<EntityMention, Votes>): EntityMention[] {
  const tokens = part.tokens;
  if (tokens.length === 1 && tokens[0]!.text.includes('-')) {
    const t = tokens[0]!;
    const parts = [...t.text.matchAll(/[^-]+/g)];
    if (parts.length > 1 && parts.every((p) => lookupName(p[0]))) {
      return parts.map((p) => {
        const known = lookupName(p[0])!;
        return makeMention(text, t.start + p.index, t.start + p.index + p[0].length, known.type, null);
      });
    }
  }
  const m = makeTyped(text, part, sentence, midCaps, votes);
  return m ? [m] : [];
}

function findPunctuatedAliases(sentence: Sentence): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const alias of PUNCTUATED_ALIASES) {
    let from = 0;
    for (;;) {
      const at = sentence.text.indexOf(alias, from);
      if (at < 0) break;
      spans.push({ start: sentence.start + at, end: sentence.start + at + alias.length });
      from = at + alias.length;
    }
  }
  return spans;
}

/** Role-ish: a title word, a demonym ("Hungarian"), or a country ("U.S. Secretary of State"). */
function isRoleWord(t: Token): boolean {
  return ROLE_WORDS.has(t.lower) || demonymCountryOfKey(t.key) !== null || /^(?:U\.?S|U\.?K|EU|UN)\.?$/.test(t.text) || isHonorificKey(t.key);
}

/**
 * Splits a capitalised run into names and roles: "Hungarian Interior Minister Sándor Pintér" →
 * the name "Sándor Pintér" with the role "Hungarian Interior Minister"; "Airbus CEO Tom Enders" →
 * "Airbus", and "Tom Enders" with the role "CEO"; "Moon Jae-in of South Korea" → two names.
 */
function splitRun(run: readonly Token[]): NameRun[] {
  // A whole run the gazetteer knows is one name ("General Motors", "White House").
  if (lookupName(run.map((t) => t.text).join(' '))) return [{ tokens: run, role: null, honorific: false }];
  for (let j = 0; j < run.length; j++) {
    if (!isRoleWord(run[j]!) || CONNECTORS.has(run[j]!.lower)) continue;
    let e = j;
    let head = false;
    while (e < run.length && isRoleWord(run[e]!)) {
      if (ROLE_HEADS.has(run[e]!.lower) || isHonorificKey(run[e]!.key)) head = true;
      e++;
    }
    if (!head) {
      j = e;
      continue;
    }
    if (e >= run.length) {
      // Only a role ("Prime Minister"): no name here, but a name before it stays ("Airbus CEO").
      return j > 0 ? [{ tokens: trimConnectors(run.slice(0, j)), role: null, honorific: false, beforeRole: true }] : [];
    }
    let rest = run.slice(e);
    // "President of the European Commission": the words after the role make an organisation.
    if (run[e - 1] && CONNECTORS.has(run[e - 1]!.lower)) {
      const k = run.slice(0, e).findIndex((t) => CONNECTORS.has(t.lower));
      rest = trimConnectors(run.slice(k));
      return [...(j > 0 ? [{ tokens: trimConnectors(run.slice(0, j)), role: null, honorific: false, beforeRole: true }] : []), { tokens: rest, role: null, honorific: false }];
    }
    const roleTokens = run.slice(j, e);
    const honorific = roleTokens.length === 1 && isHonorificKey(roleTokens[0]!.key);
    const role = honorific ? null : roleTokens.map((t) => t.text).join(' ');
    if (ORG_LAST.has(rest[rest.length - 1]!.lower) && !honorific) {
      // "General Motors Company", "State Security Service": a name of an organisation, not a title.
      return [{ tokens: run, role: null, honorific: false }];
    }
    const parts: NameRun[] = [];
    if (j > 0) parts.push({ tokens: trimConnectors(run.slice(0, j)), role: null, honorific: false, beforeRole: true });
    // A person's name ends before "of": "Moon Jae-in of South Korea".
    const of = rest.findIndex((t) => t.lower === 'of');
    if (of > 0) {
      parts.push({ tokens: rest.slice(0, of), role, honorific });
      parts.push({ tokens: trimConnectors(rest.slice(of + 1)), role: null, honorific: false });
    } else {
      parts.push({ tokens: rest, role, honorific });
    }
    return parts.filter((p) => p.tokens.length > 0);
  }
  return [{ tokens: run, role: null, honorific: false }];
}

function trimConnectors(tokens: readonly Token[]): Token[] {
  let a = 0;
  let b = tokens.length;
  while (a < b && CONNECTORS.has(tokens[a]!.lower)) a++;
  while (b > a && CONNECTORS.has(tokens[b - 1]!.lower)) b--;
  return tokens.slice(a, b);
}

function makeMention(text: string, start: number, end: number, kind: EntityKind, role: string | null): EntityMention {
  const mention = text.slice(start, end);
  const key = nameKey(mention);
  // Literals, not a spread of one into the other: fields in the order the records have always had.
  return role ? { start, end, text: mention, key, kind, role } : { start, end, text: mention, key, kind };
}

/** The mention a name run makes, typed, or null when it is no name. */
function makeTyped(text: string, part: NameRun, sentence: Sentence, midCaps: ReadonlySet<string>, votes: Map<EntityMention, Votes>): EntityMention | null {
  const { role, honorific } = part;
  let toks = [...part.tokens];
  // Grammar capitals at a sentence start are not names ("Officials said", "Critics of Orbán").
  while (toks.length > 0 && toks[0]!.initial && !role && !honorific && !midCaps.has(toks[0]!.lower) && isCommonWord(toks[0]!.text) && !isFirstName(toks[0]!.text) && !lookupName(toks.map((t) => t.text).join(' '))) toks = trimConnectors(toks.slice(1));
  if (toks.length === 0) return null;
  const first = toks[0]!;
  const last = toks[toks.length - 1]!;
  let end = last.end;
  const raw = text.slice(first.start, end);
  // "Huawei's", "Reuters'", "Shanghai-based": the name without the possessive or compound suffix.
  const suffix = /(?:['’]s?|-(?:related|based|led|backed|born|owned|run|made|style|era|bound|linked|allied|controlled|funded|friendly|sponsored))$/u.exec(raw);
  if (suffix) end -= suffix[0].length;
  const name = text.slice(first.start, end);
  const key = nameKey(name);
  if (!key) return null;
  if (toks.length === 1) {
    if ((STOP.has(key) && !lookupName(name)) || CALENDAR.has(key) || ROLE_HEADS.has(key) || NOT_NAMES.has(key)) return null;
    if (demonymCountry(name) && !lookupName(name)) return null;
  }
  if (toks.every((t) => isRoleWord(t)) && !lookupName(name)) return null;
  // "Central European", "South Korean": an adjective of a place, not a name.
  if (demonymCountryOfKey(toks[toks.length - 1]!.key) && !lookupName(name) && toks.length <= 2 && !suffix) return null;
  const kind = typeName(name, toks, text, sentence, role, honorific);
  const mention = makeMention(text, first.start, end, kind, role);
  // A single name nothing here types: its mentions across the article vote on what it is.
  if (kind === 'NAME') votes.set(mention, nameVotes(toks[0]!, text, sentence, suffix?.[0] ?? '', part.beforeRole === true));
  return mention;
}

function typeName(name: string, toks: readonly Token[], text: string, sentence: Sentence, role: string | null, honorific: boolean): EntityKind {
  const known = lookupName(name);
  if (known) return known.type;
  if (honorific) return 'PERSON';
  // A run of connector-like words only ("DA" in "QUEENS DA SAYS") is typed on its own words.
  const content = toks.filter((t) => !CONNECTORS.has(t.lower));
  const words = content.length > 0 ? content : toks;
  const lastWord = words[words.length - 1]!.lower;
  const firstWord = words[0]!.lower;
  if (words.length > 1 || toks.length > 1) {
    if (LAW_LAST.has(lastWord)) return 'LAW';
    if (EVENT_LAST.has(lastWord) && !role) return 'EVENT';
    if (ORG_LAST.has(lastWord) || (ORG_FIRST.has(firstWord) && toks.some((t) => t.lower === 'of'))) return 'ORGANIZATION';
    if (LOC_LAST.has(lastWord)) return 'LOCATION';
  }
  if (role) return 'PERSON';
  // "iPhone", "A380", "KC-45": model names and camel-case brands are products.
  if (/^\p{Ll}\p{Lu}/u.test(name) || (words.length === 1 && /\p{L}/u.test(name) && /\d/.test(name))) return 'PRODUCT';
  if (/^\p{Lu}[\p{Lu}\d&/.]{1,7}$/u.test(name) && /\p{Lu}.*\p{Lu}/u.test(name)) return 'ORGANIZATION';
  const last = toks[toks.length - 1]!;
  const after = text.slice(last.end, Math.min(sentence.end, last.end + 12));
  const before = text.slice(Math.max(sentence.start, toks[0]!.start - 16), toks[0]!.start);
  if (words.length >= 2 && words.length <= 4) {
    const personish = isFirstName(words[0]!.text) || isLastName(words[words.length - 1]!.text) || PERSON_AFTER.test(after) || HONORIFIC_BEFORE.test(before) || ROLE_APPOSITION.test(text.slice(last.end, Math.min(sentence.end, last.end + 60)));
    if (personish) return 'PERSON';
    if (words.some((w) => /\d/.test(w.text))) return 'PRODUCT';
    if (IN_PLACE.test(before) && !words.every((w) => !isCommonWord(w.text))) return 'LOCATION';
    // Unknown capitalised words with no sign of a person: organisations are the commoner case in news.
    return 'ORGANIZATION';
  }
  // A single unknown name: typed by what its mentions across the article say (nameVotes).
  if (words.length === 1) return 'NAME';
  return 'ORGANIZATION';
}

/**
 * What the context of one mention of a single unknown name says it is: "in X" and "X, California"
 * a place, "X said" and "Mr. X" a person, "X's board" and "automaker X" an organisation.
 */
function nameVotes(tok: Token, text: string, sentence: Sentence, suffix: string, beforeRole: boolean): Votes {
  const votes: Votes = { PERSON: 0, LOCATION: 0, ORGANIZATION: 0 };
  const end = tok.end - suffix.length;
  const before = text.slice(Math.max(sentence.start, tok.start - 24), tok.start);
  const after = text.slice(end, Math.min(sentence.end, end + 60));
  const possessive = /^['’]/.test(suffix);
  if (PERSON_AFTER.test(after) || PERSON_SAYING.test(after)) votes.PERSON += 1;
  if (HONORIFIC_BEFORE.test(before)) votes.PERSON += 3;
  if (ROLE_APPOSITION.test(after)) votes.PERSON += 2;
  if (!possessive && IN_PLACE.test(before)) votes.LOCATION += 2;
  if (PLACE_OF.test(before)) votes.LOCATION += 3;
  if (/^-based$/.test(suffix) || /^\s+based\b/.test(after)) votes.LOCATION += 2;
  // "Cupertino, California" (but not "Airbus, Europe's biggest maker").
  const next = /^,\s+(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)(?!['’\p{L}])/u.exec(after);
  if (next && lookupName(next[1]!)?.type === 'LOCATION') votes.LOCATION += 3;
  if (beforeRole) votes.ORGANIZATION += 3;
  if (possessive && ORG_HAS.test(after)) votes.ORGANIZATION += 2;
  if (ORG_BEFORE.test(before) || ORG_AFTER.test(after)) votes.ORGANIZATION += 2;
  return votes;
}

/**
 * Types that only the whole article tells: "Gallois" after "Louis Gallois" is a person,
 * "Northrop" after "Northrop Grumman" an organisation; untyped single names left over are
 * organisations when nothing marks them as people.
 */
function propagateTypes(mentions: readonly EntityMention[], votes: ReadonlyMap<EntityMention, Votes>): EntityMention[] {
  const byWord = new Map<string, EntityKind>();
  for (const m of mentions) {
    // Only names of two words or more type their words (most mentions are one word: no split).
    if (m.kind === 'NAME' || !m.key.includes(' ')) continue;
    const words = m.key.split(' ');
    if (m.kind === 'PERSON') {
      for (const w of words) if (!byWord.has(w)) byWord.set(w, 'PERSON');
    } else if (m.kind === 'ORGANIZATION' && !byWord.has(words[0]!)) {
      byWord.set(words[0]!, 'ORGANIZATION');
    }
  }
  const typedSingles = new Map<string, EntityKind>();
  // All-caps spellings ("KORVANA" in a dateline) are typed by their shape alone: they tell nothing about "Korvana".
  for (const m of mentions) if (m.kind !== 'NAME' && !m.key.includes(' ') && !/^\p{Lu}{2,}$/u.test(m.text)) typedSingles.set(m.key, m.kind);
  // Every mention of a single name votes; the type with most evidence wins the whole article.
  const tally = new Map<string, Votes>();
  for (const m of mentions) {
    const v = votes.get(m);
    if (!v) continue;
    // A known given name or surname is evidence once per article, whatever the number of mentions.
    const t = tally.get(m.key) ?? { PERSON: isFirstName(m.text) || isLastName(m.text) ? 1 : 0, LOCATION: 0, ORGANIZATION: 0 };
    t.PERSON += v.PERSON;
    t.LOCATION += v.LOCATION;
    t.ORGANIZATION += v.ORGANIZATION;
    tally.set(m.key, t);
  }
  // The first word of an organisation's name ("Korvana Port Workers' Union") leans to an
  // organisation, but places name organisations too: evidence, not a verdict.
  for (const [word, kind] of byWord) {
    const t = kind === 'ORGANIZATION' ? tally.get(word) : undefined;
    if (t) t.ORGANIZATION += 1;
  }
  return mentions.map((m) => {
    if (m.kind !== 'NAME') return m;
    const person = byWord.get(m.key) === 'PERSON' ? 'PERSON' : undefined;
    const kind = person ?? typedSingles.get(m.key) ?? voted(tally.get(m.key)) ?? byWord.get(m.key) ?? 'ORGANIZATION';
    return withKind(m, kind);
  });
}

/**
 * `{ ...m, kind }` for a mention of {@link makeMention}, built as a literal with the same fields
 * in the same order: spreading mentions of two shapes (with and without a role) is slow.
 */
function withKind(m: EntityMention, kind: EntityKind): EntityMention {
  return m.role === undefined ? { start: m.start, end: m.end, text: m.text, key: m.key, kind } : { start: m.start, end: m.end, text: m.text, key: m.key, kind, role: m.role };
}

/** The type with the most votes; ties and no votes at all leave the name to the default. */
function voted(v: Votes | undefined): EntityKind | null {
  if (!v) return null;
  const ranked = (['PERSON', 'LOCATION', 'ORGANIZATION'] as const).map((k) => [k, v[k]] as const).sort((a, b) => b[1] - a[1]);
  return ranked[0]![1] > 0 && ranked[0]![1] > ranked[1]![1] ? ranked[0]![0] : null;
}
