/**
 * DOM to text with paragraph structure: block elements become blank-line separated blocks,
 * list items and headings stay inside the article as their own blocks, captions are dropped.
 * Each block keeps how much of it is link text and which element made it, so the block
 * filter ({@link filterBlocks}) can tell a related-stories list from a paragraph.
 */
import { findFullDate } from './dates.js';

/** The minimal DOM node shape we walk (linkedom's nodes satisfy it). */
export interface NodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<NodeLike>;
}

/** One paragraph-like block of a page. */
export interface Block {
  readonly text: string;
  /** Characters of `text` that sit inside links. */
  readonly linkChars: number;
  /** The block element that made it (`P`, `LI`, `H2`, `DIV`…). */
  readonly tag: string;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION',
]);
/** Never article text, even inside the article container. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'FIGCAPTION', 'BUTTON', 'SVG', 'IFRAME', 'SELECT', 'TEXTAREA']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Splits an element into blocks. Iterative (an explicit stack), so a page with 100,000
 * nested elements cannot overflow the call stack.
 */
export function collectBlocks(root: NodeLike): Block[] {
  const blocks: Block[] = [];
  let current = '';
  let links = 0;
  let linkDepth = 0;
  // `<br><br>` separates paragraphs in pages written without `<p>`.
  let afterBr = false;
  const tags: string[] = [];
  const flush = (): void => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) {
      // Both lengths with whitespace collapsed: indentation around a link is not prose.
      const spaced = current.replace(/\s+/g, ' ').length;
      const ratio = spaced ? Math.min(1, links / spaced) : 0;
      blocks.push({ text, linkChars: Math.round(ratio * text.length), tag: tags[tags.length - 1] ?? 'BODY' });
    }
    current = '';
    links = 0;
  };
  // Work items: a node to enter, or the marker for leaving a block or link element.
  type Item = { node: NodeLike } | { leave: 'block' | 'link' };
  const stack: Item[] = [{ node: root }];
  while (stack.length) {
    const item = stack.pop()!;
    if ('leave' in item) {
      if (item.leave === 'link') linkDepth--;
      else {
        flush();
        tags.pop();
      }
      continue;
    }
    const node = item.node;
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      if (t.trim()) afterBr = false;
      current += t;
      if (linkDepth > 0) links += t.replace(/\s+/g, ' ').length;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      if (afterBr) flush();
      else current += ' ';
      afterBr = !afterBr;
      continue;
    }
    afterBr = false;
    if (BLOCK.has(name)) {
      flush();
      tags.push(name);
      stack.push({ leave: 'block' });
    } else if (name === 'A') {
      linkDepth++;
      stack.push({ leave: 'link' });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as NodeLike });
  }
  flush();
  return blocks;
}

/** Renders an element's text as paragraphs separated by one blank line. */
export function blocksToText(root: NodeLike): string {
  return collectBlocks(root)
    .map((b) => b.text)
    .join('\n\n');
}

/** An element's visible text on one line. */
export function elementText(root: NodeLike): string {
  return blocksToText(root).replace(/\n+/g, ' ');
}

/** Why a block was dropped; `null` for kept blocks. */
export type DropReason = 'links' | 'furniture' | 'date-line' | 'byline' | 'caption' | 'title' | 'label' | null;

