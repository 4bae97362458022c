/**
 * Structured JSON logs through pino: one object per line with an ISO time and a level name. Lines are buffered
 * and written asynchronously, within a second; `flush()` writes what is buffered before the process exits. pino
 * costs little more than a bare JSON.stringify to stdout (docs/performance.md) and brings levels and error
 * serialisers.
 *
 * When whatever reads stdout falls behind, the buffer is capped: lines past it are dropped and counted, and a
 * warning says how many. Uncapped, memory grows with the backlog (docs/performance.md has the measurement).
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export interface LogOutput {
  logger: Logger;
  /** Writes every buffered line now; call before `process.exit`. */
  flush(): void;
}

/** Most log output held in memory while stdout is behind. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * Lines are written once this many bytes are waiting (or after a second), so a busy server writes stdout once per
 * about 140 access-log lines. Each write is handed to libuv's thread pool, and that hand-off, not the write, is what
 * costs: at 4 KB (one write per ~17 lines) it took a quarter of a cached answer's CPU on this 2-core machine
 * (docs/performance.md, "The cache-hit path").
 */
const MIN_WRITE_BYTES = 32 * 1024;
const MAX_WRITE_BYTES = 64 * 1024;

export function createLogger({ level = 'info' }: { level?: string } = {}): LogOutput {
  const destination = pino.destination({ dest: 1, sync: false, minLength: MIN_WRITE_BYTES, maxWrite: MAX_WRITE_BYTES, maxLength: MAX_BUFFERED_BYTES });
  let dropped = 0;
  let reported = 0;
  destination.on('drop', () => (dropped += 1));
  const reportDrops = () => {
    if (dropped === reported) return;
    logger.warn({ droppedLines: dropped - reported }, 'log output fell behind; lines were dropped');
    reported = dropped;
  };
  setInterval(reportDrops, 10_000).unref();
  // A quiet server may not fill minLength for a long time: what it logged reaches stdout within a second regardless.
  setInterval(() => destination.flush(), 1000).unref();
  const logger = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return {
    logger,
    flush: () => {
      reportDrops();
      destination.flushSync();
    },
  };
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = pino({ enabled: false });
