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
  /** Compressed copies made so far, each on first use. */
  copies?: Map<ContentCoding, Promise<Buffer>>;
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

/** The answer's body in `coding`, compressed the first time it is asked for and kept with the answer. */
function copyOf(answer: Answer, coding: ContentCoding): Promise<Buffer> {
  answer.copies ??= new Map();
  let copy = answer.copies.get(coding);
  if (copy === undefined) {
    const copies = answer.copies;
    copy = compress(answer.body, coding).then(
      (bytes) => {
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

/** Writes `answer` with `extra` headers (the request id, for one) in the coding the request accepts; returns the status sent. */
export async function sendAnswer(res: ServerResponse, answer: Answer, extra: Record<string, string> = {}): Promise<number> {
  const { headers: request } = res.req;
  const coding = negotiateCoding(request['accept-encoding'], answer.body.length);
  if (coding === undefined) {
    throw new HttpError(406, 'NOT_ACCEPTABLE', `Accept-Encoding "${String(request['accept-encoding'])}" accepts none of the codings this server sends: br, gzip, identity.`);
  }
  const headers: Record<string, string> = { ...answer.headers, ...extra, vary: answer.headers.vary === undefined ? 'Accept-Encoding' : `${answer.headers.vary}, Accept-Encoding` };
  if (answer.etag !== undefined) {
    headers.etag = codedEtag(answer.etag, coding);
    if (matchesEtag(request['if-none-match'], headers.etag)) {
      const { etag, vary, 'cache-control': cacheControl = '', 'x-request-id': requestId } = headers;
      res.writeHead(304, { etag, 'cache-control': cacheControl, vary, ...(requestId === undefined ? {} : { 'x-request-id': requestId }) });
      res.end();
      return 304;
    }
  }
  const body = coding === 'identity' ? answer.body : await copyOf(answer, coding);
  if (coding !== 'identity') headers['content-encoding'] = coding;
  res.writeHead(answer.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
  return answer.status;
}
