/** Content hashing: every idempotent key in Dossier is a content hash. */
import { createHash } from 'node:crypto';

/** sha256 (hex) of the given parts, separated by a NUL byte so that ("ab","c") ≠ ("a","bc"). */
export function sha256Hex(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  parts.forEach((part, i) => {
    if (i > 0) hash.update('\0');
    hash.update(part);
  });
  return hash.digest('hex');
}
