/**
 * Canonical entities: which mentions name the same thing, within one article and across the
 * articles of a story. Variants are merged by diacritics folding and transliteration keys,
 * gazetteer spellings (U.S. → United States, Turkey → Türkiye), acronyms defined in the text,
 * a later surname or short form after a full name — and never two people who share a surname
 * when the story gives no evidence which one is meant.
 */
import type { AnnotatedArticle, EntityKind, EntityMention, StoryEntity } from '../model.js';
import { isCommonWord, lookupName } from './gazetteer.js';
import { memoized } from '../util/memo.js';
import { foldDiacritics, nameKey, translitKey } from './text.js';

const CONNECTORS = new Set(['of', 'and', 'the', 'for', 'de', 'la', 'on']);

function initials(name: string): string {
  return nameKey(name)
    .split(' ')
    .filter((w) => w && !CONNECTORS.has(w))
    .map((w) => w[0])
    .join('');
}

/** How many letters carry diacritics: the native spelling of a name is preferred for display. */
function diacriticCount(s: string): number {
  let n = 0;
  for (const ch of s) if (ch !== foldDiacritics(ch)) n++;
  return n;
}

function isAcronym(s: string): boolean {
  return /^\p{Lu}[\p{Lu}.&/]{1,9}$/u.test(s.replace(/\s+/g, ''));
}

/**
 * Adds `canonical` (display name) and a matching `key` to every mention of one article.
 * Later short mentions take the full name they refer to ("Orbán" → "Viktor Orbán"), acronyms
 * the name they abbreviate, gazetteer spellings the registry name.
 */
