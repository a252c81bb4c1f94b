/**
 * Removes page furniture before any article scoring: navigation, share and newsletter boxes,
 * related-story rails, comments, captions, hidden elements. Readability's own "unlikely
 * candidate" pass is conservative by design; removing these first keeps them out of the
 * winning container, which is where most leaked boilerplate comes from.
 *
 * Every removal is guarded by a text-share check: an element holding most of the page's
 * paragraph text is the article, whatever its class name says (`article has-comments`).
 */
import type { DomElement } from './dom.js';

/** Tags that never hold article text. */
const DROP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'OBJECT', 'EMBED', 'LINK', 'META']);

/** Landmark tags that hold page furniture, unless they hold the article itself. */
const FURNITURE_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM', 'FIGCAPTION', 'FIGURE', 'HEADER', 'MENU', 'DIALOG']);

/** ARIA roles of page furniture. */
const FURNITURE_ROLES = /^(navigation|menu|menubar|menuitem|banner|contentinfo|complementary|search|dialog|alert|toolbar|tablist)$/i;

/**
 * Class/id words of page furniture, matched as whole words of a class or id split at `-`,
 * `_`, spaces and camel case. Words, not substrings: `nav` must not match `canvas`, `ad`
 * must not match `header` or `reading`.
 */
const FURNITURE_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'submenu', 'breadcrumb', 'breadcrumbs', 'share', 'sharing', 'sharebar', 'social',
  'related', 'recirc', 'recirculation', 'recommended', 'recommendations', 'newsletter', 'subscribe', 'subscription',
  'signup', 'promo', 'promotion', 'advert', 'advertisement', 'ad', 'ads', 'adslot', 'dfp', 'sponsor', 'sponsored',
  'comment', 'comments', 'disqus', 'footer', 'masthead', 'sidebar', 'rail', 'popup', 'modal', 'cookie', 'cookies',
  'consent', 'gdpr', 'caption', 'captions', 'credit', 'credits', 'byline', 'bio', 'tags', 'toolbar', 'outbrain',
  'taboola', 'trending', 'popular', 'skip', 'rollover', 'hidden', 'hide', 'sr', 'tooltip', 'dateline', 'timestamp',
  'print', 'author', 'widget', 'banner', 'overlay', 'paywall', 'teaser', 'pagination',
]);

/** Words that, next to a furniture word, still mean "article text" (`article-body`, `story-text`). */
const CONTENT_WORDS = new Set(['body', 'text', 'content', 'article', 'story', 'entry', 'post', 'main']);

/** An element holding at least this share of the page's prose is never removed. */
const ARTICLE_SHARE = 0.4;
/** An `<article>`/`<main>` inside furniture protects it when it holds this share of the prose. */
const CONTAINER_SHARE = 0.2;

/** Text measures of one element's subtree, computed once for the whole page. */
interface Stats {
  /** All text characters. */
  readonly text: number;
  /** Characters inside links. */
  readonly link: number;
  /** Characters inside `<p>` elements. */
  readonly para: number;
  /**
   * Prose of the largest `<article>`, `<main>` or `itemprop="articleBody"` element inside
   * (teaser lists mark every item up as an `<article>`: only a large one counts).
   */
  readonly article: number;
}

const TEXT_NODE = 3;

/**
 * One post-order pass (explicit stack: pages with 100,000 nested elements must not overflow)
 * measuring every element's text, skipping dropped tags so script text is not prose.
 */
function measure(root: DomElement): Map<DomElement, Stats> {
  const stats = new Map<DomElement, Stats>();
  const stack: [DomElement, boolean][] = [[root, false]];
  while (stack.length) {
    const [el, done] = stack.pop()!;
    const kids = el.childNodes;
    if (!done) {
      stack.push([el, true]);
      for (let i = 0; i < kids.length; i++) {
        const kid = kids[i] as DomElement;
        if (kid.nodeType === 1 && !DROP_TAGS.has(kid.tagName.toUpperCase())) stack.push([kid, false]);
      }
      continue;
    }
    const tag = el.tagName.toUpperCase();
    let text = 0;
    let link = 0;
    let para = 0;
    let article = 0;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i] as DomElement;
      if (kid.nodeType === TEXT_NODE) text += (kid.textContent ?? '').length;
      else {
        const st = stats.get(kid);
        if (!st) continue;
        text += st.text;
        link += st.link;
        para += st.para;
        article = Math.max(article, st.article);
      }
    }
    if (tag === 'A') link = text;
    if (tag === 'P') para = text;
    if (tag === 'ARTICLE' || tag === 'MAIN' || el.getAttribute('itemprop') === 'articleBody') article = Math.max(article, text - link);
    stats.set(el, { text, link, para, article });
  }
  return stats;
}

