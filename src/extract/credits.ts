/**
 * Credit lines of an HTML article as metadata: a block that is only a credit (`Source:
 * Reuters`, `(AP)`, `— Xinhua`) leaves the text and becomes a credit; a wire dateline
 * (`BEIJING (Reuters) —`) credits its agency and stays, because the sentence goes on.
 */
import type { Block } from './blocks.js';
import { parseCreditLine } from './plaintext.js';

/** Agencies seen in datelines; the bracket form is specific enough to trust. */
const DATELINE = /^[\p{Lu}][\p{Lu}\p{M}\s.,'’/-]{1,60}\(([A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2})\)\s*[—–-]/u;

/** Splits credit-only blocks off the text and reads dateline credits; order of first mention. */
export function creditsOfBlocks(blocks: readonly Block[]): { credits: string[]; blocks: Block[] } {
  const credits: string[] = [];
  const add = (name: string): void => {
    if (!credits.includes(name)) credits.push(name);
  };
  const kept: Block[] = [];
  for (const [i, block] of blocks.entries()) {
    if (block.text.length <= 120) {
      const items = parseCreditLine(block.text);
      if (items && items.length) {
        items.forEach(add);
        continue;
      }
    }
    if (i < 3) {
      const m = DATELINE.exec(block.text);
      if (m?.[1]) add(m[1]);
    }
    kept.push(block);
  }
  return { credits, blocks: kept };
}
