/**
 * Cleanup of plain text and Markdown scraped from web pages.
 *
 * STUB — to be implemented.
 */
import type { Messages } from '../diagnostics.js';
import type { BoilerplateModel } from './boilerplate.js';

/** What cleanup found in a scraped text: the article text and the metadata pulled out of it. */
export interface PlainTextResult {
  /** Article text, paragraphs separated by one blank line. */
  readonly text: string;
  readonly title: string | null;
  readonly byline: string | null;
  /** ISO date (YYYY-MM-DD) or date-time. */
  readonly published: string | null;
  /** Rule that found `published`, e.g. `text:date-prefix`, `text:date-line`, `text:byline-date`. */
  readonly publishedRule: string | null;
  /** Outlet named by the text itself (publisher self-description, subscription box). */
  readonly outlet: string | null;
  /** Credited sources from credit lines (`Source: Reuters` → `Reuters`). */
  readonly credits: readonly string[];
}

/** Context for cleanup. */
export interface PlainTextContext {
  readonly source: string;
  readonly group: string;
  readonly format: 'text' | 'markdown';
  readonly boilerplate: BoilerplateModel;
  readonly messages: Messages;
}

/** Cleans scraped text: removes what is not article text and turns it into metadata. */
export function cleanPlainText(body: string, ctx: PlainTextContext): PlainTextResult {
  void ctx;
  return { text: body.trim(), title: null, byline: null, published: null, publishedRule: null, outlet: null, credits: [] };
}
