/** Story titles: what a reader sees in the story list. */
import type { AnnotatedArticle } from '../model.js';

const MAX_TITLE = 110;

/**
 * The title of the earliest article that has one; otherwise the first sentence of the
 * earliest article, cut at a word boundary. Earliest, because the first report usually names
 * the event most plainly.
 */
export function storyTitle(members: readonly AnnotatedArticle[]): string {
  const ordered = [...members].sort(
    (a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.source.localeCompare(b.source),
  );
  const titled = ordered.find((a) => a.title);
  if (titled?.title) return titled.title;
  const first = ordered[0]?.sentences[0]?.text ?? ordered[0]?.text ?? '';
  if (first.length <= MAX_TITLE) return first;
  const cut = first.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}
