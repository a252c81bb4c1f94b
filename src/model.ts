/**
 * The records that flow through the pipeline. Each stage returns a new, read-only record with
 * its own fields added; nothing downstream mutates what an earlier stage produced.
 *
 * ingest → {@link RawDocument} → extract → {@link ExtractedArticle} → dedupe → annotate →
 * {@link AnnotatedArticle} → cluster → {@link StoryAssignment} → compare → {@link StoryComparison}
 * → store.
 */
import type { Diagnostic } from './diagnostics.js';

/** How the body of a raw document is written. */
export type BodyFormat = 'html' | 'text' | 'markdown';

/** Metadata that arrived with the content (JSON records, feeds) rather than inside it. */
export interface SuppliedMetadata {
  readonly url?: string;
  readonly title?: string;
  readonly published?: string;
  readonly outlet?: string;
  readonly byline?: string;
  readonly language?: string;
}

/** One input document as read from disk: decoded, with its original bytes kept. */
export interface RawDocument {
  /** sha256 (hex) of the source name and the original bytes: re-reading the same file gives the same id. */
  readonly id: string;
  /** Input path (with `#N` for the N-th record of a JSON/NDJSON file) or URL. */
  readonly source: string;
  readonly bodyFormat: BodyFormat;
  /** The decoded body: HTML, plain text or Markdown. */
  readonly body: string;
  /** The character encoding the body was decoded from, and how it was chosen. */
  readonly encoding: { readonly name: string; readonly rule: string };
  /** The original bytes as read (before gunzip and decoding), kept in the store. */
  readonly raw: Uint8Array;
  readonly supplied: SuppliedMetadata;
  /**
   * Documents of one group share boilerplate (same folder or same outlet): lines repeated
   * across a group are learned as not-article-text.
   */
  readonly group: string;
}

/** A metadata value together with the rule that produced it, so users can see why. */
export interface Found<T> {
  readonly value: T;
  readonly rule: string;
}

/** Main text and metadata of one article. */
export interface ExtractedArticle {
  readonly rawId: string;
  readonly source: string;
  readonly title: string | null;
  readonly byline: string | null;
  /** ISO 8601 date (`2024-02-19`) or date-time; null when nothing in or around the page says. */
  readonly published: string | null;
  /** Which rule found `published` (e.g. `text:date-line`, `meta:article:published_time`). */
  readonly publishedRule: string | null;
  readonly outlet: string | null;
  readonly language: string | null;
  readonly url: string | null;
  /** Article text, paragraphs separated by one blank line. */
  readonly text: string;
  /** Agencies or sources credited by a credit line (`Source: Reuters`, `(AP)`, `— Xinhua`). */
  readonly credits: readonly string[];
  /** Which extraction strategy produced the text (e.g. `readability`, `plaintext`). */
  readonly strategy: string;
  /** ISO 8601 date of the page's last declared modification; absent or null when none. */
  readonly modified?: string | null;
  /** Which rule found `modified` (e.g. `jsonld:dateModified`). */
  readonly modifiedRule?: string | null;
  /** The outlet's section for the article (`Politics`, `Sci-Tech`), when the page says. */
  readonly section?: string | null;
}

/** A character range in an article's text, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A sentence of the article text. */
export interface Sentence extends Span {
  readonly text: string;
}

/** Entity types. `NAME` is a capitalised name whose type the annotator cannot tell. */
export type EntityKind = 'PERSON' | 'ORGANIZATION' | 'LOCATION' | 'EVENT' | 'LAW' | 'PRODUCT' | 'NAME';

/** One mention of a named entity. */
export interface EntityMention extends Span {
  readonly text: string;
  /** Normalised form used to compare mentions across articles (folded case and diacritics). */
  readonly key: string;
  readonly kind: EntityKind;
  /** Display name of the entity within the article (`Viktor Orbán` for a later `Orban`). */
  readonly canonical?: string;
  /** Title or role written with the name (`Interior Minister` of `Interior Minister Sandor Pinter`). */
  readonly role?: string;
}

