/** Small answers the HTTP front writes itself (health, refusals, errors): JSON bodies and the HttpError that carries a status. */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

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

/** What node:http answers to a request it cannot parse, by its error code (as its own default handler does). */
const UNPARSABLE: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'The request line and headers are over 16 KB. Send a long query by POST, in the body.'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'PAYLOAD_TOO_LARGE', 'The chunk extensions are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive.'],
};

/**
 * The server's `clientError` handler: a request node:http could not parse gets the status node's own handler sends,
 * with a JSON body saying why, and a lingering close: what the client is still sending is read and dropped for up to
 * a second before the socket closes. Closing at once with unread bytes makes the kernel send a reset, and a client
 * still writing (a 100 KB query string) then sees ECONNRESET instead of the 431: Node 24 closes fast enough for that.
 */
export function refuseUnparsable(error: Error & { code?: string }, socket: Duplex): void {
  // As node's own handler: no answer when one is already being written on this socket (its in-flight response,
  // node's internal `_httpMessage`, has sent its headers), since that would corrupt it.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent: boolean } | null })._httpMessage;
  if (!socket.writable || inFlight?.headersSent === true) {
    socket.destroy();
    return;
  }
  const [status, code, message] = UNPARSABLE[error.code ?? ''] ?? [400, 'BAD_REQUEST', 'The request is not valid HTTP/1.1.'];
  const body = JSON.stringify(errorBody(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.on('error', () => socket.destroy());
  socket.resume();
  setTimeout(() => socket.destroy(), 1000).unref();
}
