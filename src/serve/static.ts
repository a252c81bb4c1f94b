/**
 * Static files of the built web UI. The folder is listed once when the app starts and only
 * files in that list are ever served: a request path is looked up in a map, never joined onto
 * a folder, so `..`, encoded slashes or symlinks cannot reach anything else.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One servable file, read into memory (the UI is a few hundred kilobytes). */
export interface StaticFile {
  readonly body: Uint8Array;
  readonly type: string;
  /** Hashed asset names never change content, so they may be cached for good. */
  readonly immutable: boolean;
}

/** URL path (`/assets/index-abc.js`) → file. */
export type StaticFiles = ReadonlyMap<string, StaticFile>;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Lists the files under `root` (empty when the folder does not exist: the UI is not built). */
export function loadStaticFiles(root: string): StaticFiles {
  const files = new Map<string, StaticFile>();
  let rootIsDir = false;
  try {
    rootIsDir = statSync(root).isDirectory();
  } catch {
    return files;
  }
  if (!rootIsDir) return files;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const dot = entry.name.lastIndexOf('.');
        const type = TYPES[dot >= 0 ? entry.name.slice(dot).toLowerCase() : ''];
        if (!type) continue; // source maps and anything unexpected stay private
        const urlPath = `/${relative(root, full).split(sep).join('/')}`;
        files.set(urlPath, { body: readFileSync(full), type, immutable: urlPath.startsWith('/assets/') });
      }
    }
  };
  walk(root);
  return files;
}
