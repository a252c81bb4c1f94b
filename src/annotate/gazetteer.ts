/**
 * Gazetteers built once, at load time, from registry data packages: countries with their
 * names, alternative spellings, demonyms and capitals (world-countries, i18n-iso-countries),
 * and the lexicon of the compromise NLP library (first names, surnames, honorifics, cities,
 * regions, organisations). Everything here is frozen lookup data; nothing changes after load.
 */
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { foldDiacritics } from './text.js';

const require = createRequire(import.meta.url);

interface WorldCountry {
  readonly cca2: string;
  readonly cca3: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
  readonly capital?: readonly string[];
  readonly demonyms?: { readonly eng?: { readonly f: string; readonly m: string } };
}

/** What a gazetteer entry says a name is. */
export interface GazetteerEntry {
  readonly type: 'PERSON' | 'ORGANIZATION' | 'LOCATION' | 'EVENT' | 'LAW' | 'PRODUCT';
  /** Display name of the entity the spelling stands for (`United States` for `U.S.`). */
  readonly canonical: string;
}

/** ASCII words joined by single spaces, the common case of a lookup. */
const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** The lookup key of a spelling: folded diacritics, lower case, dots and hyphens dropped. */
export function lookupKey(s: string): string {
  // Plain words ("Hungary", "the White House"): nothing to fold, strip or collapse.
  if (PLAIN_WORDS.test(s)) {
    const lower = s.toLowerCase();
    return lower.startsWith('the ') ? lower.slice(4) : lower;
  }
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[.’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const countriesData = require('world-countries/countries.json') as readonly WorldCountry[];
const isoNames = (require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | readonly string[]> }).countries;

/**
 * Everyday English names where the registry's common name is the formal or native one; the
 * registry names stay as variants, so "Türkiye" and "Turkey" land on one entity either way.
 */
const EVERYDAY_NAME: Readonly<Record<string, string>> = {
  USA: 'United States',
  GBR: 'United Kingdom',
  RUS: 'Russia',
  KOR: 'South Korea',
  PRK: 'North Korea',
  IRN: 'Iran',
  SYR: 'Syria',
  VNM: 'Vietnam',
  LAO: 'Laos',
  TWN: 'Taiwan',
  CZE: 'Czech Republic',
};

/** Extra spellings news uses that the registries do not list. */
const EXTRA_COUNTRY_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  USA: ['America', 'U.S.', 'US', 'U.S.A.', 'United States of America', 'the States'],
  GBR: ['Britain', 'Great Britain', 'U.K.', 'UK'],
  PRK: ['DPRK', 'D.P.R.K.'],
  TUR: ['Turkey', 'Turkiye'],
  CHN: ["People's Republic of China", 'PRC', 'Mainland China'],
};

function buildCountries(): { names: Map<string, GazetteerEntry>; demonyms: Map<string, string>; capitals: Map<string, GazetteerEntry> } {
  const names = new Map<string, GazetteerEntry>();
  const demonyms = new Map<string, string>();
  const capitals = new Map<string, GazetteerEntry>();
  for (const c of countriesData) {
    const canonical = EVERYDAY_NAME[c.cca3] ?? c.name.common;
    const entry: GazetteerEntry = { type: 'LOCATION', canonical };
    const iso = isoNames[c.cca2];
    const spellings = [
      canonical,
      c.name.common,
      c.name.official,
      // Two-letter codes ("IN", "TO") are words in running text: only longer spellings are names.
      ...c.altSpellings.filter((s) => s.length > 2 && !/^\p{Lu}{3}$/u.test(s)),
      ...(typeof iso === 'string' ? [iso] : (iso ?? [])).filter((s) => s.length > 2),
      ...(EXTRA_COUNTRY_SPELLINGS[c.cca3] ?? []),
    ];
    for (const s of spellings) {
      const k = lookupKey(s);
      if (k && !names.has(k)) names.set(k, entry);
    }
    const d = c.demonyms?.eng;
    if (d) for (const s of [d.m, d.f]) if (s) demonyms.set(lookupKey(s), canonical);
    for (const cap of c.capital ?? []) capitals.set(lookupKey(cap), { type: 'LOCATION', canonical: cap });
  }
  demonyms.set('american', 'United States');
  demonyms.set('british', 'United Kingdom');
  demonyms.set('european', 'Europe');
  demonyms.set('western', 'West');
  demonyms.set('arab', 'Arab world');
  return { names, demonyms, capitals };
}

const COUNTRIES = buildCountries();

/** Words the compromise lexicon tags, grouped as the annotator uses them. */
interface Lexicon {
  readonly firstNames: ReadonlySet<string>;
  readonly lastNames: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
  readonly places: ReadonlyMap<string, GazetteerEntry>;
  readonly organizations: ReadonlyMap<string, GazetteerEntry>;
  /** Lower-case words the lexicon knows as ordinary (non-name) vocabulary. */
  readonly common: ReadonlySet<string>;
}

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName']);
const COMMON_TAGS = new Set([
  'Adjective', 'Noun', 'Singular', 'Plural', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Adverb',
  'Conjunction', 'Preposition', 'Determiner', 'Pronoun', 'Modal', 'Copula', 'Comparative', 'Superlative', 'Uncountable',
  'Actor', 'Expression', 'QuestionWord', 'Possessive', 'Reflexive', 'PhrasalVerb',
]);

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

