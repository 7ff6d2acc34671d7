/** Whether bytes start with gzip's magic number (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

interface ByteStream {
  pipeThrough(transform: unknown): ByteStream;
}

// The few web-platform globals used, typed here because core compiles without DOM or Node types.
interface StreamGlobals {
  DecompressionStream?: new (format: 'gzip') => unknown;
  Blob?: new (parts: Uint8Array[]) => { stream(): ByteStream };
  Response?: new (body: ByteStream) => { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * gzip data decompressed with the platform's DecompressionStream (browsers, Node 18 and later);
 * hosts without one decompress before calling core (zlib.gunzipSync in Node).
 */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const { DecompressionStream, Blob, Response } = globalThis as unknown as StreamGlobals;
  if (!DecompressionStream || !Blob || !Response) {
    throw new Error('this platform has no DecompressionStream: decompress the gzip data before passing it in');
  }
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
