/**
 * Structured JSON logs through pino: one object per line with an ISO time and a level name. pino costs little more
 * than a bare JSON.stringify to stdout (docs/performance.md) and brings levels and error serialisers.
 *
 * Lines are batched (`BatchedOutput`) and written asynchronously, within a second; `flush()` writes what is
 * batched before the process exits. When whatever reads stdout falls behind, the batch is capped: lines past it are
 * dropped and counted, and a warning says how many. Uncapped, memory grows with the backlog (docs/performance.md
 * has the measurement).
 */
import * as fs from 'node:fs';
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
 * Lines are written once this many bytes wait (or after a second): on a busy server, one write per ~250 access-log
 * lines. Each write is handed to libuv's thread pool, and on this 2-core virtual machine that hand-off costs far
 * more than the write (docs/performance.md, "The cache-hit path"); a larger batch costs nothing more per line. What a
 * killed process loses is bounded by the second, not by this: a busy server logs thousands of lines a second.
 */
const MIN_WRITE_BYTES = 64 * 1024;

/** How long to wait before writing again when stdout is a full non-blocking pipe (EAGAIN). */
const RETRY_MS = 20;

/** The writes `BatchedOutput` makes: node:fs's, or a test's. */
export interface Writer {
  write(fd: number, buffer: Buffer, callback: (error: NodeJS.ErrnoException | null, written: number) => void): void;
  writeSync(fd: number, buffer: Buffer): number;
}

const fsWriter: Writer = {
  write: (fd, buffer, callback) => fs.write(fd, buffer, 0, buffer.length, null, callback),
  writeSync: (fd, buffer) => fs.writeSync(fd, buffer),
};

/**
 * A pino destination that keeps lines in an array and writes them joined, one write at a time, on libuv's thread
 * pool. It replaces pino.destination (sonic-boom), which appends each line to one growing string and measures that
 * string's UTF-8 length on every line: a copy of up to 16 KB per line, which made the access log more than half of
 * a cached answer's garbage and its single largest cost (docs/performance.md, "The cache-hit path").
 */
export class BatchedOutput {
  private lines: string[] = [];
  private bytes = 0;
  private writing = false;
  /** A chunk stdout refused with EAGAIN, waiting to be written again. */
  private refused: { chunk: Buffer; timer: NodeJS.Timeout } | undefined;
  private dropped = 0;

  constructor(
    private readonly fd: number,
    private readonly limits = { minWriteBytes: MIN_WRITE_BYTES, maxBufferedBytes: MAX_BUFFERED_BYTES },
    private readonly writer: Writer = fsWriter,
  ) {}

  /** pino calls this with each line, newline included. */
  write(line: string): void {
    const size = Buffer.byteLength(line);
    if (this.bytes + size > this.limits.maxBufferedBytes) {
      this.dropped += 1;
      return;
    }
    this.lines.push(line);
    this.bytes += size;
    if (this.bytes >= this.limits.minWriteBytes) this.flush();
  }

  /** Starts writing what is batched, unless a write is already under way (it writes the rest when done). */
  flush(): void {
    if (this.writing || this.lines.length === 0) return;
    this.writing = true;
    const lines = this.lines.length;
    this.writeAll(this.take(), lines);
  }

  /**
   * Writes what is batched now, synchronously, before the process exits (a write under way finishes on its own).
   * A full non-blocking pipe is retried for at most a second: a reader that never reads must not keep the process.
   */
  flushSync(): void {
    const waiting: Buffer[] = [];
    if (this.refused !== undefined) {
      clearTimeout(this.refused.timer);
      waiting.push(this.refused.chunk);
      this.refused = undefined;
      this.writing = false;
    }
    waiting.push(this.take());
    let chunk = Buffer.concat(waiting);
    const deadline = Date.now() + 1000;
    while (chunk.length > 0 && Date.now() < deadline) {
      try {
        chunk = chunk.subarray(this.writer.writeSync(this.fd, chunk));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
      }
    }
  }

  /** Lines dropped since the last call. */
  takeDropped(): number {
    const dropped = this.dropped;
    this.dropped = 0;
    return dropped;
  }

  private take(): Buffer {
    const chunk = Buffer.from(this.lines.join(''));
    this.lines = [];
    this.bytes = 0;
    return chunk;
  }

  /** Writes `chunk`, which holds `lines` lines, to the end. */
  private writeAll(chunk: Buffer, lines: number): void {
    this.writer.write(this.fd, chunk, (error, written) => {
      if (error !== null) {
        if (error.code === 'EAGAIN') {
          const timer = setTimeout(() => {
            this.refused = undefined;
            this.writeAll(chunk, lines);
          }, RETRY_MS);
          this.refused = { chunk, timer };
          return;
        }
        // stdout is gone (EPIPE, EBADF): the chunk's lines count as dropped; later lines try again.
        this.dropped += lines;
      } else if (written < chunk.length) {
        this.writeAll(chunk.subarray(written), lines);
        return;
      }
      this.writing = false;
      if (this.bytes >= this.limits.minWriteBytes) this.flush();
    });
  }
}

export function createLogger({ level = 'info' }: { level?: string } = {}): LogOutput {
  const output = new BatchedOutput(1);
  const reportDrops = () => {
    const dropped = output.takeDropped();
    if (dropped > 0) logger.warn({ droppedLines: dropped }, 'log output fell behind; lines were dropped');
  };
  setInterval(reportDrops, 10_000).unref();
  // A quiet server may not fill a batch for a long time: what it logged reaches stdout within a second regardless.
  setInterval(() => output.flush(), 1000).unref();
  const logger = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    output,
  );
  return {
    logger,
    flush: () => {
      reportDrops();
      output.flushSync();
    },
  };
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = pino({ enabled: false });