function buildLexicon(): Lexicon {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const honorifics = new Set<string>();
  const places = new Map<string, GazetteerEntry>();
  const organizations = new Map<string, GazetteerEntry>();
  const common = new Set<string>();
  for (const [word, tags] of Object.entries(lexicon)) {
    const list = typeof tags === 'string' ? [tags] : tags;
    const key = lookupKey(word);
    for (const tag of list) {
      if (NAME_TAGS.has(tag)) firstNames.add(key);
      else if (tag === 'LastName') lastNames.add(key);
      else if (tag === 'Honorific') honorifics.add(key);
      else if (tag === 'City' || tag === 'Region' || tag === 'Place' || tag === 'Country') places.set(key, { type: 'LOCATION', canonical: titleCase(word) });
      else if (tag === 'Organization' || tag === 'SportsTeam') organizations.set(key, { type: 'ORGANIZATION', canonical: titleCase(word) });
      else if (COMMON_TAGS.has(tag) && !word.includes(' ')) common.add(key);
    }
  }
  return { firstNames, lastNames, honorifics, places, organizations, common };
}

const LEXICON = buildLexicon();

/**
 * Names the registries do not carry but news is full of: international bodies, news
 * organisations and the alias pairs the product brief names. Spelling → canonical and type.
 */
const KNOWN_NAMES: readonly (readonly [GazetteerEntry['type'], string, readonly string[]])[] = [
  ['ORGANIZATION', 'NATO', ['NATO', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'Nato']],
  ['ORGANIZATION', 'European Union', ['European Union', 'EU', 'E.U.']],
  ['ORGANIZATION', 'United Nations', ['United Nations', 'UN', 'U.N.']],
  ['ORGANIZATION', 'European Commission', ['European Commission']],
  ['ORGANIZATION', 'Kremlin', ['Kremlin']],
  ['ORGANIZATION', 'White House', ['White House']],
  ['ORGANIZATION', 'Pentagon', ['Pentagon']],
  ['ORGANIZATION', 'FBI', ['FBI', 'F.B.I.', 'Federal Bureau of Investigation']],
  ['ORGANIZATION', 'CIA', ['CIA', 'C.I.A.', 'Central Intelligence Agency']],
  ['ORGANIZATION', 'Congress', ['Congress']],
  ['ORGANIZATION', 'Senate', ['Senate']],
  ['ORGANIZATION', 'Xinhua', ['Xinhua', 'Xinhua News Agency']],
  ['ORGANIZATION', 'Reuters', ['Reuters', 'Thomson Reuters']],
  ['ORGANIZATION', 'Associated Press', ['Associated Press', 'AP']],
  ['ORGANIZATION', 'AFP', ['AFP', 'Agence France-Presse', 'Agence France Presse']],
  ['ORGANIZATION', 'RFE/RL', ['RFE/RL', 'Radio Free Europe/Radio Liberty', 'Radio Free Europe']],
  ['ORGANIZATION', 'Belt and Road Initiative', ['Belt and Road Initiative', 'Belt and Road', 'One Belt, One Road', 'One Belt One Road', 'OBOR', 'BRI', 'New Silk Road']],
  ['EVENT', 'Belt and Road Forum', ['Belt and Road Forum']],
  ['LOCATION', 'Europe', ['Europe']],
  ['LOCATION', 'Asia', ['Asia']],
  ['LOCATION', 'Africa', ['Africa']],
  ['LOCATION', 'Middle East', ['Middle East']],
  // "the West" of geopolitics (demonym of "Western" above).
  ['LOCATION', 'West', ['West']],
  ['LOCATION', 'Korean Peninsula', ['Korean Peninsula']],
  ['LOCATION', 'Taiwan', ['Taiwan']],
];

const KNOWN = new Map<string, GazetteerEntry>(
  KNOWN_NAMES.flatMap(([type, canonical, spellings]) => spellings.map((s) => [lookupKey(s), { type, canonical }] as const)),
);

/** Multi-word alias spellings with inner punctuation ("One Belt, One Road"), matched before name runs. */
export const PUNCTUATED_ALIASES: readonly string[] = KNOWN_NAMES.flatMap(([, , spellings]) => spellings.filter((s) => /[,/]/.test(s)));

/** The gazetteer entry for a name, or null. Known names and countries first, then capitals and lexicon places. */
export function lookupName(name: string): GazetteerEntry | null {
  const k = lookupKey(name);
  return KNOWN.get(k) ?? COUNTRIES.names.get(k) ?? COUNTRIES.capitals.get(k) ?? LEXICON.places.get(k) ?? LEXICON.organizations.get(k) ?? null;
}

/** The country a demonym names (`Hungarian` → Hungary), or null. */
export function demonymCountry(word: string): string | null {
  return demonymCountryOfKey(lookupKey(word));
}

/** {@link demonymCountry} of a word whose {@link lookupKey} the caller already holds. */
export function demonymCountryOfKey(key: string): string | null {
  return COUNTRIES.demonyms.get(key) ?? null;
}

/** Whether the word is a known given name (lexicon). */
export function isFirstName(word: string): boolean {
  return LEXICON.firstNames.has(lookupKey(word));
}

/** Whether the word is a known surname (lexicon). */
export function isLastName(word: string): boolean {
  return LEXICON.lastNames.has(lookupKey(word));
}

/** Whether the word is an honorific (`Mr`, `Dr`, `Sir`). */
export function isHonorific(word: string): boolean {
  return isHonorificKey(lookupKey(word));
}

/** {@link isHonorific} of a word whose {@link lookupKey} the caller already holds. */
export function isHonorificKey(key: string): boolean {
  return LEXICON.honorifics.has(key);
}

/** Whether the lower-cased word is ordinary vocabulary (a capitalised common word is weak evidence of a name). */
export function isCommonWord(word: string): boolean {
  return LEXICON.common.has(lookupKey(word));
}