/** A quotation (direct, partial or indirect) with its speaker. */
export interface Quote extends Span {
  /** The quoted words (without the quotation marks) or the reported clause. */
  readonly text: string;
  /** Canonical name of the speaker, or null when the article does not say. */
  readonly speaker: string | null;
  /** The reporting verb or phrase (`said`, `expressed hope`, `according to`). */
  readonly cue: string | null;
  readonly kind: 'direct' | 'partial' | 'indirect';
}

/** A time expression normalised against the article's publication date. */
export interface TimeExpression extends Span {
  readonly text: string;
  /** ISO 8601 date (`2024-02-18`), or interval (`2024-02-05/2024-02-11`); null when unresolvable. */
  readonly value: string | null;
  /** Which rule resolved it (`weekday-before-publication`, `chrono`, `last-week`…). */
  readonly rule: string;
}

/** An agency or outlet credited for the article's content, with the passage that says so. */
export interface Attribution {
  /** Canonical agency name, e.g. `Reuters`, `Xinhua`. */
  readonly agency: string;
  /** How it was found: `credit-line`, `citing`, `reported`, `according-to`, `mention`. */
  readonly cue: string;
  readonly passage: string;
  /** Offsets of the crediting phrase in the article text (absent for credit lines from metadata). */
  readonly start?: number;
  readonly end?: number;
  /** `wire` (Reuters, AP, AFP), `agency` (national news agencies), `outlet` (papers, broadcasters), `unknown`. */
  readonly kind?: 'wire' | 'agency' | 'outlet' | 'unknown';
  /** The source that cites this one (`UNN` for `UNN reports citing Reuters`). */
  readonly citedBy?: string;
}

/** An article after extraction, deduplication and annotation: what the store keeps. */
export interface AnnotatedArticle extends ExtractedArticle {
  /** Article id: the first 16 hex digits of {@link contentHash}. */
  readonly id: string;
  /** sha256 of the normalised text: equal for exact duplicates. */
  readonly contentHash: string;
  readonly sentences: readonly Sentence[];
  readonly entities: readonly EntityMention[];
  readonly attributions: readonly Attribution[];
  /** Quotations with speakers (absent on articles stored before the quote annotator). */
  readonly quotes?: readonly Quote[];
  /** Time expressions resolved against the publication date. */
  readonly times?: readonly TimeExpression[];
}

/** Weighted features the clusterer compares; derived from an annotated article. */
export interface ArticleFeatures {
  readonly articleId: string;
  /** Term frequencies of normalised content words. */
  readonly terms: Readonly<Record<string, number>>;
  /** Entity keys mentioned (distinct). */
  readonly names: readonly string[];
  /** Publication time in ms since epoch, or null when unknown. */
  readonly time: number | null;
  /** Language of the text (ISO 639-1) when known: stories never mix languages. */
  readonly language?: string | null;
  /** MinHash signature of the text's word shingles, for near-duplicate detection (absent: too short). */
  readonly signature?: readonly number[];
  /**
   * The year the article is about, when it says: the latest year mentioned in the text or of
   * its publication date. Two reports of one event rarely disagree on it.
   */
  readonly eventYear?: number | null;
  /**
   * How prominent each name is in the article (mentions, plus a bonus when it is named in the
   * title or lead), keyed like {@link names}: the protagonists of an event outweigh names
   * dropped once. Absent on features stored before it existed (every name then counts 1).
   */
  readonly nameWeights?: Readonly<Record<string, number>>;
  /**
   * Earlier times the article's title and lead refer back to, distinct: months (`2007-04`) its
   * dates resolve to, and years (`2010`) it names, before its publication month or year
   * ("convicted of an April 2007 shooting", "the 2010 Kraft rampage"). A report months after an
   * event that names the event's time up front is about that event; one that names it further
   * down gives background. Absent when undated or stored before it existed.
   */
  readonly recalls?: readonly string[];
}

