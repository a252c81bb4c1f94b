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

const DROP_SELECTOR = [...DROP_TAGS].map((t) => t.toLowerCase()).join(',');

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

/** Removes furniture from `root` in place. The caller owns the document (a fresh parse). */
export function pruneFurniture(root: DomElement): number {
  let removed = 0;
  // Scripts and styles first, so their text does not count as prose in the guard below.
  for (const el of Array.from(root.querySelectorAll(DROP_SELECTOR)) as DomElement[]) {
    el.remove();
    removed++;
  }
  const total: Totals = { prose: proseChars(root), paragraphs: paragraphChars(root) };
  // An explicit stack, not recursion: pages with 100,000 nested elements must not overflow.
  const stack: DomElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    for (const kid of Array.from(el.children) as DomElement[]) {
      if (isFurniture(kid, total)) {
        kid.remove();
        removed++;
      } else stack.push(kid);
    }
  }
  return removed;
}

function isFurniture(el: DomElement, total: Totals): boolean {
  const tag = el.tagName.toUpperCase();
  if (DROP_TAGS.has(tag)) return true;
  if (tag === 'BODY' || tag === 'MAIN' || tag === 'ARTICLE' || tag === 'HTML') return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return guarded(el, total);
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return guarded(el, total);
  if (FURNITURE_TAGS.has(tag)) return guarded(el, total);
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.test(role)) return guarded(el, total);
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (names.length > 1 && furnitureName(names)) return guarded(el, total);
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
 * inside it, or a large share of the page's prose or of its `<p>` text.
 */
function guarded(el: DomElement, totals: Totals): boolean {
  if (el.querySelector('article, main, [itemprop="articleBody"]')) return false;
  if (totals.prose > 0 && proseChars(el) >= ARTICLE_SHARE * totals.prose) return false;
  if (totals.paragraphs > 0 && paragraphChars(el) >= ARTICLE_SHARE * totals.paragraphs) return false;
  return true;
}

interface Totals {
  readonly prose: number;
  readonly paragraphs: number;
}

function paragraphChars(el: DomElement): number {
  let n = 0;
  for (const p of Array.from(el.querySelectorAll('p')) as DomElement[]) n += (p.textContent ?? '').length;
  return n;
}

/**
 * Characters of text outside links: a cheap proxy for "article prose" that also counts
 * articles written as `<br>`-separated lines rather than `<p>` elements.
 */
function proseChars(el: DomElement): number {
  let links = 0;
  for (const a of Array.from(el.querySelectorAll('a')) as DomElement[]) links += (a.textContent ?? '').length;
  return (el.textContent ?? '').length - links;
}
