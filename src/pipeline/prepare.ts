/**
 * The per-document stages of a batch (extract, fingerprint, annotate, clustering features):
 * pure and independent of the store, so they run in the main thread or in a worker thread
 * (`pipeline/workers.ts`) alike.
 */
import { annotateArticle } from '../annotate/index.js';
import { articleFeatures } from '../cluster/features.js';
import type { DossierConfig } from '../config.js';
import { Messages, type Diagnostic } from '../diagnostics.js';
import { contentHash } from '../dedupe/fingerprint.js';
import { isDossierError } from '../errors.js';
import { learnBoilerplate } from '../extract/boilerplate.js';
import { extractArticle } from '../extract/index.js';
import type { ArticleFeatures, RawDocument } from '../model.js';
import { storedArticle, type StoredArticle } from '../store/store.js';
import { titleSource, type TitleSource } from './titles.js';

/** What the per-document stages made of one document (index-aligned with the batch's documents). */
export interface PreparedDocument {
  /**
   * The annotated article as stored (its layers serialized here, on the thread that made them)
   * with its clustering features and what its story's title may come from; null when the
   * document was rejected.
   */
  readonly article: StoredArticle | null;
  readonly features: ArticleFeatures | null;
  readonly titleSource: TitleSource | null;
  /** The document's messages, as stored with its raw record. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The per-document stages of a batch: boilerplate learned over the batch, then extract,
 * fingerprint, annotate and clustering features for each document. Pure and independent of
 * the store, so it can run in a worker thread (`pipeline/workers.ts`).
 */
export function prepareDocuments(docs: readonly RawDocument[], config: DossierConfig): PreparedDocument[] {
  const boilerplate = learnBoilerplate(
    docs.filter((d) => d.bodyFormat !== 'html'),
    config.boilerplate,
  );

  // Extract, fingerprint and annotate each document.
  return docs.map((doc): PreparedDocument => {
    const messages = new Messages();
    try {
      const extracted = extractArticle(doc, { config: config.extract, boilerplate, messages });
      const hash = contentHash(extracted.text);
      const article = annotateArticle(extracted, hash);
      return { article: storedArticle(article), features: articleFeatures(article), titleSource: titleSource(article), diagnostics: messages.list() };
    } catch (err) {
      const code = isDossierError(err) ? err.code : 'extract:failed';
      // An unexpected exception in a stage is that document's problem, not the run's.
      messages.error(code, isDossierError(err) ? err.message : `${doc.source}: extraction failed (${(err as Error).message})`, doc.source);
      return { article: null, features: null, titleSource: null, diagnostics: messages.list() };
    }
  });
}
