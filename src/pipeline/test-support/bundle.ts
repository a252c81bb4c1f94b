/**
 * Bundles a TypeScript entry point into one ES module that plain `node` (a child process or a
 * worker thread) can run, since tests run from sources. The bundle goes under
 * `node_modules/.cache` so that its package imports resolve as the sources' do.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Bundles `entry` (relative to the repository root) and returns the bundle's file URL. */
export async function bundleForNode(entry: string, name: string): Promise<URL> {
  const outfile = `${ROOT}node_modules/.cache/dossier-tests/${name}-${process.pid}.mjs`;
  await build({ entryPoints: [`${ROOT}${entry}`], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'error' });
  return new URL(`file://${outfile}`);
}