export function canonicalizeMentions(text: string, mentions: readonly EntityMention[]): EntityMention[] {
  const canonical = new Array<string>(mentions.length);
  const kinds = mentions.map((m) => m.kind);
  // Each spelling's transliteration key, computed once per article: names recur, and the passes
  // below consult the key three times.
  const translitOf = new Map<string, string>();
  const translit = mentions.map((m) => {
    let tk = translitOf.get(m.text);
    if (tk === undefined) translitOf.set(m.text, (tk = translitKey(m.text)));
    return tk;
  });
  // Whether each mention is spelled as an acronym, tested once: the passes below ask up to three times.
  const acronym = mentions.map((m) => isAcronym(m.text));

  // 1. Gazetteer spellings and acronyms defined in the text: "European Commission (EC)".
  const acronyms = new Map<string, string>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const next = mentions[i + 1];
    if (next && m.text.includes(' ') && acronym[i + 1] && /^\s*\(\s*$/.test(text.slice(m.end, next.start)) && initialsCover(m.text, next.text)) {
      acronyms.set(next.text.replace(/\./g, ''), m.text);
    }
  }
  // Long organisation names by their initials, so an acronym finds its name in one lookup.
  const byInitials = new Map<string, Set<string>>();
  const textOfKey = new Map<string, string>();
  for (const o of mentions) {
    if (o.kind !== 'ORGANIZATION' || !o.key.includes(' ')) continue;
    const ini = initials(o.text);
    byInitials.set(ini, (byInitials.get(ini) ?? new Set()).add(o.key));
    if (!textOfKey.has(o.key)) textOfKey.set(o.key, o.text);
  }
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const known = lookupName(m.text);
    if (known) {
      canonical[i] = known.canonical;
      kinds[i] = known.type;
      continue;
    }
    const defined = acronyms.get(m.text.replace(/\./g, ''));
    if (defined) {
      canonical[i] = lookupName(defined)?.canonical ?? defined;
      kinds[i] = 'ORGANIZATION';
      continue;
    }
    if (acronym[i]) {
      // An undeclared acronym that spells exactly one long organisation name of the article.
      const spelled = byInitials.get(m.text.replace(/[^\p{Lu}]/gu, '').toLowerCase());
      if (spelled?.size === 1) canonical[i] = textOfKey.get([...spelled][0]!)!;
    }
  }

  // 2. People: full names (two words or more) grouped by transliteration key.
  const people = new Map<string, { display: string; words: string[] }>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (kinds[i] !== 'PERSON' || canonical[i] || !m.key.includes(' ')) continue;
    const tk = translit[i]!;
    const existing = people.get(tk);
    if (!existing) people.set(tk, { display: m.text, words: tk.split(' ') });
    else if (diacriticCount(m.text) > diacriticCount(existing.display)) existing.display = m.text;
  }
  const fullNames = [...people.entries()];
  // Full names by every tail of their words ("orban", "viktor orban") and by first word ("wang").
  const byTail = new Map<string, [string, { display: string; words: string[] }][]>();
  const byHead = new Map<string, [string, { display: string; words: string[] }][]>();
  for (const entry of fullNames) {
    const w = entry[1].words;
    for (let k = 1; k < w.length; k++) byTail.set(w.slice(k).join(' '), [...(byTail.get(w.slice(k).join(' ')) ?? []), entry]);
    byHead.set(w[0]!, [...(byHead.get(w[0]!) ?? []), entry]);
  }
  const firstSeen = new Map<string, number>();
  for (let i = 0; i < mentions.length; i++) {
    const tk = translit[i]!;
    if (people.has(tk) && !firstSeen.has(tk)) firstSeen.set(tk, mentions[i]!.start);
  }
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (canonical[i]) continue;
    const tk = translit[i]!;
    const full = people.get(tk);
    if (full) {
      canonical[i] = full.display;
      continue;
    }
    if (kinds[i] === 'PERSON' || kinds[i] === 'NAME' || (kinds[i] === 'ORGANIZATION' && !m.key.includes(' ') && !acronym[i])) {
      const words = tk.split(' ');
      // A surname (or a given-name-less short form) that fits exactly one full name of the article.
      const all = (byTail.get(words.join(' ')) ?? []).concat(words.length === 1 ? (byHead.get(words[0]!) ?? []) : []).filter((x, k, arr) => arr.indexOf(x) === k);
      // Two people sharing a surname: only a full name introduced before settles which one is meant.
      const before = all.filter(([k]) => (firstSeen.get(k) ?? Infinity) < m.start);
      const fits = all.length === 1 ? all : before.length === 1 ? before : [];
      if (fits.length === 1) {
        canonical[i] = fits[0]![1].display;
        kinds[i] = 'PERSON';
        continue;
      }
    }
  }

  // 3. Organisations and places: a short form of exactly one longer name ("Northrop" → "Northrop Grumman").
  const shortForms = new Map<string, Set<string>>();
  const firstText = new Map<string, string>();
  // A name mentioned again with the same type, key and spelling adds nothing the first mention
  // did not: names recur through an article, and each mention cost two joins per word.
  const done = new Set<string>();
  for (let j = 0; j < mentions.length; j++) {
    const o = mentions[j]!;
    if (!o.key.includes(' ')) continue;
    const w = o.key.split(' ');
    if (w.length > 12) continue;
    // Type, key length, key and spelling: one string per distinct triple.
    const seen = `${kinds[j]} ${o.key.length} ${o.key}${o.text}`;
    if (done.has(seen)) continue;
    done.add(seen);
    if (!firstText.has(o.key)) firstText.set(o.key, o.text);
    const written = o.text.split(/\s+/);
    for (let k = 1; k < w.length; k++) {
      const head = `${kinds[j]} ${w.slice(0, k).join(' ')}`;
      if (!genericTail(written, k)) shortForms.set(head, (shortForms.get(head) ?? new Set()).add(o.key));
      const tail = `${kinds[j]} ${w.slice(k).join(' ')}`;
      shortForms.set(tail, (shortForms.get(tail) ?? new Set()).add(o.key));
    }
  }
  for (let i = 0; i < mentions.length; i++) {
    if (canonical[i]) continue;
    const m = mentions[i]!;
    if ((kinds[i] === 'ORGANIZATION' || kinds[i] === 'LOCATION' || kinds[i] === 'EVENT') && !acronym[i]) {
      const longer = shortForms.get(`${kinds[i]} ${m.key}`);
      if (longer?.size === 1) {
        canonical[i] = firstText.get([...longer][0]!)!;
        continue;
      }
    }
    canonical[i] = m.text;
  }

  const keyOf = new Map<string, string>();
  return mentions.map((m, i) => {
    const name = canonical[i]!;
    let key = keyOf.get(name);
    if (key === undefined) keyOf.set(name, (key = nameKey(name)));
    return canonicalMention(m, kinds[i]!, name, key);
  });
}

/**
 * A mention with its article-level type, canonical name and key. Built field by field (every
 * field of {@link EntityMention}), in the order `{ ...m, kind, canonical, key }` gives a mention
 * of `findEntities` (start, end, text, key, kind, role if any, canonical): spreading two shapes
 * of mention, with and without a role, was the slowest step of canonicalising. A mention that
 * already has a canonical name is spread as before.
 */
function canonicalMention(m: EntityMention, kind: EntityKind, canonical: string, key: string): EntityMention {
  if (m.canonical !== undefined) return { ...m, kind, canonical, key };
  return m.role === undefined ? { start: m.start, end: m.end, text: m.text, key, kind, canonical } : { start: m.start, end: m.end, text: m.text, key, kind, role: m.role, canonical };
}

/**
 * "Estmark Development Bank" after "Estmark": the rest is generic words, so "Estmark" is not its
 * short form. `written` is the name as written, split at whitespace.
 */
