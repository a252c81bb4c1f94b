/**
 * The DOM types Dossier's extractor works on: linkedom's, named once so the modules that walk
 * the tree agree on them.
 */
import { parseHTML } from 'linkedom';

/** A parsed HTML document. */
export type DomDocument = ReturnType<typeof parseHTML>['document'];
/** An element of a parsed document. */
export type DomElement = ReturnType<DomDocument['createElement']>;

/** Parses HTML into a fresh document; the caller may mutate it freely. */
export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document;
}
