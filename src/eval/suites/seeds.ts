/**
 * The seeds checklist (`shared/PRODUCT.md`): what a correct dossier of the five seed articles
 * shows, scored as the share of checks passed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveConfig } from '../../config.js';
import { readInputs } from '../../ingest/files.js';
import { analyze } from '../../pipeline/analyze.js';
import { openStore } from '../../store/open.js';
import type { EvalSuite, SuiteResult } from '../suite.js';

/** Expected publication dates by seed file prefix. */
const DATES: Readonly<Record<string, string | null>> = { '000': '2024-02-19', '001': '2024-02-20', '002': null, '003': '2024-02-19', '004': '2023-10-23' };

export const seedsSuite: EvalSuite = {
  name: 'seeds',
  async run(shared: string): Promise<SuiteResult> {
    const dir = resolve(shared, 'corpus/seeds');
    if (!existsSync(dir)) return { metrics: [], notes: ['  seeds not found; skipped'] };
    const store = await openStore(':memory:');
    try {
      await analyze(store, readInputs([dir]), { config: resolveConfig() });
      const stories = await store.listStories();
      const checks: [string, boolean][] = [];
      const sizes = stories.map((s) => s.articleCount).sort();
      checks.push(['two stories, 4 + 1 articles', sizes.join('+') === '1+4']);
      const feb = stories.find((s) => s.articleCount === 4);
      checks.push(['February story holds 000-003', !!feb && ['000', '001', '002', '003'].every((p) => feb.articles.some((a) => a.source.includes(`/${p}_`)))]);
      checks.push(['both stories in one thread', stories.length === 2 && !!stories[0]!.thread && stories[0]!.thread === stories[1]!.thread]);
      const all = stories.flatMap((s) => s.articles);
      for (const [prefix, date] of Object.entries(DATES)) {
        const a = all.find((x) => x.source.includes(`/${prefix}_`));
        checks.push([`seed ${prefix} published ${date ?? '(none)'}`, (a?.published?.slice(0, 10) ?? null) === date]);
      }
      const passed = checks.filter(([, ok]) => ok).length;
      return {
        notes: checks.map(([name, ok]) => `  ${ok ? '✓' : '✗'} ${name}`),
        metrics: [{ name: 'seed checks passed (share)', value: passed / checks.length, min: 1 }],
      };
    } finally {
      await store.close();
    }
  },
};
