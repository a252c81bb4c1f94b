import { describe, expect, it } from 'vitest';
import { SparseSum } from './sums.js';

describe('SparseSum', () => {
  it('adds weights by id as a Map would, keeping ids in the order first added', () => {
    const sum = new SparseSum();
    const map = new Map<number, number>();
    // Ids spread and repeated past several growths of the index, weights of both signs.
    for (let i = 0; i < 5_000; i++) {
      const id = (i * 7919) % 1_201;
      const w = Math.sin(i) / 3;
      sum.add(id, w);
      map.set(id, (map.get(id) ?? 0) + w);
    }
    expect(sum.size).toBe(map.size);
    expect(sum.ids).toEqual([...map.keys()]);
    expect(sum.weights).toEqual([...map.values()]);
    for (const [id, w] of map) expect(sum.get(id)).toBe(w);
    expect(sum.get(1_201)).toBe(0);
    expect(sum.get(123_456_789)).toBe(0);
  });

  it('gives 0 for any id while empty, and again once cleared', () => {
    const sum = new SparseSum();
    expect(sum.get(0)).toBe(0);
    sum.add(0, 0.5);
    sum.add(42, -0.25);
    expect([sum.get(0), sum.get(42), sum.size]).toEqual([0.5, -0.25, 2]);
    sum.clear();
    expect([sum.get(0), sum.get(42), sum.size]).toEqual([0, 0, 0]);
    sum.add(42, 1);
    expect([sum.ids, sum.weights]).toEqual([[42], [1]]);
  });

  it('clones into a sum that changes on its own', () => {
    const sum = new SparseSum();
    for (let id = 0; id < 100; id++) sum.add(id, id / 10);
    const copy = sum.clone();
    copy.add(5, 1);
    copy.add(500, 2);
    expect([sum.get(5), sum.get(500), sum.size]).toEqual([0.5, 0, 100]);
    expect([copy.get(5), copy.get(500), copy.size]).toEqual([1.5, 2, 101]);
  });
});
