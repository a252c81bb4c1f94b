/**
 * Time expressions resolved against the article's publication date. Ranges news writes in
 * words ("last week", "over the past decade", "since 2016", "last year") and weekdays ("on
 * Sunday": the Sunday before publication, as news reports what happened) are resolved by our
 * own rules; every other date expression by chrono-node. Without a publication date nothing
 * relative is resolved: the value is null rather than a guess against today's clock.
 */
import * as chrono from 'chrono-node';
import type { Sentence, TimeExpression } from '../model.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Readonly<Record<string, number>> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, several: 3, few: 3 };
const UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30, year: 365, decade: 3650 };

interface Rule {
  readonly name: string;
  /**
   * A word the rule cannot match without, tested with the rule's own flags: most sentences that
   * name a weekday ("on Tuesday") hold none of the other rules' words, and this test is cheaper
   * than a scan of the rule's regex.
   */
  readonly need: RegExp;
  readonly re: RegExp;
  resolve(m: RegExpExecArray, ref: Date): string | null;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));
}

/** Our rules, tried before chrono; the regexes are anchored on words so they stay linear. */
const RULES: readonly Rule[] = [
  {
    name: 'last-week',
    need: /week/iu,
    re: /\b(last|previous|this|next)\s+week\b/giu,
    resolve(m, ref) {
      // Weeks run Monday to Sunday (ISO 8601).
      const monday = addDays(ref, -((ref.getUTCDay() + 6) % 7));
      const shift = { last: -7, previous: -7, this: 0, next: 7 }[m[1]!.toLowerCase() as 'last'] ?? 0;
      const start = addDays(monday, shift);
      return `${iso(start)}/${iso(addDays(start, 6))}`;
    },
  },
  {
    name: 'last-month',
    need: /month/iu,
    re: /\b(last|previous|this|next)\s+month\b/giu,
    resolve(m, ref) {
      const shift = { last: -1, previous: -1, this: 0, next: 1 }[m[1]!.toLowerCase() as 'last'] ?? 0;
      const start = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + shift, 1));
      const end = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + shift + 1, 0));
      return `${iso(start)}/${iso(end)}`;
    },
  },
  {
    name: 'last-year',
    need: /year/iu,
    re: /\b(last|previous|this|next)\s+year\b/giu,
    resolve(m, ref) {
      const shift = { last: -1, previous: -1, this: 0, next: 1 }[m[1]!.toLowerCase() as 'last'] ?? 0;
      const y = ref.getUTCFullYear() + shift;
      return `${y}-01-01/${y}-12-31`;
    },
  },
  {
    name: 'past-period',
    need: /past|last|previous/iu,
    re: /\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?:(\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+)?(day|week|month|year|decade)s?\b/giu,
    resolve(m, ref) {
      const count = m[1] ? (NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1])) : 1;
      const unit = m[2]!.toLowerCase();
      const start =
        unit === 'year' || unit === 'decade'
          ? new Date(Date.UTC(ref.getUTCFullYear() - count * (unit === 'decade' ? 10 : 1), ref.getUTCMonth(), ref.getUTCDate()))
          : unit === 'month'
            ? new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - count, ref.getUTCDate()))
            : addDays(ref, -count * UNIT_DAYS[unit]!);
      return `${iso(start)}/${iso(ref)}`;
    },
  },
  {
    name: 'since-year',
    need: /since/iu,
    re: /\bsince\s+((?:19|20)\d{2})\b/giu,
    resolve(m, ref) {
      return `${m[1]}-01-01/${iso(ref)}`;
    },
  },
  {
    name: 'weekday-before-publication',
    // Every weekday's name ends in "day".
    need: /day/iu,
    re: /\b(?:on|last|this\s+past|early|late)\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/giu,
    resolve(m, ref) {
      // News reports what happened: a bare weekday is the latest such day up to publication.
      const want = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const back = (ref.getUTCDay() - want + 7) % 7;
      const prefix = m[0].toLowerCase();
      return iso(addDays(ref, -(back === 0 && prefix.startsWith('last') ? 7 : back)));
    },
  },
];

