/**
 * The slots of one sentence that claims can disagree on: numbers (with their unit and how exact
 * they are), dates and clock times (resolved against the article's date), places, people and the
 * roles they hold, negated predicates and the modality of predicates ("has suspended" versus
 * "is considering suspending"). Pure functions over tokens.
 */
import { lookupPlace, mayStartPlace, type Gazetteer, type Place } from './places.js';
import { stem, tokenize, type Token } from './text.js';

/** A quantity: the interval of values the wording allows ("about 14" → 13–15). */
export interface NumberSlot {
  readonly text: string;
  readonly lo: number;
  readonly hi: number;
  /** Stem of the counted thing ("people", "hour"), or null when nothing names it. */
  readonly unit: string | null;
  /** Stems around the number (the predicate it belongs to). */
  readonly context: readonly string[];
}

/** A date or a clock time. */
export interface TimeSlot {
  readonly text: string;
  /** ISO day when it can be resolved (`2025-03-09`), else null. */
  readonly day: string | null;
  /** Weekday name when the text names one and no date resolves it. */
  readonly weekday: string | null;
  /** Minutes after midnight for clock times. */
  readonly clock: number | null;
  /** The time of saying something ("said on Monday"), not of the event. */
  readonly reporting: boolean;
  readonly context: readonly string[];
}

/** A place in a locative phrase ("in Budapest", "near the Hungarian capital"). */
export interface PlaceSlot {
  readonly text: string;
  readonly place: Place;
  readonly preposition: string;
  readonly context: readonly string[];
}

/** A person, with the role the sentence gives them. */
export interface PersonSlot {
  readonly text: string;
  /** Folded name key. */
  readonly key: string;
  /** Normalised role ("police chief", "energy minister"), or null. */
  readonly role: string | null;
  /** Whether the name opens the sentence (the one who acts). */
  readonly subject: boolean;
}

/** Everything slot-like in a sentence. */
export interface SentenceSlots {
  readonly numbers: readonly NumberSlot[];
  readonly times: readonly TimeSlot[];
  readonly places: readonly PlaceSlot[];
  readonly persons: readonly PersonSlot[];
  /** Stems of predicates under a negation ("was not detained" → detain). */
  readonly negated: readonly string[];
  /** Stems of predicates under a possibility modal ("could begin" → begin). */
  readonly possible: readonly string[];
  /** Stems of predicates stated as done ("has suspended" → suspend). */
  readonly done: readonly string[];
  /**
   * Stems of words stated as predicates, affirmed: after an auxiliary, a modal, "to" or a subject
   * pronoun, or past forms not after a determiner; never in a condition ("if they pass") nor
   * under a negation or modal. Nouns ("the visit", "temporary exemptions") are not predicates.
   */
  readonly asserted: readonly string[];
  /** Token indexes that carry a slot value (left out when comparing the rest of the sentence). */
  readonly slotTokens: ReadonlySet<number>;
  /** The sentence's tokens, with article offsets. */
  readonly tokens: readonly Token[];
}

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
/**
 * The table as a map, read for every token: a map lookup is cheaper than `in` on an object, and
 * answers nothing for Object's own members ("constructor"), which the table never meant.
 */