function genericTail(written: readonly string[], skip: number): boolean {
  const tail = written.slice(skip);
  // One more word is a short form ("Northrop" / "Northrop Grumman", "Huawei" / "Huawei Technologies");
  // two or more make a different body named after the first ("Estmark" / "Estmark Development Bank").
  return tail.length > 1 || tail.every((w) => isCommonWord(w));
}

function initialsCover(name: string, acronym: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '').toLowerCase();
  const words = nameKey(name).split(' ');
  // Every acronym letter starts some word, in order ("European Aeronautic Defence and Space Company" → EADS).
  let w = 0;
  for (const ch of letters) {
    while (w < words.length && words[w]![0] !== ch) w++;
    if (w === words.length) return false;
    w++;
  }
  return letters.length >= 2;
}

function endsWith(words: readonly string[], tail: readonly string[]): boolean {
  if (tail.length >= words.length) return false;
  return tail.every((w, i) => words[words.length - tail.length + i] === w);
}

export function startsWith(words: readonly string[], head: readonly string[]): boolean {
  if (head.length >= words.length) return false;
  return head.every((w, i) => words[i] === w);
}

/** Words that join a title or a body's name, never a person's ("de" and "la" do: "Charles de Gaulle"). */
const TITLE_CONNECTORS = new Set(['of', 'and', 'the', 'for', 'on']);

/** Legal-form words that end a company's name without changing which company it is. */
const LEGAL_FORMS = new Set(['inc', 'incorporated', 'corp', 'corporation', 'company', 'ltd', 'limited', 'llc', 'plc', 'co', 'gmbh', 'ag', 'sa', 'nv', 'bv', 'spa', 'ab', 'oyj', 'asa']);

/**
 * The key that groups spellings across articles: the transliteration key, and for organisations
 * without a legal form at the end ("Apple Inc." and "Apple" are one company).
 */
function unitKey(name: string, kind: EntityKind, translit: (s: string) => string): string {
  const tk = translit(name);
  if (kind !== 'ORGANIZATION' && kind !== 'NAME') return tk;
  const cut = tk.lastIndexOf(' ');
  return cut > 0 && LEGAL_FORMS.has(tk.slice(cut + 1)) ? tk.slice(0, cut) : tk;
}

/** Broad classes that may merge: an untyped name can join a person or an organisation. */
function typeClass(kind: EntityKind): string {
  // Typing people and organisations from the name alone errs; the same spelled name is one entity.
  return kind === 'NAME' || kind === 'PERSON' || kind === 'ORGANIZATION' ? 'AGENT' : kind;
}

interface Unit {
  key: string;
  words: string[];
  kind: EntityKind;
  displays: Map<string, number>;
  variants: Set<string>;
  articles: Set<string>;
  mentions: number;
}

/**
 * The canonical entities of a story (or any set of articles): article-level canonical names
 * merged across articles by transliteration key, with a short name joined to the one full name
 * of the story it fits. Ordered by number of articles, then mentions.
 */
export function groupEntities(articles: readonly Pick<AnnotatedArticle, 'id' | 'entities'>[]): StoryEntity[] {
  return groupEntitiesWithMentions(articles).entities;
}

/**
 * {@link groupEntities}, also saying for every mention of every article which story entity
 * (by index into `entities`) it belongs to: `mentions.get(articleId)[i]` for `entities[i]` of that article.
 */
