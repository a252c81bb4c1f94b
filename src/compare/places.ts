/**
 * Places, for telling a real disagreement ("near Budapest" / "near Bratislava") from two ways of
 * naming one place ("Budapest" / "the Hungarian capital", a city and the country around it).
 * Built once from the world-countries data (countries, demonyms, capitals).
 */
import { createRequire } from 'node:module';
import { foldDiacritics } from '../annotate/text.js';

/** A place named in a claim. */
export interface Place {
  /** Canonical name (`Budapest`, `Hungary`). */
  readonly name: string;
  readonly kind: 'city' | 'country';
  /** ISO 3166 alpha-2 code of the country the place is or lies in. */
  readonly country: string;
}

interface CountryRecord {
  readonly name: { readonly common: string; readonly official: string };
  readonly cca2: string;
  readonly capital?: readonly string[];
  readonly altSpellings?: readonly string[];
  readonly demonyms?: { readonly eng?: { readonly f: string; readonly m: string } };
}

/** The gazetteer: lookups by folded lower-case name. */
export interface Gazetteer {
  /** Places by name (`budapest`, `hungary`, `the hungarian capital`). */
  readonly byName: ReadonlyMap<string, Place>;
  /** Longest name in words, to bound phrase lookups. */
  readonly maxWords: number;
  /** First words of the names: a phrase starting with any other word names no place. */
  readonly firstWords: ReadonlySet<string>;
}

const key = (s: string): string => foldDiacritics(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Builds the gazetteer from the bundled country data. Call once per comparison run. */
export function loadGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as readonly CountryRecord[];
  const byName = new Map<string, Place>();
  const add = (name: string, place: Place): void => {
    const k = key(name);
    // Two-letter codes and short alt spellings ("HU") would match ordinary words.
    if (k.length < 4 || byName.has(k)) return;
    byName.set(k, place);
  };
  for (const c of countries) {
    const country: Place = { name: c.name.common, kind: 'country', country: c.cca2 };
    add(c.name.common, country);
    add(c.name.official, country);
    for (const alt of c.altSpellings ?? []) if (/\s/.test(alt) || alt.length > 4) add(alt, country);
    const capital = c.capital?.[0];
    if (!capital) continue;
    const city: Place = { name: capital, kind: 'city', country: c.cca2 };
    add(capital, city);
    const demonym = c.demonyms?.eng?.m;
    const names = [c.name.common, ...(demonym ? [demonym] : [])];
    for (const n of names) {
      add(`the ${n} capital`, city);
      add(`${n} capital`, city);
    }
    add(`the capital of ${c.name.common}`, city);
    add(`capital of ${c.name.common}`, city);
  }
  // Common short forms the data leaves out.
  for (const [alias, target] of [['US', 'United States'], ['U.S.', 'United States'], ['UK', 'United Kingdom'], ['Britain', 'United Kingdom'], ['Turkey', 'Turkey']] as const) {
    const place = byName.get(key(target));
    if (place) byName.set(key(alias), place);
  }
  const maxWords = Math.max(...[...byName.keys()].map((k) => k.split(' ').length));
  const firstWords = new Set([...byName.keys()].map((k) => k.split(' ')[0]!));
  return { byName, maxWords, firstWords };
}

/**
 * Whether two places can both be true of one event: the same place, or one lies in the other.
 * Anything the gazetteer cannot place is treated as compatible: unknown is not a disagreement.
 */
export function placesCompatible(a: Place, b: Place): boolean {
  if (a.name === b.name) return true;
  if (a.kind === 'country' || b.kind === 'country') return a.country === b.country;
  return false;
}

/** Looks a phrase up ("the Hungarian capital", "Budapest"). */
export function lookupPlace(gazetteer: Gazetteer, phrase: string): Place | null {
  return gazetteer.byName.get(key(phrase)) ?? null;
}

/** Whether a phrase starting with this word can name a place: checked before longer lookups. */
export function mayStartPlace(gazetteer: Gazetteer, word: string): boolean {
  return gazetteer.firstWords.has(key(word).split(' ')[0]!);
}