const WORD_NUMBER: ReadonlyMap<string, number> = new Map(Object.entries(WORD_NUMBERS));
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, hundred: 100 };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_SHORT = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Positions in the lists above, looked up for every token. */
const WEEKDAY_INDEX: ReadonlyMap<string, number> = new Map(WEEKDAYS.map((d, k) => [d, k]));
const MONTH_INDEX: ReadonlyMap<string, number> = new Map(MONTHS.map((m, k) => [m, k]));
const MONTH_SHORT_INDEX: ReadonlyMap<string, number> = new Map(MONTH_SHORT.map((m, k) => [m, k]));
const REPORTING = new Set(['said', 'says', 'told', 'announced', 'reported', 'statement', 'added', 'briefing', 'wrote', 'tweeted', 'posted', 'confirmed']);
const LOCATIVE = new Set(['in', 'near', 'at', 'outside', 'to', 'into', 'inside']);
const POSSIBLE = new Set(['may', 'might', 'could', 'considering', 'consider', 'considers', 'mulling', 'weighing', 'possibly', 'perhaps']);
const NEGATORS = new Set(['not', 'never', 'neither', 'nor']);
/** First halves of contracted negations as tokenised ("didn't" → "didn", "t"); "cannot" stands alone. */
export const CONTRACTED: ReadonlySet<string> = new Set([
  'didn', 'doesn', 'don', 'wasn', 'weren', 'isn', 'aren', 'hasn', 'haven', 'hadn', 'won', 'wouldn', 'couldn', 'shouldn', 'can', 'mustn', 'needn', 'ain', 'cannot',
]);
/** Negations with "do": a "have" after them is the verb of possession, not an auxiliary ("don't have exemptions"). */
const DO_NEGATIONS = new Set(['didn', 'doesn', 'don']);
const DO_FORMS = new Set(['do', 'does', 'did']);
/** Verbs that deny what follows: "denied his campaign colluded" negates "colluded". */
const DENIALS = new Set(['deny', 'denies', 'denied', 'denying']);
/** Words opening a clause that states a condition, not a fact ("if they pass the interview"). */
const CONDITIONS = new Set(['if', 'unless', 'whether']);
/** Relative pronouns: "migrants who don't pass" names a group, it says nothing happened or not. */
const RELATIVES = new Set(['who', 'that', 'which']);
/** Words before a noun: what follows them is not a predicate ("the visit", "its funding"). */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 's', 'no', 'any', 'each', 'every', 'some']);
/** Words after which a content word is used as a predicate. */
const BEFORE_PREDICATE = new Set([
  'to', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'do', 'does', 'did', 'has', 'have', 'had',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'he', 'she', 'they', 'we', 'i', 'you', 'it', 'who',
]);
/**
 * Characters between two words that end a clause for these purposes (punctuation and quotes), as
 * character codes: each is one code unit, so a gap is read without slicing it.
 */
const CLAUSE_BREAK_CODES: ReadonlySet<number> = new Set([...',;:()[]"“”«»—–'].map((c) => c.charCodeAt(0)));
const AUXILIARIES = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'do', 'does', 'did', 'yet', 'to', 'immediately', 'formally', 'officially', 'still', 'also']);
/** Role nouns: a name right after them is the holder of the role. */
const TITLES = new Set([
  'minister', 'chief', 'president', 'spokesman', 'spokeswoman', 'spokesperson', 'mayor', 'governor', 'secretary', 'chairman',
  'chairwoman', 'chair', 'director', 'leader', 'ambassador', 'commissioner', 'ceo', 'head', 'premier', 'chancellor', 'king',
  'queen', 'general', 'commander', 'captain', 'judge', 'prosecutor', 'councilor', 'councillor', 'envoy', 'manager', 'officer',
]);
const ROLE_QUALIFIERS = new Set([
  'prime', 'assistant', 'foreign', 'interior', 'health', 'energy', 'finance', 'defence', 'defense', 'police', 'deputy', 'vice', 'state', 'public',
  'security', 'union', 'army', 'fire', 'transport', 'economy', 'justice', 'education', 'trade', 'agriculture', 'labour', 'labor',
  'environment', 'culture', 'executive', 'chief', 'general', 'attorney', 'district', 'regional', 'county', 'city', 'company',
]);

/** Extracts the slots of a sentence (its text starting at `offset` in the article). */
export function sentenceSlots(text: string, offset: number, published: string | null, gazetteer: Gazetteer, names: readonly { start: number; end: number; text: string }[] = []): SentenceSlots {
  const tokens = tokenize(text, offset);
  const slotTokens = new Set<number>();
  // Read once every slot is found: the context leaves out the values of all slots.
  const context = (i: number, j: number): string[] => slotContext(tokens, slotTokens, i, j);
  const times = findTimes(text, offset, tokens, published, slotTokens);
  const numbers = findNumbers(text, offset, tokens, slotTokens);
  const places = findPlaces(tokens, gazetteer, slotTokens);
  const persons = findPersons(text, offset, tokens, names, gazetteer);
  const { negated, possible, done, asserted } = predicates(text, offset, tokens);
  return {
    numbers: numbers.map((n) => ({ ...n.slot, context: context(n.i, n.j) })),
    times: times.map((t) => ({ ...t.slot, context: context(t.i, t.j) })),
    places: places.map((p) => ({ ...p.slot, context: context(p.i, p.j) })),
    persons,
    negated,
    possible,
    done,
    asserted,
    slotTokens,
    tokens,
  };
}

