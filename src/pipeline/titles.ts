/** Story titles: what a reader sees in the story list. */
import type { AnnotatedArticle } from '../model.js';

const MAX_TITLE = 110;

/** What a story title is chosen from, per article: its date, source, title and lead. */
export interface TitleSource {
  readonly published: string | null;
  readonly source: string;
  readonly title: string | null;
  /** The first sentence (or the text, when it has none), cut at a word boundary to a title's length. */
  readonly lead: string;
}

/** An article's {@link TitleSource}. */
export function titleSource(article: AnnotatedArticle): TitleSource {
  const first = article.sentences[0]?.text ?? article.text;
  return { published: article.published, source: article.source, title: article.title, lead: cutToTitle(first) };
}

/**
 * The title of the earliest article that has one; otherwise the lead of the earliest article.
 * Earliest, because the first report usually names the event most plainly.
 */
export function storyTitle(members: readonly TitleSource[]): string {
  const ordered = [...members].sort(
    (a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.source.localeCompare(b.source),
  );
  const titled = ordered.find((a) => a.title);
  if (titled?.title) return titled.title;
  return ordered[0]?.lead ?? '';
}

function cutToTitle(text: string): string {
  if (text.length <= MAX_TITLE) return text;
  const cut = text.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}