/** The similarity components that placed an article, kept for `story ID --why`. */
export interface ScoreParts {
  readonly text: number;
  readonly names: number;
  readonly time: number;
  /** Agreement of the years the article and the story's articles are about (absent: one side names none). */
  readonly dates?: number;
  /** A name each side's articles mostly mention and the other's never do, when found: the score was lowered. */
  readonly rivals?: readonly [string, string];
  /** Days between the two sides when more than the window's `maxGapDays`: the score was lowered. */
  readonly gapDays?: number;
  /** The earlier side's time the later side names, when they are {@link gapDays} apart: why they may still be one event. */
  readonly recalls?: string;
  readonly total: number;
}

/** Why an article is in its story. */
export interface ClusterDecision {
  readonly articleId: string;
  readonly storyId: string;
  readonly action: 'created' | 'joined' | 'manual';
  /** Score against the chosen story (absent when a story was created). */
  readonly score: ScoreParts | null;
  /** The best candidates considered, best first. */
  readonly candidates: readonly { readonly storyId: string; readonly score: ScoreParts }[];
  readonly threshold: number;
  readonly reason: string;
}

/** A story as listed: one real-world event. */
export interface StorySummary {
  readonly id: string;
  readonly title: string;
  readonly articleCount: number;
  readonly firstPublished: string | null;
  readonly lastPublished: string | null;
  readonly thread: string | null;
  readonly articles: readonly StoryArticleRef[];
}

/** An article as listed inside a story. */
export interface StoryArticleRef {
  readonly id: string;
  readonly source: string;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly published: string | null;
}

/** One source of a story, as the comparison shows it. */
export interface StorySource {
  readonly articleId: string;
  readonly source: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly title: string | null;
  readonly byline: string | null;
  /** Agencies this version rests on, by attribution. */
  readonly agencies: readonly string[];
  readonly attributions: readonly Attribution[];
  /** Other raw inputs that carried exactly this text. */
  readonly duplicateSources: readonly string[];
}

/** What the compare stage says about one story. */
export interface StoryComparison {
  readonly storyId: string;
  readonly sources: readonly StorySource[];
  /** Every agency cited by any source, with the articles citing it. */
  readonly agencies: readonly { readonly name: string; readonly articles: readonly string[] }[];
  readonly outlets: readonly string[];
  /** Who rests on whom: origins, copy/rewrite and citation edges (absent on stories compared before). */
  readonly provenance?: Provenance;
  /** Statements aligned across the story's articles, with how well supported each is. */
  readonly claims?: readonly ClaimGroup[];
  /** Aligned statements that disagree on a slot. */
  readonly conflicts?: readonly Conflict[];
  /** Headline and extractive summary from the best-supported claims. */
  readonly brief?: StoryBrief;
  /** Dated events of the story. */
  readonly timeline?: readonly TimelineEntry[];
  /** Canonical entities of the story with their spellings (absent on stories compared before). */
  readonly entities?: readonly StoryEntity[];
  /** Quotes of the story, the same words in different renderings grouped. */
  readonly quotes?: readonly StoryQuote[];
  /** Text reused from articles of earlier stories of the same thread (absent when none were given). */
  readonly earlierReuse?: readonly EarlierReuse[];
}

/** An article of the story that copies or rewrites an article of an earlier story. */
export interface EarlierReuse {
  /** The article of this story. */
  readonly from: string;
  /** The article of the earlier story it rests on. */
  readonly to: string;
  /** The earlier story. */
  readonly storyId: string;
  readonly kind: 'copies' | 'rewrites';
  /** Share of the article aligned with the earlier one (0–1). */
  readonly strength: number;
  readonly passages: readonly AlignedPassage[];
  readonly why: string;
}

/** One entity of a story under all the spellings its articles use. */
export interface StoryEntity {
  readonly name: string;
  readonly type: EntityKind;
  /** Every spelling met (`Orban`, `Orbán`, `Viktor Orban`). */
  readonly variants: readonly string[];
  /** Ids of the articles mentioning it. */
  readonly articles: readonly string[];
  readonly mentions: number;
}