/**
 * The slots of a sentence already analysed (`slots`, with its tokens at `offset`) as read in an
 * article of another publication day: only the days its weekdays and dates resolve to change.
 */
export function redateSlots(slots: SentenceSlots, text: string, offset: number, published: string | null): SentenceSlots {
  // Which tokens are times does not depend on the day, so the slot tokens stay as they are.
  const times = findTimes(text, offset, slots.tokens, published, new Set());
  return { ...slots, times: times.map((t) => ({ ...t.slot, context: slotContext(slots.tokens, slots.slotTokens, t.i, t.j) })) };
}

/** Content stems around a slot value (tokens i to j), other slot values left out. */
function slotContext(tokens: readonly Token[], slotTokens: ReadonlySet<number>, i: number, j: number): string[] {
  const from = Math.max(0, i - 5);
  return tokens
    .slice(from, Math.min(tokens.length, j + 5))
    .filter((t, k) => !t.stop && !t.number && !slotTokens.has(k + from))
    .map((t) => t.stem);
}

interface Found<T> {
  readonly slot: Omit<T, 'context'>;
  readonly i: number;
  readonly j: number;
}

function findTimes(text: string, offset: number, tokens: readonly Token[], published: string | null, used: Set<number>): Found<TimeSlot>[] {
  const out: Found<TimeSlot>[] = [];
  const pub = published ? new Date(`${published.slice(0, 10)}T12:00:00Z`) : null;
  const year = pub ? pub.getUTCFullYear() : null;
  const reportingBefore = (i: number): boolean => {
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (REPORTING.has(tokens[k]!.norm)) return true;
    return false;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const wd = WEEKDAY_INDEX.get(t.norm) ?? -1;
    if (wd >= 0 && t.capital) {
      let day: string | null = null;
      if (pub) {
        // News reports past events: the weekday on or before the publication date.
        const back = (pub.getUTCDay() - wd + 7) % 7;
        day = new Date(pub.getTime() - back * 86400000).toISOString().slice(0, 10);
      }
      used.add(i);
      out.push({ slot: { text: text.slice(t.start - offset, t.end - offset), day, weekday: t.norm, clock: null, reporting: reportingBefore(i) }, i, j: i + 1 });
      continue;
    }
    const month = monthIndex(t.norm);
    if (month >= 0 && t.capital) {
      const next = tokens[i + 1];
      const prev = tokens[i - 1];
      let dayNum: number | null = null;
      let j = i + 1;
      let s = i;
      if (next && /^\d{1,2}$/.test(next.norm)) {
        dayNum = Number(next.norm);
        j = i + 2;
      } else if (prev && /^\d{1,2}$/.test(prev.norm)) {
        dayNum = Number(prev.norm);
        s = i - 1;
      }
      if (dayNum === null || dayNum < 1 || dayNum > 31) continue;
      let y = year;
      const after = tokens[j];
      if (after && /^(19|20)\d\d$/.test(after.norm)) {
        y = Number(after.norm);
        j++;
      }
      const day = y ? `${y}-${String(month + 1).padStart(2, '0')}-${String(dayNum).padStart(2, '0')}` : null;
      for (let k = s; k < j; k++) used.add(k);
      out.push({ slot: { text: text.slice(tokens[s]!.start - offset, tokens[j - 1]!.end - offset), day, weekday: null, clock: null, reporting: reportingBefore(s) }, i: s, j });
      continue;
    }
    // Clock times: "7 p.m.", "8 a.m.", "19:00".
    if (/^\d{1,2}$/.test(t.norm)) {
      const p1 = tokens[i + 1];
      const p2 = tokens[i + 2];
      if (p1 && p2 && (p1.norm === 'a' || p1.norm === 'p') && p2.norm === 'm' && p1.start - t.end <= 1) {
        const h = Number(t.norm) % 12 + (p1.norm === 'p' ? 12 : 0);
        used.add(i).add(i + 1).add(i + 2);
        out.push({ slot: { text: text.slice(t.start - offset, p2.end - offset + 1).replace(/\.?$/, '.'), day: null, weekday: null, clock: h * 60, reporting: reportingBefore(i) }, i, j: i + 3 });
        i += 2;
        continue;
      }
      const colon = /^(\d{1,2}):(\d\d)/.exec(text.slice(t.start - offset));
      if (colon && Number(colon[1]) < 24) {
        used.add(i).add(i + 1);
        out.push({ slot: { text: colon[0], day: null, weekday: null, clock: Number(colon[1]) * 60 + Number(colon[2]), reporting: reportingBefore(i) }, i, j: i + 2 });
        i += 1;
      }
    }
  }
  return out;
}

