/**
 * The log output (src/logger.ts): lines batched and written one write at a time, in order, whole (partial writes and
 * a full pipe's EAGAIN), bounded (lines past the cap dropped and counted), and everything batched written by
 * `flushSync` before an exit.
 */
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { BatchedOutput, type Writer } from '../src/logger';

type Callback = (error: NodeJS.ErrnoException | null, written: number) => void;

/** A writer whose asynchronous writes complete when the test says, each taking at most `accepts` bytes. */
class ScriptedWriter implements Writer {
  readonly written: Buffer[] = [];
  readonly pending: { buffer: Buffer; callback: Callback }[] = [];
  constructor(private readonly accepts = Number.POSITIVE_INFINITY) {}

  write(_fd: number, buffer: Buffer, callback: Callback): void {
    this.pending.push({ buffer, callback });
  }

  writeSync(_fd: number, buffer: Buffer): number {
    const n = Math.min(this.accepts, buffer.length);
    this.written.push(Buffer.from(buffer.subarray(0, n)));
    return n;
  }

  /** Completes the oldest pending write: writes what it accepts, or fails with `code`. */
  complete(code?: string): void {
    const next = this.pending.shift();
    if (next === undefined) throw new Error('no write pending');
    if (code !== undefined) return next.callback(Object.assign(new Error(code), { code }), 0);
    const n = Math.min(this.accepts, next.buffer.length);
    this.written.push(Buffer.from(next.buffer.subarray(0, n)));
    next.callback(null, n);
  }

  get text(): string {
    return Buffer.concat(this.written).toString('utf8');
  }
}

const line = (i: number) => `{"n":${i},"msg":"line ${i}"}\n`;

describe('BatchedOutput', () => {
  test('holds lines until a batch is full, writes one batch at a time, and the rest once the write is done', () => {
    const writer = new ScriptedWriter();
    const output = new BatchedOutput(1, { minWriteBytes: 100, maxBufferedBytes: 10_000 }, writer);
    for (let i = 0; i < 3; i += 1) output.write(line(i));
    expect(writer.pending).toHaveLength(0);
    for (let i = 3; i < 12; i += 1) output.write(line(i));
    expect(writer.pending).toHaveLength(1);
    // Lines logged while the write is under way wait for it.
    for (let i = 12; i < 20; i += 1) output.write(line(i));
    expect(writer.pending).toHaveLength(1);
    writer.complete();
    expect(writer.pending).toHaveLength(1);
    writer.complete();
    output.flush();
    if (writer.pending.length > 0) writer.complete();
    expect(writer.text).toBe(Array.from({ length: 20 }, (_, i) => line(i)).join(''));
  });

  test('a partial write is followed by the rest, multi-byte characters split between writes included', () => {
    const writer = new ScriptedWriter(7);
    const output = new BatchedOutput(1, { minWriteBytes: 1, maxBufferedBytes: 10_000 }, writer);
    const text = '{"msg":"Secrétaire juridique ⚖️ 𝄞"}\n';
    output.write(text);
    while (writer.pending.length > 0) writer.complete();
    expect(writer.written.length).toBeGreaterThan(5);
    expect(writer.text).toBe(text);
  });

  test('a full pipe (EAGAIN) is written again later, and flushSync writes a refused chunk before newer lines', async () => {
    const writer = new ScriptedWriter();
    const output = new BatchedOutput(1, { minWriteBytes: 1, maxBufferedBytes: 10_000 }, writer);
    output.write(line(0));
    writer.complete('EAGAIN');
    expect(writer.pending).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(writer.pending).toHaveLength(1);
    writer.complete('EAGAIN');
    output.write(line(1));
    output.flushSync();
    expect(writer.text).toBe(line(0) + line(1));
    // After flushSync took over the refused chunk, the output writes again as usual.
    output.write(line(2));
    writer.complete();
    expect(writer.text).toBe(line(0) + line(1) + line(2));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(writer.pending).toHaveLength(0);
  });

  test('past the cap, lines are dropped and counted, not held; a failed write counts its lines as dropped', () => {
    const writer = new ScriptedWriter();
    const output = new BatchedOutput(1, { minWriteBytes: 50, maxBufferedBytes: 100 }, writer);
    for (let i = 0; i < 3; i += 1) output.write(line(i));
    expect(writer.pending).toHaveLength(1);
    for (let i = 3; i < 12; i += 1) output.write(line(i));
    const held = output.takeDropped();
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(9);
    expect(output.takeDropped()).toBe(0);
    writer.complete('EPIPE');
    expect(output.takeDropped()).toBe(3);
    // The lines held meanwhile are written once the failed write is over.
    while (writer.pending.length > 0) writer.complete();
    expect(writer.text).toBe(Array.from({ length: 9 - held }, (_, i) => line(i + 3)).join(''));
  });

  test('pino through it into a real file: every line, in order, whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-output-'));
    try {
      const file = join(dir, 'out.log');
      const fd = openSync(file, 'w');
      const output = new BatchedOutput(fd, { minWriteBytes: 4096, maxBufferedBytes: 1_000_000 });
      const logger = pino({ base: undefined }, output);
      for (let i = 0; i < 2000; i += 1) logger.info({ requestId: `r${i}`, operationName: 'Secrétaire' }, 'request');
      output.flushSync();
      closeSync(fd);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines.map((text) => (JSON.parse(text) as { requestId: string }).requestId)).toEqual(Array.from({ length: 2000 }, (_, i) => `r${i}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
