/**
 * The annotate stage: sentences, entity mentions and attributions of one article. Pure.
 */
import { articleIdFor } from '../dedupe/fingerprint.js';
import type { AnnotatedArticle, ExtractedArticle } from '../model.js';
import { findAttributions } from './agencies.js';
import { findEntities } from './entities.js';
import { splitSentences } from './sentences.js';

/** Annotates an extracted article whose content hash is known (dedupe ran first). */
export function annotateArticle(article: ExtractedArticle, contentHash: string): AnnotatedArticle {
  const sentences = splitSentences(article.text);
  const entities = findEntities(article.text, sentences);
  const attributions = findAttributions(article.text, article.credits);
  return Object.freeze({
    ...article,
    id: articleIdFor(contentHash),
    contentHash,
    sentences: Object.freeze(sentences),
    entities: Object.freeze(entities),
    attributions: Object.freeze(attributions),
  });
}
