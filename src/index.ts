/** Entry point only: config -> open store -> create server -> listen; SIGTERM drains and exits 0. */
import { readConfig } from './config';
import { startHttpServer } from './http';
import { createServer } from './server';
import { StoreError } from './store/errors';
import { ensureStore } from './store/ensure';

const log = (entry: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const config = readConfig();
  const store = await ensureStore({
    dataDir: config.dataDir,
    storeFile: config.storeFile,
    rebuild: !config.production,
    log: (line) => log({ level: 'info', msg: line }),
  });
  const apollo = createServer({ production: config.production });
  await apollo.start();
  const { server, setReady } = await startHttpServer(
    { apollo, store, maxBodyBytes: config.maxBodyBytes, exposeStatementCount: !config.production, log },
    config.port,
  );
  setReady(true);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  log({
    level: 'info',
    msg: `ready at http://localhost:${port}/`,
    port,
    mode: config.production ? 'production' : 'development',
    startupMs: Math.round(performance.now() - started),
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    setReady(false);
    log({ level: 'info', msg: `${signal}: finishing in-flight requests` });
    const force = setTimeout(() => {
      log({ level: 'error', msg: 'shutdown took longer than 8s; exiting' });
      process.exit(1);
    }, 8000);
    force.unref();
    server.close();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.once('close', () => resolve()));
    await apollo.stop();
    await store.close();
    log({ level: 'info', msg: 'stopped' });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof StoreError ? error.message : String((error as Error)?.stack ?? error);
  log({ level: 'fatal', msg: `startup failed: ${message}` });
  process.exit(1);
});
