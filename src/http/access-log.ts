/** The access log: one line per request with its id, method, path, operation name, status, cache use and duration; never bodies, query strings or headers. */
import type { Logger } from '../logger';

export interface AccessLogEntry {
  requestId: string;
  method: string | undefined;
  path: string;
  operationName: string | null;
  status: number;
  cache: 'hit' | 'miss' | undefined;
  /** `performance.now()` when the request arrived. */
  started: number;
}

export function logRequest(logger: Logger, { started, ...entry }: AccessLogEntry): void {
  logger.info({ ...entry, durationMs: Math.round((performance.now() - started) * 100) / 100 }, 'request');
}