/** Whole-block phrases that are page furniture, compared after trimming punctuation. */
const FURNITURE_LINE =
  /^(advert(isement)?|ad|sponsored( content)?|skip to (main )?content|comments?|\d+ comments?|share( this( article| story| page)?)?( on \w+)?|sign in|log ?in|subscribe( now| today)?|sign up|newsletters?|continue reading( below)?|read more|see more|show more|load more|view comments|related( (articles?|stories|content|coverage|posts))?|more (from|on|in|stories|news) .{0,60}|you (may|might) also like.*|recommended( for you| stories)?|trending( now)?|most (read|popular|viewed)|don'?t miss|tell us what you think.*|this slideshow requires javascript|about the authors?|print|email|e-?mail this|facebook|twitter|whatsapp|linkedin|pinterest|reddit|tweet|top stories|latest news|breaking news|home|back to top|next article|previous article|watch|listen|close|menu|search)$/i;

/** Prefixes of short furniture blocks (`Related: …`, `READ MORE: …`). */
const FURNITURE_PREFIX = /^(see more|read more|read also|also read|related|more|watch|listen|recommended|trending|follow us|follow|click here|sign up|subscribe)\s*[:|>»]/i;

/** Update and publication stamps (`Updated Nov 19, 6:55 AM`, `PUBLISHED: 10:48, Tue…`). */
const DATE_STAMP = /^\|?\s*(last )?(updated|published|posted|modified|first published|created|date)\b\s*(on|at)?\s*:?/i;

/** A stamp says when: a time of day, a year, a month name or "… ago" (not "Updated guidance is due"). */
const STAMP_TIME = /\d{1,2}[:.]\d{2}|\b(19|20)\d{2}\b|\bago\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i;

/** A publication stamp inside a short line (`The Associated Press Published Monday, …`). */
const STAMP_WORD = /\b(updated|published|posted)\b/i;

/** Photo captions and credits ending or starting a block. */
const CAPTION = /(\([^()]{0,80}\b(via|file|photo|photograph|courtesy)\b[^()]{0,40}\)|\((image|photo|picture|pic|credit|source|video|getty|getty images|ap photo|afp|reuters|epa|shutterstock)\b[^)]{0,120}\)|\b(photo|image|picture)s?\s*(credit)?\s*:\s*[^.]{0,80}|(getty images|shutterstock|istock(photo)?))\s*$|^\(?(image|photo|picture|credit)\s*(credit)?\s*:/i;

/** Calls to action that are not reporting, inside short blocks. */
const CALL_TO_ACTION = /\b(click here|sign up for|subscribe to|our newsletter|newsletters?\b.{0,40}\binbox|download (the|our) app|follow (us|him|her) on|all rights reserved|cookies?\b.{0,80}\b(accept|consent|agree|opt-out|policy)|contains? affiliate|affiliate links?|join (our|the) [\w ]{0,30}(forums?|community|conversation|discussion))\b/i;

/**
 * Drops furniture blocks from the blocks of an article container: link lists, share and
 * newsletter boxes, date stamps, bylines, captions, the repeated headline. Every rule looks
 * at the block alone or its neighbours, never at one site's markup.
 */
export function filterBlocks(blocks: readonly Block[], title: string | null): Block[] {
  const reasons = blocks.map((b) => dropReason(b, title));
  // A block that is all link is a related-story teaser when it is a list item, shouts in
  // capitals, or stands in a run of such blocks; alone between paragraphs it is usually an
  // article's own call-out ("Get it on Amazon for $39") and stays.
  const linky = blocks.map(isLinkBlock);
  for (let i = 0; i < blocks.length; i++) {
    if (!linky[i] || reasons[i] !== null) continue;
    const b = blocks[i]!;
    const shouting = b.text === b.text.toUpperCase() && /\p{Lu}{3}/u.test(b.text);
    if (b.tag === 'LI' || shouting || nearLinkBlock(blocks, linky, i)) reasons[i] = 'links';
  }
  // A short label ("DON'T MISS", "RANDY ANDY", a heading) that only introduces dropped
  // blocks heads furniture: drop it too. Walk backwards so chains of labels collapse.
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (reasons[i] !== null || !isLabel(blocks[i]!)) continue;
    const next = reasons.slice(i + 1).findIndex((r) => r !== 'label');
    const nextReason = next < 0 ? 'end' : reasons[i + 1 + next];
    if (nextReason !== null) reasons[i] = 'label';
  }
  return blocks.filter((_, i) => reasons[i] === null);
}

function dropReason(block: Block, title: string | null): DropReason {
  const text = block.text;
  const len = text.length;
  const linkShare = len ? block.linkChars / len : 0;
  if (linkShare >= 0.5 && len < 120 && block.tag === 'LI') return 'links';
  const bare = text.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
  if (len < 120 && FURNITURE_LINE.test(bare)) return 'furniture';
  if (len < 200 && FURNITURE_PREFIX.test(text)) return 'furniture';
  if (len < 300 && CALL_TO_ACTION.test(text)) return 'furniture';
  if (len < 100 && ((DATE_STAMP.test(text) && STAMP_TIME.test(text)) || isDateLine(text) || (STAMP_WORD.test(text) && findFullDate(text)))) return 'date-line';
  if (len < 100 && /^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Dd]i)\s+\p{Lu}/u.test(text) && text.split(/\s+/).length <= 14 && !SENTENCE_END.test(text)) return 'byline';
  if (len < 400 && CAPTION.test(text)) return 'caption';
  if (title && len < 300 && sameText(text, title)) return 'title';
  return null;
}

function isLinkBlock(block: Block): boolean {
  return block.text.length < 400 && block.linkChars >= 0.75 * block.text.length;
}

/** Another link block within two blocks, looking past short labels (kickers) in between. */
function nearLinkBlock(blocks: readonly Block[], linky: readonly boolean[], i: number): boolean {
  for (const step of [-1, 1]) {
    for (let j = i + step, seen = 0; j >= 0 && j < blocks.length && seen < 2; j += step, seen++) {
      if (linky[j]) return true;
      if (!isLabel(blocks[j]!)) break;
    }
  }
  return false;
}

/** A block that is mostly a date (and maybe a time or a separator). */
function isDateLine(text: string): boolean {
  const found = findFullDate(text);
  if (!found) return false;
  const rest = (text.slice(0, found.index) + text.slice(found.end)).replace(/\b\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?|\b(am|pm|[A-Z]{2,4}T|GMT|UTC)\b|[\s\p{P}\p{S}]+/giu, '');
  return rest.length <= 12;
}

/** Lines shaped like a credit (`(AP)`, `— Xinhua`, `Source: Reuters`, `Reporting by …`). */
const CREDIT_SHAPED = /^(\(|[—–-]|sources?\s*:|(additional )?reporting by\b|with (inputs?|reporting) from\b)/i;

/** Sentence-final punctuation, Latin and CJK, before optional closing quotes. */
const SENTENCE_END = /[.!?:;。！？：；…]["”’)」』）]?$/;

/** A short line without sentence punctuation: a heading, kicker or section label. */
function isLabel(block: Block): boolean {
  if (CREDIT_SHAPED.test(block.text)) return false; // credit lines become metadata later
  return block.text.length <= 60 && !SENTENCE_END.test(block.text) && block.text.split(/\s+/).length <= 6;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}
