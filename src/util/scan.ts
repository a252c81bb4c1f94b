/**
 * Word scanning that gives a regex's matches without running the regex over every word: ASCII
 * words (nearly all of English text) are read character by character, any word with another
 * character is matched by the regex itself, so the spans are the regex's everywhere. Iterating
 * a Unicode regex over a text cost more than everything else done with its words.
 */

/** True for an ASCII letter. */
export function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/** True for an ASCII letter or digit. */
export function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || isAsciiLetter(c);
}

/**
 * Where the matches of `sticky` start and end in `s`, as pairs of offsets. `sticky` must be a
 * sticky (`y`) regex whose matches start with a letter or digit; `asciiEnd(s, i)` gives the end
 * of its match at `i` (an ASCII letter or digit), or -1 when a non-ASCII character may belong to
 * the match and the regex must decide.
 */
export function scanSpans(s: string, sticky: RegExp, asciiEnd: (s: string, start: number) => number): number[] {
  const spans: number[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    let end = -1;
    if (c < 0x80) {
      if (!isAsciiLetterOrDigit(c)) {
        i++;
        continue;
      }
      end = asciiEnd(s, i);
    }
    if (end < 0) {
      sticky.lastIndex = i;
      const m = sticky.exec(s);
      if (!m) {
        // No match starts here: step over one code point, as the regex's own search does.
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
        continue;
      }
      end = i + m[0].length;
    }
    spans.push(i, end);
    i = end;
  }
  return spans;
}
