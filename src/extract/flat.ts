/**
 * The bounded path for pages a DOM cannot take safely: nesting depth found by one linear scan
 * of the tags, and text recovered from the markup with regular expressions when the page is
 * too deep (100,000 nested elements make DOM builders superlinear).
 */
import type { Block } from './blocks.js';

/** Elements that never have content, and ones whose end tag is usually left out. */
const NO_DEPTH = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'td', 'tr', 'th', 'dt', 'dd', 'option']);

/** The deepest element nesting in the markup (approximate, linear time, stops past `limit`). */
export function nestingDepth(html: string, limit: number): number {
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (NO_DEPTH.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) {
      max = depth;
      if (max > limit) return max;
    }
  }
  return max;
}

const BLOCK_TAG = /<\/?(p|div|li|h[1-6]|br|tr|table|section|article|blockquote|ul|ol|pre|header|footer|main|aside|nav)\b[^>]*>/gi;

/** Paragraph blocks of markup without building a DOM: scripts dropped, tags stripped. */
export function flatBlocks(html: string): Block[] {
  const text = html
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(BLOCK_TAG, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ({ nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" })[e] ?? ' ');
  return text
    .split(/\n\s*\n/)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((t) => ({ text: t, linkChars: 0, tag: 'P' }));
}
