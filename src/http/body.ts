/** Reading a request body: size-limited (413), valid UTF-8 (400), and parsed as JSON when its content type says so (400). */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './respond';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is ${declared} bytes; the limit is ${maxBytes}.`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop keeping it, but let the rest drain (the request timeout bounds that): destroying the socket here
        // would reset the connection before the client could read the 413.
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds the limit of ${maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(utf8.decode(Buffer.concat(chunks)));
      } catch {
        reject(new HttpError(400, 'BAD_REQUEST', 'Request body is not valid UTF-8.'));
      }
    });
    req.on('error', reject);
  });
}

/** A POST body as Apollo takes it: parsed when declared JSON, else the text as sent (Apollo refuses it). */
export function parseBody(contentType: string, text: string): unknown {
  if (!contentType.includes('application/json')) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'BAD_REQUEST', `Request body is not valid JSON: ${(error as Error).message.slice(0, 100)}`);
  }
}
