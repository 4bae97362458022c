/**
 * Sending a complete answer, whatever produced it (Apollo Server, the response cache, or any path that holds a
 * status, headers and a body): the content coding negotiated from Accept-Encoding (compression.ts), a compressed
 * copy made once per answer and coding and kept with the answer (a cached answer is never compressed twice), an
 * ETag per coding, and a 304 when the client already holds that representation. Every answer sent here carries
 * `Vary: Accept-Encoding`; a client that sends no Accept-Encoding gets the same bytes and headers as before
 * compression existed, plus that Vary.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { compress, negotiateCoding, type ContentCoding } from './compression';
import { HttpError } from './respond';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The uncompressed body. */
  body: Buffer;
  /** A strong validator of the uncompressed body; absent, the answer has no ETag and never gets a 304. */
  etag?: string;
  /** Compressed copies, each made on first use: its promise while it is being made, then its bytes. */
  copies?: Map<ContentCoding, Promise<Buffer> | Buffer>;
  /** The headers sent for each coding, made on first use (a repeated answer's headers are the same every time). */
  heads?: Map<ContentCoding | 'identity', Record<string, string>>;
  /** Bytes the finished copies hold. */
  copiedBytes?: number;
  /** Told the size of each copy once made (the response cache counts copies against its bound). */
  onCopied?: (bytes: number) => void;
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** The ETag of an answer's representation in `coding`: the uncompressed body's, with the coding added inside the quotes. */
function codedEtag(etag: string, coding: ContentCoding | 'identity'): string {
  return coding === 'identity' ? etag : `${etag.slice(0, -1)}-${coding}"`;
}

/** True when an If-None-Match header names this ETag (or is `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** The answer's body in `coding`: compressed the first time it is asked for, on the thread pool, and kept with the answer. */
function copyOf(answer: Answer, coding: ContentCoding): Promise<Buffer> | Buffer {
  const copies = (answer.copies ??= new Map());
  let copy = copies.get(coding);
  if (copy === undefined) {
    copy = compress(answer.body, coding).then(
      (bytes) => {
        copies.set(coding, bytes);
        answer.copiedBytes = (answer.copiedBytes ?? 0) + bytes.length;
        answer.onCopied?.(bytes.length);
        return bytes;
      },
      (error: unknown) => {
        copies.delete(coding);
        throw error;
      },
    );
    copies.set(coding, copy);
  }
  return copy;
}

/** The answer's Vary with Accept-Encoding added: every answer sent here varies by its coding. */
function varyOf(answer: Answer): string {
  const { vary } = answer.headers;
  return vary === undefined ? 'Accept-Encoding' : `${vary}, Accept-Encoding`;
}

/** The headers of `answer` sent in `coding`, but for per-request ones: made once per answer and coding. */
function headsOf(answer: Answer, coding: ContentCoding | 'identity', body: Buffer): Record<string, string> {
  const heads = (answer.heads ??= new Map());
  let head = heads.get(coding);
  if (head === undefined) {
    head = { ...answer.headers, vary: varyOf(answer) };
    if (answer.etag !== undefined) head.etag = codedEtag(answer.etag, coding);
    if (coding !== 'identity') head['content-encoding'] = coding;
    head['content-length'] = String(body.length);
    heads.set(coding, head);
  }
  return head;
}

/** Writes `answer` with `extra` headers (the request id, for one) in the coding the request accepts; returns the status sent. */
export async function sendAnswer(res: ServerResponse, answer: Answer, extra: Record<string, string> = {}): Promise<number> {
  const { headers: request } = res.req;
  const coding = negotiateCoding(request['accept-encoding'], answer.body.length);
  if (coding === undefined) {
    throw new HttpError(406, 'NOT_ACCEPTABLE', `Accept-Encoding "${String(request['accept-encoding'])}" accepts none of the codings this server sends: br, gzip, identity.`);
  }
  const etag = answer.etag === undefined ? undefined : codedEtag(answer.etag, coding);
  if (etag !== undefined && matchesEtag(request['if-none-match'], etag)) {
    const vary = varyOf(answer);
    const requestId = extra['x-request-id'];
    res.writeHead(304, { etag, 'cache-control': answer.headers['cache-control'] ?? '', vary, ...(requestId === undefined ? {} : { 'x-request-id': requestId }) });
    res.end();
    return 304;
  }
  // A copy already made is sent at once; only the first request for a coding waits for its compression.
  const copy = coding === 'identity' ? answer.body : copyOf(answer, coding);
  const body = copy instanceof Buffer ? copy : await copy;
  res.writeHead(answer.status, { ...headsOf(answer, coding, body), ...extra });
  res.end(body);
  return answer.status;
}