export function groupEntitiesWithMentions(articles: readonly Pick<AnnotatedArticle, 'id' | 'entities'>[]): { entities: StoryEntity[]; mentions: Map<string, number[]> } {
  // A story repeats its names in every article: each spelling's key is computed once.
  const translit = memoized(translitKey);
  const keyOf = (name: string, kind: EntityKind): string => unitKey(name, kind, translit);
  // Units by type class, then key (two lookups of remembered strings instead of hashing a joined
  // key for every mention); `list` keeps them in order of first mention.
  const units = new Map<string, Map<string, Unit>>();
  const list: Unit[] = [];
  const unitOfMention = new Map<string, (Unit | null)[]>();
  for (const article of articles) {
    const assigned: (Unit | null)[] = [];
    unitOfMention.set(article.id, assigned);
    for (const m of article.entities) {
      const name = m.canonical ?? m.text;
      const tk = keyOf(name, m.kind);
      assigned.push(null);
      if (!tk) continue;
      const type = typeClass(m.kind);
      let ofType = units.get(type);
      if (!ofType) units.set(type, (ofType = new Map()));
      let u = ofType.get(tk);
      if (!u) {
        u = { key: tk, words: tk.split(' '), kind: m.kind, displays: new Map(), variants: new Set(), articles: new Set(), mentions: 0 };
        ofType.set(tk, u);
        list.push(u);
      }
      assigned[assigned.length - 1] = u;
      u.displays.set(name, (u.displays.get(name) ?? 0) + 1);
      u.variants.add(m.text);
      u.articles.add(article.id);
      u.mentions++;
    }
  }
  // Union short units into the one longer unit of a compatible type that they fit.
  const parent = new Map<Unit, Unit>();
  const find = (u: Unit): Unit => {
    let r = u;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  // A unit a shorter one fits shares its first word or its last: only those are tested (in list
  // order), instead of every unit of the story for every unit.
  const position = new Map<Unit, number>();
  const byFirst = new Map<string, Unit[]>();
  const byLast = new Map<string, Unit[]>();
  list.forEach((u, i) => {
    position.set(u, i);
    pushTo(byFirst, u.words[0]!, u);
    pushTo(byLast, u.words[u.words.length - 1]!, u);
  });
  for (const u of list) {
    const near = new Set([...(byFirst.get(u.words[0]!) ?? []), ...(byLast.get(u.words[u.words.length - 1]!) ?? [])]);
    const candidates = [...near]
      .sort((a, b) => position.get(a)! - position.get(b)!)
      .filter(
        (o) => o !== u && o.words.length > u.words.length && compatible(u.kind, o.kind) && (endsWith(o.words, u.words) || (u.kind !== 'PERSON' && startsWith(o.words, u.words)) || (u.words.length === 1 && o.kind === 'PERSON' && o.words[0] === u.words[0])),
      );
    let roots = new Set(candidates.map(find));
    // "Trump" fits "Donald Trump" and a heading run "James Comey on Trump": a name with a connector
    // inside is a title or a body, not the full form of a person's surname.
    if (roots.size > 1 && u.kind === 'PERSON') roots = new Set(candidates.filter((o) => o.kind === 'PERSON' && !o.words.some((w) => TITLE_CONNECTORS.has(w))).map(find));
    if (roots.size === 1) parent.set(u, [...roots][0]!);
  }
  // Same-type units whose names differ only in an initial ("V. Orban" / "Viktor Orban") stay apart: no evidence beyond a letter.
  const groups = new Map<Unit, Unit[]>();
  for (const u of list) {
    const r = find(u);
    pushTo(groups, r, u);
  }
  const out: (StoryEntity & { root: Unit })[] = [];
  for (const [root, members] of groups) {
    const displays = new Map<string, number>();
    const variants = new Set<string>();
    const articlesSet = new Set<string>();
    let mentions = 0;
    const kinds = new Map<EntityKind, number>();
    for (const u of members) {
      for (const [d, n] of u.displays) if (keyOf(d, root.kind) === root.key) displays.set(d, (displays.get(d) ?? 0) + n);
      u.variants.forEach((v) => variants.add(v));
      u.articles.forEach((a) => articlesSet.add(a));
      mentions += u.mentions;
      if (u.kind !== 'NAME') kinds.set(u.kind, (kinds.get(u.kind) ?? 0) + u.mentions);
    }
    const kind = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? root.kind;
    out.push({
      name: displayName(displays, translit),
      type: kind === 'NAME' ? 'ORGANIZATION' : kind,
      variants: [...variants].sort(),
      articles: [...articlesSet].sort(),
      mentions,
      root,
    });
  }
  out.sort((a, b) => b.articles.length - a.articles.length || b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
  const indexOfRoot = new Map(out.map((e, i) => [e.root, i]));
  const mentionsOut = new Map<string, number[]>();
  for (const [articleId, assigned] of unitOfMention) mentionsOut.set(articleId, assigned.map((u) => (u ? indexOfRoot.get(find(u))! : -1)));
  return { entities: out.map(({ root: _root, ...e }) => e), mentions: mentionsOut };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const at = map.get(key);
  if (at) at.push(value);
  else map.set(key, [value]);
}

function compatible(a: EntityKind, b: EntityKind): boolean {
  return a === b || a === 'NAME' || b === 'NAME' || (a === 'ORGANIZATION' && b === 'PERSON');
}

/**
 * The display name of merged spellings: word by word, the spelling with diacritics wins
 * ("Sandor Pintér" + "Sándor Pinter" → "Sándor Pintér"); otherwise the most frequent.
 */
function displayName(displays: ReadonlyMap<string, number>, translit: (s: string) => string): string {
  const ranked = [...displays.entries()].sort((a, b) => b[1] - a[1] || diacriticCount(b[0]) - diacriticCount(a[0]) || (a[0] < b[0] ? -1 : 1));
  const base = ranked[0]?.[0] ?? '';
  const words = base.split(/(\s+)/);
  return words
    .map((w) => {
      if (/^\s+$/.test(w)) return w;
      const tk = translit(w);
      let best = w;
      for (const [d] of ranked) for (const dw of d.split(/\s+/)) if (translit(dw) === tk && diacriticCount(dw) > diacriticCount(best) && foldDiacritics(dw) === foldDiacritics(w)) best = dw;
      return best;
    })
    .join('');
}