/**
 * Embedded posts (a quoted tweet or Instagram post) are part of the reporting, but their
 * wrappers carry class names (`social-media-embed`) and link density that article scorers
 * punish as share widgets. The quotation is lifted out of wrappers that hold nothing else,
 * and its class names removed, so it is judged as the quotation it is.
 */
function liftEmbeds(root: DomElement): void {
  for (const quote of Array.from(root.querySelectorAll('blockquote')) as DomElement[]) {
    if (!/tweet|instagram|tiktok|embed|social/i.test(quote.getAttribute('class') ?? '')) continue;
    quote.removeAttribute('class');
    let wrapper = quote.parentElement as DomElement | null;
    for (let up = 0; wrapper && up < 3 && wrapper !== root; up++) {
      const tag = wrapper.tagName.toUpperCase();
      const alone = (tag === 'DIV' || tag === 'FIGURE' || tag === 'SPAN') && (wrapper.textContent ?? '').trim() === (quote.textContent ?? '').trim();
      if (!alone) break;
      const parent = wrapper.parentElement as DomElement | null;
      wrapper.replaceWith(quote);
      wrapper = parent;
    }
  }
}

/** Removes furniture from `root` in place. The caller owns the document (a fresh parse). */
export function pruneFurniture(root: DomElement): number {
  liftEmbeds(root);
  const stats = measure(root);
  const top = stats.get(root);
  const totals: Totals = { prose: top ? top.text - top.link : 0, paragraphs: top?.para ?? 0 };
  let removed = 0;
  const stack: DomElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    for (const kid of Array.from(el.children) as DomElement[]) {
      if (isFurniture(kid, totals, stats)) {
        kid.remove();
        removed++;
      } else stack.push(kid);
    }
  }
  return removed;
}

function isFurniture(el: DomElement, total: Totals, stats: Map<DomElement, Stats>): boolean {
  const tag = el.tagName.toUpperCase();
  if (DROP_TAGS.has(tag)) return true;
  if (tag === 'BODY' || tag === 'MAIN' || tag === 'ARTICLE' || tag === 'HTML') return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return guarded(stats.get(el), total);
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return guarded(stats.get(el), total);
  if (FURNITURE_TAGS.has(tag)) return guarded(stats.get(el), total);
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.test(role)) return guarded(stats.get(el), total);
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (names.length > 1 && furnitureName(names)) return guarded(stats.get(el), total);
  return false;
}

/** True when the class/id words name furniture and no content word softens it. */
export function furnitureName(names: string): boolean {
  for (const token of names.split(/\s+/)) {
    if (!token) continue;
    const words = token
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    // `non-ad-column`, `no-comments`: a negated furniture word describes the content.
    if (words.includes('non') || words.includes('no')) continue;
    if (words.some((w) => FURNITURE_WORDS.has(w)) && !words.some((w) => CONTENT_WORDS.has(w))) return true;
  }
  return false;
}

/**
 * Furniture may go unless it holds the article: an `<article>`, `<main>` or `articleBody`
 * inside it, or a large share of the page's prose (text outside links, which also counts
 * articles written as `<br>`-separated lines) or of its `<p>` text.
 */
function guarded(st: Stats | undefined, total: Totals): boolean {
  if (!st) return true;
  if (total.prose > 0 && st.article >= CONTAINER_SHARE * total.prose) return false;
  if (total.prose > 0 && st.text - st.link >= ARTICLE_SHARE * total.prose) return false;
  if (total.paragraphs > 0 && st.para >= ARTICLE_SHARE * total.paragraphs) return false;
  return true;
}

interface Totals {
  readonly prose: number;
  readonly paragraphs: number;
}
