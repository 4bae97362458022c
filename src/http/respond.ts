/** Small answers the HTTP front writes itself (health, refusals, errors): JSON bodies and the HttpError that carries a status. */
import type { ServerResponse } from 'node:http';

/** A request refused before it reaches Apollo: its status, a GraphQL-style error code and a message for the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The body of a refusal, shaped like a GraphQL error response so clients read it the same way. */
export function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}