/** Every rule above needs one of these words: a sentence without them is not scanned by the rules. */
const RULE_WORDS = /week|month|year|decade|day|since/iu;

/**
 * A digit or one of these words makes a sentence worth handing to chrono (which is slower than a
 * regex test). Two tests, digits first: one alternation of both was tried at every position.
 */
const DIGIT = /\d/u;
const DATE_WORDS = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|tonight|yesterday|tomorrow|ago|morning|evening|afternoon|weekend|noon|midnight)/iu;

/** Finds and resolves time expressions; `published` is the article's ISO date, or null. */
export function findTimes(text: string, sentences: readonly Sentence[], published: string | null): TimeExpression[] {
  const parsed = published ? new Date(published) : null;
  const ref = parsed && !Number.isNaN(parsed.getTime()) ? new Date(Date.UTC(parsed.getUTCFullYear(), parsed.getUTCMonth(), parsed.getUTCDate())) : null;
  const out: TimeExpression[] = [];
  // Spans taken so far, disjoint and sorted by start: an overlap test is a binary search, so a
  // 1 MB sentence with ten thousand dates stays linear.
  const spans: [number, number][] = [];
  const firstEndingAfter = (start: number): number => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]![1] <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const taken = (start: number, end: number): boolean => {
    const next = spans[firstEndingAfter(start)];
    return !!next && next[0] < end;
  };
  const take = (t: TimeExpression): void => {
    spans.splice(firstEndingAfter(t.start), 0, [t.start, t.end]);
    out.push(t);
  };
  for (const s of sentences) {
    // A 1 MB "sentence" gets the rules, not chrono: bounded time on any input. Most sentences
    // hold none of the rules' words, and one test of those words spares six regex scans.
    for (const rule of RULE_WORDS.test(s.text) ? RULES : []) {
      if (!rule.need.test(s.text)) continue;
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(s.text); m; m = rule.re.exec(s.text)) {
        const start = s.start + m.index;
        const end = start + m[0].length;
        if (taken(start, end)) continue;
        take({ start, end, text: m[0], value: ref ? rule.resolve(m, ref) : null, rule: rule.name });
      }
    }
    if (s.text.length > 5000 || !(DIGIT.test(s.text) || DATE_WORDS.test(s.text))) continue;
    for (const r of chrono.parse(s.text, ref ? { instant: ref, timezone: 0 } : new Date(0), { forwardDate: false })) {
      const start = s.start + r.index;
      const end = start + r.text.length;
      if (taken(start, end)) continue;
      // A bare number or time of day alone is too weak to be a date ("75th", "at 10").
      if (!r.start.isCertain('month') && !r.start.isCertain('weekday') && !r.start.isCertain('year') && !r.start.isCertain('day') && !/today|yesterday|tomorrow|ago|tonight/i.test(r.text)) continue;
      // chrono marks every part of a date it computed from the reference as certain ("a month
      // ago"): its relative-date tag says the text named no year of its own.
      const computed = r.tags().has('result/relativeDate');
      // "For 15 years" says how long, not when.
      if (computed && /^for\b/iu.test(r.text)) continue;
      const relative = computed || !r.start.isCertain('year');
      const value = !ref && relative ? null : r.end ? `${chronoDate(r.start)}/${chronoDate(r.end)}` : chronoDate(r.start);
      take({ start, end, text: r.text, value, rule: 'chrono' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function chronoDate(c: chrono.ParsedComponents): string {
  const y = c.get('year');
  const mo = c.get('month');
  const d = c.get('day');
  if (y !== null && mo !== null && !c.isCertain('day') && c.isCertain('month')) return `${y}-${String(mo).padStart(2, '0')}`;
  if (y !== null && !c.isCertain('month') && c.isCertain('year')) return String(y);
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