function monthIndex(norm: string): number {
  const full = MONTH_INDEX.get(norm) ?? -1;
  if (full >= 0) return full;
  // "May" alone is too often the modal verb; abbreviations need their period, which tokenising drops.
  return norm === 'may' ? -1 : MONTH_SHORT_INDEX.get(norm) ?? -1;
}

function findNumbers(text: string, offset: number, tokens: readonly Token[], used: Set<number>): Found<NumberSlot>[] {
  const out: Found<NumberSlot>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    let value: number | null = null;
    if (t.number) {
      if (/\d(st|nd|rd|th)$/.test(t.norm) || /[a-z]/.test(t.norm)) continue;
      value = Number(t.norm.replace(/,/g, ''));
    } else if (WORD_NUMBER.has(t.norm) && !(t.norm === 'hundred' && i > 0 && tokens[i - 1]!.number)) {
      value = WORD_NUMBER.get(t.norm)!;
    }
    if (value === null || !Number.isFinite(value)) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.norm in SCALES) {
      value *= SCALES[tokens[j]!.norm]!;
      j++;
    }
    const raw = text.slice(t.start - offset, tokens[j - 1]!.end - offset);
    const charBefore = text.slice(Math.max(0, t.start - offset - 1), t.start - offset);
    // A bare year is a date, not a count.
    const next = tokens[j];
    if (/^(19|20)\d\d$/.test(t.norm) && j === i + 1 && charBefore !== '$') continue;
    let unit: string | null = charBefore === '$' ? 'dollar' : charBefore === '€' ? 'euro' : null;
    if (!unit && next && !next.number) {
      if (next.norm === 'percent' || next.norm === 'per' || text.slice(t.end - offset, t.end - offset + 1) === '%') {
        // A share is a share of something: "25 percent tariff" and "13 percent of imports" are different quantities.
        const of = tokens.slice(j + 1, j + 4).find((w) => !w.stop && !w.number);
        unit = `percent ${of?.stem ?? ''}`.trim();
      }
      else if (next.norm === 'of' && tokens[j + 1]?.norm === 'the' && tokens[j + 2]) unit = tokens[j + 2]!.stem;
      else if (!next.stop) unit = singular(next.stem);
    }
    if (!unit) {
      // "the number of strikers at 1,200": the counted noun comes before.
      for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
        const p = tokens[k]!;
        if (!p.stop && !p.number && !p.capital) {
          unit = singular(p.stem);
          break;
        }
      }
    }
    const approx = approximation(tokens, i);
    const [lo, hi] = approx === 'about' ? [value * 0.9, value * 1.1] : approx === 'over' ? [value, Infinity] : approx === 'under' ? [value * 0.8, value] : [value, value];
    for (let k = i; k < j; k++) used.add(k);
    out.push({ slot: { text: (charBefore === '$' || charBefore === '€' ? charBefore : '') + raw, lo, hi, unit }, i, j });
    i = j - 1;
  }
  return out;
}

function singular(s: string): string {
  return s === 'people' ? 'person' : s.replace(/s$/, '');
}

function approximation(tokens: readonly Token[], i: number): 'about' | 'over' | 'under' | null {
  const p1 = tokens[i - 1]?.norm;
  const p2 = tokens[i - 2]?.norm;
  if (p1 && ['about', 'around', 'some', 'roughly', 'approximately', 'nearly', 'almost', 'estimated', 'circa'].includes(p1)) return p1 === 'nearly' || p1 === 'almost' ? 'under' : 'about';
  if (p1 === 'than' && (p2 === 'more' || p2 === 'greater')) return 'over';
  if (p1 === 'than' && (p2 === 'less' || p2 === 'fewer')) return 'under';
  if (p1 === 'over' || (p1 === 'least' && p2 === 'at')) return 'over';
  if (p1 === 'under' || (p1 === 'to' && p2 === 'up')) return 'under';
  return null;
}

