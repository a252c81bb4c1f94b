/**
 * Quotations and their speakers: direct quotes in every common quotation style, partial quotes
 * inside a sentence, and indirect speech ("X said that…", "according to X, …"). The speaker is
 * resolved to an entity of the article, through "he said" and "the minister said" as well.
 * Linear in the text: quotation marks are paired by one scan per paragraph, bounded in length.
 */
import type { AnnotatedArticle, EntityMention, Quote, Sentence, StoryEntity, StoryQuote } from '../model.js';
import { foldDiacritics, translitKey } from './text.js';
import { memoized } from '../util/memo.js';
import { firstStartingFrom } from '../util/spans.js';

/** Opening marks and the marks that may close them. */
const PAIRS: Readonly<Record<string, string>> = { '“': '”', '„': '“”', '«': '»', '‹': '›', '»': '«', '"': '"', '‘': '’', '‚': '‘’' };
/** A quotation longer than this is a pairing error (an unbalanced mark), not a quote. */
const MAX_QUOTE = 1500;

const CUE = String.raw`(?:said|says|say|told|tells|added|adds|stressed|emphasi[sz]ed|noted|stated|declared|announced|warned|insisted|urged|explained|wrote|writes|argued|claimed|asserted|remarked|replied|continued|pledged|vowed|promised|hoped|wished|highlighted|underlined|underscored|acknowledged|admitted|recalled|reiterated|observed|commented|suggested|expressed(?:\s+(?:hope|confidence|concern|the\s+hope|the\s+wish|a\s+desire|its\s+\w+|his\s+\w+|her\s+\w+))?|called(?:\s+for)?|described|predicted|confirmed|denied|signalled|signaled|believes|thinks)`;
const CUE_RE = new RegExp(String.raw`\b${CUE}\b`, 'gu');
const PRONOUN_CUE = new RegExp(String.raw`\b(he|she|they|He|She|They)\s+(?:also\s+|later\s+|then\s+|further\s+)?(${CUE})\b`, 'u');
/** A cue after a quote: `,” Wang said` / `,” said Wang` / `,” he said` (compiled once, not per quote). */
const POST_CUE = new RegExp(String.raw`^[\s,.]*(?:([^.!?"“”]{0,80}?)\s+)?(${CUE})\b(?:\s+([^.!?"“”]{0,60}))?`, 'u');
const ROLE_CUE = new RegExp(String.raw`\b[Tt]he\s+((?:[\p{L}-]+\s+){0,2}?(?:minister|president|premier|chancellor|secretary|ambassador|spokesman|spokeswoman|spokesperson|official|leader|governor|mayor|envoy|director|chief|chairman|prime minister))\s+(?:also\s+)?(${CUE})\b`, 'u');

/** A publication standing for its writers: "the newspaper writes", "the article says". */
const GENERIC_SOURCE = /\bthe\s+(newspaper|paper|article|publication|report|outlet|magazine|daily|agency|statement|ministry|embassy|website)\s*$/i;

interface Candidate {
  readonly start: number;
  readonly end: number;
}

