/**
 * The benchmark's ceiling: a bare node:http server that reads each request body and answers with fixed bytes and
 * headers, the least any Node server must do to return that response. Usage: node ceiling-server.js <file>
 * [--stringify], where the file is `{ "headers": {…}, "body": "…" }` (or `"bodyBase64"`, for compressed bytes);
 * prints `{"port":<n>}` when listening on 127.0.0.1. With `--stringify` it is the serialising ceiling: it holds the
 * answer parsed and runs JSON.stringify on it (and encodes it) for every request, the least any server that builds
 * its answer per request must do.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: ceiling-server <response.json>');
const { headers, body = '', bodyBase64 } = JSON.parse(readFileSync(file, 'utf8')) as { headers: Record<string, string>; body?: string; bodyBase64?: string };
const serialising = process.argv.includes('--stringify');
const parsed: unknown = serialising ? JSON.parse(body) : undefined;
const tail = body.endsWith('\n') ? '\n' : '';
const bytes = bodyBase64 === undefined ? Buffer.from(body) : Buffer.from(bodyBase64, 'base64');
const head = { ...headers, 'content-length': String(bytes.length) };

const server = createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    if (serialising) {
      const built = Buffer.from(JSON.stringify(parsed) + tail);
      res.writeHead(200, { ...headers, 'content-length': String(built.length) });
      res.end(built);
      return;
    }
    res.writeHead(200, head);
    res.end(bytes);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
