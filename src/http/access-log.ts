/**
 * The access log: one line per request with its id, method, path, operation name, status, cache use, for an
 * `_entities` batch how many entities the entity cache held and how many were executed, and duration; never bodies,
 * query strings or headers.
 */
import type { Logger } from '../logger';

export interface AccessLogEntry {
  requestId: string;
  method: string | undefined;
  path: string;
  operationName: string | null;
  status: number;
  cache: 'hit' | 'miss' | undefined;
  /** An `_entities` batch answered through the entity cache: entities answered from it, and executed. */
  entities?: { held: number; executed: number } | undefined;
  /** `performance.now()` when the request arrived. */
  started: number;
}

export function logRequest(logger: Logger, { started, ...entry }: AccessLogEntry): void {
  logger.info({ ...entry, durationMs: Math.round((performance.now() - started) * 100) / 100 }, 'request');
}
