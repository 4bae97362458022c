/**
 * The bridge between node:http and Apollo Server: a request's headers as Apollo's HeaderMap, the operation name a
 * body declares (for the access log), and Apollo's answer written back: complete through send.ts (compressed when
 * the client accepts it), or streamed as it comes.
 */
import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { sendAnswer } from './send';

export function toHeaderMap(incoming: IncomingHttpHeaders): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The `operationName` of a JSON body, cut to 100 characters; null when there is none. */
export function operationNameOf(body: unknown): string | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const name = (body as { operationName?: unknown }).operationName;
  return typeof name === 'string' ? name.slice(0, 100) : null;
}

export async function writeApolloResponse(res: ServerResponse, status: number, headers: Record<string, string>, body: HTTPGraphQLResponse['body']): Promise<void> {
  if (body.kind === 'complete') {
    // Encoded once: Buffer.byteLength and then res.end(string) would each walk a large answer's UTF-8.
    await sendAnswer(res, { status, headers, body: Buffer.from(body.string) });
  } else {
    res.writeHead(status, headers);
    for await (const chunk of body.asyncIterator) res.write(chunk);
    res.end();
  }
}