/** One statement quoted in a story, with each article's rendering. */
export interface StoryQuote {
  readonly speaker: string | null;
  /** The rendering quoted by most articles (first met on ties). */
  readonly text: string;
  readonly variants: readonly { readonly articleId: string; readonly text: string; readonly kind: Quote['kind'] }[];
  readonly articles: readonly string[];
}

/** Two passages that say the same: `from` in the derived article, `to` in its source. */
export interface AlignedPassage {
  readonly from: string;
  readonly to: string;
}

/** Where a group of articles ultimately comes from: an agency, an outlet's own reporting, or one article. */
export interface ProvenanceOrigin {
  readonly name: string;
  readonly kind: 'agency' | 'outlet' | 'article';
  /** Articles resting on this origin. */
  readonly articles: readonly string[];
  /** Upstream sources the origin itself cites (`Xinhua` for a Reuters report citing Xinhua). */
  readonly restsOn: readonly string[];
}

/**
 * An edge of the provenance graph. `from` rests on `to`. Nodes are article ids, or agency and
 * outlet names. Kinds: `copies`/`rewrites` (text reuse between articles), `cites` (an article
 * credits an agency), `relays` (an outlet passes on an agency's report: `UNN → Reuters`),
 * `rests-on` (an agency's report cites another agency: `Reuters → Xinhua`), `published-by`.
 */
export interface ProvenanceEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'copies' | 'rewrites' | 'cites' | 'relays' | 'rests-on' | 'published-by';
  /** Aligned passages (text reuse edges) or the crediting passage (citations). */
  readonly passages?: readonly AlignedPassage[];
  readonly why?: string;
}

/** The provenance of one story. */
export interface Provenance {
  readonly origins: readonly ProvenanceOrigin[];
  readonly edges: readonly ProvenanceEdge[];
  /** How many origins do not rest on one another: what corroboration is counted in. */
  readonly independentOrigins: number;
}

/** How well a claim is supported. */
export type ClaimStatus = 'corroborated' | 'single-origin' | 'unique' | 'conflicting';

/** One statement as the articles of a story make it, aligned across them. */
export interface ClaimGroup {
  /** The statement, in the words of its best-placed article. */
  readonly text: string;
  readonly status: ClaimStatus;
  /** Independent origins among the articles making it. */
  readonly independentSupport: number;
  readonly articles: readonly string[];
  /** Each article's wording. */
  readonly variants: readonly { readonly articleId: string; readonly text: string }[];
}

/** The slot on which aligned claims disagree. */
export type ConflictSlot = 'place' | 'time' | 'number' | 'person' | 'negation' | 'modality';

/** Aligned claims that disagree, with each side's value, articles and passage. */
export interface Conflict {
  readonly slot: ConflictSlot;
  readonly values: readonly { readonly value: string; readonly articles: readonly string[]; readonly passage: string }[];
  /** Why this was judged a disagreement rather than two wordings of one fact. */
  readonly why: string;
}

/** The story in brief: each sentence cites the articles that make it. */
export interface StoryBrief {
  readonly headline: string;
  readonly sentences: readonly { readonly text: string; readonly articles: readonly string[] }[];
}

/** One dated event of a story. */
export interface TimelineEntry {
  /** ISO day. */
  readonly date: string;
  readonly text: string;
  readonly articles: readonly string[];
}

/** A thread: stories that continue one another. */
export interface Thread {
  readonly id: string;
  readonly storyIds: readonly string[];
  /** Shared names that link the stories. */
  readonly reason: string;
}

/** How a raw document ended up. */
export type RawStatus = 'article' | 'duplicate' | 'rejected';

/** The outcome of processing one raw document, with its messages. */
export interface RawOutcome {
  readonly raw: RawDocument;
  readonly status: RawStatus;
  /** The article it became or duplicated; null when rejected. */
  readonly articleId: string | null;
  readonly diagnostics: readonly Diagnostic[];
}
