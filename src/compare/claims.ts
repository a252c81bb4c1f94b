/**
 * Claims: each substantive sentence is a claim; claims of different articles that say the same
 * thing (most content words shared once the slot values are set aside) are aligned into claim
 * groups. Aligned claims are then compared slot by slot. A difference is a conflict only when
 * the two values cannot both be true: a city and the country around it, "Budapest" and "the
 * Hungarian capital", "about 14" and "14", "Sunday" and the date that Sunday was, or two
 * spellings of one name are the same fact told differently.
 */
import { DEFAULT_CONFIG, type ClaimConfig } from '../config.js';
import type { ClaimGroup, ClaimStatus, Conflict, ConflictSlot } from '../model.js';
import { sortByKey } from './order.js';
import { placesCompatible } from './places.js';
import type { PreparedArticle, PreparedSentence } from './prepare.js';
import type { SentencePairs } from './similar.js';
import { CONTRACTED, personFinder, samePerson, type NumberSlot, type PersonSlot, type TimeSlot } from './slots.js';
import { dice } from './text.js';

/** Thresholds of claim alignment and conflict detection: documented in the configuration (`compare.claims`). */
export type { ClaimConfig };

/** The shipped defaults (`DEFAULT_CONFIG.compare.claims`). */
export const DEFAULT_CLAIMS: ClaimConfig = DEFAULT_CONFIG.compare.claims;

/** A sentence reference: article index and sentence index. */
export interface SentenceRef {
  readonly a: number;
  readonly i: number;
}

/** A conflict with the sentences behind it, before it is shown. */
export interface FoundConflict {
  readonly slot: ConflictSlot;
  readonly sides: readonly { readonly value: string; readonly key: string; readonly ref: SentenceRef }[];
  readonly why: string;
}