function findPlaces(tokens: readonly Token[], gazetteer: Gazetteer, used: Set<number>): Found<PlaceSlot>[] {
  const out: Found<PlaceSlot>[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const prep = tokens[i - 1]!.norm;
    if (!LOCATIVE.has(prep) || !mayStartPlace(gazetteer, tokens[i]!.norm)) continue;
    // Longest phrase first: "the Hungarian capital" before "Hungarian".
    for (let n = Math.min(gazetteer.maxWords, tokens.length - i); n > 0; n--) {
      const words = tokens.slice(i, i + n);
      if (words[0]!.norm !== 'the' && !words[0]!.capital) continue;
      const place = lookupPlace(gazetteer, words.map((w) => w.norm).join(' '));
      if (!place) continue;
      // "in China's ..." is possessive: the country acts, it is not where things happen.
      for (let k = i; k < i + n; k++) used.add(k);
      out.push({ slot: { text: words.map((w) => w.norm).join(' '), place, preposition: prep }, i, j: i + n });
      i += n - 1;
      break;
    }
  }
  return out.map((p) => ({ ...p, slot: { ...p.slot, text: p.slot.place.name === p.slot.text ? p.slot.place.name : p.slot.text } }));
}

function findPersons(text: string, offset: number, tokens: readonly Token[], names: readonly { start: number; end: number; text: string }[], gazetteer: Gazetteer): PersonSlot[] {
  const out: PersonSlot[] = [];
  const end = offset + text.length;
  for (const n of names) {
    if (n.start < offset || n.end > end) continue;
    const words = n.text.split(/\s+/);
    if (words.length < 2 || words.length > 4 || lookupPlace(gazetteer, n.text)) continue;
    if (words.some((w) => TITLES.has(w.toLowerCase()) || /^\p{Lu}{2,}$/u.test(w))) continue;
    const i = tokens.findIndex((t) => t.start === n.start);
    if (i < 0) continue;
    const bare = roleBefore(tokens, i) ?? roleAfter(text, offset, n.end);
    const role = bare ? qualifyRole(bare, tokens, i, text.slice(n.end - offset)) : null;
    // The actor: the first name of the sentence, possibly behind its title.
    const leading = tokens.slice(0, i).filter((t) => !(TITLES.has(t.norm) || ROLE_QUALIFIERS.has(t.norm) || t.stop || t.capital));
    out.push({ text: n.text, key: personKey(n.text), role, subject: leading.length === 0 && i <= 5 });
  }
  return out;
}

/**
 * Offices that exist once per country or city ("prime minister", "police chief") are told apart by
 * the qualifier written with them: "Australia's Prime Minister", "Prime Minister Abe of Japan".
 */
function qualifyRole(role: string, tokens: readonly Token[], nameIndex: number, after: string): string {
  let k = nameIndex - 1;
  while (k >= 0 && (TITLES.has(tokens[k]!.norm) || ROLE_QUALIFIERS.has(tokens[k]!.norm))) k--;
  if (k >= 0 && tokens[k]!.norm === 's') k--;
  const before = k >= 1 && tokens[k]!.capital && !tokens[k]!.stop ? tokens[k]!.norm : null;
  const of = /^\s+of\s+(\p{Lu}[\p{L}-]+)/u.exec(after)?.[1]?.toLowerCase() ?? null;
  const q = before ?? of;
  return q ? `${q} ${role}` : role;
}

function roleBefore(tokens: readonly Token[], i: number): string | null {
  const words: string[] = [];
  let k = i - 1;
  while (k >= 0 && (TITLES.has(tokens[k]!.norm) || ROLE_QUALIFIERS.has(tokens[k]!.norm))) words.unshift(tokens[k--]!.norm);
  // "Minister of Interior Sandor Pinter" → interior minister.
  if (words.length === 0 && k >= 2 && tokens[k]!.norm !== 'of' && tokens[k - 1]?.norm === 'of' && TITLES.has(tokens[k - 2]!.norm)) {
    return normaliseRole([tokens[k]!.norm, tokens[k - 2]!.norm]);
  }
  return words.some((w) => TITLES.has(w)) ? normaliseRole(words) : null;
}

function roleAfter(text: string, offset: number, nameEnd: number): string | null {
  const m = /^,\s+(?:the\s+)?((?:[a-z]+\s+){0,2}(?:minister|chief|president|spokesman|spokeswoman|mayor|governor|secretary|director|leader|ambassador|head)(?:\s+of\s+[a-z]+)?)/i.exec(text.slice(nameEnd - offset));
  if (!m?.[1]) return null;
  const words = m[1].toLowerCase().split(/\s+/);
  const of = words.indexOf('of');
  return normaliseRole(of > 0 ? [...words.slice(of + 1), ...words.slice(0, of)] : words);
}

