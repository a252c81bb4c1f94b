/** `dossier annotate FILE...`: entities, quotes, attributions and times of pages, no store needed. */
import type { Command } from 'commander';
import { annotateArticle } from '../../annotate/index.js';
import { contentHash } from '../../dedupe/fingerprint.js';
import type { AnnotatedArticle } from '../../model.js';
import { loadConfig, type GlobalFlags } from '../options.js';
import { eachPage } from '../pages.js';
import { configOption, out, type JsonFlag } from '../shared.js';

type Flags = GlobalFlags & JsonFlag;

/** Adds the command to the program. */
export function register(program: Command): void {
  program
    .command('annotate')
    .description('print entities, quotes, attributions and time expressions of pages, with offsets into the extracted text')
    .argument('<files...>', 'HTML, text, Markdown or JSON/NDJSON files or folders, optionally .gz')
    .addOption(configOption())
    .option('--json', 'print one JSON object per input (NDJSON)')
    .action(async (files: string[], flags: Flags) => {
      process.exitCode = await runAnnotate(files, flags);
    });
}

/** The machine-readable record of one annotated input: offsets point into `text`. */
export function annotationRecord(a: AnnotatedArticle): Record<string, unknown> {
  return {
    source: a.source,
    published: a.published,
    entities: a.entities.map((e) => ({ text: e.text, type: e.kind, start: e.start, end: e.end, canonical: e.canonical ?? e.text, ...(e.role ? { role: e.role } : {}) })),
    quotes: (a.quotes ?? []).map((q) => ({ text: q.text, speaker: q.speaker, cue: q.cue, start: q.start, end: q.end, kind: q.kind })),
    attributions: a.attributions.map((t) => ({ source: t.agency, cue: t.cue, start: t.start ?? null, end: t.end ?? null, kind: t.kind ?? null, ...(t.citedBy ? { citedBy: t.citedBy } : {}) })),
    times: (a.times ?? []).map((t) => ({ text: t.text, value: t.value, start: t.start, end: t.end, rule: t.rule })),
    text: a.text,
  };
}

function formatHuman(a: AnnotatedArticle): string {
  const lines = [`# ${a.source}${a.published ? ` (${a.published})` : ''}`];
  const entities = new Map<string, { type: string; variants: Set<string> }>();
  for (const e of a.entities) {
    const k = `${e.kind} ${e.canonical ?? e.text}`;
    const v = entities.get(k) ?? { type: e.kind, variants: new Set<string>() };
    v.variants.add(e.role ? `${e.text} [${e.role}]` : e.text);
    entities.set(k, v);
  }
  lines.push('entities:');
  for (const [k, v] of entities) lines.push(`  ${k}  ← ${[...v.variants].join(' | ')}`);
  lines.push('quotes:');
  for (const q of a.quotes ?? []) lines.push(`  ${q.speaker ?? '?'} (${q.cue ?? '-'}, ${q.kind}): “${q.text.length > 120 ? `${q.text.slice(0, 117)}…` : q.text}”`);
  lines.push('attributions:');
  for (const t of a.attributions) lines.push(`  ${t.agency} [${t.kind ?? '?'}] ${t.cue}${t.citedBy ? ` (cited by ${t.citedBy})` : ''}`);
  lines.push('times:');
  for (const t of a.times ?? []) lines.push(`  ${t.text} → ${t.value ?? '?'} (${t.rule})`);
  return lines.join('\n');
}

async function runAnnotate(files: string[], flags: Flags): Promise<number> {
  return eachPage(files, loadConfig(flags), flags, 'annotate', (extracted) => {
    const a = annotateArticle(extracted, contentHash(extracted.text));
    out(flags.json ? JSON.stringify(annotationRecord(a)) : formatHuman(a));
  });
}