/** Whether a sentence states something: headings and bare credit lines do not. */
export function isClaim(s: PreparedSentence): boolean {
  if (s.claimStems.size < 3) return false;
  if (/^(?:source|sources|credit|photo|image)s?:/i.test(s.text)) return false;
  // A heading: short and without a closing punctuation mark.
  return /[.!?"”’)]$/.test(s.text) || s.tokens.length > 14;
}

/** Groups aligned claims: greedy on the best pairs, at most one claim per article per group. */
export function groupClaims(articles: readonly PreparedArticle[], pairs: SentencePairs, config: ClaimConfig = DEFAULT_CLAIMS): SentenceRef[][] {
  // Sentences by number (article-major), each claim starting in a group of its own.
  const first: number[] = [];
  let total = 0;
  for (const art of articles) {
    first.push(total);
    total += art.sentences.length;
  }
  const groupOf = new Int32Array(total).fill(-1);
  const groups: SentenceRef[][] = [];
  const groupArticles: Set<number>[] = [];
  // Whether a sentence is a claim depends on its wording only: asked once per wording.
  const claimWording: (boolean | undefined)[] = [];
  articles.forEach((art, a) =>
    art.sentences.forEach((s, i) => {
      if (!(claimWording[s.wording] ??= isClaim(s))) return;
      groupOf[first[a]! + i] = groups.length;
      groups.push([{ a, i }]);
      groupArticles.push(new Set([a]));
    }),
  );
  const ordered = bestPairsFirst(
    pairs,
    config.group,
    articles.length,
    articles.reduce((most, art) => Math.max(most, art.sentences.length), 0),
  );
  for (const r of ordered) {
    const g = groupOf[first[pairs.a[r]!]! + pairs.i[r]!]!;
    const h = groupOf[first[pairs.b[r]!]! + pairs.j[r]!]!;
    if (g < 0 || h < 0 || g === h) continue;
    const ga = groupArticles[g]!;
    const ha = groupArticles[h]!;
    if (overlap(ga, ha)) continue;
    const gs = groups[g]!;
    const hs = groups[h]!;
    for (const r of hs) {
      groupOf[first[r.a]! + r.i] = g;
      ga.add(r.a);
    }
    gs.push(...hs);
    hs.length = 0;
  }
  return groups.filter((g) => g.length > 0).map((g) => g.sort((x, y) => x.a - y.a || x.i - y.i));
}

/** Whether two sets share a member (looking up the smaller's members in the larger). */
function overlap(x: ReadonlySet<number>, y: ReadonlySet<number>): boolean {
  const small = x.size <= y.size ? x : y;
  const large = small === x ? y : x;
  for (const v of small) if (large.has(v)) return true;
  return false;
}

/**
 * The rows of pairs with a claim similarity of at least `min`, best first; among equals, in
 * sentence order (`a`, `i`, `b`, `j`). Sorted on one integer key per row (the rank of its
 * similarity, then its sentences) when that key is exact in a double, which it is for any story
 * that is not enormous. Similarities are per kind of pair: ranked once per kind, not per row.
 */
function bestPairsFirst(pairs: SentencePairs, min: number, articleCount: number, sentenceCount: number): number[] {
  const rows: number[] = [];
  for (let r = 0; r < pairs.length; r++) if (pairs.claim[pairs.kind[r]!]! >= min) rows.push(r);
  // The distinct similarities of the kinds kept, best first (a native sort of numbers), and each kind's rank among them.
  const kept = new Uint8Array(pairs.claim.length);
  for (const r of rows) kept[pairs.kind[r]!] = 1;
  const values: number[] = [];
  for (let k = 0; k < kept.length; k++) if (kept[k]) values.push(-pairs.claim[k]!);
  const sorted = Float64Array.from(values).sort();
  const claims: number[] = [];
  for (const c of sorted) if (claims.length === 0 || claims[claims.length - 1] !== c) claims.push(c);
  const rankOf = new Map(claims.map((c, k) => [-c, k]));
  const rank = new Int32Array(kept.length);
  for (let k = 0; k < kept.length; k++) if (kept[k]) rank[k] = rankOf.get(pairs.claim[k]!)!;
  const { a, i, b, j, kind } = pairs;
  const bound = claims.length * articleCount * sentenceCount * articleCount * sentenceCount;
  if (bound >= 2 ** 53) return rows.sort((x, y) => rank[kind[x]!]! - rank[kind[y]!]! || a[x]! - a[y]! || i[x]! - i[y]! || b[x]! - b[y]! || j[x]! - j[y]!);
  return sortByKey(rows, (r) => (((rank[kind[r]!]! * articleCount + a[r]!) * sentenceCount + i[r]!) * articleCount + b[r]!) * sentenceCount + j[r]!, bound);
}

/** What comparing two sentence variants found: conflicts with placeholder sides, and two different actors to check. */
interface Verdict {
  readonly found: readonly FoundConflict[];
  readonly actor: readonly [PersonSlot, PersonSlot] | null;
}

/** Finds conflicts between aligned claims of different articles. */
export function findConflicts(articles: readonly PreparedArticle[], pairs: SentencePairs, config: ClaimConfig = DEFAULT_CLAIMS): FoundConflict[] {
  const out: FoundConflict[] = [];
  // Whether an article names someone who may be a given person (asked for many statement pairs),
  // from an index of its names made on first asking: most articles are never asked.
  const finders: ((key: string) => boolean)[] = [];
  // Asked again for each pair of copies of two statements: answers kept per article.
  const asked: Map<string, boolean>[] = [];
  const namesPerson = (a: number, key: string): boolean => {
    const known = (asked[a] ??= new Map());
    let answer = known.get(key);
    if (answer === undefined) {
      answer = (finders[a] ??= personFinder(articles[a]!.sentences.flatMap((s) => s.slots.persons.map((p) => p.key))))(key);
      known.set(key, answer);
    }
    return answer;
  };
  // Copies repeat sentence pairs: two sentence variants (a variant fixes the wording and the day,
  // hence every slot) are compared once, and the result given to every pair of their occurrences
  // (placeholders stand for the sentences). Null: nothing can come of the pair (the same words,
  // which cannot disagree with themselves, or not two claims, or no disagreement at all).
  const X: SentenceRef = { a: -1, i: -1 };
  const Y: SentenceRef = { a: -2, i: -2 };
  const verdicts = new Map<number, Verdict | null>();
  const claim = new Map<number, boolean>();
  let span = 1;
  for (const art of articles) for (const s of art.sentences) span = Math.max(span, s.variant + 1, s.wording + 1);
  const isClaimWording = (s: PreparedSentence): boolean => {
    let c = claim.get(s.wording);
    if (c === undefined) claim.set(s.wording, (c = isClaim(s)));
    return c;
  };
  const judge = (s: PreparedSentence, t: PreparedSentence, sim: number): Verdict | null => {
    if (s.wording === t.wording || s.text === t.text || !isClaimWording(s) || !isClaimWording(t)) return null;
    const numbers = numberConflicts(s, t, X, Y, sim, config);
    const times = timeConflicts(s, t, X, Y, sim, config);
    const aligned = sim >= config.compare;
    const rest = aligned ? [...placeConflicts(s, t, X, Y), ...predicateConflicts(s, t, X, Y, sim)] : [];
    const actor = aligned ? differentActors(s, t, config) : null;
    if (numbers.length === 0 && times.length === 0 && rest.length === 0 && !actor) return null;
    return { found: [...numbers, ...times, ...rest], actor };
  };
  for (let r = 0; r < pairs.length; r++) {
    const pa = pairs.a[r]!;
    const pb = pairs.b[r]!;
    const s = articles[pa]!.sentences[pairs.i[r]!]!;
    const t = articles[pb]!.sentences[pairs.j[r]!]!;
    const key = s.variant * span + t.variant;
    let verdict = verdicts.get(key);
    if (verdict === undefined) verdicts.set(key, (verdict = judge(s, t, pairs.claim[pairs.kind[r]!]!)));
    if (verdict === null) continue;
    const x = { a: pa, i: pairs.i[r]! };
    const y = { a: pb, i: pairs.j[r]! };
    for (const c of verdict.found) out.push({ ...c, sides: c.sides.map((d) => ({ ...d, ref: d.ref === X ? x : y })) });
    const actor = verdict.actor;
    // Each article names only its own actor: if either names both people, they are two people.
    if (actor && !namesPerson(pa, actor[1].key) && !namesPerson(pb, actor[0].key)) {
      out.push({ slot: 'person', sides: [side(actor[0].text, actor[0].key, x), side(actor[1].text, actor[1].key, y)], why: `aligned statements name different people as the one who acted` });
    }
  }
  out.push(...roleConflicts(articles, namesPerson));
  out.push(...eventPlaceConflicts(articles));
  return out;
}

function shareContext(a: readonly string[], b: readonly string[], unit: string | null): boolean {
  return a.some((w) => w !== unit && b.includes(w));
}

function numberConflicts(s: PreparedSentence, t: PreparedSentence, x: SentenceRef, y: SentenceRef, sim: number, config: ClaimConfig): FoundConflict[] {
  const out: FoundConflict[] = [];
  for (const m of s.slots.numbers) {
    for (const n of t.slots.numbers) {
      if (!m.unit || m.unit !== n.unit) continue;
      const aligned = sim >= config.compare || (sim >= config.compareWithContext && shareContext(m.context, n.context, m.unit));
      if (!aligned) continue;
      // Any value inside both intervals makes the two statements compatible.
      if (m.lo <= n.hi && n.lo <= m.hi) continue;
      // The same sentence may give several counts of one unit; a match elsewhere in it is agreement.
      if (t.slots.numbers.some((o) => o.unit === m.unit && m.lo <= o.hi && o.lo <= m.hi)) continue;
      if (s.slots.numbers.some((o) => o.unit === n.unit && n.lo <= o.hi && o.lo <= n.hi)) continue;
      out.push({
        slot: 'number',
        sides: [side(numberValue(m), `${m.lo}`, x), side(numberValue(n), `${n.lo}`, y)],
        why: `both count "${m.unit}" in aligned statements, and ${describe(m)} and ${describe(n)} cannot both hold`,
      });
    }
  }
  return out;
}

function numberValue(n: NumberSlot): string {
  const exact = n.lo === n.hi ? n.lo : null;
  return exact !== null && !/^[$€]?[\d,.]+$/.test(n.text.split(/\s/)[0] ?? '') ? `${n.text} (${exact})` : n.text;
}

function describe(n: NumberSlot): string {
  if (n.lo === n.hi) return `${n.lo}`;
  if (n.hi === Infinity) return `more than ${n.lo}`;
  return `${Math.round(n.lo)}–${Math.round(n.hi)}`;
}

function timeConflicts(s: PreparedSentence, t: PreparedSentence, x: SentenceRef, y: SentenceRef, sim: number, config: ClaimConfig): FoundConflict[] {
  const out: FoundConflict[] = [];
  const event = (ts: readonly TimeSlot[]): TimeSlot[] => ts.filter((v) => !v.reporting);
  for (const m of event(s.slots.times)) {
    for (const n of event(t.slots.times)) {
      // Clock times may align on their own context ("began at 8 a.m." / "started at 6 a.m."); days need
      // aligned statements, since a story runs over several days ("on Wednesday, the second day").
      const clocks = m.clock !== null && n.clock !== null;
      const aligned = sim >= config.compare || (clocks && sim >= config.compareWithContext && shareContext(m.context, n.context, null));
      if (!aligned) continue;
      if (clocks) {
        // Clock times an hour or more apart, for the same event in aligned statements.
        if (Math.abs(m.clock - n.clock) < 60) continue;
        if (event(t.slots.times).some((o) => o.clock === m.clock) || event(s.slots.times).some((o) => o.clock === n.clock)) continue;
        out.push({ slot: 'time', sides: [side(m.text, `c${m.clock}`, x), side(n.text, `c${n.clock}`, y)], why: `aligned statements put the same event at ${m.text} and ${n.text}` });
        continue;
      }
      if (m.clock !== null || n.clock !== null) continue;
      const dm = m.day ?? m.weekday;
      const dn = n.day ?? n.weekday;
      if (!dm || !dn || dm === dn) continue;
      // A weekday without a date against a date: cannot tell, not a conflict.
      if ((m.day === null) !== (n.day === null)) continue;
      if (event(t.slots.times).some((o) => (o.day ?? o.weekday) === dm) || event(s.slots.times).some((o) => (o.day ?? o.weekday) === dn)) continue;
      out.push({
        slot: 'time',
        sides: [side(m.day && m.weekday ? `${m.text} (${m.day})` : m.text, dm, x), side(n.day && n.weekday ? `${n.text} (${n.day})` : n.text, dn, y)],
        why: `aligned statements date the event ${m.day ?? m.text} and ${n.day ?? n.text}`,
      });
    }
  }
  return out;
}

function placeConflicts(s: PreparedSentence, t: PreparedSentence, x: SentenceRef, y: SentenceRef): FoundConflict[] {
  const out: FoundConflict[] = [];
  for (const m of s.slots.places) {
    for (const n of t.slots.places) {
      if (m.preposition === 'to' || n.preposition === 'to' || placesCompatible(m.place, n.place)) continue;
      if (t.slots.places.some((o) => placesCompatible(o.place, m.place)) || s.slots.places.some((o) => placesCompatible(o.place, n.place))) continue;
      out.push({
        slot: 'place',
        sides: [side(placeValue(m.text, m.place.name), m.place.name, x), side(placeValue(n.text, n.place.name), n.place.name, y)],
        why: `aligned statements place it ${m.preposition} ${m.place.name} and ${n.preposition} ${n.place.name}, which are different places`,
      });
    }
  }
  return out;
}

function placeValue(text: string, name: string): string {
  return text.toLowerCase() === name.toLowerCase() ? name : `${text.replace(/^the /, 'the ').replace(/\b(\p{Ll})(\p{Ll}+an)\b/gu, (_m, a: string, b: string) => a.toUpperCase() + b)} (${name})`;
}

/**
 * Negation and modality: the same predicate stated in one claim and denied (or only called
 * possible) in the other.
 */
function predicateConflicts(s: PreparedSentence, t: PreparedSentence, x: SentenceRef, y: SentenceRef, sim: number): FoundConflict[] {
  const out: FoundConflict[] = [];
  const pairs: [PreparedSentence, PreparedSentence, SentenceRef, SentenceRef][] = [
    [s, t, x, y],
    [t, s, y, x],
  ];
  // Quoted words are a speaker's claim, narration is the outlet's: one quoting a denial while the
  // other narrates the act is two claims, not a disagreement.
  const quoted = (x: PreparedSentence, st: string): boolean => x.tokens.find((t) => t.stem === st)?.quoted ?? false;
  for (const [u, v, ru, rv] of pairs) {
    // One disagreement per statement pair: "did not receive funding" is one denial, not two.
    // The other must state the same word as a predicate (not "the visit" against "would not visit"),
    // about the same things (not "you know" against "I don't know what to make of it").
    const denied = u.slots.negated.filter(
      (w) => v.slots.asserted.includes(w) && !v.slots.negated.includes(w) && !v.slots.possible.includes(w) && quoted(u, w) === quoted(v, w) && sameArguments(u, v, w),
    );
    for (const st of denied.slice(0, 1)) {
      out.push({
        slot: 'negation',
        sides: [side(phraseOf(u, st, true, true), `not ${st}`, ru), side(phraseOf(v, st, false, false), st, rv)],
        why: `aligned statements (similarity ${sim.toFixed(2)}): one denies what the other states`,
      });
    }
    for (const st of u.slots.possible.filter((w) => v.slots.done.includes(w) && quoted(u, w) === quoted(v, w)).slice(0, 1)) {
      out.push({
        slot: 'modality',
        sides: [side(phraseOf(v, st, true), `done ${st}`, rv), side(phraseOf(u, st, true), `possible ${st}`, ru)],
        why: `one statement says it happened, the other only that it may`,
      });
    }
  }
  return out;
}

/** Words shown before a predicate: auxiliaries, modals and negations ("did not", "has", "could"). */
const LEAD = new Set([
  'not', 'never', 'has', 'have', 'had', 'could', 'may', 'might', 'considering', 'is', 'are', 'was', 'were', 'be', 'been',
  'do', 'does', 'did', 'will', 'would', 'should', 'can', 'must', 't', ...CONTRACTED,
]);

/**
 * The words of a sentence around a predicate stem: the auxiliary or modal and the verb. With
 * `negated` given, the occurrence under a negation (true) or not under one (false) is shown.
 */
function phraseOf(s: PreparedSentence, st: string, withLead: boolean, negated?: boolean): string {
  const at = s.tokens.flatMap((t, k) => (t.stem === st ? [k] : []));
  if (at.length === 0) return st;
  const underNegation = (k: number): boolean => s.tokens.slice(Math.max(0, k - 4), k).some((t) => t.norm === 'not' || t.norm === 'never' || t.norm === 't');
  const k = (negated === undefined ? undefined : at.find((i) => underNegation(i) === negated)) ?? at[0]!;
  let from = k;
  if (withLead) {
    for (let b = k - 1; b >= Math.max(0, k - 3); b--) {
      if (LEAD.has(s.tokens[b]!.norm)) from = b;
      else break;
    }
  }
  return s.text.slice(s.tokens[from]!.start - s.tokensAt, s.tokens[k]!.end - s.tokensAt);
}

/** Whether some use of the predicate stem in each sentence has content words in common around it (who did it, to what). */
function sameArguments(u: PreparedSentence, v: PreparedSentence, st: string): boolean {
  const around = (s: PreparedSentence): Set<string> => {
    const out = new Set<string>();
    s.tokens.forEach((t, k) => {
      if (t.stem !== st) return;
      for (let b = Math.max(0, k - 6); b < Math.min(s.tokens.length, k + 7); b++) {
        const w = s.tokens[b]!;
        if (!w.stop && !w.number && w.norm.length > 1 && !CONTRACTED.has(w.norm) && w.stem !== st) out.add(w.stem);
      }
    });
    return out;
  };
  const a = around(u);
  return [...around(v)].some((w) => a.has(w));
}

/**
 * The one who acts differs: "Minister A opened the plant" against "Prime Minister B opened the
 * plant". Returns the two actors when the statements otherwise agree; the caller still checks
 * that neither article names both people.
 */
function differentActors(s: PreparedSentence, t: PreparedSentence, config: ClaimConfig): readonly [PersonSlot, PersonSlot] | null {
  const m = s.slots.persons.find((p) => p.subject);
  const n = t.slots.persons.find((p) => p.subject);
  if (!m || !n || samePerson(m.key, n.key)) return null;
  const nameWords = new Set([...m.key.split(' '), ...n.key.split(' ')]);
  const strip = (st: ReadonlySet<string>): Set<string> => new Set([...st].filter((w) => !nameWords.has(w)));
  if (dice(strip(s.claimStems), strip(t.claimStems)) < config.group) return null;
  return [m, n];
}

/** One role, two holders: "police chief A" in one article, "police chief B" in another. */
function roleConflicts(articles: readonly PreparedArticle[], namesPerson: (a: number, key: string) => boolean): FoundConflict[] {
  const holders = new Map<string, { key: string; text: string; ref: SentenceRef }[]>();
  articles.forEach((art, a) =>
    art.sentences.forEach((s, i) => {
      for (const p of s.slots.persons) {
        // Bare "minister" or "president" can be anyone; a qualified role names one office.
        if (!p.role || !p.role.includes(' ')) continue;
        const list = holders.get(p.role) ?? [];
        list.push({ key: p.key, text: p.text, ref: { a, i } });
        holders.set(p.role, list);
      }
    }),
  );
  const out: FoundConflict[] = [];
  for (const [role, list] of holders) {
    for (let u = 0; u < list.length; u++) {
      for (let v = u + 1; v < list.length; v++) {
        const p = list[u]!;
        const q = list[v]!;
        if (p.ref.a === q.ref.a || samePerson(p.key, q.key)) continue;
        if (namesPerson(p.ref.a, q.key) || namesPerson(q.ref.a, p.key)) continue;
        out.push({ slot: 'person', sides: [side(p.text, p.key, p.ref), side(q.text, q.key, q.ref)], why: `both articles name the ${role}, but different people` });
      }
    }
  }
  return out;
}

/**
 * Where the story's visit or meeting took place. A story is one event: when one article has the
 * visit in one country and another article never mentions that place for it, they disagree.
 */
function eventPlaceConflicts(articles: readonly PreparedArticle[]): FoundConflict[] {
  const frames = articles.map((art) =>
    art.sentences.flatMap((s, i) => s.slots.places.filter((p) => p.context.some((c) => c === 'visit' || c === 'meet')).map((p) => ({ p, i }))),
  );
  const out: FoundConflict[] = [];
  for (let a = 0; a < articles.length; a++) {
    for (let b = 0; b < articles.length; b++) {
      if (a === b) continue;
      for (const f of frames[a]!) {
        if (f.p.preposition !== 'to' && !f.p.context.includes('visit')) continue;
        for (const g of frames[b]!) {
          if (!g.p.context.includes('visit') || placesCompatible(f.p.place, g.p.place)) continue;
          if (frames[b]!.some((h) => placesCompatible(h.p.place, f.p.place))) continue;
          out.push({
            slot: 'place',
            sides: [side(placeValue(f.p.text, f.p.place.name), f.p.place.name, { a, i: f.i }), side(placeValue(g.p.text, g.p.place.name), g.p.place.name, { a: b, i: g.i })],
            why: `one article has the visit in ${f.p.place.name}, another in ${g.p.place.name} and never mentions ${f.p.place.name}`,
          });
        }
      }
    }
  }
  return out;
}

function side(value: string, key: string, ref: SentenceRef): FoundConflict['sides'][number] {
  return { value, key, ref };
}

/** The distinct keys of a conflict's sides, sorted and joined (two sides, nearly always, without a set). */
function valuesKey(sides: FoundConflict['sides']): string {
  if (sides.length === 2) {
    const x = sides[0]!.key;
    const y = sides[1]!.key;
    return x === y ? x : x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
  }
  return [...new Set(sides.map((s) => s.key))].sort().join('\u0000');
}

/** Merges found conflicts on the same slot and values, and shows them with article ids. */
export function presentConflicts(articles: readonly PreparedArticle[], found: readonly FoundConflict[]): Conflict[] {
  const merged = new Map<string, { slot: ConflictSlot; why: string; values: Map<string, { value: string; refs: SentenceRef[] }> }>();
  for (const c of found) {
    const id = `${c.slot}\u0000${valuesKey(c.sides)}`;
    const entry = merged.get(id) ?? { slot: c.slot, why: c.why, values: new Map<string, { value: string; refs: SentenceRef[] }>() };
    for (const s of c.sides) {
      const v = entry.values.get(s.key) ?? { value: s.value, refs: [] };
      if (!v.refs.some((r) => r.a === s.ref.a)) v.refs.push(s.ref);
      entry.values.set(s.key, v);
    }
    merged.set(id, entry);
  }
  const out: Conflict[] = [];
  for (const e of merged.values()) {
    if (e.values.size < 2) continue;
    const all = [...e.values.values()];
    const values = all.map((v) => {
      // Cite the passage of an article that holds only this value, when there is one.
      const own = v.refs.find((r) => !all.some((o) => o !== v && o.refs.some((q) => q.a === r.a))) ?? v.refs[0]!;
      return {
        value: v.value,
        articles: [...new Set(v.refs.map((r) => articles[r.a]!.article.id))].sort(),
        passage: articles[own.a]!.sentences[own.i]!.text,
      };
    });
    out.push({ slot: e.slot, values: values.sort((x, y) => x.articles.length - y.articles.length || (x.value < y.value ? -1 : 1)), why: e.why });
  }
  return out.sort((x, y) => (x.slot < y.slot ? -1 : x.slot > y.slot ? 1 : x.values[0]!.value < y.values[0]!.value ? -1 : 1));
}

/** Claim groups with their status, given each article's origin and the sentences in conflict (their indexes, per article). */
export function presentClaims(
  articles: readonly PreparedArticle[],
  groups: readonly SentenceRef[][],
  originOf: ReadonlyMap<string, string>,
  conflicted: readonly ReadonlySet<number>[],
): ClaimGroup[] {
  return groups.map((g) => {
    const ids = [...new Set(g.map((r) => articles[r.a]!.article.id))];
    const origins = new Set(ids.map((id) => originOf.get(id) ?? id));
    const status: ClaimStatus = g.some((r) => conflicted[r.a]!.has(r.i))
      ? 'conflicting'
      : ids.length === 1
        ? 'unique'
        : origins.size >= 2
          ? 'corroborated'
          : 'single-origin';
    // The wording of the earliest article, or the first.
    const lead = [...g].sort((x, y) => (articles[x.a]!.time ?? Infinity) - (articles[y.a]!.time ?? Infinity) || x.a - y.a)[0]!;
    return {
      text: articles[lead.a]!.sentences[lead.i]!.text,
      status,
      independentSupport: origins.size,
      articles: ids.sort(),
      variants: g.map((r) => ({ articleId: articles[r.a]!.article.id, text: articles[r.a]!.sentences[r.i]!.text })),
    };
  });
}
