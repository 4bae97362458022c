/**
 * Compressed answers: which content coding an answer goes out in, and the compression itself.
 *
 * The coding is negotiated from the request's Accept-Encoding by `negotiator` (the parser Apollo Server already uses
 * for Accept): q-values, `*`, and `identity;q=0` or `*;q=0` refusing the uncompressed body, as RFC 9110 §12.5.3
 * says; between codings accepted equally, br (smaller) before gzip before identity. No Accept-Encoding, or an empty
 * one, means identity. An answer under MIN_COMPRESSED_BYTES is sent as it is unless the client refuses identity.
 *
 * Compression runs on libuv's thread pool (zlib's callback API), so a large answer never holds the event loop. The
 * threshold and the levels were chosen by measurement: docs/performance.md, "Compressed answers".
 */
import Negotiator from 'negotiator';
import * as zlib from 'node:zlib';

export type ContentCoding = 'br' | 'gzip';

/** What this server sends, in its order of preference. */
const CODINGS: readonly (ContentCoding | 'identity')[] = ['br', 'gzip', 'identity'];

/** Smaller answers go out uncompressed when identity is acceptable: with their ~320 bytes of headers they fit in one TCP segment anyway. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Brotli quality 4 and gzip level 6 (zlib's default): see docs/performance.md for the sizes and times of each level.
 * Quality 5 and up use larger hash tables, which cost three times the CPU when several compress at once.
 */
const BROTLI_QUALITY = 4;
const GZIP_LEVEL = 6;

/** How many distinct Accept-Encoding values keep their parsed preference; clients send a handful. */
const REMEMBERED_ACCEPT_ENCODINGS = 256;

/** The codings each Accept-Encoding value accepts, best first, as `negotiator` parses them (parsing costs more than sending a cached answer's headers). */
const acceptedBy = new Map<string, readonly (ContentCoding | 'identity')[]>();

function acceptedCodings(acceptEncoding: string): readonly (ContentCoding | 'identity')[] {
  let acceptable = acceptedBy.get(acceptEncoding);
  if (acceptable === undefined) {
    acceptable = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encodings(CODINGS, { preferred: CODINGS }) as (ContentCoding | 'identity')[];
    // Oldest first out: a client sending ever new values only churns this, never grows it.
    if (acceptedBy.size >= REMEMBERED_ACCEPT_ENCODINGS) acceptedBy.delete(acceptedBy.keys().next().value!);
    acceptedBy.set(acceptEncoding, acceptable);
  }
  return acceptable;
}

/**
 * The coding to send a body of `bytes` in, or undefined when the client accepts none of br, gzip and identity (the
 * caller answers 406).
 */
export function negotiateCoding(acceptEncoding: string | undefined, bytes: number): ContentCoding | 'identity' | undefined {
  if (acceptEncoding === undefined) return 'identity';
  const acceptable = acceptedCodings(acceptEncoding);
  if (bytes < MIN_COMPRESSED_BYTES && acceptable.includes('identity')) return 'identity';
  return acceptable[0];
}

/** The body compressed with `coding`, on the thread pool. */
export function compress(body: Buffer, coding: ContentCoding): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, result: Buffer) => (error === null ? resolve(result) : reject(error));
    if (coding === 'br') {
      // A window just large enough for the body (2^10 to 2^24 bytes): less memory to set up, the same output.
      const window = Math.min(24, Math.max(10, Math.ceil(Math.log2(body.length))));
      const params = {
        [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.constants.BROTLI_PARAM_LGWIN]: window,
      };
      zlib.brotliCompress(body, { params }, done);
    } else {
      zlib.gzip(body, { level: GZIP_LEVEL }, done);
    }
  });
}
