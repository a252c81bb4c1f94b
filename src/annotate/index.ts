/**
 * The annotate stage: sentences, entity mentions with canonical names, quotes with speakers,
 * attributions and time expressions of one article. Pure: the same article gives the same
 * annotations, and nothing is read from the clock (times resolve against `published`).
 */
import { articleIdFor } from '../dedupe/fingerprint.js';
import type { AnnotatedArticle, ExtractedArticle, StoryEntity, StoryQuote } from '../model.js';
import { findAttributions } from './agencies.js';
import { canonicalizeMentions, groupEntities } from './canonical.js';
import { findEntities } from './entities.js';
import { findQuotes, groupQuotes } from './quotes.js';
import { splitSentences } from './sentences.js';
import { findTimes } from './times.js';

export { groupEntities, groupQuotes };

/** Annotates an extracted article whose content hash is known (dedupe ran first). */
export function annotateArticle(article: ExtractedArticle, contentHash: string): AnnotatedArticle {
  const sentences = splitSentences(article.text);
  const entities = canonicalizeMentions(article.text, findEntities(article.text, sentences));
  const attributions = findAttributions(article.text, article.credits);
  const quotes = findQuotes(article.text, sentences, entities);
  const times = findTimes(article.text, sentences, article.published);
  return Object.freeze({
    ...article,
    id: articleIdFor(contentHash),
    contentHash,
    sentences: Object.freeze(sentences),
    entities: Object.freeze(entities),
    attributions: Object.freeze(attributions),
    quotes: Object.freeze(quotes),
    times: Object.freeze(times),
  });
}

/**
 * What a story's articles say together: canonical entities merged across articles, and quotes
 * grouped across renderings (attached to the story's comparison by the pipeline).
 */
export function storyAnnotations(members: readonly AnnotatedArticle[]): { entities: StoryEntity[]; quotes: StoryQuote[] } {
  const entities = groupEntities(members);
  return { entities, quotes: groupQuotes(members, entities) };
}
