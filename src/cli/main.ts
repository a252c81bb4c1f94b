#!/usr/bin/env node
/**
 * The `dossier` command line. Each command lives in `commands/` and registers itself; errors
 * are mapped to exit codes in one place (`exit-codes.ts`).
 */
import { Command, CommanderError } from 'commander';
import * as analyze from './commands/analyze.js';
import * as annotate from './commands/annotate.js';
import * as extract from './commands/extract.js';
import * as merge from './commands/merge.js';
import * as recluster from './commands/recluster.js';
import * as split from './commands/split.js';
import * as search from './commands/search.js';
import * as serve from './commands/serve.js';
import * as stories from './commands/stories.js';
import * as story from './commands/story.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { boundHeapGrowth } from '../util/heap.js';

// Long runs keep their memory near their live data (see util/heap.ts).
boundHeapGrowth();

const COMMANDS: readonly { register(program: Command): void }[] = [analyze, stories, story, extract, annotate, serve, merge, split, recluster, search];

const program = new Command()
  .name('dossier')
  .description('Sourced story dossiers from articles of many outlets')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();
for (const command of COMMANDS) command.register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version are successes; everything else commander reports is a usage error.
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    const code = exitCodeFor(err);
    process.stderr.write(`dossier: ${(err as Error).message}\n`);
    if (code === EXIT.internal && process.env['DOSSIER_DEBUG']) process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = code;
  }
}
