import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from './heap.js';

describe('collectGarbage', () => {
  it('collects what nothing references any more', async () => {
    const ref = ((): WeakRef<object> => new WeakRef({ held: new Array(1000).fill('ferry') }))();
    // A WeakRef made in this turn holds its target until the turn ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves no gc global behind, here or in contexts made later', () => {
    collectGarbage();
    collectGarbage();
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
