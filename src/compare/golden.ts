/**
 * Golden stories (`src/compare/fixtures/NAME/story.json`): invented events told by several
 * outlets, with the copies, origins, conflicts and non-conflicts planted in them. Loading and
 * scoring live here so the eval gate and the tests share them.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { annotateArticle } from '../annotate/index.js';
import { foldDiacritics } from '../annotate/text.js';
import { contentHash } from '../dedupe/fingerprint.js';
import { DossierError, expectedFound } from '../errors.js';
import type { AnnotatedArticle, StoryComparison } from '../model.js';

/** One golden story as written in its fixture. */
export interface GoldenStory {
  readonly name: string;
  readonly articles: readonly AnnotatedArticle[];
  readonly expected: {
    /** Reuse relations `[derived, source]` (copies and rewrites). */
    readonly reuse: readonly (readonly [string, string])[];
    readonly copies: readonly (readonly [string, string])[];
    readonly independentOrigins: number;
    readonly conflicts: readonly { readonly slot: string; readonly values: readonly [string, string] }[];
    readonly nonConflicts: readonly (readonly [string, string])[];
  };
}

interface FixtureArticle {
  readonly id: string;
  readonly outlet: string;
  readonly published: string;
  readonly title: string;
  readonly text: string;
  readonly credits?: readonly string[];
}

/** The fixtures folder beside this module's source (works from `src/` and from `dist/`). */
export function fixturesDir(root = process.cwd()): string {
  return resolve(root, 'src/compare/fixtures');
}

/** Loads every golden story, annotated with the project's own annotator. */
export function loadGoldenStories(dir = fixturesDir()): GoldenStory[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => existsSync(resolve(dir, d, 'story.json')))
    .sort()
    .map((name) => {
      const raw = JSON.parse(readFileSync(resolve(dir, name, 'story.json'), 'utf8')) as { articles?: FixtureArticle[]; expected?: GoldenStory['expected'] };
      if (!Array.isArray(raw.articles) || !raw.expected) throw new DossierError('input:invalid-record', expectedFound(`golden story ${name}`, '"articles" and "expected"', Object.keys(raw).join(', ') || 'neither'));
      const articles = raw.articles.map((a) => {
        const annotated = annotateArticle(
          {
            rawId: a.id,
            source: `${name}/${a.id}`,
            title: a.title,
            byline: null,
            published: a.published,
            publishedRule: 'fixture',
            outlet: a.outlet,
            language: 'en',
            url: null,
            text: a.text,
            credits: a.credits ?? [],
            strategy: 'fixture',
          },
          contentHash(a.text),
        );
        return { ...annotated, id: a.id };
      });
      return { name, articles, expected: raw.expected };
    });
}

/** Counts for precision and recall. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** What the comparison got right on one golden story. */
export interface GoldenScore {
  readonly name: string;
  readonly reuse: Tally;
  readonly copies: Tally;
  readonly conflicts: Tally;
  readonly originsExpected: number;
  readonly originsFound: number;
  /** Planted paraphrases reported as conflicts (should be none). */
  readonly nonConflictsFlagged: number;
  readonly notes: readonly string[];
}

const low = (s: string): string => foldDiacritics(s).toLowerCase();
const matches = (predicted: string, gold: string): boolean => low(predicted).includes(low(gold)) || low(gold).includes(low(predicted));

/** Scores a comparison against a golden story. */
export function scoreGolden(story: GoldenStory, cmp: Pick<StoryComparison, 'provenance' | 'conflicts'>): GoldenScore {
  const notes: string[] = [];
  const edges = cmp.provenance?.edges ?? [];
  const reuseEdges = edges.filter((e) => e.kind === 'copies' || e.kind === 'rewrites');
  const tallyEdges = (pred: readonly { from: string; to: string }[], gold: readonly (readonly [string, string])[], label: string): Tally => {
    const goldSet = new Set(gold.map(([f, t]) => `${f}>${t}`));
    const predSet = new Set(pred.map((e) => `${e.from}>${e.to}`));
    const tp = [...predSet].filter((k) => goldSet.has(k)).length;
    for (const k of predSet) if (!goldSet.has(k)) notes.push(`  ${story.name}: unexpected ${label} ${k}`);
    for (const k of goldSet) if (!predSet.has(k)) notes.push(`  ${story.name}: missed ${label} ${k}`);
    return { tp, fp: predSet.size - tp, fn: goldSet.size - tp };
  };
  const reuse = tallyEdges(reuseEdges, story.expected.reuse, 'reuse edge');
  const copies = tallyEdges(edges.filter((e) => e.kind === 'copies'), story.expected.copies, 'copy edge');

  const predicted = cmp.conflicts ?? [];
  const hit = (c: (typeof predicted)[number], a: string, b: string): boolean =>
    c.values.some((v, i) => matches(v.value, a) && c.values.some((w, j) => j !== i && matches(w.value, b)));
  const used = new Set<number>();
  let tp = 0;
  for (const g of story.expected.conflicts) {
    const k = predicted.findIndex((c, i) => !used.has(i) && c.slot === g.slot && hit(c, g.values[0], g.values[1]));
    if (k >= 0) {
      used.add(k);
      tp++;
    } else notes.push(`  ${story.name}: missed conflict ${g.slot} ${g.values.join(' / ')}`);
  }
  // A predicted conflict that restates a found one (same slot, a value shared) is not a false alarm.
  const fp = predicted.filter((c, i) => !used.has(i) && !story.expected.conflicts.some((g) => g.slot === c.slot && hit(c, g.values[0], g.values[1])));
  for (const c of fp) notes.push(`  ${story.name}: unexpected conflict ${c.slot}: ${c.values.map((v) => `${v.value} [${v.articles.join(',')}]`).join(' / ')}`);
  const nonConflictsFlagged = story.expected.nonConflicts.filter(([a, b]) => predicted.some((c) => hit(c, a, b))).length;
  return {
    name: story.name,
    reuse,
    copies,
    conflicts: { tp, fp: fp.length, fn: story.expected.conflicts.length - tp },
    originsExpected: story.expected.independentOrigins,
    originsFound: cmp.provenance?.independentOrigins ?? 0,
    nonConflictsFlagged,
    notes,
  };
}

/** Precision and recall of a summed tally (1 when nothing was predicted or expected). */
export function precisionRecall(t: Tally): { precision: number; recall: number } {
  return { precision: t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp), recall: t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn) };
}
