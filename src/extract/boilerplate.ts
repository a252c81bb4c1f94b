/**
 * Boilerplate learned from repetition: a line that recurs across many documents of one group
 * (one outlet's folder, one feed) is site furniture, not article text.
 *
 * Learning is a corpus step (it reads every document of a group once); applying the model is
 * per document and pure. The model is immutable, so one model can be shared by workers.
 */
import type { BoilerplateConfig } from '../config.js';
import { DossierError, expectedFound } from '../errors.js';
import { sha256Hex } from '../util/hash.js';

/** Normalised lines known to be boilerplate, per document group. */
export interface BoilerplateModel {
  /** True when `line` (raw, un-normalised) is learned boilerplate for `group`. */
  isBoilerplate(group: string, line: string): boolean;
}

/** A learned model that can also say what it learned, so users can see why a line went. */
export interface LearnedBoilerplate extends BoilerplateModel {
  /** Groups with at least one learned line, sorted. */
  groups(): readonly string[];
  /** The normalised lines learned for `group`, sorted. */
  lines(group: string): readonly string[];
}

/** A model that knows nothing: every line may be article text. */
export const NO_BOILERPLATE: BoilerplateModel = Object.freeze({ isBoilerplate: () => false });

/**
 * Lines this short ("|", "»", "1.") say nothing about a site and would otherwise be learned
 * from almost every group.
 */
const MIN_LINE_CHARS = 3;

/**
 * Whitespace runs other than a single space: replacing them with one space collapses every run,
 * as replacing all of /\s+/ did, without rewriting each of the text's ordinary word gaps.
 */
const SPACE_RUNS = / \s+|[^\S ]\s*/g;

/** Any character outside ASCII: only such lines can change under NFKC. */
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The form a line is compared in: Markdown syntax dropped (the same menu entry may be a link
 * in one page and plain text in another), case folded, whitespace collapsed, and every digit
 * made `0` so that "© 2023 Example News" and "© 2024 Example News" are one line.
 */
export function normaliseBoilerplateLine(line: string): string {
  // NFKC leaves ASCII as it is, and both link patterns need a "[": most lines skip those passes.
  const nfkc = NON_ASCII.test(line) ? line.normalize('NFKC') : line;
  return (nfkc.includes('[') ? nfkc.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') : nfkc)
    .replace(/^\s*(?:#{1,6}|>|[-*+•]|\d{1,3}[.)])\s+/, '')
    .replace(/[*_`~]+/g, '')
    .toLowerCase()
    .replace(/\d/g, '0')
    .replace(SPACE_RUNS, ' ')
    .trim();
}

/**
 * Learns boilerplate lines from documents' bodies, grouped by `group`. A line is learned for a
 * group when it occurs in at least `config.minDocuments` documents of that group and in at
 * least `config.minShare` of them; a line counts once per document. Documents with identical
 * bodies count once, so a folder holding several copies of one article does not teach that
 * its paragraphs are furniture.
 *
 * Throws {@link DossierError} `config:invalid` when the configuration cannot work.
 */
export function learnBoilerplate(
  docs: Iterable<{ readonly group: string; readonly body: string }>,
  config: BoilerplateConfig,
): LearnedBoilerplate {
  checkConfig(config);
  const tallies = new Map<string, GroupTally>();
  for (const doc of docs) {
    const tally = tallies.get(doc.group) ?? newTally();
    tallies.set(doc.group, tally);
    addDocument(tally, doc.body);
  }
  const learned = new Map<string, ReadonlySet<string>>();
  for (const [group, tally] of tallies) {
    const lines = learnedLines(tally, config);
    if (lines.size > 0) learned.set(group, lines);
  }
  return modelOf(learned);
}

/** Line counts for one group while learning. */
interface GroupTally {
  readonly bodies: Set<string>;
  readonly counts: Map<string, number>;
}

function newTally(): GroupTally {
  return { bodies: new Set(), counts: new Map() };
}

function addDocument(tally: GroupTally, body: string): void {
  const key = sha256Hex(body);
  if (tally.bodies.has(key)) return;
  tally.bodies.add(key);
  for (const line of distinctLines(body)) tally.counts.set(line, (tally.counts.get(line) ?? 0) + 1);
}

/** The distinct normalised lines of a body that are long enough to learn. */
export function distinctLines(body: string): ReadonlySet<string> {
  const lines = new Set<string>();
  for (const raw of body.split(/\r\n?|\n/)) {
    const line = normaliseBoilerplateLine(raw);
    if (line.length >= MIN_LINE_CHARS) lines.add(line);
  }
  return lines;
}

function learnedLines(tally: GroupTally, config: BoilerplateConfig): ReadonlySet<string> {
  const documents = tally.bodies.size;
  const lines = new Set<string>();
  for (const [line, count] of tally.counts) {
    if (count >= config.minDocuments && count / documents >= config.minShare) lines.add(line);
  }
  return lines;
}

function modelOf(learned: ReadonlyMap<string, ReadonlySet<string>>): LearnedBoilerplate {
  return Object.freeze({
    isBoilerplate(group: string, line: string): boolean {
      const lines = learned.get(group);
      return lines !== undefined && lines.has(normaliseBoilerplateLine(line));
    },
    groups: (): readonly string[] => Object.freeze([...learned.keys()].sort()),
    lines: (group: string): readonly string[] => Object.freeze([...(learned.get(group) ?? [])].sort()),
  });
}

function checkConfig(config: BoilerplateConfig): void {
  if (!Number.isInteger(config.minDocuments) || config.minDocuments < 1) {
    throw new DossierError(
      'config:invalid',
      expectedFound('boilerplate.minDocuments', 'an integer ≥ 1', String(config.minDocuments)),
    );
  }
  if (!(config.minShare > 0 && config.minShare <= 1)) {
    throw new DossierError('config:invalid', expectedFound('boilerplate.minShare', 'a share in (0, 1]', String(config.minShare)));
  }
}
