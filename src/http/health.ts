/**
 * Liveness and readiness: `/health/live` answers while the process runs; `/health/ready` answers 200 once the
 * store is open and checked and 503 before that (`starting`) and while draining (`stopping`). Its body also
 * reports the corrections database apart (`correctionsDatabase`), without changing the status: reads go on
 * without it.
 */
import type { ServerResponse } from 'node:http';
import type { CorrectionsStore } from '../corrections/store';
import { sendJson } from './respond';

export class Readiness {
  private ready = false;
  private wasReady = false;

  set(value: boolean): void {
    this.ready = value;
    this.wasReady ||= value;
  }

  /** True once ready and then no longer: shutting down. */
  get draining(): boolean {
    return this.wasReady && !this.ready;
  }

  get status(): 'ready' | 'starting' | 'stopping' {
    return this.ready ? 'ready' : this.wasReady ? 'stopping' : 'starting';
  }
}

type HealthPath = '/health/live' | '/health/ready';

export function isHealthPath(pathname: string): pathname is HealthPath {
  return pathname === '/health/live' || pathname === '/health/ready';
}

/** Answers a health path and returns its status. */
export async function answerHealth(pathname: HealthPath, readiness: Readiness, res: ServerResponse, corrections?: CorrectionsStore): Promise<number> {
  if (pathname === '/health/live') {
    sendJson(res, 200, { status: 'live' });
    return 200;
  }
  const status = readiness.status === 'ready' ? 200 : 503;
  const correctionsDatabase = corrections && ((await corrections.check()) ? 'available' : 'unavailable');
  sendJson(res, status, { status: readiness.status, ...(correctionsDatabase && { correctionsDatabase }) });
  return status;
}
