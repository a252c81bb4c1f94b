/**
 * DOM to text with paragraph structure: block elements become blank-line separated blocks,
 * list items and headings stay inside the article as their own lines, captions are dropped.
 */

/** The minimal DOM node shape we walk (linkedom's nodes satisfy it). */
interface NodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<NodeLike>;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Never article text, even inside the article container. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'FIGCAPTION', 'BUTTON', 'svg', 'SVG', 'IFRAME', 'SELECT']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Renders an element's text as paragraphs separated by one blank line. */
export function blocksToText(root: NodeLike): string {
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) blocks.push(line);
    current = '';
  };
  const walk = (node: NodeLike): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      current += ' ';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i] as NodeLike);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

/** An element's visible text on one line. */
export function elementText(root: NodeLike): string {
  return blocksToText(root).replace(/\n+/g, ' ');
}
