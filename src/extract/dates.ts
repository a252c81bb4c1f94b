/**
 * Publication dates written in text or metadata, turned into ISO 8601 strings.
 *
 * Only explicit, complete dates count: an article's date must be stated, never guessed, so
 * relative expressions ("yesterday", "last week") and partial dates ("February 20",
 * "October 2023") give `null` here. Relative time is the annotator's business, resolved
 * against a date this module found. Nothing here reads the clock.
 */
import * as chrono from 'chrono-node';

/** A complete date found inside a longer string. */
export interface DateMatch {
  /** ISO date, `YYYY-MM-DD`. */
  readonly iso: string;
  /** Offset of the date's first character in the searched string. */
  readonly index: number;
  /** Offset just past the date's last character. */
  readonly end: number;
  /** The matched text as written. */
  readonly text: string;
}

/**
 * A fixed reference instant for chrono. Only dates whose year, month and day are all written
 * out are accepted, so the reference never decides a result; fixing it keeps parsing a pure
 * function of its input.
 */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** Years outside this range are far more likely numbers that look like dates than news dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/**
 * `03/04/2024` means 3 April in most of the world and March 4 in the US. When both leading
 * numbers could be a month the order cannot be known from the string, so such dates are
 * refused rather than guessed.
 */
const AMBIGUOUS_NUMERIC = /(?:^|[^\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}(?![\d/.-])/;

/** Characters that may wrap a date without being part of it. */
const WRAPPING = /^[\s([{"'“‘«–—-]+|[\s)\]}"'”’»,.;:–—|-]+$/gu;

/**
 * Parses a string that is a complete date and nothing else (`February 20, 2024`,
 * `20 February 2024`, `Feb. 20, 2024`, `Tuesday, 20 Feb 2024`, `2024-02-19`, optionally with
 * a time of day) into an ISO date `YYYY-MM-DD`. Returns `null` when the string holds anything
 * besides the date, when the date lacks a year, month or day, or when it is ambiguous.
 */
export function parseDateText(s: string): string | null {
  const text = s.replace(WRAPPING, '');
  if (text === '' || text.length > 80) return null;
  const found = findFullDate(text);
  if (found === null || found.index !== 0 || text.slice(found.end).trim() !== '') return null;
  return found.iso;
}

/**
 * Finds the first complete date (year, month and day all written) in a longer string, such as
 * the date in `Written by Jane Doe on October 23, 2023`. Returns `null` when there is none.
 */
export function findFullDate(s: string): DateMatch | null {
  // A complete date always has a number in it; most lines have none, and chrono is not cheap.
  if (!/\d/.test(s)) return null;
  for (const result of chrono.strict.parse(s, REFERENCE)) {
    const start = result.start;
    // "160 days ago" is computed from the reference, which is no date of its own.
    if (result.tags().has('result/relativeDate')) continue;
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
    if (isAmbiguousNumeric(result.text.trim())) continue;
    const iso = isoDate(start.get('year'), start.get('month'), start.get('day'));
    if (iso === null) continue;
    return { iso, index: result.index, end: result.index + result.text.length, text: result.text };
  }
  return null;
}

/** What a date line near the top of an article says. */
export interface DateLine {
  /** The publication date (`YYYY-MM-DD`), or null when the line only gives an update date. */
  readonly published: string | null;
  /** The date the page says it was updated, when it says. */
  readonly updated: string | null;
  /** The line opens with a label ("Published:", "Posted on"): page furniture wherever it stands. */
  readonly labelled: boolean;
}

/**
 * Labels a date line may carry, where a part starts: "Posted on", "First Published:", "Story
 * Created:", "Last updated at", "Edited time:". Updated, modified and edited name an update.
 */
const LINE_LABEL =
  /(?:\b(?:last|first|originally|story|article)\s+)?\b(published|posted|created|updated|modified|edited|date(?=\s*:))\b(?:\s+(?:on|at|time|date))?\s*:?/giu;

/** A time of day as pages print it: `7:35 am`, `22:07`, `6:07:15 PM`, `12:52 p.m.`, `1052 GMT`. */
const TIME_OF_DAY =
  /\b\d{1,2}(?::\d{2}(?::\d{2})?|\.\d{2}(?=\s*[A-Z]{2,4}\b))(?:\s*(?:[ap]\.?\s?m\b\.?|[ap]\b))?|\b\d{3,4}(?=\s*(?:GMT|UTC)\b)/giu;

/** Time zones and clock words that follow a time of day: `EDT`, `GMT+05:00`, `hrs`. */
const ZONE =
  /\b(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{1,2})?)?|\b(?:[ECMPA][SD]?T|AK[SD]T|AE[SD]T|[BI]ST|HKT|JST|KST|SGT|W?CES?T|EES?T|WES?T|hrs)\b/gu;

/**
 * Reads a line that holds only dates and their furniture, as pages print them above an article:
 * `May 2, 2013 | 5:03pm`, `Posted: Jul 07, 2012 7:40 PM ET Last Updated: Jul 07, 2012 8:44 PM
 * ET`, `Friday, Sep 10, 2010 | Updated 8:52 PM EDT`, `21 July 2013 Last updated at 11:11 GMT`.
 * Text copied from pages often has spaces inside numbers (`7: 35 am`, `12 / 16 / 08`); they
 * are closed up first. Every part of the line must be a labelled or bare complete date or a
 * time of day; anything else (a sentence, a place, a byline) makes it no date line: null.
 */
export function parseDateLine(line: string): DateLine | null {
  if (line.length > 120 || !/\d/.test(line)) return null;
  const text = line
    .replace(/(\d)\s*:\s+(?=\d{2}(?!\d))/gu, '$1:')
    .replace(/(\d)\s+\/\s*(?=\d)|(\d)\s*\/\s+(?=\d)/gu, '$1$2/')
    .replace(/\b([ap])\.\s+m\./giu, '$1.m.')
    .replace(/\b(\d{4})\s+-\s+(\d{2})\s+-\s+(\d{2})\b/gu, '$1-$2-$3');
  // Parts: split before each label and at separators.
  const parts: { readonly update: boolean; readonly text: string }[] = [];
  let update = false;
  let from = 0;
  const push = (end: number): void => {
    for (const piece of text.slice(from, end).split(/\s*[|·•]\s*/u)) parts.push({ update, text: piece });
  };
  for (const m of text.matchAll(LINE_LABEL)) {
    push(m.index);
    update = /^(?:updated|modified|edited)$/iu.test(m[1]!);
    from = m.index + m[0].length;
  }
  push(text.length);
  let published: string | null = null;
  let updated: string | null = null;
  const labelled = parts[0]?.text.trim() === '' && parts.length > 1;
  for (const part of parts) {
    const rest = part.text
      .replace(/\([^)]*\)/gu, ' ')
      .replace(TIME_OF_DAY, ' ')
      .replace(ZONE, ' ')
      .replace(/(?:^|\s)(?:on|at|@|[-–—])(?=\s|$)/giu, ' ')
      .replace(/^[\s,;:]+|[\s,;:]+$/gu, '');
    if (rest === '') continue;
    const iso = parseDateText(rest);
    if (iso === null) return null;
    if (part.update) updated ??= iso;
    else published ??= iso;
  }
  return published === null && updated === null ? null : { published, updated, labelled };
}

/**
 * Normalises a date value from metadata (a `<meta>` content, a JSON-LD `datePublished`, a
 * feed's `pubDate`, a record's `published` field) into ISO 8601:
 * - a date alone gives `YYYY-MM-DD`;
 * - a date with a time gives `YYYY-MM-DDTHH:MM:SS`, followed by `Z` or `±HH:MM` when the value
 *   states its offset (kept as written, not converted, so the local calendar date survives);
 * - a Unix timestamp in seconds or milliseconds gives a UTC date-time ending in `Z`.
 *
 * Returns `null` when the value is not a complete date.
 */
export function normaliseDate(value: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  return fromIso(text) ?? fromEpoch(text) ?? fromWritten(text);
}

/** The calendar date (`YYYY-MM-DD`) of an ISO date or date-time string, or `null`. */
export function isoDay(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function fromIso(text: string): string | null {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return null;
  const day = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === null || m[4] === undefined || m[5] === undefined) return day;
  const time = isoTime(Number(m[4]), Number(m[5]), Number(m[6] ?? '0'));
  if (time === null) return null;
  return `${day}T${time}${m[7] === undefined ? '' : isoOffset(m[7])}`;
}

/** Ten digits are seconds since 1970 (2001–2286), thirteen are milliseconds. */
function fromEpoch(text: string): string | null {
  if (!/^\d{10}(?:\d{3})?$/.test(text)) return null;
  const ms = text.length === 10 ? Number(text) * 1000 : Number(text);
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

function fromWritten(text: string): string | null {
  const [result] = chrono.strict.parse(text, REFERENCE);
  if (result === undefined || result.index !== 0) return null;
  if (text.slice(result.text.length).replace(WRAPPING, '') !== '') return null;
  const day = parseDateText(result.text);
  if (day === null) return null;
  const start = result.start;
  if (!start.isCertain('hour')) return day;
  const time = isoTime(start.get('hour') ?? 0, start.get('minute') ?? 0, start.get('second') ?? 0);
  if (time === null) return day;
  const offset = start.isCertain('timezoneOffset') ? start.get('timezoneOffset') : null;
  return `${day}T${time}${offset === null ? '' : offsetFromMinutes(offset)}`;
}

function isAmbiguousNumeric(text: string): boolean {
  const m = AMBIGUOUS_NUMERIC.exec(text);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a !== b && a >= 1 && a <= 12 && b >= 1 && b <= 12;
}

/** `YYYY-MM-DD` for a real calendar day in the accepted year range, else `null`. */
function isoDate(year: number | null, month: number | null, day: number | null): string | null {
  if (year === null || month === null || day === null) return null;
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function isoTime(hour: number, minute: number, second: number): string | null {
  if (hour > 23 || minute > 59 || second > 60) return null;
  return `${pad(hour)}:${pad(minute)}:${pad(Math.min(second, 59))}`;
}

function isoOffset(raw: string): string {
  if (raw.toUpperCase() === 'Z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  if (!m) return '';
  const hhmm = `${m[2]}:${m[3] ?? '00'}`;
  return hhmm === '00:00' ? 'Z' : `${m[1]}${hhmm}`;
}

function offsetFromMinutes(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