/** Words that make another office of the one they qualify: a deputy attorney general is not the attorney general. */
const SUBORDINATE = new Set(['deputy', 'vice', 'assistant']);

/** Role key: the last two role words ("Hungarian Prime Minister" → "prime minister"), kept apart by "deputy", "vice", "assistant". */
function normaliseRole(words: readonly string[]): string {
  const kept = words.filter((w) => TITLES.has(w) || ROLE_QUALIFIERS.has(w));
  const key = kept.slice(-2).join(' ');
  const under = kept.slice(0, -2).find((w) => SUBORDINATE.has(w));
  return under ? `${under} ${key}` : key;
}

/** A person key that survives transliteration: folded, "sh"/"zh"/"kh" simplified. */
export function personKey(name: string): string {
  return tokenize(name)
    .map((t) => t.norm.replace(/sh/g, 's').replace(/zh/g, 'z').replace(/kh/g, 'h').replace(/y/g, 'i'))
    .join(' ');
}

/** Whether two person keys can name one person: same surname, compatible first names. */
export function samePerson(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  // "Robert S." is "Robert S. Mueller" cut at the initial: compare what both give.
  const initialEnd = (w: string[]): boolean => w.length > 1 && w[w.length - 1]!.length === 1;
  if (initialEnd(wa) || initialEnd(wb)) return wa[0] === wb[0];
  if (wa[wa.length - 1] !== wb[wb.length - 1]) return false;
  const fa = wa[0]!;
  const fb = wb[0]!;
  return wa.length === 1 || wb.length === 1 || fa[0] === fb[0];
}

/**
 * Whether any of `keys` may name the person of a key: `keys.some((k) => samePerson(k, key))`,
 * answered from an index of the keys' first and last words instead of a scan. Conflict detection
 * asks it for every aligned pair of statements, against every name an article gives.
 */
export function personFinder(keys: Iterable<string>): (key: string) => boolean {
  const whole = new Set<string>();
  // First words of all keys (against a query cut at an initial), and of keys cut at an initial.
  const firsts = new Set<string>();
  const cutFirsts = new Set<string>();
  // Keys not cut at an initial, by last word: whether one is a single word, and first letters.
  const byLast = new Map<string, { single: boolean; letters: Set<string | undefined> }>();
  for (const k of keys) {
    if (whole.has(k)) continue;
    whole.add(k);
    const w = k.split(' ');
    firsts.add(w[0]!);
    if (w.length > 1 && w[w.length - 1]!.length === 1) {
      cutFirsts.add(w[0]!);
      continue;
    }
    const last = w[w.length - 1]!;
    const entry = byLast.get(last) ?? { single: false, letters: new Set<string | undefined>() };
    if (w.length === 1) entry.single = true;
    entry.letters.add(w[0]![0]);
    byLast.set(last, entry);
  }
  return (key) => {
    if (whole.has(key)) return true;
    const w = key.split(' ');
    if (w.length > 1 && w[w.length - 1]!.length === 1) return firsts.has(w[0]!);
    if (cutFirsts.has(w[0]!)) return true;
    const entry = byLast.get(w[w.length - 1]!);
    return !!entry && (entry.single || w.length === 1 || entry.letters.has(w[0]![0]));
  };
}

interface Predicates {
  negated: string[];
  possible: string[];
  done: string[];
  asserted: string[];
}

