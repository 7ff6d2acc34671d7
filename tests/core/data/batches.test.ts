import { describe, expect, it } from 'vitest';
import { batches, batchesPerEpoch, epochOrder, resolveBatchSize } from '../../../src/core/data/batches';
import { type Dataset, flattenInputs, oneHot, subset } from '../../../src/core/data/dataset';
import { splitDataset } from '../../../src/core/data/split';
import { Tensor } from '../../../src/core/tensor/tensor';

function counting(n: number): Dataset {
  return {
    name: 'count',
    inputs: Tensor.fromArray(
      [n, 2],
      Array.from({ length: 2 * n }, (_, i) => Math.floor(i / 2)),
    ),
    targets: Tensor.fromArray(
      [n, 1],
      Array.from({ length: n }, (_, i) => i),
    ),
  };
}

describe('shuffling, batches and splits', () => {
  it('shuffles each epoch differently, reproducibly, as a permutation', () => {
    const e0 = epochOrder(50, 7, 0);
    const e1 = epochOrder(50, 7, 1);
    expect(Array.from(e0)).toEqual(Array.from(epochOrder(50, 7, 0)));
    expect(Array.from(e0)).not.toEqual(Array.from(e1));
    expect([...e0].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(epochOrder(5, 7, 0, false))).toEqual([0, 1, 2, 3, 4]);
  });

  it('cuts an epoch into batches of 1, any size or the full set, rows kept together', () => {
    const ds = counting(10);
    const order = epochOrder(10, 1, 0);
    const sizes = [...batches(ds, 4, order)].map((b) => b.inputs.shape[0]);
    expect(sizes).toEqual([4, 4, 2]);
    const seen: number[] = [];
    for (const b of batches(ds, 3, order)) {
      for (let i = 0; i < b.indices.length; i++) {
        expect(b.inputs.data[2 * i]).toBe(b.indices[i]);
        expect(b.inputs.data[2 * i + 1]).toBe(b.indices[i]);
        expect(b.targets.data[i]).toBe(b.indices[i]);
        seen.push(b.targets.data[i]);
      }
    }
    expect(seen).toEqual(Array.from(order));
    expect([...batches(ds, 1, order)]).toHaveLength(10);
    expect([...batches(ds, 'full', order)]).toHaveLength(1);
    expect(batchesPerEpoch(10, 4)).toBe(3);
    expect(resolveBatchSize(64, 10)).toBe(10);
    expect(() => resolveBatchSize(0, 10)).toThrow(/batch size/);
  });

  it('splits into disjoint train, validation and test sets from a seed', () => {
    const ds = counting(100);
    const s = splitDataset(ds, { train: 0.7, validation: 0.15 }, 3);
    expect([s.train, s.validation, s.test].map((d) => d.inputs.shape[0])).toEqual([70, 15, 15]);
    const all = [s.train, s.validation, s.test].flatMap((d) => Array.from(d.targets.data));
    expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(splitDataset(ds, { train: 0.7, validation: 0.15 }, 3).test.targets.data)).toEqual(
      Array.from(s.test.targets.data),
    );
    expect(Array.from(splitDataset(ds, { train: 0.7 }, 4).test.targets.data)).not.toEqual(
      Array.from(s.test.targets.data),
    );
    expect(() => splitDataset(ds, { train: 0.9, validation: 0.2 }, 1)).toThrow(/fractions/);
  });

  it('helpers: subset, flatten, one-hot', () => {
    const ds = counting(4);
    expect(Array.from(subset(ds, [3, 0]).targets.data)).toEqual([3, 0]);
    const images: Dataset = { name: 'img', inputs: Tensor.zeros([3, 1, 2, 2]), targets: Tensor.zeros([3, 1]) };
    expect(flattenInputs(images).inputs.shape).toEqual([3, 4]);
    expect(Array.from(oneHot([2, 0], 3).data)).toEqual([0, 0, 1, 1, 0, 0]);
  });
});
