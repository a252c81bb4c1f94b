import { describe, expect, it } from 'vitest';
import { bcubed, tfidfCompleteLinkage } from './clustering-metrics.js';

const map = (o: Record<string, string>): Map<string, string> => new Map(Object.entries(o));

describe('bcubed', () => {
  it.each([
    ['perfect', { a: '1', b: '1', c: '2' }, { a: 'x', b: 'x', c: 'y' }, 1, 1],
    ['all in one', { a: '1', b: '1', c: '2' }, { a: 'x', b: 'x', c: 'x' }, (2 / 3 + 2 / 3 + 1 / 3) / 3, 1],
    ['all apart', { a: '1', b: '1', c: '2' }, { a: 'x', b: 'y', c: 'z' }, 1, (1 / 2 + 1 / 2 + 1) / 3],
    ['missing is singleton', { a: '1', b: '1' }, { a: 'x' }, 1, 0.5],
  ])('%s', (_name, gold, pred, p, r) => {
    const b = bcubed(map(gold), map(pred));
    expect(b.precision).toBeCloseTo(p, 6);
    expect(b.recall).toBeCloseTo(r, 6);
  });
});

describe('tfidfCompleteLinkage', () => {
  it('cuts the dendrogram at the threshold', () => {
    const docs = [
      { id: 'a', text: 'volcano erupts island ash flights cancelled' },
      { id: 'b', text: 'volcano erupts island ash cloud' },
      { id: 'c', text: 'footballer transfer record fee club signs' },
      { id: 'd', text: 'club signs footballer record transfer' },
    ];
    const cut = tfidfCompleteLinkage(docs);
    const labels = cut(0.2);
    expect(labels.get('a')).toBe(labels.get('b'));
    expect(labels.get('c')).toBe(labels.get('d'));
    expect(labels.get('a')).not.toBe(labels.get('c'));
    expect(new Set(cut(0.99).values()).size).toBe(4);
  });
});
