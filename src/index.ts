/** Entry point only: config -> open store -> create server -> listen; SIGTERM drains and exits 0. */
import { ConfigError, readConfig } from './config';
import { openCorrections } from './corrections/service';
import { startHttpServer } from './http';
import { createLogger } from './logger';
import { EntityCache } from './http/entity-cache';
import { ResponseCache } from './http/response-cache';
import { createServer } from './server';
import { StoreError } from './store/errors';
import { ensureStore } from './store/ensure';

const { logger, flush } = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });

async function main(): Promise<void> {
  const started = performance.now();
  const config = readConfig();
  const store = await ensureStore({
    dataDir: config.dataDir,
    storeFile: config.storeFile,
    rebuild: !config.production,
    heldRows: config.heldRows,
    log: (line) => logger.info(line),
  });
  const corrections = await openCorrections({
    file: config.correctionsFile,
    databaseUrl: config.correctionsDatabaseUrl,
    // One line when the database cannot be reached (at startup too) and one when it is back; reads go on regardless.
    onAvailability: (available, reason) =>
      available
        ? logger.info('corrections database reachable again')
        : logger.warn({ reason }, 'corrections database unreachable: serving reads; corrections answer SERVICE_UNAVAILABLE until it is back'),
    adminTokenHashes: config.adminTokenHashes,
    viewerTokenHashes: config.viewerTokenHashes,
    suggestionsPerMinute: config.suggestionsPerMinute,
    clientHeader: config.clientKeyHeader,
  });
  // How many tokens, never the hashes: with none, suggestions are stored but nobody can read or review them.
  logger.info({ corrections: corrections.store.where, accessTokens: corrections.tokens.size }, 'corrections store open');
  const apollo = createServer({ production: config.production, explorer: config.explorer, logger });
  await apollo.start();
  const { server, setReady } = await startHttpServer(
    {
      apollo,
      store,
      maxBodyBytes: config.maxBodyBytes,
      exposeStatementCount: !config.production,
      logger,
      responseCache: new ResponseCache(config.responseCacheBytes, config.responseCacheMinUses),
      corrections,
      fastPath: config.fastPath,
      entityCache: new EntityCache(config.entityCacheBytes),
      explorer: config.explorer,
    },
    config.port,
  );
  setReady(true);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  logger.info(
    { port, mode: config.production ? 'production' : 'development', explorer: config.explorer, startupMs: Math.round(performance.now() - started) },
    `ready at http://localhost:${port}/`,
  );
  flush();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    setReady(false);
    logger.info(`${signal}: finishing in-flight requests`);
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 8s; exiting');
      flush();
      process.exit(1);
    }, 8000);
    force.unref();
    server.close();
    // close() ends the connections idle now; keep-alive connections go idle as their last requests finish.
    const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.once('close', () => resolve()));
    clearInterval(closeIdle);
    await apollo.stop();
    await store.close();
    await corrections.store.close();
    logger.info('store closed; stopped');
    flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof StoreError || error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error);
  logger.fatal(`startup failed: ${message}`);
  flush();
  process.exit(1);
});