function predicates(text: string, offset: number, tokens: readonly Token[]): Predicates {
  const negated: string[] = [];
  const possible: string[] = [];
  const done: string[] = [];
  // A clause break before token k: punctuation or a quotation mark between it and the word before.
  // Asked several times per token: each gap is read once, character by character.
  const breaks = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    if (k === 0) {
      breaks[k] = 1;
      continue;
    }
    const to = tokens[k]!.start - offset;
    for (let c = tokens[k - 1]!.end - offset; c < to; c++) {
      if (CLAUSE_BREAK_CODES.has(text.charCodeAt(c))) {
        breaks[k] = 1;
        break;
      }
    }
  }
  const breakBefore = (k: number): boolean => breaks[k] === 1;
  // Tokens inside a condition ("if ... ,") state no fact.
  const conditional: boolean[] = [];
  let inCondition = false;
  for (let k = 0; k < tokens.length; k++) {
    if (breakBefore(k)) inCondition = false;
    if (CONDITIONS.has(tokens[k]!.norm)) inCondition = true;
    conditional.push(inCondition);
  }
  // Tokens whose use is settled by a negation, a modal or a condition: never affirmed predicates.
  const settled = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const neg = NEGATORS.has(t.norm) || (CONTRACTED.has(t.norm) && tokens[i + 1]?.norm === 't');
    if (neg || POSSIBLE.has(t.norm)) {
      // The predicate is the first content word after auxiliaries.
      let k = i + 1 + (CONTRACTED.has(t.norm) ? 1 : 0);
      // "don't have X", "did not have X": possession, whose verb is a function word; nothing to compare.
      const doNegation = neg && (DO_NEGATIONS.has(t.norm) || DO_FORMS.has(tokens[i - 1]?.norm ?? ''));
      const possession = doNegation && ['have', 'has', 'had'].includes(tokens[k]?.norm ?? '');
      // A negation in a condition or in a defining relative clause ("migrants who don't pass") states nothing.
      const stated = !(neg && (conditional[i] || definingRelative(tokens, i, breakBefore)));
      let taken = 0;
      while (k < tokens.length && taken < 2 && k <= i + 4) {
        const w = tokens[k]!;
        if (w.stop && !AUXILIARIES.has(w.norm) && w.norm !== 'be') break;
        if (!w.stop && !AUXILIARIES.has(w.norm)) {
          settled.add(k);
          if (!possession && stated) (neg ? negated : possible).push(w.stem);
          taken++;
          // "could begin supplying": both verbs are under the modal; a noun after a verb is not.
          if (!w.norm.endsWith('ing') && !(tokens[k + 1]?.norm.endsWith('ing') ?? false)) break;
        }
        k++;
      }
      continue;
    }
    if (DENIALS.has(t.norm) && !conditional[i]) {
      // The first verb form in the denied clause.
      for (let k = i + 1; k < tokens.length && k <= i + 5 && !breakBefore(k); k++) {
        const w = tokens[k]!;
        if (!w.stop && !w.capital && (w.norm.endsWith('ed') || w.norm.endsWith('ing'))) {
          negated.push(w.stem);
          settled.add(k);
          break;
        }
      }
    }
    if ((t.norm === 'has' || t.norm === 'have' || t.norm === 'had') && tokens[i + 1] && !tokens[i + 1]!.stop) {
      done.push(tokens[i + 1]!.stem);
      const after = tokens[i + 2];
      if (after?.norm.endsWith('ing')) done.push(after.stem);
    } else if (/ed$/.test(t.norm) && !t.stop && !t.capital && !(tokens[i - 1] && (POSSIBLE.has(tokens[i - 1]!.norm) || NEGATORS.has(tokens[i - 1]!.norm)))) {
      done.push(t.stem);
    }
  }
  const asserted: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.stop || t.number || t.capital || settled.has(k) || conditional[k] || (CONTRACTED.has(t.norm) && tokens[k + 1]?.norm === 't')) continue;
    const prev = k > 0 && !breakBefore(k) ? tokens[k - 1]!.norm : null;
    if ((prev !== null && BEFORE_PREDICATE.has(prev)) || (t.norm.endsWith('ed') && !(prev !== null && DETERMINERS.has(prev)))) asserted.push(t.stem);
  }
  return {
    negated,
    possible,
    done: done.filter((s) => !negated.includes(s) && !possible.includes(s)),
    asserted: asserted.filter((s) => !negated.includes(s) && !possible.includes(s)),
  };
}

/** Whether the negation at `i` sits in a defining relative clause: "who don't", "that did not" (no comma before the pronoun). */
function definingRelative(tokens: readonly Token[], i: number, breakBefore: (k: number) => boolean): boolean {
  let k = i - 1;
  while (k >= 0 && (AUXILIARIES.has(tokens[k]!.norm) || DO_FORMS.has(tokens[k]!.norm)) && !breakBefore(k + 1)) k--;
  return k >= 0 && RELATIVES.has(tokens[k]!.norm) && !breakBefore(k) && !breakBefore(k + 1);
}

/** Stems of a phrase (used by tests and the claim aligner). */
export function phraseStems(s: string): string[] {
  return tokenize(s).filter((t) => !t.stop).map((t) => stem(t.norm));
}