/** Finds the quotations of an article with their speakers. */
export function findQuotes(text: string, sentences: readonly Sentence[], entities: readonly EntityMention[]): Quote[] {
  const spans = pairQuotationMarks(text);
  const quotes: Quote[] = [];
  const speakerOf = resolver(entities);
  let lastSpeaker: { speaker: string; end: number } | null = null;
  let s = 0;
  for (const span of spans) {
    while (s < sentences.length - 1 && sentences[s]!.end <= span.start) s++;
    const sentence = sentences[s] ?? { start: 0, end: text.length, text };
    const inner = text.slice(span.start + 1, span.end - 1).trim();
    const words = inner.split(/\s+/).filter(Boolean).length;
    if (words === 0) continue;
    // The sentence may end inside the quote: take the whole stretch from the sentence start to the quote's end.
    // The context is bounded: a speaker is named near the quote, and a 1 MB "sentence" stays linear.
    const from = Math.max(Math.min(sentence.start, span.start), span.start - 300);
    let to = Math.min(Math.max(sentence.end, span.end), span.end + 300);
    const next = sentences[s + 1];
    const after = next && next.start >= span.end && next.start - span.end < 3 ? next : undefined;
    if (after && /^[\s,]*$/.test(text.slice(span.end, after.start)) && /[,]\s*$/.test(inner) === false && /^[a-z]/.test(after.text)) to = after.end;
    const pre = text.slice(from, span.start);
    const post = text.slice(span.end, to);
    const found = findSpeaker(from, span, pre, post, speakerOf);
    const partial = words < 6 || (!/[.!?,]["'”’»]?$/u.test(text.slice(span.start, span.end - 1).trim()) && /\p{L}/u.test(pre.replace(/\s+/g, '')) && !/[:,]\s*$/.test(pre));
    let speaker = found?.speaker ?? null;
    const cue = found?.cue ?? null;
    if (!speaker && lastSpeaker && span.start - lastSpeaker.end < 400 && !partial) speaker = lastSpeaker.speaker;
    // One or two words with no one saying them are scare quotes or titles, not quotations.
    if (words <= 2 && !cue) continue;
    if (!speaker && !cue && partial) continue;
    // The comma before a closing mark belongs to the sentence around the quote, not to the words quoted.
    let qEnd = span.end - 1;
    while (qEnd > span.start + 1 && /[,;:\s]/.test(text[qEnd - 1]!)) qEnd--;
    let qStart = span.start + 1;
    while (qStart < qEnd && /\s/.test(text[qStart]!)) qStart++;
    quotes.push({ start: qStart, end: qEnd, text: text.slice(qStart, qEnd), speaker, cue, kind: partial ? 'partial' : 'direct' });
    if (speaker) lastSpeaker = { speaker, end: span.end };
  }
  return [...quotes, ...findIndirect(text, sentences, spans, speakerOf)].sort((a, b) => a.start - b.start);
}

/** Pairs quotation marks paragraph by paragraph; an opening mark with no closing mark nearby is left unpaired. */
export function pairQuotationMarks(text: string): Candidate[] {
  const out: Candidate[] = [];
  // For each closing mark, the first place at or after the last search where it closes a quote.
  // Searches only move forward, so each mark's scan crosses the text once: a megabyte of opening
  // marks with no closing one (which took half a minute scanned from every mark) stays linear.
  const found = new Map<string, number>();
  const nextClosing = (mark: string, from: number): number => {
    const known = found.get(mark);
    if (known !== undefined && (known >= from || known === Infinity)) return known;
    let at = text.indexOf(mark, from);
    while (at >= 0 && !isClosing(text, at)) at = text.indexOf(mark, at + 1);
    const next = at < 0 ? Infinity : at;
    found.set(mark, next);
    return next;
  };
  let i = 0;
  const n = text.length;
  let paraEnd = text.indexOf('\n', 0);
  if (paraEnd < 0) paraEnd = n;
  while (i < n) {
    if (i >= paraEnd) {
      paraEnd = text.indexOf('\n', i + 1);
      if (paraEnd < 0) paraEnd = n;
    }
    // Every opening mark but '"' is at or above « (U+00AB): most characters are decided by their code alone.
    const code = text.charCodeAt(i);
    const closers = code === 0x22 || code >= 0xab ? PAIRS[text[i]!] : undefined;
    if (!closers || !isOpening(text, i)) {
      i++;
      continue;
    }
    const limit = Math.min(paraEnd, i + MAX_QUOTE);
    let j = Infinity;
    for (const c of closers) j = Math.min(j, nextClosing(c, i + 1));
    if (j < limit) {
      out.push({ start: i, end: j + 1 });
      i = j + 1;
    } else {
      i++;
    }
  }
  return out;
}

/** Apostrophes are not quotation marks: a single mark opens only after a space or bracket and before a letter. */
function isOpening(text: string, i: number): boolean {
  const ch = text[i]!;
  const prev = i > 0 ? text[i - 1]! : ' ';
  const next = text[i + 1] ?? ' ';
  if (ch === '‘' || ch === '‚' || ch === '"') return /[\s(\[—–-]/u.test(prev) && /[\p{L}\p{N}.…'‘"]/u.test(next);
  if (ch === '»') return /[\s(]/u.test(prev) && /\p{L}/u.test(next);
  return true;
}

function isClosing(text: string, j: number): boolean {
  const ch = text[j]!;
  const next = text[j + 1] ?? ' ';
  if (ch === '’' || ch === '"' || ch === '‘') return !/\p{L}/u.test(next);
  if (ch === '«') return !/\p{L}/u.test(next);
  return true;
}

/** Resolves a pronoun or a role ("the minister") at a position to the last fitting person before it. */
function resolver(entities: readonly EntityMention[]): { at: (position: number, role?: string) => string | null; entityEndingNear: (from: number, to: number) => EntityMention | null; entityStartingNear: (from: number, to: number) => EntityMention | null } {
  const speakers = entities.filter((e) => e.kind === 'PERSON' || e.kind === 'ORGANIZATION');
  const roles = new Map<string, string[]>();
  for (const e of entities) if (e.role) roles.set(e.canonical ?? e.text, [...(roles.get(e.canonical ?? e.text) ?? []), e.role.toLowerCase()]);
  /** Index of the first speaker starting at or after `position` (speakers are in text order). */
  const firstFrom = (position: number): number => firstStartingFrom(speakers, position);
  return {
    at(position: number, role?: string): string | null {
      const roleWord = role?.toLowerCase().split(/\s+/).pop();
      // Look back a bounded number of mentions: the person meant is recent.
      for (let i = firstFrom(position) - 1, seen = 0; i >= 0 && seen < 200; i--, seen++) {
        const e = speakers[i]!;
        if (e.kind !== 'PERSON') continue;
        if (roleWord && !(roles.get(e.canonical ?? e.text) ?? []).some((r) => r.includes(roleWord))) continue;
        return e.canonical ?? e.text;
      }
      return null;
    },
    entityEndingNear(from: number, to: number): EntityMention | null {
      let best: EntityMention | null = null;
      for (let i = firstFrom(from); i < speakers.length && speakers[i]!.start < to; i++) if (speakers[i]!.end <= to) best = speakers[i]!;
      return best;
    },
    entityStartingNear(from: number, to: number): EntityMention | null {
      const e = speakers[firstFrom(from)];
      return e && e.start <= to ? e : null;
    },
  };
}

function findSpeaker(
  from: number,
  span: Candidate,
  pre: string,
  post: string,
  r: ReturnType<typeof resolver>,
): { speaker: string | null; cue: string } | null {
  // After the quote: `,” Wang said` / `,” said Wang` / `,” he said`.
  const postCue = POST_CUE.exec(post);
  if (postCue && postCue.index === 0) {
    const cueStart = span.end + post.indexOf(postCue[2]!, postCue[1] ? postCue[1].length : 0);
    const subject = postCue[1] ?? '';
    const named = r.entityEndingNear(span.end, cueStart);
    if (named && subject.length < 80) return { speaker: named.canonical ?? named.text, cue: postCue[2]! };
    const after = r.entityStartingNear(cueStart, cueStart + postCue[2]!.length + 6);
    if (after) return { speaker: after.canonical ?? after.text, cue: postCue[2]! };
    const generic = GENERIC_SOURCE.exec(subject);
    if (generic) return { speaker: `the ${generic[1]!.toLowerCase()}`, cue: postCue[2]! };
    const pron = /\b(?:he|she|they)\s*$/i.test(subject);
    if (pron) return { speaker: r.at(span.start), cue: postCue[2]! };
    const role = /\bthe\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s*$/iu.exec(subject);
    if (role) return { speaker: r.at(span.start, role[1]!), cue: postCue[2]! };
  }
  // Before the quote: `Wang said: “…` / `Wang expressed hope that such efforts would be a “…`.
  const cues = [...pre.matchAll(CUE_RE)];
  const last = cues[cues.length - 1];
  if (last) {
    const cueStart = from + last.index;
    const pronoun = PRONOUN_CUE.exec(pre);
    const roleCue = ROLE_CUE.exec(pre);
    const named = r.entityEndingNear(from, cueStart);
    if (named && cueStart - named.end < 60) return { speaker: named.canonical ?? named.text, cue: last[0] };
    if (pronoun) return { speaker: r.at(from), cue: last[0] };
    if (roleCue) return { speaker: r.at(from, roleCue[1]!), cue: last[0] };
    // "said Wang": only verbs of saying invert; after "called" or "urged" comes the object.
    const inverted = /^(?:said|says|added|wrote|writes|continued|asked)$/.test(last[0]) ? r.entityStartingNear(cueStart + last[0].length, cueStart + last[0].length + 6) : null;
    if (inverted) return { speaker: inverted.canonical ?? inverted.text, cue: last[0] };
    if (named) return { speaker: named.canonical ?? named.text, cue: last[0] };
  }
  const according = /according to\s+(?:the\s+)?/i.exec(pre + ' ' + post);
  if (according) {
    const at = according.index < pre.length ? from + according.index : span.end + (according.index - pre.length - 1);
    const e = r.entityStartingNear(at, at + according[0].length + 30);
    if (e) return { speaker: e.canonical ?? e.text, cue: 'according to' };
  }
  return null;
}

const INDIRECT_CUES = String.raw`(?:said|says|told\s+[^,.]{1,40}?|added|stated|announced|noted|stressed|emphasi[sz]ed|warned|insisted|argued|claimed|believes|expressed\s+hope|expressed\s+confidence|pledged|vowed|promised|confirmed|denied)`;
const INDIRECT_RE = new RegExp(String.raw`\b(${INDIRECT_CUES})\s+(that\s+)?`, 'u');

/** Indirect speech: "X said (that) …", "…, X said.", "according to X, …". */
function findIndirect(text: string, sentences: readonly Sentence[], direct: readonly Candidate[], r: ReturnType<typeof resolver>): Quote[] {
  const out: Quote[] = [];
  let d = 0;
  for (const s of sentences) {
    while (d < direct.length && direct[d]!.end <= s.start) d++;
    if (d < direct.length && direct[d]!.start < s.end) continue; // sentences with direct quotes are handled above
    if (s.text.length > 2000) continue;
    const lead = INDIRECT_RE.exec(s.text);
    if (lead) {
      const cueStart = s.start + lead.index;
      const named = r.entityEndingNear(s.start, cueStart);
      const subject = text.slice(named ? named.end : s.start, cueStart);
      const cueEnd = cueStart + lead[0].length;
      // "said last year that …": the statement starts after "that".
      const that = /^[^,;]{0,30}?\bthat\s+/u.exec(text.slice(cueEnd, s.end));
      const bodyStart = cueEnd + (that ? that[0].length : 0);
      const body = text.slice(bodyStart, s.end).replace(/[.!?]+$/, '');
      let speaker: string | null = null;
      if (named && subject.trim().length <= 40 && !/[;]/.test(subject)) speaker = named.canonical ?? named.text;
      else if (/^\s*(?:he|she|they)\s+(?:also\s+)?$/i.test(text.slice(s.start, cueStart)) || /\b(?:he|she)\s+(?:also\s+)?$/i.test(subject)) speaker = r.at(s.start);
      else {
        const role = /\bthe\s+((?:[\p{L}-]+\s+){0,2}?(?:minister|president|premier|chancellor|secretary|ambassador|spokesman|spokeswoman|official|leader))\s+(?:also\s+)?$/iu.exec(subject);
        if (role) speaker = r.at(s.start, role[1]!);
      }
      // "…, X said." and "…, Minister X told Y last week." put the statement before the speaker.
      const beforeNamed = named ? text.slice(s.start, named.start) : '';
      const comma = beforeNamed.lastIndexOf(',');
      const trailing = named && comma > 10 && /^,\s*(?:(?:the\s+)?[\p{Lu}][\p{L}.-]*\s+)*$/u.test(beforeNamed.slice(comma)) ? beforeNamed.slice(0, comma) : null;
      if (speaker && (trailing || body.split(/\s+/).length >= 4)) {
        const start = trailing ? s.start : bodyStart;
        const end = trailing ? s.start + trailing.length : bodyStart + body.length;
        if (end > start) out.push({ start, end, text: text.slice(start, end), speaker, cue: lead[1]!.replace(/\s+/g, ' ').trim(), kind: 'indirect' });
        continue;
      }
    }
    const according = /\baccording to\s+/u.exec(s.text);
    if (according) {
      const at = s.start + according.index + according[0].length;
      const e = r.entityStartingNear(at, at + 40);
      if (e && e.kind === 'PERSON') {
        const before = text.slice(s.start, s.start + according.index).replace(/[,\s]+$/, '');
        const start = before.length > 10 ? s.start : e.end;
        const end = before.length > 10 ? s.start + before.length : s.end;
        const body = text.slice(start, end).replace(/^[,\s]+/, '');
        if (body.split(/\s+/).length >= 4) out.push({ start: end - body.length, end, text: body, speaker: e.canonical ?? e.text, cue: 'according to', kind: 'indirect' });
      }
    }
  }
  return out;
}

/** Content words of a quote, stemmed: what two renderings of one statement share. */
function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of foldDiacritics(s).toLowerCase().matchAll(/\p{L}{3,}/gu)) {
    if (FUNCTION_WORDS.has(m[0])) continue;
    out.add(stem(m[0]));
  }
  return out;
}

const FUNCTION_WORDS = new Set('the and for that this with from into would will have has had are was were been being its their our his her they them these those such which who what when where there than then also not but all any can could should may might must shall about over under between through'.split(' '));

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  // Overlap over the smaller set: a partial quote inside a longer rendering still groups with it.
  return Math.max(shared / Math.min(a.size, b.size) - (Math.min(a.size, b.size) < 3 ? 0.5 : 0), shared / (a.size + b.size - shared));
}

/**
 * Groups the quotes of a story's articles: the same speaker (by story-level entity) and
 * largely the same words ("new highlight of bilateral relations" / "new moment in bilateral
 * relations"). Groups quoted by more articles come first.
 */
export function groupQuotes(articles: readonly Pick<AnnotatedArticle, 'id' | 'quotes'>[], entities: readonly StoryEntity[]): StoryQuote[] {
  // Speakers and entity spellings recur across a story's copies: each key is computed once.
  const translit = memoized(translitKey);
  const nameOf = new Map<string, string>();
  for (const e of entities) {
    if (e.type !== 'PERSON' && e.type !== 'ORGANIZATION') continue;
    for (const v of [e.name, ...e.variants]) {
      const key = translit(v);
      if (!nameOf.has(key)) nameOf.set(key, e.name);
    }
  }
  interface Group {
    speaker: string | null;
    words: Set<string>;
    variants: { articleId: string; text: string; kind: Quote['kind'] }[];
  }
  const groups: Group[] = [];
  // Copies repeat their quotes word for word: each text's content words are found once (a fresh
  // set each time, since a group grows the set it starts with).
  const wordsOf = new Map<string, readonly string[]>();
  for (const article of articles) {
    for (const q of article.quotes ?? []) {
      const speaker = q.speaker ? (nameOf.get(translit(q.speaker)) ?? q.speaker) : null;
      let known = wordsOf.get(q.text);
      if (known === undefined) wordsOf.set(q.text, (known = [...contentWords(q.text)]));
      const words = new Set(known);
      const match = groups.find((g) => g.speaker === speaker && speaker !== null && similarity(g.words, words) >= 0.6);
      if (match) {
        match.variants.push({ articleId: article.id, text: q.text, kind: q.kind });
        words.forEach((w) => match.words.add(w));
      } else {
        groups.push({ speaker, words, variants: [{ articleId: article.id, text: q.text, kind: q.kind }] });
      }
    }
  }
  return groups
    .map((g) => {
      const arts = [...new Set(g.variants.map((v) => v.articleId))];
      const counts = new Map<string, number>();
      for (const v of g.variants) counts.set(v.text, (counts.get(v.text) ?? 0) + 1);
      const text = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      return { speaker: g.speaker, text, variants: g.variants, articles: arts.sort() };
    })
    .sort((a, b) => b.articles.length - a.articles.length);
}

/** Plural and verb endings off, so "relations" and "relation" match. */
function stem(w: string): string {
  return w.length > 5 ? w.replace(/(?:ies|es|s|ed|ing)$/, '') : w;
}
